// Reading a roster file: the header, then each row into a Person, collecting every problem.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <set>

#include "check/roster/csv.h"
#include "check/roster/roster.h"

namespace mkrp::check::roster {
namespace {

using core::AgencyKind;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct ModuleName {
  Module module;
  std::string_view code;
};

constexpr std::array<ModuleName, 9> kModules = {{
    {Module::Intro, "MECINTRO"},
    {Module::Patrol, "MECPAT"},
    {Module::Supervisor, "MECSUP"},
    {Module::Investigations, "MECCID"},
    {Module::Command, "MECCOM"},
    {Module::Telecom, "MECTEL"},
    {Module::Set, "MECSET"},
    {Module::Exec, "MECEXEC"},
    {Module::Ceomec, "CEOMEC"},
}};

// Which kind of agency a title belongs to; Supervisor is listed once for each.
struct Title {
  std::string_view words;  // normalized: lower case, words separated by one space
  AgencyKind kind;
  Position position;
};

constexpr AgencyKind kLe = AgencyKind::LawEnforcement;
constexpr AgencyKind kPsap = AgencyKind::Psap;

constexpr Title kTitles[] = {
    {"officer", kLe, Position::Officer},
    {"officers", kLe, Position::Officer},
    {"sworn officer", kLe, Position::Officer},
    {"police officer", kLe, Position::Officer},
    {"patrol officer", kLe, Position::Officer},
    {"patrol", kLe, Position::Officer},
    {"deputy", kLe, Position::Officer},
    {"deputy sheriff", kLe, Position::Officer},
    {"trooper", kLe, Position::Officer},
    {"supervisor", kLe, Position::Supervisor},
    {"patrol supervisor", kLe, Position::Supervisor},
    {"sergeant", kLe, Position::Supervisor},
    {"sgt", kLe, Position::Supervisor},
    {"lieutenant", kLe, Position::Supervisor},
    {"lt", kLe, Position::Supervisor},
    {"corporal", kLe, Position::Supervisor},
    {"investigator", kLe, Position::Investigator},
    {"criminal investigator", kLe, Position::Investigator},
    {"detective", kLe, Position::Investigator},
    {"cid", kLe, Position::Investigator},
    {"command", kLe, Position::Command},
    {"command staff", kLe, Position::Command},
    {"captain", kLe, Position::Command},
    {"major", kLe, Position::Command},
    {"commander", kLe, Position::Command},
    {"deputy chief", kLe, Position::Command},
    {"assistant chief", kLe, Position::Command},
    {"undersheriff", kLe, Position::Command},
    {"chief deputy", kLe, Position::Command},
    {"chief", kLe, Position::Chief},
    {"chief of police", kLe, Position::Chief},
    {"police chief", kLe, Position::Chief},
    {"sheriff", kLe, Position::Chief},
    {"telecommunicator", kPsap, Position::Telecommunicator},
    {"public safety telecommunicator", kPsap, Position::Telecommunicator},
    {"dispatcher", kPsap, Position::Telecommunicator},
    {"call taker", kPsap, Position::Telecommunicator},
    {"calltaker", kPsap, Position::Telecommunicator},
    {"911 operator", kPsap, Position::Telecommunicator},
    {"911 call taker", kPsap, Position::Telecommunicator},
    {"911 dispatcher", kPsap, Position::Telecommunicator},
    {"supervisor", kPsap, Position::Supervisor},
    {"shift supervisor", kPsap, Position::Supervisor},
    {"communications supervisor", kPsap, Position::Supervisor},
    {"evaluator", kPsap, Position::Evaluator},
    {"qa evaluator", kPsap, Position::Evaluator},
    {"qi evaluator", kPsap, Position::Evaluator},
    {"qa qi evaluator", kPsap, Position::Evaluator},
    {"qa qi", kPsap, Position::Evaluator},
    {"trainer", kPsap, Position::Trainer},
    {"cto", kPsap, Position::Trainer},
    {"communications training officer", kPsap, Position::Trainer},
    {"training officer", kPsap, Position::Trainer},
    {"director", kPsap, Position::Director},
    {"911 director", kPsap, Position::Director},
    {"psap director", kPsap, Position::Director},
    {"communications director", kPsap, Position::Director},
    {"center director", kPsap, Position::Director},
    {"center manager", kPsap, Position::Director},
    {"communications center manager", kPsap, Position::Director},
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// Lower case, words of letters and digits separated by one space; "9-1-1" becomes "911".
std::string normalizeTitle(std::string_view title) {
  std::string out;
  bool space = false;
  for (const char c : title) {
    if (!isAlnum(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(lower(c));
  }
  for (auto at = out.find("9 1 1"); at != std::string::npos; at = out.find("9 1 1")) {
    out.replace(at, 5, "911");
  }
  return out;
}

// A person's name for telling duplicates apart: lower case, single spaces.
std::string normalizeName(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(lower(c));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The letters of a header in capitals: "Mec-Pat " -> "MECPAT".
std::string headerLetters(std::string_view header) {
  std::string out;
  for (const char c : header) {
    if (isAlnum(c)) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

bool validUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t extra = c < 0x80             ? 0
                              : (c & 0xE0) == 0xC0 ? 1
                              : (c & 0xF0) == 0xE0 ? 2
                              : (c & 0xF8) == 0xF0 ? 3
                                                   : 4;
    if (extra == 4 || i + extra >= text.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

std::string_view kindWords(AgencyKind kind) {
  return kind == kLe ? "a law-enforcement agency (--kind le)" : "a 9-1-1 center (--kind psap)";
}

std::string positionsHelp(AgencyKind kind) {
  return kind == kLe ? "officer, supervisor, investigator, command or chief"
                     : "telecommunicator, supervisor, evaluator, trainer or director";
}

// Where each known column is; -1 when absent.
struct Columns {
  int name = -1;
  int position = -1;
  int assigned = -1;
  std::vector<std::pair<int, Module>> modules;
  std::vector<std::string> headers;  // as written, trimmed
};

class RosterReader {
 public:
  RosterReader(AgencyKind kind, Date today) : kind_(kind), today_(today) {}

  ParseResult read(std::string_view bytes) {
    if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
    if (!validUtf8(bytes)) {
      return fail(
          "the file is not UTF-8 text: in your spreadsheet choose Save As, "
          "\"CSV UTF-8 (comma delimited)\"");
    }
    detail::CsvResult csv = detail::splitCsv(bytes, detail::detectSeparator(bytes));
    std::set<int> broken;  // rows whose cells could not be told apart: not read further
    for (const detail::CsvProblem& problem : csv.problems) {
      add(problem.row, "", problem.message);
      broken.insert(problem.row);
    }
    if (csv.records.empty()) {
      return fail(
          "the file is empty: start from the roster template, whose first row names the "
          "columns, and add one row per person");
    }
    readHeader(csv.records.front());
    if (result_.problems.empty() && csv.records.size() == 1) {
      add(0, "", "the roster lists nobody: add one row per person below the header row");
    }
    if (headerOk_ && !broken.count(csv.records.front().row)) {
      for (std::size_t i = 1; i < csv.records.size(); ++i) {
        if (!broken.count(csv.records[i].row)) readRow(csv.records[i]);
      }
    }
    std::stable_sort(result_.problems.begin(), result_.problems.end(),
                     [](const RosterProblem& a, const RosterProblem& b) { return a.row < b.row; });
    if (!result_.problems.empty()) result_.roster.people.clear();
    return std::move(result_);
  }

 private:
  ParseResult fail(std::string message) {
    add(0, "", std::move(message));
    return std::move(result_);
  }

  void add(int row, std::string column, std::string message) {
    result_.problems.push_back({row, std::move(column), std::move(message)});
  }

  void readHeader(const detail::CsvRecord& header) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string text = trim(header.fields[i]);
      columns_.headers.push_back(text);
      std::string key = text;
      std::transform(key.begin(), key.end(), key.begin(), lower);
      if (key.empty()) continue;
      if (!seen.insert(headerLetters(key)).second) {
        add(header.row, text, "this column appears twice in the header: keep one of them");
        continue;
      }
      placeColumn(header.row, static_cast<int>(i), key, text);
    }
    requireColumn(header.row, columns_.name, "name");
    requireColumn(header.row, columns_.position, "position");
    requireColumn(header.row, columns_.assigned, "assigned");
    headerOk_ = columns_.name >= 0 && columns_.position >= 0 && columns_.assigned >= 0;
  }

  void placeColumn(int row, int index, const std::string& key, const std::string& text) {
    if (key == "name") {
      columns_.name = index;
    } else if (key == "position" || key == "positions") {
      columns_.position = index;
    } else if (key == "assigned") {
      columns_.assigned = index;
    } else if (const auto module = moduleFromHeader(text)) {
      columns_.modules.emplace_back(index, *module);
    } else if (headerLetters(text).find("MEC") != std::string::npos) {
      add(row, text,
          "unknown module '" + text +
              "': the module columns are MECINTRO, MECPAT, MECSUP, MECCID, MECCOM, MECTEL, "
              "MECSET, MECEXEC and CEOMEC");
    }
  }

  void requireColumn(int row, int index, std::string_view name) {
    if (index >= 0) return;
    add(row, "",
        "the header has no '" + std::string(name) +
            "' column: start from the roster template, whose first row names the columns");
  }

  std::string cell(const detail::CsvRecord& record, int index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= record.fields.size()) return {};
    return trim(record.fields[static_cast<std::size_t>(index)]);
  }

  void readRow(const detail::CsvRecord& record) {
    checkWidth(record);
    Person person;
    person.row = record.row;
    person.name = cell(record, columns_.name);
    readName(person);
    readPositions(record, person);
    person.assigned = readDate(record, columns_.assigned, false);
    for (const auto& [index, module] : columns_.modules) {
      if (const auto date = readDate(record, index, true)) person.completed[module] = *date;
    }
    result_.roster.people.push_back(std::move(person));
  }

  // Cells past the header's last column are a sign of an unquoted list in a ';' file.
  void checkWidth(const detail::CsvRecord& record) {
    for (std::size_t i = columns_.headers.size(); i < record.fields.size(); ++i) {
      if (trim(record.fields[i]).empty()) continue;
      add(record.row, "",
          "this row has more cells than the header has columns: when the file is separated by "
          "';', put a list of several positions in quotes (\"officer;supervisor\")");
      return;
    }
  }

  void readName(const Person& person) {
    const std::string& column = columns_.headers[static_cast<std::size_t>(columns_.name)];
    if (person.name.empty()) {
      add(person.row, column, "the name is empty: write the person's name");
      return;
    }
    const auto [at, inserted] = names_.emplace(normalizeName(person.name), person.row);
    if (!inserted) {
      add(person.row, column,
          "duplicate person: '" + person.name + "' is already on row " +
              std::to_string(at->second) +
              "; list each person once, with all their positions in one cell");
    }
  }

  void readPositions(const detail::CsvRecord& record, Person& person) {
    const std::string& column = columns_.headers[static_cast<std::size_t>(columns_.position)];
    const std::string text = cell(record, columns_.position);
    const std::size_t before = result_.problems.size();
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find_first_of(";,", start);
      if (end == std::string::npos) end = text.size();
      addPosition(person, column, trim(std::string_view(text).substr(start, end - start)));
      start = end + 1;
    }
    if (person.positions.empty() && result_.problems.size() == before) {
      add(person.row, column,
          "no position: write the person's position (" + positionsHelp(kind_) + ")");
    }
  }

  void addPosition(Person& person, const std::string& column, const std::string& title) {
    if (title.empty()) return;
    if (const auto position = positionFromTitle(title, kind_)) {
      if (std::find(person.positions.begin(), person.positions.end(), *position) ==
          person.positions.end()) {
        person.positions.push_back(*position);
      }
      return;
    }
    const AgencyKind other = kind_ == kLe ? kPsap : kLe;
    if (positionFromTitle(title, other)) {
      add(person.row, column,
          "unknown role '" + title + "': that is a position of " + std::string(kindWords(other)) +
              ", but this roster is checked for " + std::string(kindWords(kind_)));
      return;
    }
    add(person.row, column,
        "unknown role '" + title + "': use " + positionsHelp(kind_) +
            " (several separated by ';')");
  }

  std::optional<Date> readDate(const detail::CsvRecord& record, int index, bool completion) {
    const std::string text = cell(record, index);
    if (text.empty()) return std::nullopt;
    const std::string& column = columns_.headers[static_cast<std::size_t>(index)];
    const auto date = parseDate(text);
    if (!date) {
      add(record.row, column, badDateMessage(text));
      return std::nullopt;
    }
    if (completion && *date > today_) {
      add(record.row, column,
          "the completion date " + text + " is after today (" + formatDate(today_) +
              "): write the date the module was completed");
      return std::nullopt;
    }
    return date;
  }

  std::string badDateMessage(const std::string& text) const {
    std::string message = "bad date '" + text + "': write dates as YYYY-MM-DD, e.g. 2024-03-15";
    if (positionFromTitle(text, kind_)) {
      message +=
          " (this looks like a position: when the file is separated by ';', put a list of "
          "several positions in quotes)";
    }
    return message;
  }

  AgencyKind kind_;
  Date today_;
  Columns columns_;
  bool headerOk_ = false;
  std::map<std::string, int> names_;  // normalized name -> first row
  ParseResult result_;
};

}  // namespace

std::string_view toString(Module module) {
  for (const ModuleName& entry : kModules) {
    if (entry.module == module) return entry.code;
  }
  return "?";
}

std::string_view toString(Position position) {
  switch (position) {
    case Position::Officer:
      return "officer";
    case Position::Supervisor:
      return "supervisor";
    case Position::Investigator:
      return "investigator";
    case Position::Command:
      return "command";
    case Position::Chief:
      return "chief";
    case Position::Telecommunicator:
      return "telecommunicator";
    case Position::Evaluator:
      return "evaluator";
    case Position::Trainer:
      return "trainer";
    case Position::Director:
      return "director";
  }
  return "?";
}

std::optional<Module> moduleFromHeader(std::string_view header) {
  const std::string letters = headerLetters(header);
  for (const ModuleName& entry : kModules) {
    if (entry.code == letters) return entry.module;
  }
  return std::nullopt;
}

std::optional<Position> positionFromTitle(std::string_view title, core::AgencyKind kind) {
  const std::string words = normalizeTitle(title);
  for (const Title& entry : kTitles) {
    if (entry.kind == kind && entry.words == words) return entry.position;
  }
  return std::nullopt;
}

std::optional<Date> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t k = 0; k < lengths[p]; ++k) {
      const char c = text[starts[p] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const Date date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string formatDate(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::string RosterProblem::toString() const {
  std::string out;
  if (row > 0) out = "row " + std::to_string(row);
  if (!column.empty()) out += (out.empty() ? "column " : ", column ") + column;
  return out.empty() ? message : out + ": " + message;
}

ParseResult parseRoster(std::string_view bytes, core::AgencyKind kind, Date today) {
  return RosterReader(kind, today).read(bytes);
}

}  // namespace mkrp::check::roster
