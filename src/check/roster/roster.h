// The training roster of an agency and the MKRP training criteria applied to it
// (reference: mkrp-criteria.md, items MKRP-LE-01..04, MKRP-PSAP-01..03, MKRP-REN-LE-01/02,
// MKRP-REN-PSAP-01/02). Pure: bytes in, values out; no I/O, no clock (the caller passes `today`).
//
// The file: CSV in UTF-8 (a BOM is allowed), separated by ',' or ';' (decided by the header line),
// fields may be quoted ("" inside quotes is a quote), lines end in LF, CRLF or CR. Columns, found
// by name (case and surrounding spaces ignored):
//   name      the person, required; the same name twice (ignoring case and spacing) is an error
//   position  one or more positions separated by ';' or ',' (quote the cell when the file itself
//             is separated by ';'); common titles are accepted (see positionFromTitle)
//   assigned  YYYY-MM-DD the person was hired or assigned to the position; may be empty
//   MECINTRO, MECPAT, MECSUP, MECCID, MECCOM, MECTEL, MECSET, MECEXEC, CEOMEC
//             the completion date of that module (YYYY-MM-DD, not after `today`); empty = not done
// A column whose letters contain "MEC" but spell no module (e.g. "MECPATROL") is an unknown
// module; all other columns are ignored. The bare "five to eight capitals" test was not used:
// ordinary columns such as EMAIL, NOTES or BADGE would be refused.
//
// Decisions where the criteria leave room (each covered by a test):
//   - Titles: sergeant, lieutenant, corporal -> supervisor (MKRP-LE-02 lists them);
//     captain, major, commander, deputy/assistant chief -> command; sheriff, chief of police ->
//     chief; detective, CID -> investigator; deputy, trooper, patrol -> officer; dispatcher,
//     call-taker, 9-1-1 operator -> telecommunicator; QA/QI evaluator -> evaluator; CTO,
//     communications training officer -> trainer; 911 director, center manager -> director.
//   - Command staff are sworn: they always need MECINTRO + MECPAT. Unless a chief/sheriff on the
//     roster has a CEOMEC that counts, the online track is the only way left to meet MKRP-LE-04,
//     and it counts only "along with all command staff", so every command-staff member then
//     needs the same five modules. Command staff belong to TRN-LE-04 (not TRN-LE-01).
//   - An investigator needs MECINTRO + MECPAT + MECCID (the plain reading of MKRP-LE-03).
//   - A person with several positions needs the union of their modules.
//   - Renewal (renewalSince set = the date membership began): the chief/sheriff or director is
//     always checked, and each module their track rests on must be at most five years old on
//     `today`; anyone else is checked only when assigned on or after renewalSince, or when their
//     assigned date is empty (it cannot be shown that they predate membership).
//
// Findings (core::Finding, beside the directive findings) have these stable item IDs:
//   initial, LE:   TRN-LE-01 officers, TRN-LE-02 supervisors, TRN-LE-03 investigators,
//                  TRN-LE-04 chief/sheriff and command staff
//   initial, PSAP: TRN-PSAP-01 telecommunicators, TRN-PSAP-02 supervisors/evaluators/trainers,
//                  TRN-PSAP-03 director
//   renewal, LE:   TRN-REN-LE-01 chief/sheriff training current, TRN-REN-LE-02 personnel
//                  hired, assigned or promoted since membership began
//   renewal, PSAP: TRN-REN-PSAP-01 director training current, TRN-REN-PSAP-02 staff since
//                  membership began
// An item with nobody in its group is not_applicable, except the chief/director items, which are
// missing when the roster names no chief/sheriff or director. Evidence of a roster finding names
// rows, not passages: EvidenceSpan.document = -1 (the roster is not one of the directives),
// file = the roster's file name, block = the spreadsheet row (header = 1), start = end = 0,
// label = "row N", page = 0, text = "row N: NAME (positions): what is done or missing", role =
// Meets for a person who is complete, Contradicts for one who is not. A met finding lists every
// person of its group; a missing one lists only the people who lack modules.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/checklist.h"
#include "core/report.h"

namespace mkrp::check::roster {

using Date = std::chrono::year_month_day;

// The training modules, in the order of the criteria's glossary.
enum class Module {
  Intro,
  Patrol,
  Supervisor,
  Investigations,
  Command,
  Telecom,
  Set,
  Exec,
  Ceomec
};

// The positions the criteria name. Supervisor serves both kinds of agency.
enum class Position {
  Officer,
  Supervisor,
  Investigator,
  Command,
  Chief,
  Telecommunicator,
  Evaluator,
  Trainer,
  Director,
};

// "MECINTRO", "MECPAT", ... "CEOMEC".
std::string_view toString(Module module);
// "officer", "supervisor", ... "director".
std::string_view toString(Position position);
// The module a column header names (case, spaces and punctuation ignored), or nullopt.
std::optional<Module> moduleFromHeader(std::string_view header);
// The position a title means for this kind of agency ("Sheriff" -> Chief for LE), or nullopt when
// the title is unknown or belongs to the other kind.
std::optional<Position> positionFromTitle(std::string_view title, core::AgencyKind kind);
// "YYYY-MM-DD" as a date, or nullopt when the text is not exactly that form or no such day exists.
std::optional<Date> parseDate(std::string_view text);
// The date as "YYYY-MM-DD".
std::string formatDate(Date date);

// One person of the roster as written in one row.
struct Person {
  int row = 0;  // as a spreadsheet shows it: the header is row 1
  std::string name;
  std::vector<Position> positions;  // at least one, no repeats, in the order written
  std::optional<Date> assigned;
  std::map<Module, Date> completed;  // only modules with a date
};

struct Roster {
  std::vector<Person> people;  // in row order
};

// One thing wrong in the file, for the person who filled it in.
struct RosterProblem {
  int row = 0;         // spreadsheet row (header = 1); 0 when it concerns the whole file
  std::string column;  // the column header as written; empty when it concerns the whole row/file
  std::string message;
  // "row 3, column assigned: ..." (or "row 3: ...", or just the message for the whole file).
  std::string toString() const;
  bool operator==(const RosterProblem&) const = default;
};

// The outcome of reading a roster: people only when there are no problems (nothing is
// half-imported).
struct ParseResult {
  Roster roster;
  std::vector<RosterProblem> problems;  // in row order, then column order
  bool ok() const { return problems.empty(); }
};

// Reads a roster file for this kind of agency. Completion dates after `today` are problems.
// Never throws for bad content: every mistake is a RosterProblem.
ParseResult parseRoster(std::string_view bytes, core::AgencyKind kind, Date today);

// What the check is asked to do.
struct CheckOptions {
  core::AgencyKind kind = core::AgencyKind::LawEnforcement;
  Date today;                        // the check date; five years are counted back from it
  std::optional<Date> renewalSince;  // set for a renewal: the date membership began
  std::string file;                  // the roster's file name, copied into evidence
};

// The check's answer for one person.
struct PersonResult {
  int row = 0;
  std::string name;
  std::vector<Position> positions;
  bool checked = true;          // false in a renewal for people in post before membership
  bool complete = false;        // true when checked is false
  std::vector<Module> missing;  // what to complete (modules too old count as missing)
  std::string reason;
};

// The whole check: an overall status (met when every finding is met or not applicable, else
// missing), one result per person in row order, and one finding per item of the header comment.
struct RosterCheck {
  core::Status status = core::Status::Missing;
  std::vector<PersonResult> people;
  std::vector<core::Finding> findings;
};

// A plain title for a training item ("Training: sworn officers have completed MECINTRO and
// MECPAT"), or "" for an id that is not one of the header comment's.
std::string_view itemTitle(std::string_view itemId);

// Applies the training criteria to a parsed roster. Pure; never throws.
RosterCheck checkRoster(const Roster& roster, const CheckOptions& options);

// The check as JSON: {"status":"met|missing","kind":..,"today":..,"renewalSince":..|null,
// "people":[{"row","name","positions","checked","complete","missing","reason"}],
// "findings":[{"itemId","status","reason","rows"}]}.
std::string toJson(const RosterCheck& check, const CheckOptions& options);
// The problems of a bad file as JSON: {"status":"invalid","problems":[{"row","column","message"}]}.
std::string problemsToJson(const std::vector<RosterProblem>& problems);
// The check as plain text for a terminal: one line per person, then the findings.
std::string toText(const RosterCheck& check, const CheckOptions& options);

}  // namespace mkrp::check::roster
