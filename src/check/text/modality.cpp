#include "check/text/modality.h"

#include <initializer_list>

#include "check/text/clause.h"
#include "check/text/pattern.h"
#include "check/text/tokenizer.h"

namespace mkrp::check::text {

namespace {

struct ModalRule {
  Modality modality;
  std::string_view name;
};

void addMandatory(PatternTable<ModalRule>& rows, Tokenizer& tokenizer) {
  auto add = [&](std::string_view spec, std::string_view name) {
    rows.add(spec, {Modality::Mandatory, name}, tokenizer);
  };
  add("shall", "shall");
  add("will", "will");
  add("must", "must");
  add("shall not|never", "shall not");
  add("will not|never", "will not");
  add("must not|never", "must not");
  add("may not", "may not");
  add("can not", "cannot");
  add("is|are|am|be|been|was|were required|mandated|obligated|obliged|directed", "is required");
  add("are to", "are to");
  add("is to be", "are to");
  add("is|are responsible for", "is responsible for");
  add("has|have|bears|bear the responsibility|duty", "is responsible for");
  add("it is the responsibility|duty of", "is responsible for");
  add("it is the policy of", "it is the policy");
  add("is|are mandatory", "is required");
  add("has|have|had to", "has to");
  add("need|needs to", "has to");
  add("is|are prohibited|forbidden", "is prohibited");
  add("is|are not permitted|allowed|authorized", "is prohibited");
}

void addRecommended(PatternTable<ModalRule>& rows, Tokenizer& tokenizer) {
  auto add = [&](std::string_view spec, std::string_view name) {
    rows.add(spec, {Modality::Recommended, name}, tokenizer);
  };
  add("should", "should");
  add("should not", "should not");
  add("ought to", "ought to");
  add("is|are strongly? encouraged|urged", "is encouraged");
  add("is|are expected to", "is expected to");
  add("is|are recommended", "is recommended");
  add("it is recommended", "is recommended");
}

void addPermissive(PatternTable<ModalRule>& rows, Tokenizer& tokenizer) {
  auto add = [&](std::string_view spec, std::string_view name) {
    rows.add(spec, {Modality::Permissive, name}, tokenizer);
  };
  add("may", "may");
  add("can", "can");
  add("could", "could");
  add("might", "might");
  add("is|are authorized|permitted|allowed to", "is authorized to");
  add("has|have the discretion|option", "at the discretion of");
  add("at the discretion of", "at the discretion of");
  add("at his|her|their|the own? discretion", "at the discretion of");
  add("is|are optional|discretionary", "is optional");
  add("need not", "need not");
  add("is|are not required|mandatory|obligated", "is not required");
}

const PatternTable<ModalRule>& modalTable() {
  static const PatternTable<ModalRule> table = [] {
    Tokenizer tokenizer;
    PatternTable<ModalRule> rows;
    addMandatory(rows, tokenizer);
    addRecommended(rows, tokenizer);
    addPermissive(rows, tokenizer);
    return rows;
  }();
  return table;
}

const PatternTable<std::string_view>& hedgeTable() {
  static const PatternTable<std::string_view> table = [] {
    Tokenizer tokenizer;
    PatternTable<std::string_view> rows;
    auto add = [&](std::string_view spec, std::string_view name) {
      rows.add(spec, name, tokenizer);
    };
    add("if|when|where|whenever available", "if available");
    add("if|when|where|whenever possible", "when possible");
    add("if at all possible", "when possible");
    add("if|when|where|whenever practical|practicable", "when practical");
    add("if|when|where|whenever feasible", "when feasible");
    add("as|when|where|if appropriate", "as appropriate");
    add("as|when|where|if applicable", "as applicable");
    add("as|when|where|if necessary", "as necessary");
    add("as needed", "as needed");
    add("when|if|as staffing|manpower permits|allows", "when staffing permits");
    add("staffing|manpower permitting", "when staffing permits");
    add("when|if|as resources permit|allow", "subject to available resources");
    add("resources permitting", "subject to available resources");
    add("subject to available resources|personnel|staffing|staff|funding",
        "subject to available resources");
    add("subject to the? availability of? resources|personnel|staffing|staff|funding",
        "subject to available resources");
    add("when|if|as time permits|allows", "if time permits");
    add("time permitting", "if time permits");
    add("when|if|as workload permits|allows", "if time permits");
    add("when|if|as circumstances permit|allow|warrant", "when circumstances permit");
    add("if|when|as warranted", "when warranted");
    add("when|if|as deemed necessary|appropriate|advisable", "when deemed necessary");
    add("to the extent possible|practical|practicable|feasible", "to the extent possible");
    add("as soon as possible|practical|practicable|feasible", "as soon as practical");
    add("consider", "consider");
    add("make|makes every|all reasonable? effort|efforts", "make every effort");
    add("reasonable effort|efforts", "make every effort");
    add("attempt|attempts|try|tries|endeavor|endeavors to", "attempt to");
    add("=generally|=typically|=usually|=normally|=ordinarily", "generally");
    add("in most cases|instances", "generally");
    add("when|once a|an unit|officer becomes|is available", "when a unit becomes available");
    return rows;
  }();
  return table;
}

bool lowerIs(const Token& token, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (token.lower == word) return true;
  }
  return false;
}

// "May 2019", "in May": a capitalized "May" inside a sentence is the month.
bool isMonth(std::span<const Token> tokens, std::size_t k) {
  const Token& token = tokens[k];
  if (token.lower != "may" || !token.capitalized) return false;
  const bool sentenceStart = k == 0 || token.has(Gap::Sentence);
  const bool numberNext = k + 1 < tokens.size() && tokens[k + 1].isNumber();
  return !sentenceStart || numberNext;
}

// "shall be considered at risk" is a statement, not a hedge.
bool isPassiveConsider(std::span<const Token> tokens, std::size_t k) {
  return tokens[k].norm == "consid" && k > 0 &&
         lowerIs(tokens[k - 1], {"be", "is", "are", "was", "were", "been", "being"});
}

// Verbs that open instructions in directives ("Enter the child ...", "Notify the supervisor").
bool isInstructionVerb(const Token& token) {
  return lowerIs(
      token,
      {"accept",   "activate",   "advise",   "alert",    "arrange",   "ascertain",   "ask",
       "assess",   "assign",     "attach",   "attempt",  "be",        "brief",       "broadcast",
       "call",     "cancel",     "canvass",  "check",    "clear",     "collect",     "complete",
       "conduct",  "confirm",    "consider", "contact",  "continue",  "coordinate",  "determine",
       "dispatch", "do",         "document", "enter",    "ensure",    "establish",   "evaluate",
       "explain",  "follow",     "forward",  "gather",   "give",      "identify",    "implement",
       "include",  "inform",     "initiate", "instruct", "interview", "investigate", "issue",
       "keep",     "listen",     "locate",   "maintain", "make",      "note",        "notify",
       "obtain",   "photograph", "place",    "prepare",  "preserve",  "provide",     "query",
       "question", "record",     "refer",    "relay",    "remain",    "report",      "request",
       "respond",  "retain",     "review",   "run",      "screen",    "search",      "secure",
       "send",     "separate",   "submit",   "take",     "tell",      "transmit",    "update",
       "use",      "verify"});
}

// Nouns and verbs look alike ("Report forms are ...", "Review of calls ..."): what follows an
// instruction verb is never one of these.
bool followsLikeNoun(std::span<const Token> tokens, std::size_t k) {
  if (k + 1 >= tokens.size() || tokens[k + 1].has(Gap::Sentence)) return true;
  return lowerIs(tokens[k + 1], {"of", "is", "are", "was", "were", "has", "have", "will", "shall",
                                 "must", "may", "should", "can", "forms", "form"});
}

bool isLabel(std::span<const Token> tokens, std::size_t k) {
  const Token& token = tokens[k];
  const bool shape = token.isNumber() || token.end - token.start == 1 ||
                     token.lower.find_first_not_of("ivx") == std::string::npos;
  const bool marked = k + 1 < tokens.size() &&
                      (tokens[k + 1].has(Gap::CloseParen) || tokens[k + 1].has(Gap::Period));
  return shape && marked;
}

// An instruction verb at `k`, after labels and adverbs; the cue if there is one.
std::optional<ModalCue> imperativeAt(std::span<const Token> tokens, std::size_t k,
                                     std::size_t end) {
  while (k < end && isLabel(tokens, k)) ++k;
  while (k < end &&
         lowerIs(tokens[k], {"immediately", "promptly", "then", "also", "always", "first", "next",
                             "further", "finally", "thereafter", "subsequently", "please"})) {
    ++k;
  }
  if (k >= end) return std::nullopt;
  if (lowerIs(tokens[k], {"do"}) && k + 1 < end && lowerIs(tokens[k + 1], {"not"})) {
    return ModalCue{{k, k + 2}, "do not"};
  }
  if (lowerIs(tokens[k], {"never"})) return ModalCue{{k, k + 1}, "never"};
  if (isInstructionVerb(tokens[k]) && !followsLikeNoun(tokens, k)) {
    return ModalCue{{k, k + 1}, "imperative"};
  }
  return std::nullopt;
}

// "If the child is under 13, notify ...": the instruction after a leading condition.
std::optional<ModalCue> imperativeAfterCondition(std::span<const Token> tokens, TokenRange clause) {
  if (!lowerIs(tokens[clause.begin],
               {"if", "when", "whenever", "once", "upon", "after", "before", "where", "in", "for",
                "during", "prior", "following", "while", "as", "should", "on"})) {
    return std::nullopt;
  }
  for (std::size_t k = clause.begin + 1; k < clause.end; ++k) {
    if (tokens[k].has(Gap::Comma)) return imperativeAt(tokens, k, clause.end);
  }
  return std::nullopt;
}

struct Found {
  ModalCue cue;
  Modality modality;
};

std::optional<Found> governingModal(std::span<const Token> tokens, TokenRange span,
                                    TokenRange clause) {
  std::optional<Found> before;
  std::optional<Found> after;
  for (std::size_t k = clause.begin; k < clause.end; ++k) {
    const auto match = modalTable().longestAt(tokens, k);
    if (!match || match->tokens.end > clause.end || isMonth(tokens, k)) continue;
    const ModalRule& rule = modalTable().value(match->rule);
    Found found{{match->tokens, rule.name}, rule.modality};
    if (k < span.end) {
      before = found;  // the nearest one at or before the span wins
    } else if (!after) {
      after = found;
    }
    k = match->tokens.end - 1;
  }
  return before ? before : after;
}

std::vector<ModalCue> hedgesIn(std::span<const Token> tokens, TokenRange clause) {
  std::vector<ModalCue> hedges;
  for (std::size_t k = clause.begin; k < clause.end; ++k) {
    const auto match = hedgeTable().longestAt(tokens, k);
    if (!match || match->tokens.end > clause.end || isPassiveConsider(tokens, k)) continue;
    hedges.push_back({match->tokens, hedgeTable().value(match->rule)});
    k = match->tokens.end - 1;
  }
  return hedges;
}

}  // namespace

ModalityReading modalityOf(std::span<const Token> tokens, TokenRange span) {
  ModalityReading reading;
  reading.clause = clauseOf(tokens, span);
  reading.hedges = hedgesIn(tokens, reading.clause);
  if (const auto modal = governingModal(tokens, span, reading.clause)) {
    reading.modality = modal->modality;
    reading.verb = modal->cue;
    return reading;
  }
  auto imperative = imperativeAt(tokens, reading.clause.begin, reading.clause.end);
  if (!imperative) imperative = imperativeAfterCondition(tokens, reading.clause);
  if (imperative) {
    reading.modality = Modality::Mandatory;
    reading.verb = imperative;
  }
  return reading;
}

}  // namespace mkrp::check::text
