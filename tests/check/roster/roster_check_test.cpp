// The training criteria on small rosters: a table of cases (each position, each executive
// alternative, renewal), then the findings, their evidence and the JSON form.
#include <catch2/catch.hpp>

#include "check/roster/roster.h"

namespace {

using namespace mkrp::check::roster;
using mkrp::core::AgencyKind;
using mkrp::core::Status;

constexpr AgencyKind kLe = AgencyKind::LawEnforcement;
constexpr AgencyKind kPsap = AgencyKind::Psap;
const Date kToday = *parseDate("2026-06-01");

const char* kLeHeader = "name,position,assigned,MECINTRO,MECPAT,MECSUP,MECCID,MECCOM,CEOMEC\n";
const char* kPsapHeader = "name,position,assigned,MECINTRO,MECTEL,MECSET,MECEXEC,CEOMEC\n";

CheckOptions optionsFor(AgencyKind kind, std::optional<Date> since = std::nullopt) {
  CheckOptions options;
  options.kind = kind;
  options.today = kToday;
  options.renewalSince = since;
  options.file = "roster.csv";
  return options;
}

RosterCheck run(const std::string& rows, const CheckOptions& options) {
  const std::string header = options.kind == kLe ? kLeHeader : kPsapHeader;
  const ParseResult parsed = parseRoster(header + rows, options.kind, kToday);
  INFO((parsed.problems.empty() ? std::string() : parsed.problems.front().toString()));
  REQUIRE(parsed.ok());
  return checkRoster(parsed.roster, options);
}

std::string missingOf(const PersonResult& person) {
  std::string out;
  for (const Module module : person.missing)
    out += (out.empty() ? "" : " ") + std::string(toString(module));
  return out;
}

const mkrp::core::Finding& finding(const RosterCheck& check, std::string_view id) {
  for (const auto& one : check.findings) {
    if (one.itemId == id) return one;
  }
  FAIL("no finding " << id);
  throw;
}

// One person's outcome: the row under test is the last row of `rows`.
struct PersonCase {
  std::string_view name;
  AgencyKind kind;
  std::optional<Date> since;
  std::string rows;
  bool complete;
  std::string missing;  // module codes separated by spaces
};

}  // namespace

TEST_CASE("roster check gives each position its modules, with each executive alternative",
          "[roster]") {
  // Columns LE: MECINTRO,MECPAT,MECSUP,MECCID,MECCOM,CEOMEC; PSAP: MECINTRO,MECTEL,MECSET,
  // MECEXEC,CEOMEC.
  const auto since = parseDate("2022-01-01");
  const PersonCase cases[] = {
      {"officer complete", kLe, {}, "A,officer,,2024-01-01,2024-01-01,,,,\n", true, ""},
      {"officer without patrol", kLe, {}, "A,officer,,2024-01-01,,,,,\n", false, "MECPAT"},
      {"supervisor complete",
       kLe,
       {},
       "A,sergeant,,2024-01-01,2024-01-01,2024-01-01,,,\n",
       true,
       ""},
      {"supervisor without MECSUP",
       kLe,
       {},
       "A,supervisor,,2024-01-01,2024-01-01,,,,\n",
       false,
       "MECSUP"},
      {"investigator needs MECCID, not MECSUP",
       kLe,
       {},
       "A,detective,,2024-01-01,2024-01-01,,2024-01-01,,\n",
       true,
       ""},
      {"investigator without MECCID",
       kLe,
       {},
       "A,investigator,,2024-01-01,2024-01-01,,,,\n",
       false,
       "MECCID"},
      {"two positions need the union",
       kLe,
       {},
       "A,\"supervisor;investigator\",,2024-01-01,2024-01-01,2024-01-01,,,\n",
       false,
       "MECCID"},
      {"chief with CEOMEC", kLe, {}, "A,sheriff,,,,,,,2023-05-01\n", true, ""},
      {"chief with the online track",
       kLe,
       {},
       "A,chief,,2024-01-01,2024-01-01,2024-01-01,2024-01-01,2024-01-01,\n",
       true,
       ""},
      {"chief with part of the online track",
       kLe,
       {},
       "A,chief,,2024-01-01,2024-01-01,2024-01-01,,,\n",
       false,
       "MECCID MECCOM"},
      {"chief with nothing needs CEOMEC", kLe, {}, "A,chief,,,,,,,\n", false, "CEOMEC"},
      {"command staff with a CEOMEC chief need the sworn modules",
       kLe,
       {},
       "C,chief,,,,,,,2023-05-01\nA,captain,,2024-01-01,2024-01-01,,,,\n",
       true,
       ""},
      {"command staff with an online chief need all five",
       kLe,
       {},
       "C,chief,,2024-01-01,2024-01-01,2024-01-01,2024-01-01,2024-01-01,\n"
       "A,command,,2024-01-01,2024-01-01,,,,\n",
       false,
       "MECSUP MECCID MECCOM"},
      {"telecommunicator complete",
       kPsap,
       {},
       "A,dispatcher,,2024-01-01,2024-01-01,,,\n",
       true,
       ""},
      {"telecommunicator without MECTEL",
       kPsap,
       {},
       "A,telecommunicator,,2024-01-01,,,,\n",
       false,
       "MECTEL"},
      {"evaluator needs MECSET",
       kPsap,
       {},
       "A,QA/QI evaluator,,2024-01-01,2024-01-01,,,\n",
       false,
       "MECSET"},
      {"trainer complete", kPsap, {}, "A,CTO,,2024-01-01,2024-01-01,2024-01-01,,\n", true, ""},
      {"PSAP supervisor needs MECSET",
       kPsap,
       {},
       "A,supervisor,,2024-01-01,2024-01-01,,,\n",
       false,
       "MECSET"},
      {"director with CEOMEC", kPsap, {}, "A,911 director,,,,,,2022-03-03\n", true, ""},
      {"director with the four online modules",
       kPsap,
       {},
       "A,director,,2024-01-01,2024-01-01,2024-01-01,2024-01-01,\n",
       true,
       ""},
      {"director without MECEXEC",
       kPsap,
       {},
       "A,director,,2024-01-01,2024-01-01,2024-01-01,,\n",
       false,
       "MECEXEC"},
      {"renewal: chief's CEOMEC more than five years old", kLe, since, "A,chief,,,,,,,2021-05-31\n",
       false, "CEOMEC"},
      {"renewal: chief's CEOMEC exactly five years old still counts", kLe, since,
       "A,chief,,,,,,,2021-06-01\n", true, ""},
      {"renewal: chief's online module too old", kLe, since,
       "A,chief,,2020-01-01,2024-01-01,2024-01-01,2024-01-01,2024-01-01,\n", false, "MECINTRO"},
      {"renewal: director's CEOMEC too old, online track current", kPsap, since,
       "A,director,,2024-01-01,2024-01-01,2024-01-01,2024-01-01,2019-01-01\n", true, ""},
      {"renewal: officer hired since membership needs modules", kLe, since,
       "A,officer,2023-02-01,2023-03-01,,,,,\n", false, "MECPAT"},
      {"renewal: officer hired on the day membership began is checked", kLe, since,
       "A,officer,2022-01-01,,,,,,\n", false, "MECINTRO MECPAT"},
      {"renewal: officer in post before membership is not checked", kLe, since,
       "A,officer,2019-01-01,,,,,,\n", true, ""},
      {"renewal: person without an assigned date is checked", kLe, since, "A,officer,,,,,,,\n",
       false, "MECINTRO MECPAT"},
      {"renewal: promoted supervisor needs MECSUP", kPsap, since,
       "A,trainer,2024-06-01,2019-01-01,2019-01-01,,,\n", false, "MECSET"},
      {"renewal: old base modules of staff still count", kLe, since,
       "A,officer,2023-01-01,2019-01-01,2019-01-01,,,,\n", true, ""},
  };
  for (const PersonCase& c : cases) {
    INFO(c.name);
    const RosterCheck check = run(c.rows, optionsFor(c.kind, c.since));
    const PersonResult& person = check.people.back();
    CHECK(person.complete == c.complete);
    CHECK(missingOf(person) == c.missing);
    CHECK_FALSE(person.reason.empty());
  }
}

TEST_CASE("roster check says why a person predating membership is not checked", "[roster]") {
  const RosterCheck check =
      run("A,officer,2019-01-01,,,,,,\n", optionsFor(kLe, parseDate("2022-01-01")));
  CHECK_FALSE(check.people[0].checked);
  CHECK(check.people[0].reason ==
        "in post since 2019-01-01, before membership began on 2022-01-01: not part of the "
        "renewal check");
}

TEST_CASE("roster check explains a stale executive completion", "[roster]") {
  const RosterCheck check =
      run("A,sheriff,,,,,,,2020-01-01\n", optionsFor(kLe, parseDate("2022-01-01")));
  CHECK(check.people[0].reason ==
        "as chief: needs CEOMEC, or the online track MECINTRO, MECPAT, MECSUP, MECCID, MECCOM "
        "together with all command staff; has none of them; CEOMEC completed 2020-01-01 is more "
        "than five years old and must be retaken");
}

TEST_CASE("roster check gives one finding per LE item, missing with the rows that lack",
          "[roster]") {
  const RosterCheck check =
      run("Chief,chief,,,,,,,2023-05-01\n"
          "Ann,officer,,2024-01-01,2024-01-01,,,,\n"
          "Bob,officer,,2024-01-01,,,,,\n"
          "Cy,sergeant,,2024-01-01,2024-01-01,2024-01-01,,,\n",
          optionsFor(kLe));
  REQUIRE(check.findings.size() == 4);
  CHECK(check.status == Status::Missing);
  const auto& officers = finding(check, "TRN-LE-01");
  CHECK(officers.status == Status::Missing);
  CHECK(officers.reason == "officers: 1 of 2 without the required training: row 4 (MECPAT)");
  REQUIRE(officers.evidence.size() == 1);
  CHECK(officers.evidence[0].document == -1);
  CHECK(officers.evidence[0].file == "roster.csv");
  CHECK(officers.evidence[0].block == 4);
  CHECK(officers.evidence[0].label == "row 4");
  CHECK(officers.evidence[0].text == "row 4: Bob (officer): missing MECPAT");
  CHECK(officers.evidence[0].role == mkrp::core::EvidenceRole::Contradicts);
  CHECK(finding(check, "TRN-LE-02").status == Status::Met);
  CHECK(finding(check, "TRN-LE-03").status == Status::NotApplicable);
  CHECK(finding(check, "TRN-LE-04").status == Status::Met);
}

TEST_CASE("roster check is met when every item is met or not applicable", "[roster]") {
  const RosterCheck check = run(
      "Chief,chief,,,,,,,2023-05-01\nAnn,officer,,2024-01-01,2024-01-01,,,,\n", optionsFor(kLe));
  CHECK(check.status == Status::Met);
  const auto& officers = finding(check, "TRN-LE-01");
  CHECK(officers.reason == "officers: all 1 have the required training (row 3)");
  REQUIRE(officers.evidence.size() == 1);
  CHECK(officers.evidence[0].role == mkrp::core::EvidenceRole::Meets);
}

TEST_CASE("roster check is missing the chief item when no chief or sheriff is listed", "[roster]") {
  const RosterCheck check = run("Ann,officer,,2024-01-01,2024-01-01,,,,\n", optionsFor(kLe));
  const auto& chief = finding(check, "TRN-LE-04");
  CHECK(chief.status == Status::Missing);
  CHECK(chief.reason ==
        "the roster names no chief or sheriff: add their row with CEOMEC or the online modules");
  CHECK(check.status == Status::Missing);
}

TEST_CASE("roster check fails the online chief track when a command-staff member lacks modules",
          "[roster]") {
  const RosterCheck check =
      run("C,chief,,2024-01-01,2024-01-01,2024-01-01,2024-01-01,2024-01-01,\n"
          "Cap,captain,,2024-01-01,2024-01-01,,,,\n",
          optionsFor(kLe));
  const auto& chief = finding(check, "TRN-LE-04");
  CHECK(chief.status == Status::Missing);
  CHECK(chief.reason ==
        "chief or sheriff and command staff: 1 of 2 without the required training: row 3 "
        "(MECSUP, MECCID, MECCOM)");
  CHECK(check.people[0].complete);
}

TEST_CASE("roster check gives the PSAP items", "[roster]") {
  const RosterCheck check =
      run("D,director,,,,,,2024-01-01\n"
          "T,telecommunicator,,2024-01-01,2024-01-01,,,\n"
          "E,\"evaluator, trainer\",,2024-01-01,2024-01-01,,,\n",
          optionsFor(kPsap));
  REQUIRE(check.findings.size() == 3);
  CHECK(finding(check, "TRN-PSAP-01").status == Status::Met);
  CHECK(finding(check, "TRN-PSAP-02").status == Status::Missing);
  CHECK(finding(check, "TRN-PSAP-02").reason ==
        "supervisors, evaluators and trainers: 1 of 1 without the required training: row 4 "
        "(MECSET)");
  CHECK(finding(check, "TRN-PSAP-03").status == Status::Met);
}

TEST_CASE("roster check gives renewal items instead of initial ones for a renewal", "[roster]") {
  const RosterCheck check =
      run("D,director,,,,,,2020-01-01\n"
          "Old,telecommunicator,2019-01-01,,,,,\n"
          "New,telecommunicator,2023-01-01,2023-02-01,2023-02-01,,,\n",
          optionsFor(kPsap, parseDate("2021-07-01")));
  REQUIRE(check.findings.size() == 2);
  const auto& director = finding(check, "TRN-REN-PSAP-01");
  CHECK(director.itemId == "TRN-REN-PSAP-01");
  CHECK(director.status == Status::Missing);
  const auto& staff = finding(check, "TRN-REN-PSAP-02");
  CHECK(staff.status == Status::Met);
  REQUIRE(staff.evidence.size() == 1);
  CHECK(staff.evidence[0].block == 4);
}

TEST_CASE("roster check renewal staff item is not applicable when nobody joined since",
          "[roster]") {
  const RosterCheck check = run("C,chief,,,,,,,2024-01-01\nOld,officer,2019-01-01,,,,,,\n",
                                optionsFor(kLe, parseDate("2021-07-01")));
  CHECK(finding(check, "TRN-REN-LE-01").status == Status::Met);
  CHECK(finding(check, "TRN-REN-LE-02").status == Status::NotApplicable);
  CHECK(check.status == Status::Met);
}

TEST_CASE("roster check as JSON has the status and each person with row, missing and reason",
          "[roster]") {
  const CheckOptions options = optionsFor(kLe);
  const RosterCheck check = run("Ann \"A\",officer,,2024-01-01,,,,,\n", options);
  const std::string json = toJson(check, options);
  CHECK(json.rfind("{\"status\":\"missing\",\"kind\":\"le\",\"today\":\"2026-06-01\","
                   "\"renewalSince\":null,\"people\":[{\"row\":2,\"name\":\"Ann \\\"A\\\"\","
                   "\"positions\":[\"officer\"],\"checked\":true,\"complete\":false,"
                   "\"missing\":[\"MECPAT\"],\"reason\":\"as officer: missing MECPAT (needs "
                   "MECINTRO, MECPAT)\"}],\"findings\":[{\"itemId\":\"TRN-LE-01\","
                   "\"status\":\"missing\",",
                   0) == 0);
  CHECK(json.find("{\"itemId\":\"TRN-LE-04\",\"status\":\"missing\",\"reason\":\"the roster "
                  "names no chief or sheriff: add their row with CEOMEC or the online "
                  "modules\",\"rows\":[]}") != std::string::npos);
}

TEST_CASE("roster check as text lists each person and each item", "[roster]") {
  const CheckOptions options = optionsFor(kLe);
  const RosterCheck check = run("Ann,officer,,2024-01-01,,,,,\n", options);
  const std::string text = toText(check, options);
  CHECK(text.find("row 2  Ann  [MISSING]  as officer: missing MECPAT") != std::string::npos);
  CHECK(text.find(
            "TRN-LE-01  missing  officers: 1 of 1 without the required training: row 2 (MECPAT)") !=
        std::string::npos);
}

TEST_CASE("every training item of either kind, initial or renewal, has a title", "[roster]") {
  for (const AgencyKind kind : {kLe, AgencyKind::Psap}) {
    for (const std::optional<Date> since : {std::optional<Date>{}, std::optional<Date>{kToday}}) {
      for (const auto& one : checkRoster(Roster{}, optionsFor(kind, since)).findings) {
        INFO(one.itemId);
        CHECK_FALSE(itemTitle(one.itemId).empty());
      }
    }
  }
  CHECK(itemTitle("TRN-LE-01") == "Training: sworn officers have completed MECINTRO and MECPAT");
  CHECK(itemTitle("LE-01").empty());
}
