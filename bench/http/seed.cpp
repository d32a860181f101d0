// bench_http_seed: what bench/http/run.sh needs that is not worth 10,000 HTTP requests.
//
//   bench_http_seed store --database URL --data-dir DIR --applications N --uploaders K
//       N submitted applications (one agency each, kinds and states varied, submitted one minute
//       apart), a reviewer, and K agencies with a staff account and a draft application to
//       upload into. Prints shell assignments: REVIEWER, PASSWORD, APPLICATION (one submitted
//       application, for the application endpoint), UPLOADERS (email:application pairs).
//   bench_http_seed directive OUT --pages N
//       a DOCX directive of about N pages: the sample directive (tests/fixtures/sample-directive)
//       N times, a page break between the copies.
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "store/open/open_store.h"
#include "workflow/accounts.h"
#include "workflow/clock.h"

namespace {

using namespace mkrp;

constexpr const char* kPassword = "bench password, not for use";
constexpr const char* kStates[] = {"VA", "MD", "PA", "NC", "OH", "TX", "CA", "WA"};
constexpr int kBatch = 500;  // applications per transaction

std::string option(const std::vector<std::string>& args, const std::string& name) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == name) return args[i + 1];
  }
  throw std::runtime_error(name + " is required");
}

// N agencies with one submitted application each, in transactions of kBatch.
void seedQueue(store::Store& store, int count, store::Id& anApplication) {
  const store::TimePoint start = workflow::SystemClock().now() - std::chrono::hours(24 * 30);
  for (int first = 0; first < count; first += kBatch) {
    store.transaction([&](store::Store& tx) {
      for (int i = first; i < std::min(count, first + kBatch); ++i) {
        const store::TimePoint at = start + std::chrono::minutes(i);
        store::NewAgency agency;
        agency.name = "Bench Agency " + std::to_string(i);
        agency.kind = i % 3 == 0 ? store::AgencyKind::Psap : store::AgencyKind::LawEnforcement;
        agency.state = kStates[i % std::size(kStates)];
        const store::Id agencyId = tx.agencies().add(agency, at).id;
        const store::Id id =
            tx.applications().create(agencyId, store::ApplicationType::Initial, at).id;
        store::StatusChange change;
        change.from = store::ApplicationStatus::Draft;
        change.to = store::ApplicationStatus::Submitted;
        change.at = at;
        tx.applications().changeStatus(id, change);
        anApplication = id;
      }
    });
  }
}

int seed(const std::vector<std::string>& args) {
  const auto store = store::openStore(option(args, "--database"), option(args, "--data-dir"));
  const int applications = Poco::NumberParser::parse(option(args, "--applications"));
  const int uploaders = Poco::NumberParser::parse(option(args, "--uploaders"));
  store::Id anApplication = 0;
  seedQueue(*store, applications, anApplication);

  const workflow::SystemClock clock;
  workflow::AccountsOptions options;
  options.passwordCost = workflow::PasswordCost::minimal();
  workflow::Accounts accounts(*store, clock, options);
  const std::string reviewer = "reviewer@bench.test";
  accounts.addUser(reviewer, store::Role::Reviewer, std::nullopt, kPassword);
  std::string pairs;
  for (int i = 0; i < uploaders; ++i) {
    store::NewAgency agency;
    agency.name = "Uploading Agency " + std::to_string(i);
    agency.state = "VA";
    const store::Id agencyId = accounts.addAgency(agency).id;
    const std::string email = "upload" + std::to_string(i) + "@bench.test";
    accounts.addUser(email, store::Role::Agency, agencyId, kPassword);
    const store::Id draft =
        store->applications().create(agencyId, store::ApplicationType::Initial, clock.now()).id;
    pairs += (pairs.empty() ? "" : " ") + email + ":" + std::to_string(draft);
  }
  std::cout << "REVIEWER='" << reviewer << "'\nPASSWORD='" << kPassword
            << "'\nAPPLICATION=" << anApplication << "\nUPLOADERS='" << pairs << "'\n";
  return 0;
}

std::string readFile(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string text;
  Poco::StreamCopier::copyToString(in, text);
  return text;
}

// The sample's body N times over, a page break between copies, one section properties at the end.
std::string repeatedBody(const std::string& document, int pages) {
  const auto bodyStart = document.find("<w:body>") + std::string("<w:body>").size();
  const auto sectPr = document.rfind("<w:sectPr");
  const std::string body = document.substr(bodyStart, sectPr - bodyStart);
  std::string out = document.substr(0, bodyStart);
  for (int page = 0; page < pages; ++page) {
    if (page > 0) out += R"(<w:p><w:r><w:br w:type="page"/></w:r></w:p>)";
    out += body;
  }
  return out + document.substr(sectPr);
}

int directive(const std::vector<std::string>& args) {
  if (args.empty()) throw std::runtime_error("directive needs OUT");
  const int pages = Poco::NumberParser::parse(option(args, "--pages"));
  const std::string parts = std::string(MKRP_SOURCE_DIR) + "/tests/fixtures/sample-directive/";
  const char* const kParts[] = {
      "[Content_Types].xml",          "_rels/.rels",      "docProps/core.xml",  "docProps/app.xml",
      "word/_rels/document.xml.rels", "word/styles.xml",  "word/numbering.xml", "word/settings.xml",
      "word/footnotes.xml",           "word/header1.xml", "word/footer1.xml",
  };
  Poco::FileOutputStream out(args[0]);
  Poco::Zip::Compress zip(out, true);
  for (const char* part : kParts) {
    zip.addFile(Poco::Path(parts + part), Poco::Path(part, Poco::Path::PATH_UNIX));
  }
  std::istringstream document(repeatedBody(readFile(parts + "word/document.xml"), pages));
  zip.addFile(document, Poco::DateTime(2025, 1, 1),
              Poco::Path("word/document.xml", Poco::Path::PATH_UNIX));
  zip.close();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (!args.empty() && args[0] == "store") return seed({args.begin() + 1, args.end()});
    if (!args.empty() && args[0] == "directive") return directive({args.begin() + 1, args.end()});
  } catch (const Poco::Exception& error) {
    std::cerr << "bench_http_seed: " << error.displayText() << "\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "bench_http_seed: " << error.what() << "\n";
    return 2;
  }
  std::cerr << "usage: bench_http_seed store --database URL --data-dir DIR --applications N "
               "--uploaders K\n       bench_http_seed directive OUT --pages N\n";
  return 1;
}
