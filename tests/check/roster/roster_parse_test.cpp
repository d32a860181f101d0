// Reading roster files: good shapes (BOM, ';', quotes, CRLF, titles) and every kind of bad row.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "check/roster/roster.h"

namespace {

using namespace mkrp::check::roster;
using mkrp::core::AgencyKind;

constexpr AgencyKind kLe = AgencyKind::LawEnforcement;
constexpr AgencyKind kPsap = AgencyKind::Psap;
const Date kToday = *parseDate("2026-06-01");

ParseResult readLe(std::string_view text) { return parseRoster(text, kLe, kToday); }

// The problems as "row N, column C: message" lines, for messages that must name the place.
std::vector<std::string> problemLines(const ParseResult& result) {
  std::vector<std::string> lines;
  for (const RosterProblem& problem : result.problems) lines.push_back(problem.toString());
  return lines;
}

}  // namespace

TEST_CASE("roster reads names, positions, assigned dates and module dates", "[roster]") {
  const ParseResult result = readLe(
      "name,position,assigned,MECINTRO,MECPAT\n"
      "Ann Lee,officer,2021-04-01,2021-05-01,2021-05-02\n");
  REQUIRE(result.ok());
  REQUIRE(result.roster.people.size() == 1);
  const Person& ann = result.roster.people[0];
  CHECK(ann.row == 2);
  CHECK(ann.name == "Ann Lee");
  CHECK(ann.positions == std::vector<Position>{Position::Officer});
  CHECK(ann.assigned == parseDate("2021-04-01"));
  CHECK(ann.completed.at(Module::Intro) == *parseDate("2021-05-01"));
  CHECK(ann.completed.at(Module::Patrol) == *parseDate("2021-05-02"));
}

TEST_CASE("roster leaves modules with an empty cell out of the completed ones", "[roster]") {
  const ParseResult result = readLe("name,position,assigned,MECINTRO,MECPAT\nAnn,officer,,,\n");
  REQUIRE(result.ok());
  CHECK(result.roster.people[0].completed.empty());
  CHECK_FALSE(result.roster.people[0].assigned);
}

TEST_CASE("roster accepts a UTF-8 byte order mark before the header", "[roster]") {
  const ParseResult result = readLe("\xEF\xBB\xBFname,position,assigned\nAnn,officer,\n");
  REQUIRE(result.ok());
  CHECK(result.roster.people[0].name == "Ann");
}

TEST_CASE("roster detects ';' as the separator from the header line", "[roster]") {
  const ParseResult result =
      readLe("name;position;assigned;MECINTRO\nLee, Ann;\"officer;supervisor\";;2024-01-02\n");
  REQUIRE(result.ok());
  const Person& ann = result.roster.people[0];
  CHECK(ann.name == "Lee, Ann");
  CHECK(ann.positions == std::vector<Position>{Position::Officer, Position::Supervisor});
  CHECK(ann.completed.at(Module::Intro) == *parseDate("2024-01-02"));
}

TEST_CASE("roster reads quoted fields with separators, quotes and line breaks inside", "[roster]") {
  const ParseResult result = readLe(
      "name,position,assigned,notes\n"
      "\"Lee, Ann \"\"Annie\"\"\",\"officer, investigator\",,\"two\nlines\"\n"
      "Bob,officer,,\n");
  REQUIRE(result.ok());
  REQUIRE(result.roster.people.size() == 2);
  CHECK(result.roster.people[0].name == "Lee, Ann \"Annie\"");
  CHECK(result.roster.people[0].positions ==
        std::vector<Position>{Position::Officer, Position::Investigator});
  // A cell with a line break is still one spreadsheet row.
  CHECK(result.roster.people[1].row == 3);
}

TEST_CASE("roster reads CRLF and CR line ends", "[roster]") {
  for (const std::string eol : {"\r\n", "\r"}) {
    const ParseResult result =
        readLe("name,position,assigned" + eol + "Ann,officer," + eol + "Bob,officer," + eol);
    REQUIRE(result.ok());
    REQUIRE(result.roster.people.size() == 2);
    CHECK(result.roster.people[1].row == 3);
    CHECK(result.roster.people[1].name == "Bob");
  }
}

TEST_CASE("roster header names are trimmed and case-insensitive; other columns ignored",
          "[roster]") {
  const ParseResult result = readLe(
      " Name , POSITION,Assigned ,Badge,EMAIL, mec intro \nAnn,officer,,77,a@b,2020-01-01\n");
  REQUIRE(result.ok());
  CHECK(result.roster.people[0].completed.at(Module::Intro) == *parseDate("2020-01-01"));
}

TEST_CASE("roster skips blank lines but counts them as spreadsheet rows", "[roster]") {
  const ParseResult result = readLe("name,position,assigned\n\n,,\nAnn,officer,\n");
  REQUIRE(result.ok());
  REQUIRE(result.roster.people.size() == 1);
  CHECK(result.roster.people[0].row == 4);
}

TEST_CASE("roster accepts common titles for each position", "[roster]") {
  struct Case {
    std::string_view title;
    AgencyKind kind;
    Position position;
  };
  const Case cases[] = {
      {"Sheriff", kLe, Position::Chief},
      {"Chief of Police", kLe, Position::Chief},
      {"Detective", kLe, Position::Investigator},
      {"Sergeant", kLe, Position::Supervisor},
      {"Lieutenant", kLe, Position::Supervisor},
      {"Captain", kLe, Position::Command},
      {"Commander", kLe, Position::Command},
      {"Deputy Sheriff", kLe, Position::Officer},
      {"Dispatcher", kPsap, Position::Telecommunicator},
      {"Call-taker", kPsap, Position::Telecommunicator},
      {"9-1-1 Operator", kPsap, Position::Telecommunicator},
      {"QA/QI evaluator", kPsap, Position::Evaluator},
      {"CTO", kPsap, Position::Trainer},
      {"Communications Training Officer", kPsap, Position::Trainer},
      {"911 Director", kPsap, Position::Director},
      {"Center Manager", kPsap, Position::Director},
      {"supervisor", kPsap, Position::Supervisor},
  };
  for (const Case& c : cases) {
    INFO(c.title);
    CHECK(positionFromTitle(c.title, c.kind) == c.position);
  }
}

TEST_CASE("roster dates must be YYYY-MM-DD days that exist", "[roster]") {
  CHECK(parseDate("2024-02-29"));
  for (const std::string_view bad :
       {"2023-02-30", "2023-02-29", "2023-13-01", "2023-00-10", "2023-1-05", "05/01/2023",
        "2023-01-05T10:00", "2023/01/05", " 2023-01-05", "yesterday", "2023-04-31"}) {
    INFO(bad);
    CHECK_FALSE(parseDate(bad));
  }
}

TEST_CASE("roster reports each bad row and cell by row and column", "[roster]") {
  struct Case {
    std::string_view name;
    std::string text;
    std::string problem;
  };
  const std::string header = "name,position,assigned,MECINTRO\n";
  const Case cases[] = {
      {"unknown role", header + "Ann,janitor,,\n",
       "row 2, column position: unknown role 'janitor': use officer, supervisor, investigator, "
       "command or chief (several separated by ';')"},
      {"role of the other kind", header + "Ann,dispatcher,,\n",
       "row 2, column position: unknown role 'dispatcher': that is a position of a 9-1-1 center "
       "(--kind psap), but this roster is checked for a law-enforcement agency (--kind le)"},
      {"no position", header + "Ann,,,\n",
       "row 2, column position: no position: write the person's position (officer, supervisor, "
       "investigator, command or chief)"},
      {"empty name", header + ",officer,,\n",
       "row 2, column name: the name is empty: write the person's name"},
      {"impossible date", header + "Ann,officer,,2023-02-30\n",
       "row 2, column MECINTRO: bad date '2023-02-30': write dates as YYYY-MM-DD, e.g. 2024-03-15"},
      {"other date form", header + "Ann,officer,03/15/2024,\n",
       "row 2, column assigned: bad date '03/15/2024': write dates as YYYY-MM-DD, e.g. 2024-03-15"},
      {"completion in the future", header + "Ann,officer,,2026-06-02\n",
       "row 2, column MECINTRO: the completion date 2026-06-02 is after today (2026-06-01): write "
       "the date the module was completed"},
      {"duplicate person", header + "Ann  Lee,officer,,\nann lee ,supervisor,,\n",
       "row 3, column name: duplicate person: 'ann lee' is already on row 2; list each person "
       "once, with all their positions in one cell"},
      {"unknown module", "name,position,assigned,MECPATROL\nAnn,officer,,\n",
       "row 1, column MECPATROL: unknown module 'MECPATROL': the module columns are MECINTRO, "
       "MECPAT, MECSUP, MECCID, MECCOM, MECTEL, MECSET, MECEXEC and CEOMEC"},
      {"missing column", "name,assigned\nAnn,\n",
       "row 1: the header has no 'position' column: start from the roster template, whose first "
       "row names the columns"},
      {"column twice", "name,position,assigned,MECPAT,mecpat\nAnn,officer,,,\n",
       "row 1, column mecpat: this column appears twice in the header: keep one of them"},
      {"empty file", "",
       "the file is empty: start from the roster template, whose first row names the columns, "
       "and add one row per person"},
      {"only blank lines", "\r\n\r\n",
       "the file is empty: start from the roster template, whose first row names the columns, "
       "and add one row per person"},
      {"header only", "name,position,assigned\r\n",
       "the roster lists nobody: add one row per person below the header row"},
      {"not UTF-8", "name,position,assigned\nRen\xE9,officer,\n",
       "the file is not UTF-8 text: in your spreadsheet choose Save As, \"CSV UTF-8 (comma "
       "delimited)\""},
      {"quote never closed", header + "\"Ann,officer,,\n",
       "row 2: a quoted cell is never closed: add the missing \" at the end of the cell"},
      {"text after a closing quote", header + "\"Ann\" Lee,officer,,\n",
       "row 2: text follows a closing quote inside a cell: put the whole cell in quotes and write "
       "a quote inside it as \"\""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const ParseResult result = readLe(c.text);
    CHECK(problemLines(result) == std::vector<std::string>{c.problem});
    CHECK(result.roster.people.empty());
  }
}

TEST_CASE("roster names the quoting fix when ';' splits an unquoted position list", "[roster]") {
  const ParseResult result = readLe("name;position;assigned\nAnn;officer;supervisor;2024-01-01\n");
  CHECK(problemLines(result) ==
        std::vector<std::string>{
            "row 2: this row has more cells than the header has columns: when the file is "
            "separated by ';', put a list of several positions in quotes (\"officer;supervisor\")",
            "row 2, column assigned: bad date 'supervisor': write dates as YYYY-MM-DD, e.g. "
            "2024-03-15 (this looks like a position: when the file is separated by ';', put a "
            "list of several positions in quotes)"});
}

TEST_CASE("roster imports nothing when any row is bad and lists every bad row", "[roster]") {
  const ParseResult result = readLe(
      "name,position,assigned,MECINTRO\n"
      "Ann,officer,,\n"
      "Bob,janitor,,\n"
      "Cy,officer,,2023-02-30\n");
  CHECK(result.roster.people.empty());
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems[0].row == 3);
  CHECK(result.problems[0].column == "position");
  CHECK(result.problems[1].row == 4);
  CHECK(result.problems[1].column == "MECINTRO");
}

TEST_CASE("roster problems as JSON carry row, column and message", "[roster]") {
  const ParseResult result = readLe("name,position,assigned\nAnn,janitor,\n");
  CHECK(problemsToJson(result.problems) ==
        "{\"status\":\"invalid\",\"problems\":[{\"row\":2,\"column\":\"position\",\"message\":"
        "\"unknown role 'janitor': use officer, supervisor, investigator, command or chief "
        "(several separated by ';')\"}]}");
}

TEST_CASE("roster templates read without problems, every module a column, for their kind",
          "[roster]") {
  for (const auto& [kind, file] : {std::pair{kLe, "roster-template-le.csv"},
                                   std::pair{kPsap, "roster-template-psap.csv"}}) {
    INFO(file);
    std::ifstream in(std::string(MKRP_SOURCE_DIR "/templates/roster/") + file, std::ios::binary);
    REQUIRE(in);
    const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string header = csv.substr(0, csv.find('\n') + 1);
    for (const Module module : {Module::Intro, Module::Patrol, Module::Supervisor,
                                Module::Investigations, Module::Command, Module::Telecom,
                                Module::Set, Module::Exec, Module::Ceomec}) {
      CHECK(header.find(toString(module)) != std::string::npos);
    }
    const ParseResult result = parseRoster(csv, kind, kToday);
    INFO((result.problems.empty() ? std::string() : result.problems.front().toString()));
    REQUIRE(result.ok());
    CHECK(result.roster.people.size() == 3);
  }
}
