#include "workflow_testing.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <sstream>

#include "check/checklist_loader.h"
#include "core/errors.h"
#include "store/sqlite/sqlite_store.h"

namespace mkrp::workflow::testing {
namespace {

constexpr std::string_view kFakePdfHeader = "%PDF-1.4 fake\n";

std::string makeDirectory() {
  std::string directory = Poco::TemporaryFile::tempName();
  Poco::File(directory).createDirectories();
  return directory;
}

std::unique_ptr<store::Store> openStore(const std::string& directory) {
  store::sqlite::Options options;
  options.path = Poco::Path(directory, "mkrp.db").toString();
  options.connections = 2;
  return store::sqlite::open(options);
}

AccountsOptions testAccountsOptions() {
  AccountsOptions options;
  options.passwordCost = PasswordCost::minimal();
  return options;
}

store::JobPolicy testPolicy() {
  store::JobPolicy policy;
  policy.lease = std::chrono::minutes(5);
  policy.maxAttempts = 3;
  policy.baseDelay = std::chrono::seconds(10);
  policy.maxDelay = std::chrono::minutes(1);
  return policy;
}

// Escapes a line for a PDF literal string.
std::string pdfString(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

const Prechecker& sharedPrechecker() {
  static const Prechecker prechecker(
      check::loadChecklistDirectory(std::string(MKRP_SOURCE_DIR) + "/checklists"));
  return prechecker;
}

std::string fakePdf(std::string_view text) {
  return std::string(kFakePdfHeader) + std::string(text);
}

core::Document fakeExtract(std::string_view bytes) {
  if (bytes.substr(0, kFakePdfHeader.size()) != kFakePdfHeader) {
    throw core::UnsupportedFormatException("the fake reader reads only fake PDFs");
  }
  const std::string text(bytes.substr(kFakePdfHeader.size()));
  if (text.find("DAMAGED") != std::string::npos) {
    throw core::MalformedDocumentException("The PDF is damaged. Save it again and upload it.");
  }
  if (text.find("CRASH") != std::string::npos) {
    throw core::ExtractionFailedException("The reader stopped unexpectedly on this file.");
  }
  core::Document document;
  document.format = core::Format::Pdf;
  document.pageCount = 1;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    core::Block block;
    block.text = line;
    block.source.page = 1;
    document.blocks.push_back(block);
  }
  return document;
}

std::string realPdf(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 12 Tf 72 720 Td 14 TL\n";
  for (const std::string& line : lines) content += "(" + pdfString(line) + ") Tj T*\n";
  content += "ET\n";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string pngBytes() { return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16); }

Fixture::Fixture(ExtractFunction extract, std::uint64_t maxUploadBytes)
    : directory(makeDirectory()),
      owned(openStore(directory)),
      store(*owned),
      blobs(Poco::Path(directory, "blobs").toString()),
      accounts(store, clock, testAccountsOptions()),
      policy(testPolicy()),
      runner(store, blobs, sharedPrechecker(), clock, std::move(extract), policy,
             Poco::Logger::get("test.jobs")),
      applications(store, blobs, sharedPrechecker(), clock,
                   ApplicationsOptions{maxUploadBytes, 5, nullptr}) {}

Fixture::~Fixture() {
  owned.reset();
  try {
    Poco::File(directory).remove(true);
  } catch (...) {  // a leftover temporary directory is not worth failing a test over
  }
}

store::Agency Fixture::addAgency(std::string name, store::AgencyKind kind, std::string state) {
  return accounts.addAgency(
      store::NewAgency{std::move(name), kind, std::move(state), "Springfield", ""});
}

Actor Fixture::addStaff(store::Id agencyId, std::string email) {
  return actorOf(accounts.addUser(email, store::Role::Agency, agencyId, kPassword));
}

Actor Fixture::addReviewer(std::string email, store::Role role) {
  return actorOf(accounts.addUser(email, role, std::nullopt, kPassword));
}

int Fixture::runJobs() {
  int ran = 0;
  while (runner.runOne("test-worker")) ++ran;
  return ran;
}

store::Application Fixture::checkedDraft(const Actor& agency, std::string_view text) {
  const store::Application draft = applications.create(agency, store::ApplicationType::Initial);
  applications.upload(agency, draft.id, "directive.pdf", fakePdf(text));
  runJobs();
  return store.applications().get(draft.id);
}

store::Application Fixture::submitted(const Actor& agency) {
  return applications.submit(agency, checkedDraft(agency).id);
}

store::Application Fixture::returned(const Actor& agency, const Actor& reviewer) {
  const store::Application application = submitted(agency);
  applications.claim(reviewer, application.id);
  applications.decideItem(reviewer, application.id, "LE-01", store::Decision::Deficient,
                          "Write the policy down.");
  return applications.decide(reviewer, application.id, FinalDecision::Return, "Please fix LE-01.");
}

std::vector<std::string> Fixture::auditActions(store::Id applicationId) {
  std::vector<std::string> actions;
  for (const store::AuditEntry& entry : store.audit().forEntity("application", applicationId)) {
    actions.push_back(entry.action);
  }
  return actions;
}

}  // namespace mkrp::workflow::testing
