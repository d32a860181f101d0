#include "workflow/roster_items.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <utility>

#include "render/report_json.h"
#include "render/templates.h"

namespace mkrp::workflow::detail {
namespace {

namespace roster = check::roster;

constexpr std::string_view kNoRosterReason =
    "No training roster has been uploaded. Download the roster template, fill in one row per "
    "person with the dates each training module was completed, and upload it as the training "
    "roster.";

// No membership on record: a day before anyone's assignment, so that everyone is checked.
constexpr roster::Date kBeforeAnyMembership{std::chrono::year{1900}, std::chrono::January,
                                            std::chrono::day{1}};

// The summary of the directives' report plus the training findings, in reportToJson's shape.
std::string summaryJson(const Poco::JSON::Object::Ptr& summary,
                        const std::vector<core::Finding>& findings) {
  const core::StatusCounts added = core::countStatuses(findings);
  const auto count = [&](const char* name, core::Status status) {
    const int before = summary && summary->has(name) ? summary->getValue<int>(name) : 0;
    return "\"" + std::string(name) + "\":" + std::to_string(before + added.of(status));
  };
  return "{" + count("met", core::Status::Met) + "," + count("partial", core::Status::Partial) +
         "," + count("missing", core::Status::Missing) + "," +
         count("contradicted", core::Status::Contradicted) + "," +
         count("not_applicable", core::Status::NotApplicable) + "," +
         count("could_not_check", core::Status::CouldNotCheck) + "}";
}

// Every item the check has for these options, each set to `status` with `reason`.
std::vector<core::Finding> everyItem(const roster::CheckOptions& options, core::Status status,
                                     const std::string& reason) {
  std::vector<core::Finding> findings = roster::checkRoster(roster::Roster{}, options).findings;
  for (core::Finding& finding : findings) {
    finding.status = status;
    finding.confidence = 1;
    finding.reason = reason;
    finding.evidence.clear();
  }
  return findings;
}

}  // namespace

roster::Date dayOf(store::TimePoint at) {
  return roster::Date{std::chrono::floor<std::chrono::days>(at)};
}

std::optional<roster::Date> renewalSinceFor(store::ApplicationType type,
                                            const std::optional<store::Membership>& latest) {
  if (type != store::ApplicationType::Renewal) return std::nullopt;
  if (!latest || latest->status == store::MembershipStatus::Withdrawn) return kBeforeAnyMembership;
  return dayOf(latest->startedAt);
}

std::vector<core::Finding> trainingFindings(const std::optional<std::string>& csv,
                                            const roster::CheckOptions& options) {
  if (!csv) return everyItem(options, core::Status::Missing, std::string(kNoRosterReason));
  const roster::ParseResult parsed = roster::parseRoster(*csv, options.kind, options.today);
  if (!parsed.ok()) {
    return everyItem(options, core::Status::CouldNotCheck,
                     "The training roster '" + options.file +
                         "' could not be read on the day this round is checked: " +
                         parsed.problems.front().toString() + ". Upload a corrected roster.");
  }
  return roster::checkRoster(parsed.roster, options).findings;
}

std::string withTrainingItems(const std::string& reportJson,
                              const std::vector<core::Finding>& findings) {
  const auto report = Poco::JSON::Parser().parse(reportJson).extract<Poco::JSON::Object::Ptr>();
  constexpr std::string_view kSummaryKey = "],\"summary\":";
  const std::size_t itemsEnd = reportJson.rfind(kSummaryKey);
  if (itemsEnd == std::string::npos || findings.empty()) return reportJson;
  std::string out = reportJson.substr(0, itemsEnd);
  bool first = out.back() == '[';
  for (const core::Finding& finding : findings) {
    if (!first) out += ',';
    first = false;
    out += render::findingToJson(finding, roster::itemTitle(finding.itemId));
  }
  out += kSummaryKey;
  out += summaryJson(report->getObject("summary"), findings);
  out += '}';
  return out;
}

std::vector<RosterFileProblem> fileProblems(const std::vector<roster::RosterProblem>& problems) {
  std::vector<RosterFileProblem> out;
  out.reserve(problems.size());
  for (const roster::RosterProblem& problem : problems) {
    out.push_back({problem.row, problem.column, problem.message});
  }
  return out;
}

std::string rejectionMessage(const std::vector<roster::RosterProblem>& problems) {
  const std::string count =
      std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems");
  std::string message = "The training roster was not stored: it has " + count +
                        ". Correct every row listed and upload it again.";
  if (!problems.empty()) message += " First: " + problems.front().toString() + ".";
  return message;
}

std::string rosterTemplateCsv(store::AgencyKind kind) {
  return std::string(render::templateText(kind == store::AgencyKind::Psap
                                              ? "roster/roster-template-psap.csv"
                                              : "roster/roster-template-le.csv"));
}

}  // namespace mkrp::workflow::detail
