// What a checklist says, in memory: its items and, for each item, the rules that find the
// required element in a directive or find it contradicted. Pure data: loading lives in
// check/checklist_loader.h, evaluation in the check engine. The file format is specified in
// docs/checklist-format.md; each type below names the XML element it comes from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mkrp::core {

// The kind of agency a checklist (or an item) applies to: a law-enforcement agency or a 9-1-1
// center (public safety answering point).
enum class AgencyKind { LawEnforcement, Psap };

// How much an item weighs: a critical gap fails the submission, a recommended one is advice.
enum class Severity { Critical, Recommended };

// Stable lower-case names used in the XML files, JSON and text output ("le", "psap";
// "critical", "recommended").
std::string_view toString(AgencyKind kind);
std::string_view toString(Severity severity);
// Inverse of toString. Throws Poco::DataFormatException for an unknown name.
AgencyKind agencyKindFromString(std::string_view name);
Severity severityFromString(std::string_view name);

// ---------------------------------------------------------------------------------------------
// The rule tree (XML: the children of <meets>, <partial> and <contradicts>).

// How far apart the parts of a co-occurrence may be
// (XML: within="N words|sentence|block|section|document").
struct Scope {
  enum class Kind {
    Words,     // the parts lie within `words` words of each other
    Sentence,  // one sentence
    Block,     // one block: a paragraph, list item, table cell, ...
    Section,   // one heading and the blocks it governs (up to the next heading of its level)
    Document,  // anywhere in one document
  };
  Kind kind = Kind::Sentence;
  int words = 0;  // Kind::Words only: 1 .. 200
};

// A unit of time in a duration bound.
enum class TimeUnit { Minutes, Hours, Days, Weeks, Months, Years };

// A length of time such as "2 hours" (XML attribute values of <duration>).
struct Duration {
  double amount = 0;
  TimeUnit unit = TimeUnit::Hours;
  // The length in minutes; a month counts as 30 days and a year as 365 days.
  double inMinutes() const;
};

struct Matcher;

// <phrase>: one wording. The engine matches it stemmed and tolerant of case, punctuation, line
// breaks and hyphenation; the words must appear in this order, next to each other.
struct Phrase {
  std::string text;
  bool exactCase = false;  // case="exact": an acronym that is also a word ("LEADS", not "leads")
};

// <concept ref="...">: any phrase of a named concept (ChecklistSet::concepts).
struct ConceptRef {
  std::string id;
};

// <any>: matches where any one option matches.
struct AnyOf {
  std::vector<Matcher> options;
};

// <all within="...">: every part matches, all within one scope. The match is discarded when any
// `without` matcher also occurs in that scope.
struct AllOf {
  Scope scope;
  std::vector<Matcher> parts;
  std::vector<Matcher> without;
};

// <negated>: an option occurs inside a negation ("no waiting period", "shall not be refused",
// "are not accepted"). A negation written inside a phrase itself ("do not touch") does not count.
struct Negated {
  std::vector<Matcher> options;
};

// <affirmed>: an option occurs and is not negated ("a 24-hour waiting period").
struct Affirmed {
  std::vector<Matcher> options;
};

// <duration at-most="..." over="...">: a stated length of time written with a number and a unit
// ("two hours", "2 hrs", "120 minutes", "24-hour", "thirty (30) days"). With no bound it matches
// any such duration. Words like "immediately" or "end of shift" are concepts, not durations.
struct DurationBound {
  std::optional<Duration> atMost;  // matches a duration no longer than this
  std::optional<Duration> over;    // matches a duration longer than this
};

// <age covers="..." stops-below="...">: an age limit in the text ("under 18", "13 years of age or
// younger", "12 and under", "18 through 20"), read as a range of ages in whole years.
struct AgeBound {
  std::optional<int> covers;      // the range includes this age
  std::optional<int> stopsBelow;  // the range has an upper end, and it is lower than this age
};

// <member name="...">: one entry of a <complete-list>.
struct ListMember {
  std::string name;
  std::vector<Matcher> options;  // the member is present where any option matches
};

// <complete-list within="..." name="..." partial-from="N">: every member must be present in one
// scope. When only some are (at least `partialFrom`), the match is partial and the reason names
// the members that are missing; with fewer, the list does not match at all.
struct CompleteList {
  std::string name;
  Scope scope;
  int partialFrom = 2;  // 1 .. members.size()
  std::vector<ListMember> members;
};

// One node of the rule tree, with the line of the XML file it was written on.
struct Matcher {
  std::variant<Phrase, ConceptRef, AnyOf, AllOf, Negated, Affirmed, DurationBound, AgeBound,
               CompleteList>
      node;
  int line = 0;
};

// What a hedge ("should", "may", "if available", ... : the concept `hedge`) in the sentence of a
// <meets> match does to it (XML: when-hedged="partial|met").
enum class Hedging {
  Weakens,  // the match only partially meets the item (the default)
  Ignored,  // the match meets the item anyway (e.g. "reports may be made by telephone")
};

// <meets>, <partial> or <contradicts>: matches where any option matches, and says why.
struct Pattern {
  std::string reason;                  // the finding's reason in words, for a reviewer
  Hedging hedging = Hedging::Weakens;  // <meets> only
  std::vector<Matcher> options;
  int line = 0;
};

// An item decided from the text. Contradiction wins over meets, meets over partial; an item with
// no match at all is missing.
struct EvidenceRule {
  std::vector<Pattern> meets;  // at least one
  std::vector<Pattern> partial;
  std::vector<Pattern> contradicts;
};

// <derived from="..." rule="all-met" requires="...">: an item decided from other items.
// all-met: met when every `from` item is met; contradicted when any is contradicted; missing when
// the `required` item is missing (or every `from` item is); partial otherwise.
struct DerivedRule {
  std::vector<std::string> from;
  std::string required;  // may be empty
};

// <same-as item="...">: the item always carries the status of another item.
struct SameAsRule {
  std::string item;
};

using ItemRule = std::variant<EvidenceRule, DerivedRule, SameAsRule>;

// ---------------------------------------------------------------------------------------------
// Checklists.

// <item>: one required element, with a stable ID from the reference ("LE-05").
struct Item {
  std::string id;
  std::string title;
  std::string requirement;  // what a compliant directive must contain, in words
  Severity severity = Severity::Critical;
  std::string sourceSection;           // where the requirement comes from
  std::string basis;                   // how well the requirement is evidenced, in words
  std::vector<std::string> basisTags;  // SEED, LAW, FOUND, CORROBORATED, RECALLED, INFERRED
  std::string note;                    // optional remark for reviewers and editors
  std::vector<AgencyKind> appliesTo;   // the checklist's kinds unless the item narrows them
  ItemRule rule;
  int line = 0;

  // True when the item applies to agencies of `kind`.
  bool appliesToKind(AgencyKind kind) const;
};

// <checklist>: the items of one source document in one edition.
struct Checklist {
  std::string id;       // "le-model-policy"
  std::string edition;  // "NCMEC/IACP model policy, rev. October 2011"
  std::string title;
  std::string description;
  std::string file;  // the file it was loaded from, for messages
  std::vector<AgencyKind> appliesTo;
  std::vector<Item> items;

  // True when the checklist applies to agencies of `kind`.
  bool appliesToKind(AgencyKind kind) const;
  // The item with this ID, or nullptr.
  const Item* findItem(std::string_view itemId) const;
};

// <concept>: a named set of phrases, reused across items. It may include other concepts. A match
// of one of its phrases does not count when it lies inside a match of an exception
// ("effective immediately" is not "immediately"; "may be in danger" is not a hedge).
struct Concept {
  std::string id;
  std::string label;  // how a reason names it ("NCIC or state system"); the id when not given
  std::vector<Phrase> phrases;        // its own phrases, as written
  std::vector<std::string> includes;  // ids of included concepts, as written
  std::vector<Phrase> exceptions;     // its own <except> phrases, as written
  std::vector<Phrase> expanded;       // every phrase including included concepts, no duplicates
  std::vector<Phrase> expandedExceptions;  // every exception including included concepts
  std::string file;
  int line = 0;
};

// Everything loaded from a checklist directory: the checklists and the concepts they share.
struct ChecklistSet {
  std::vector<Checklist> checklists;
  std::map<std::string, Concept, std::less<>> concepts;

  // The item with this ID in any checklist, or nullptr.
  const Item* findItem(std::string_view itemId) const;
  // The concept with this ID, or nullptr.
  const Concept* findConcept(std::string_view conceptId) const;
  // The number of items over all checklists.
  std::size_t itemCount() const;
};

}  // namespace mkrp::core
