// The training criteria applied to a parsed roster: per person, then per item.
#include <algorithm>

#include "check/roster/roster.h"

namespace mkrp::check::roster {
namespace {

using core::AgencyKind;
using Modules = std::vector<Module>;

const Modules kLeOnlineTrack = {Module::Intro, Module::Patrol, Module::Supervisor,
                                Module::Investigations, Module::Command};
const Modules kPsapOnlineTrack = {Module::Intro, Module::Telecom, Module::Set, Module::Exec};

bool isExecutive(Position position) {
  return position == Position::Chief || position == Position::Director;
}

std::string joinModules(const Modules& modules) {
  std::string out;
  for (const Module module : modules) {
    if (!out.empty()) out += ", ";
    out += toString(module);
  }
  return out;
}

std::string joinPositions(const std::vector<Position>& positions) {
  std::string out;
  for (const Position position : positions) {
    if (!out.empty()) out += "; ";
    out += toString(position);
  }
  return out;
}

// The modules a position other than chief or director needs.
Modules baseModules(Position position, AgencyKind kind, bool commandNeedsOnline) {
  switch (position) {
    case Position::Officer:
      return {Module::Intro, Module::Patrol};
    case Position::Supervisor:
      return kind == AgencyKind::LawEnforcement
                 ? Modules{Module::Intro, Module::Patrol, Module::Supervisor}
                 : Modules{Module::Intro, Module::Telecom, Module::Set};
    case Position::Investigator:
      return {Module::Intro, Module::Patrol, Module::Investigations};
    case Position::Command:
      return commandNeedsOnline ? kLeOnlineTrack : Modules{Module::Intro, Module::Patrol};
    case Position::Telecommunicator:
      return {Module::Intro, Module::Telecom};
    case Position::Evaluator:
    case Position::Trainer:
      return {Module::Intro, Module::Telecom, Module::Set};
    case Position::Chief:
    case Position::Director:
      break;
  }
  return {};
}

// More than five years old on `today` (a completion on 2020-02-29 lasts through 2025-03-01).
bool tooOld(Date completed, Date today) {
  const Date expires = completed + std::chrono::years{5};
  return std::chrono::sys_days(today) > std::chrono::sys_days(expires);
}

struct Context {
  const CheckOptions& options;
  bool commandNeedsOnline = false;
  bool renewal() const { return options.renewalSince.has_value(); }
};

// A module that counts: completed and, for an executive at renewal, at most five years old.
bool counts(const Person& person, Module module, const Context& context, bool executive) {
  const auto found = person.completed.find(module);
  if (found == person.completed.end()) return false;
  return !(executive && context.renewal() && tooOld(found->second, context.options.today));
}

// What the chief/sheriff or director has: the seminar, the whole online track, or a gap.
struct ExecutiveOutcome {
  Modules missing;
  std::string reason;
};

std::string staleNote(const Person& person, const Modules& track, const Context& context) {
  std::string note;
  if (!context.renewal()) return note;
  Modules all = track;
  all.push_back(Module::Ceomec);
  for (const Module module : all) {
    const auto found = person.completed.find(module);
    if (found == person.completed.end() || !tooOld(found->second, context.options.today)) continue;
    note += "; " + std::string(toString(module)) + " completed " + formatDate(found->second) +
            " is more than five years old and must be retaken";
  }
  return note;
}

ExecutiveOutcome evaluateExecutive(const Person& person, const Context& context) {
  const bool le = context.options.kind == AgencyKind::LawEnforcement;
  const Modules& track = le ? kLeOnlineTrack : kPsapOnlineTrack;
  if (counts(person, Module::Ceomec, context, true)) {
    return {{}, "completed CEOMEC on " + formatDate(person.completed.at(Module::Ceomec))};
  }
  Modules lacking;
  for (const Module module : track) {
    if (!counts(person, module, context, true)) lacking.push_back(module);
  }
  if (lacking.empty()) {
    return {{},
            "completed the online track (" + joinModules(track) + ")" +
                (le ? ", which counts together with all command staff" : "")};
  }
  const bool started = lacking.size() < track.size();
  std::string reason = "needs CEOMEC, or the online track " + joinModules(track) +
                       (le ? " together with all command staff" : "") + "; " +
                       (started ? "missing " + joinModules(lacking) : "has none of them") +
                       staleNote(person, track, context);
  return {started ? lacking : Modules{Module::Ceomec}, reason};
}

// One person's positions as checked: the modules each position lacks.
struct Evaluated {
  PersonResult result;
  std::vector<std::pair<Position, Modules>> gaps;  // only positions in scope
};

bool predatesMembership(const Person& person, const Context& context) {
  return context.renewal() && person.assigned && *person.assigned < *context.options.renewalSince;
}

std::string positionClause(Position position, const Modules& needed, const Modules& lacking) {
  std::string clause = "as " + std::string(toString(position)) + ": ";
  if (lacking.empty()) return clause + "has " + joinModules(needed);
  return clause + "missing " + joinModules(lacking) + " (needs " + joinModules(needed) + ")";
}

void addUnique(Modules& into, const Modules& modules) {
  for (const Module module : modules) {
    if (std::find(into.begin(), into.end(), module) == into.end()) into.push_back(module);
  }
}

Evaluated evaluatePerson(const Person& person, const Context& context) {
  Evaluated out;
  out.result = {person.row, person.name, person.positions, true, false, {}, {}};
  std::vector<std::string> clauses;
  const bool before = predatesMembership(person, context);
  for (const Position position : person.positions) {
    Modules lacking;
    if (isExecutive(position)) {
      ExecutiveOutcome outcome = evaluateExecutive(person, context);
      clauses.push_back("as " + std::string(toString(position)) + ": " + outcome.reason);
      lacking = std::move(outcome.missing);
    } else if (before) {
      continue;
    } else {
      const Modules needed =
          baseModules(position, context.options.kind, context.commandNeedsOnline);
      for (const Module module : needed) {
        if (!counts(person, module, context, false)) lacking.push_back(module);
      }
      clauses.push_back(positionClause(position, needed, lacking));
    }
    addUnique(out.result.missing, lacking);
    out.gaps.emplace_back(position, std::move(lacking));
  }
  if (out.gaps.empty()) {
    out.result.checked = false;
    out.result.complete = true;
    out.result.reason =
        "in post since " + formatDate(*person.assigned) + ", before membership began on " +
        formatDate(*context.options.renewalSince) + ": not part of the renewal check";
    return out;
  }
  std::sort(out.result.missing.begin(), out.result.missing.end());
  out.result.complete = out.result.missing.empty();
  const bool onlyExecutive =
      std::all_of(person.positions.begin(), person.positions.end(), isExecutive);
  if (context.renewal() && !person.assigned && !onlyExecutive) {
    clauses.push_back("no assigned date, so checked as hired since membership began");
  }
  for (const std::string& clause : clauses) {
    out.result.reason += (out.result.reason.empty() ? "" : "; ") + clause;
  }
  return out;
}

// When no chief has a CEOMEC that counts, the online track is the only way to meet MKRP-LE-04,
// and it counts only together with all command staff.
bool commandNeedsOnline(const Roster& roster, const Context& context) {
  if (context.options.kind != AgencyKind::LawEnforcement) return false;
  for (const Person& person : roster.people) {
    const bool chief = std::find(person.positions.begin(), person.positions.end(),
                                 Position::Chief) != person.positions.end();
    if (chief && counts(person, Module::Ceomec, context, true)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Findings.

struct ItemSpec {
  std::string_view id;
  std::string_view group;  // who the item is about, for reasons
  std::vector<Position> positions;
  std::string_view executive;  // when set, the item is missing (not not-applicable) without one
};

std::vector<ItemSpec> itemsFor(const CheckOptions& options) {
  using P = Position;
  const bool le = options.kind == AgencyKind::LawEnforcement;
  if (options.renewalSince && le) {
    return {{"TRN-REN-LE-01", "chief or sheriff", {P::Chief}, "chief or sheriff"},
            {"TRN-REN-LE-02",
             "people hired, assigned or promoted since membership began",
             {P::Officer, P::Supervisor, P::Investigator, P::Command},
             ""}};
  }
  if (options.renewalSince) {
    return {{"TRN-REN-PSAP-01", "director", {P::Director}, "director"},
            {"TRN-REN-PSAP-02",
             "people hired, assigned or promoted since membership began",
             {P::Telecommunicator, P::Supervisor, P::Evaluator, P::Trainer},
             ""}};
  }
  if (le) {
    return {{"TRN-LE-01", "officers", {P::Officer}, ""},
            {"TRN-LE-02", "supervisors", {P::Supervisor}, ""},
            {"TRN-LE-03", "investigators", {P::Investigator}, ""},
            {"TRN-LE-04",
             "chief or sheriff and command staff",
             {P::Chief, P::Command},
             "chief or sheriff"}};
  }
  return {{"TRN-PSAP-01", "telecommunicators", {P::Telecommunicator}, ""},
          {"TRN-PSAP-02",
           "supervisors, evaluators and trainers",
           {P::Supervisor, P::Evaluator, P::Trainer},
           ""},
          {"TRN-PSAP-03", "director", {P::Director}, "director"}};
}

// A member of an item's group and what they lack for it.
struct Member {
  const PersonResult* person;
  Modules lacking;
};

std::vector<Member> membersOf(const ItemSpec& item, const std::vector<Evaluated>& evaluated) {
  std::vector<Member> members;
  for (const Evaluated& one : evaluated) {
    bool inGroup = false;
    Modules lacking;
    for (const auto& [position, gap] : one.gaps) {
      if (std::find(item.positions.begin(), item.positions.end(), position) ==
          item.positions.end()) {
        continue;
      }
      inGroup = true;
      addUnique(lacking, gap);
    }
    if (inGroup) members.push_back({&one.result, std::move(lacking)});
  }
  return members;
}

bool holdsExecutive(const std::vector<Member>& members, const ItemSpec& item) {
  return std::any_of(members.begin(), members.end(), [&](const Member& member) {
    return std::any_of(
        member.person->positions.begin(), member.person->positions.end(), [&](Position p) {
          return isExecutive(p) &&
                 std::find(item.positions.begin(), item.positions.end(), p) != item.positions.end();
        });
  });
}

core::EvidenceSpan rowEvidence(const Member& member, const std::string& file) {
  core::EvidenceSpan span;
  span.document = -1;
  span.file = file;
  span.block = member.person->row;
  span.label = "row " + std::to_string(member.person->row);
  span.text =
      span.label + ": " + member.person->name + " (" + joinPositions(member.person->positions) +
      "): " + (member.lacking.empty() ? "complete" : "missing " + joinModules(member.lacking));
  span.role = member.lacking.empty() ? core::EvidenceRole::Meets : core::EvidenceRole::Contradicts;
  return span;
}

std::string rowList(const std::vector<Member>& members, bool withModules) {
  std::string out;
  for (const Member& member : members) {
    if (!out.empty()) out += ", ";
    out += "row " + std::to_string(member.person->row);
    if (withModules) out += " (" + joinModules(member.lacking) + ")";
  }
  return out;
}

core::Finding findingFor(const ItemSpec& item, const std::vector<Evaluated>& evaluated,
                         const CheckOptions& options) {
  core::Finding finding;
  finding.itemId = std::string(item.id);
  finding.confidence = 1;
  const std::vector<Member> members = membersOf(item, evaluated);
  if (!item.executive.empty() && !holdsExecutive(members, item)) {
    finding.status = core::Status::Missing;
    finding.reason = "the roster names no " + std::string(item.executive) +
                     ": add their row with CEOMEC or the online modules";
    return finding;
  }
  if (members.empty()) {
    finding.status = core::Status::NotApplicable;
    finding.reason = "nobody on the roster is among the " + std::string(item.group);
    return finding;
  }
  std::vector<Member> lacking;
  std::copy_if(members.begin(), members.end(), std::back_inserter(lacking),
               [](const Member& member) { return !member.lacking.empty(); });
  const std::vector<Member>& shown = lacking.empty() ? members : lacking;
  for (const Member& member : shown) finding.evidence.push_back(rowEvidence(member, options.file));
  finding.status = lacking.empty() ? core::Status::Met : core::Status::Missing;
  const std::string count =
      lacking.empty() ? "all " + std::to_string(members.size()) + " have the required training (" +
                            rowList(members, false) + ")"
                      : std::to_string(lacking.size()) + " of " + std::to_string(members.size()) +
                            " without the required training: " + rowList(lacking, true);
  finding.reason = std::string(item.group) + ": " + count;
  return finding;
}

}  // namespace

RosterCheck checkRoster(const Roster& roster, const CheckOptions& options) {
  Context context{options};
  context.commandNeedsOnline = commandNeedsOnline(roster, context);
  std::vector<Evaluated> evaluated;
  for (const Person& person : roster.people) evaluated.push_back(evaluatePerson(person, context));
  RosterCheck check;
  for (const ItemSpec& item : itemsFor(options)) {
    check.findings.push_back(findingFor(item, evaluated, options));
  }
  const bool met = std::all_of(check.findings.begin(), check.findings.end(), [](const auto& f) {
    return f.status == core::Status::Met || f.status == core::Status::NotApplicable;
  });
  check.status = met ? core::Status::Met : core::Status::Missing;
  for (Evaluated& one : evaluated) check.people.push_back(std::move(one.result));
  return check;
}

}  // namespace mkrp::check::roster
