// Whether a span of text is negated, by which words, and what they negate. This layer reports
// polarity only: "no waiting period" and "phone reports are not accepted" are both Negated. The
// matcher decides what that means from whether its concept is a good thing (a negated good thing
// contradicts) or a bad thing (a negated bad thing complies).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "check/text/token.h"

namespace mkrp::check::text {

enum class Polarity { Affirmed, Negated };

// How the negating words reach the span.
enum class NegationReach {
  None,       // nothing in the clause negates the span
  Direct,     // the cue governs the span itself: "no waiting period", "shall not be refused",
              // "without delay", "regardless of the time"; also a cue inside the span
  Preceding,  // a cue earlier in the clause negates its predicate, and the span is part of it:
              // "will not be taken over the phone" (span "phone"), "no report shall be refused"
              // (span "refused"), "under no circumstances shall ... be delayed"
  Following,  // the span is the subject of a negated predicate after it: "phone reports are not
              // accepted" (span "phone reports"), "a waiting period is not required"
};

struct Negation {
  Polarity polarity = Polarity::Affirmed;
  NegationReach reach = NegationReach::None;
  TokenRange cue;               // the negating words: "not", "no", "under no circumstances"
  std::string_view cueName;     // canonical cue: "not", "no", "never", "without", "regardless of",
                                // ...; empty when Affirmed. Points to static storage.
  std::size_t negated = kNone;  // the word the cue applies to: the first word after the cue that
                                // is not an auxiliary or article ("refused" in "shall not be
                                // refused", "accepted" in "are not accepted"; for a trailing
                                // "prohibited", the span's first word); kNone if none
  TokenRange clause;            // the clause that was searched (see clauseOf)

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
};

// Reads the negation of `span` within its clause (clause.h: sentence end, ';', "but", "unless",
// "except", "until", "and will ..." end it; commas do not). Cues and their scope:
// - "not", "never" negate the rest of their clause, and also the words before them when they
//   follow an auxiliary or modal ("are not", "shall not", "do not", "cannot");
// - "no", "neither" at the start of a clause or after "there is/are/will be" negate the whole
//   clause ("no report shall be refused"); elsewhere only the words right after them, up to a
//   comma ("a report with no photo");
// - "without", "regardless of", "irrespective of", "no matter" negate the words after them up
//   to a comma or the clause end ("accept the report without delay");
// - "nothing", "nobody", "no one", "none", "under no circumstances", "in no case", "at no time"
//   negate the rest of the clause;
// - "prohibited", "forbidden" negate what precedes them ("waiting periods are prohibited") and
//   what follows ("prohibited from refusing").
// Not cues: the bound words "no later than", "not more than", "not to exceed", "not exceed(ing)",
// "no less than", and "not only", "not limited to", "whether or not", "if not", "No." before a
// number. A cue that is the first token of the span is part of the concept ("no waiting period"
// as a phrase) and ignored.
// When several cues reach the span, Direct wins, then the nearest Preceding, then the nearest
// Following. REQUIRES: span is non-empty and inside tokens. Thread-safe.
Negation negationOf(std::span<const Token> tokens, TokenRange span);
// Same, with `clauseStarts` remembering which tokens start a clause across calls over the same
// tokens (see clauseOf in clause.h).
Negation negationOf(std::span<const Token> tokens, TokenRange span,
                    std::span<std::uint8_t> clauseStarts);

}  // namespace mkrp::check::text
