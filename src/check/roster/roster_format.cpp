// The roster check as JSON (for the command) and as plain text, and the items' titles.
#include <array>
#include <utility>

#include "check/roster/roster.h"
#include "core/json_writer.h"

namespace mkrp::check::roster {
namespace {

// Plain titles beside the directive items' titles.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTitles{{
    {"TRN-LE-01", "Training: sworn officers have completed MECINTRO and MECPAT"},
    {"TRN-LE-02", "Training: supervisors have completed MECINTRO, MECPAT and MECSUP"},
    {"TRN-LE-03", "Training: investigators have completed MECINTRO, MECPAT and MECCID"},
    {"TRN-LE-04",
     "Training: the chief or sheriff has completed CEOMEC, or the five online modules together "
     "with all command staff"},
    {"TRN-PSAP-01", "Training: telecommunicators have completed MECINTRO and MECTEL"},
    {"TRN-PSAP-02",
     "Training: supervisors, QA/QI evaluators and trainers have completed MECINTRO, MECTEL and "
     "MECSET"},
    {"TRN-PSAP-03",
     "Training: the director has completed CEOMEC, or MECINTRO, MECTEL, MECSET and MECEXEC"},
    {"TRN-REN-LE-01",
     "Training: the chief's or sheriff's executive training is current (at most five years old)"},
    {"TRN-REN-LE-02",
     "Training: sworn personnel hired, assigned or promoted since membership began are trained"},
    {"TRN-REN-PSAP-01",
     "Training: the director's executive training is current (at most five years old)"},
    {"TRN-REN-PSAP-02",
     "Training: staff hired, assigned or promoted since membership began are trained"},
}};


void appendKey(std::string& out, std::string_view key) {
  core::appendJsonString(out, key);
  out += ':';
}

void appendPerson(std::string& out, const PersonResult& person) {
  out += "{\"row\":" + std::to_string(person.row) + ",\"name\":";
  core::appendJsonString(out, person.name);
  out += ",\"positions\":[";
  for (std::size_t i = 0; i < person.positions.size(); ++i) {
    if (i > 0) out += ',';
    core::appendJsonString(out, toString(person.positions[i]));
  }
  out += std::string("],\"checked\":") + (person.checked ? "true" : "false");
  out += std::string(",\"complete\":") + (person.complete ? "true" : "false");
  out += ",\"missing\":[";
  for (std::size_t i = 0; i < person.missing.size(); ++i) {
    if (i > 0) out += ',';
    core::appendJsonString(out, toString(person.missing[i]));
  }
  out += "],\"reason\":";
  core::appendJsonString(out, person.reason);
  out += '}';
}

void appendFinding(std::string& out, const core::Finding& finding) {
  out += "{\"itemId\":";
  core::appendJsonString(out, finding.itemId);
  out += ",\"status\":";
  core::appendJsonString(out, core::toString(finding.status));
  out += ",\"reason\":";
  core::appendJsonString(out, finding.reason);
  out += ",\"rows\":[";
  for (std::size_t i = 0; i < finding.evidence.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(finding.evidence[i].block);
  }
  out += "]}";
}

}  // namespace

std::string_view itemTitle(std::string_view itemId) {
  for (const auto& [id, title] : kTitles) {
    if (id == itemId) return title;
  }
  return {};
}

std::string toJson(const RosterCheck& check, const CheckOptions& options) {
  std::string out = "{";
  appendKey(out, "status");
  core::appendJsonString(out, core::toString(check.status));
  out += ',';
  appendKey(out, "kind");
  core::appendJsonString(out, core::toString(options.kind));
  out += ',';
  appendKey(out, "today");
  core::appendJsonString(out, formatDate(options.today));
  out += ',';
  appendKey(out, "renewalSince");
  if (options.renewalSince) {
    core::appendJsonString(out, formatDate(*options.renewalSince));
  } else {
    out += "null";
  }
  out += ",\"people\":[";
  for (std::size_t i = 0; i < check.people.size(); ++i) {
    if (i > 0) out += ',';
    appendPerson(out, check.people[i]);
  }
  out += "],\"findings\":[";
  for (std::size_t i = 0; i < check.findings.size(); ++i) {
    if (i > 0) out += ',';
    appendFinding(out, check.findings[i]);
  }
  return out + "]}";
}

std::string problemsToJson(const std::vector<RosterProblem>& problems) {
  std::string out = "{\"status\":\"invalid\",\"problems\":[";
  for (std::size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"row\":" + std::to_string(problems[i].row) + ",\"column\":";
    core::appendJsonString(out, problems[i].column);
    out += ",\"message\":";
    core::appendJsonString(out, problems[i].message);
    out += '}';
  }
  return out + "]}";
}

std::string toText(const RosterCheck& check, const CheckOptions& options) {
  std::string out =
      "Training roster (" + std::string(core::toString(options.kind)) + ", " +
      (options.renewalSince ? "renewal, membership since " + formatDate(*options.renewalSince)
                            : std::string("initial membership")) +
      ", checked " + formatDate(options.today) + "): " + std::string(core::toString(check.status)) +
      "\n\nPeople\n";
  for (const PersonResult& person : check.people) {
    const char* mark = !person.checked ? "-" : person.complete ? "ok" : "MISSING";
    out += "  row " + std::to_string(person.row) + "  " + person.name + "  [" + mark + "]  " +
           person.reason + "\n";
  }
  out += "\nItems\n";
  for (const core::Finding& finding : check.findings) {
    out += "  " + finding.itemId + "  " + std::string(core::toString(finding.status)) + "  " +
           finding.reason + "\n";
  }
  return out;
}

}  // namespace mkrp::check::roster
