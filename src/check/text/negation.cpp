#include "check/text/negation.h"

#include <initializer_list>

#include "check/text/clause.h"
#include "check/text/pattern.h"
#include "check/text/tokenizer.h"
#include "check/text/word_set.h"

namespace mkrp::check::text {

namespace {

// What a cue can reach (see negationOf).
enum class Scope {
  Verb,         // "not", "never", "nor"
  Determiner,   // "no", "neither"
  Phrase,       // "without", "regardless of"
  Rest,         // "nothing", "under no circumstances"
  Prohibition,  // "prohibited", "forbidden"
};

struct CueRule {
  std::string_view name;
  Scope scope;
};

const PatternTable<CueRule>& cueTable() {
  static const PatternTable<CueRule> table = [] {
    Tokenizer tokenizer;
    PatternTable<CueRule> rows;
    auto add = [&](std::string_view spec, std::string_view name, Scope scope) {
      rows.add(spec, {name, scope}, tokenizer);
    };
    add("not", "not", Scope::Verb);
    add("never", "never", Scope::Verb);
    add("nor", "nor", Scope::Verb);
    add("no", "no", Scope::Determiner);
    add("neither", "neither", Scope::Determiner);
    add("without", "without", Scope::Phrase);
    add("regardless of", "regardless of", Scope::Phrase);
    add("irrespective of", "regardless of", Scope::Phrase);
    add("no matter", "regardless of", Scope::Phrase);
    add("nothing", "nothing", Scope::Rest);
    add("nobody", "nobody", Scope::Rest);
    add("no one", "nobody", Scope::Rest);
    add("none", "none", Scope::Rest);
    add("under no circumstance|circumstances", "under no circumstances", Scope::Rest);
    add("in no case|event|instance", "in no case", Scope::Rest);
    add("at no time", "at no time", Scope::Rest);
    add("prohibited|prohibit|forbidden|forbid from?", "prohibited", Scope::Prohibition);
    return rows;
  }();
  return table;
}

// Word groups that start with a cue word but do not negate.
const PatternTable<bool>& notCueTable() {
  static const PatternTable<bool> table = [] {
    Tokenizer tokenizer;
    PatternTable<bool> rows;
    rows.add("not only|limited|necessarily", true, tokenizer);
    rows.add(
        "no|not later_than|more_than|less_than|sooner_than|longer_than|fewer_than|"
        "greater_than|earlier_than",
        true, tokenizer);
    rows.add("not to_exceed|exceeding", true, tokenizer);
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

bool isAuxiliary(const Token& token) {
  static const WordSet kWords = {"is",    "are", "was",   "were", "be",    "been",
                                 "being", "am",  "shall", "will", "would", "should",
                                 "must",  "may", "might", "can",  "could", "do",
                                 "does",  "did", "has",   "have", "had",   "need"};
  return kWords.has(token);
}

// Words skipped when looking for what a cue negates.
bool isSkippable(const Token& token) {
  static const WordSet kWords = {"a",     "an",      "the",          "any",           "this",
                                 "that",  "these",   "those",        "such",          "to",
                                 "ever",  "further", "otherwise",    "also",          "even",
                                 "there", "it",      "so",           "get",           "got",
                                 "all",   "one",     "unreasonably", "unnecessarily", "then"};
  return isAuxiliary(token) || kWords.has(token);
}

bool isPreposition(const Token& token) {
  static const WordSet kWords = {"over",    "by",    "in",     "on",     "for",  "from",   "of",
                                 "with",    "until", "after",  "before", "into", "at",     "about",
                                 "through", "via",   "within", "under",  "upon", "because"};
  return kWords.has(token);
}

bool isExcluded(std::span<const Token> tokens, std::size_t c) {
  if (notCueTable().longestAt(tokens, c)) return true;
  const Token& cue = tokens[c];
  if (cue.lower == "no" &&
      (cue.abbreviation ||
       (c + 1 < tokens.size() && tokens[c + 1].isNumber() && tokens[c + 1].has(Gap::Period)))) {
    return true;  // "Form No. 12"
  }
  if (cue.lower == "not" && c >= 1 && lowerIs(tokens[c - 1], {"if"})) return true;  // if not sooner
  return cue.lower == "not" && c >= 2 && lowerIs(tokens[c - 1], {"or"}) &&
         lowerIs(tokens[c - 2], {"whether"});
}

bool hasBreak(const Token& token) {
  return token.has(Gap::Comma) || token.has(Gap::Colon) || token.has(Gap::Dash) ||
         token.has(Gap::Semicolon);
}

// The cue governs the span directly. After "not" or "never" the span must be the first word
// that is not an auxiliary ("shall not be refused"); otherwise the negated word is a verb and the
// span is its object. After other cues one modifier may stand between ("no mandatory waiting
// period"), but no auxiliary, which would put the span in the predicate ("no report shall be").
bool reachesDirectly(std::span<const Token> tokens, Scope scope, std::size_t from, std::size_t to) {
  const bool verbCue = scope == Scope::Verb || scope == Scope::Prohibition;
  int words = 0;
  for (std::size_t k = from; k < to; ++k) {
    if (hasBreak(tokens[k]) || isPreposition(tokens[k])) return false;
    if (!verbCue && isAuxiliary(tokens[k])) return false;
    if (!isSkippable(tokens[k])) ++words;
  }
  return words <= (verbCue ? 0 : 1) && !hasBreak(tokens[to]);
}

// The words after a phrase cue, up to a comma and at most six words on.
bool inPhraseScope(std::span<const Token> tokens, std::size_t from, std::size_t to) {
  if (to - from > 6) return false;
  for (std::size_t k = from; k <= to; ++k) {
    if (hasBreak(tokens[k])) return false;
  }
  return true;
}

// "No report shall ...", "There is no waiting period": the determiner heads the clause.
bool headsClause(std::span<const Token> tokens, std::size_t c, TokenRange clause) {
  std::size_t k = c;
  while (k > clause.begin && isAuxiliary(tokens[k - 1])) --k;
  if (k == clause.begin) return true;
  return k < c && lowerIs(tokens[k - 1], {"there"}) && k - 1 == clause.begin;
}

NegationReach reachForward(std::span<const Token> tokens, CueRule rule, TokenRange cue,
                           TokenRange span, TokenRange clause) {
  if (reachesDirectly(tokens, rule.scope, cue.end, span.begin)) return NegationReach::Direct;
  switch (rule.scope) {
    case Scope::Verb:
    case Scope::Rest:
    case Scope::Prohibition:
      return NegationReach::Preceding;
    case Scope::Determiner:
      if (headsClause(tokens, cue.begin, clause)) return NegationReach::Preceding;
      [[fallthrough]];
    case Scope::Phrase:
      return inPhraseScope(tokens, cue.end, span.begin) ? NegationReach::Preceding
                                                        : NegationReach::None;
  }
  return NegationReach::None;
}

NegationReach reachBackward(std::span<const Token> tokens, CueRule rule, TokenRange cue) {
  if (cue.begin == 0) return NegationReach::None;
  const Token& before = tokens[cue.begin - 1];
  if (rule.scope == Scope::Verb && isAuxiliary(before)) return NegationReach::Following;
  if (rule.scope == Scope::Prohibition &&
      lowerIs(before, {"is", "are", "be", "been", "was", "were"})) {
    return NegationReach::Following;
  }
  return NegationReach::None;
}

std::size_t headAfter(std::span<const Token> tokens, std::size_t from, TokenRange clause) {
  for (std::size_t k = from; k < clause.end; ++k) {
    if (!isSkippable(tokens[k])) return k;
  }
  return Negation::kNone;
}

int rankOf(NegationReach reach) {
  switch (reach) {
    case NegationReach::Direct:
      return 3;
    case NegationReach::Preceding:
      return 2;
    case NegationReach::Following:
      return 1;
    case NegationReach::None:
      return 0;
  }
  return 0;
}

// negationOf, in a clause already found.
Negation negationIn(std::span<const Token> tokens, TokenRange span, TokenRange clause) {
  Negation best;
  best.clause = clause;
  const PatternTable<CueRule>& cues = cueTable();
  std::size_t bestDistance = 0;
  for (std::size_t c = best.clause.begin; c < best.clause.end; ++c) {
    const auto match = cues.longestAt(tokens, c);
    if (!match || match->tokens.end > best.clause.end) continue;
    const TokenRange cue = match->tokens;
    const std::size_t next = cue.end - 1;  // a cue's own words are not read again as cues
    if (c == span.begin || isExcluded(tokens, c)) {
      c = next;
      continue;
    }
    const CueRule rule = cues.value(match->rule);
    NegationReach reach;
    std::size_t distance;
    if (span.contains(c)) {
      reach = NegationReach::Direct;
      distance = 0;
    } else if (cue.end <= span.begin) {
      reach = reachForward(tokens, rule, cue, span, best.clause);
      distance = span.begin - cue.end;
    } else {
      reach = reachBackward(tokens, rule, cue);
      distance = cue.begin - span.end;
    }
    const bool better =
        rankOf(reach) > rankOf(best.reach) ||
        (reach == best.reach && reach != NegationReach::None && distance < bestDistance);
    if (better) {
      best.polarity = Polarity::Negated;
      best.reach = reach;
      best.cue = cue;
      best.cueName = rule.name;
      // What a trailing "prohibited" forbids is the subject before it.
      const bool forbidsSubject =
          reach == NegationReach::Following && rule.scope == Scope::Prohibition;
      best.negated = forbidsSubject ? headAfter(tokens, span.begin, span)
                                    : headAfter(tokens, cue.end, best.clause);
      bestDistance = distance;
    }
    c = next;
  }
  return best;
}

}  // namespace

Negation negationOf(std::span<const Token> tokens, TokenRange span) {
  return negationIn(tokens, span, clauseOf(tokens, span));
}

Negation negationOf(std::span<const Token> tokens, TokenRange span,
                    std::span<std::uint8_t> clauseStarts) {
  return negationIn(tokens, span, clauseOf(tokens, span, clauseStarts));
}

}  // namespace mkrp::check::text
