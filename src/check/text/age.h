// Age limits as directives write them: "under 18", "under the age of eighteen (18)",
// "17 years of age or younger", "12 and under", "younger than 13", "18 or older",
// "18 through 20 years of age", "between the ages of 18 and 21".
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "check/text/token.h"

namespace mkrp::check::text {

// Whole years, both ends inclusive: "under 18" is {0, 17}, "18 or older" is {18, nothing},
// "18 through 20" is {18, 20}.
struct AgeRange {
  int min = 0;
  std::optional<int> max;
  bool operator==(const AgeRange&) const = default;
};

struct AgeMention {
  AgeRange range;
  TokenRange tokens;        // the words that say it, "under the age of" included
  std::uint32_t start = 0;  // bytes [start, end) in the text
  std::uint32_t end = 0;
};

// Returns every age limit in `tokens`, in text order, not overlapping. A bare number is an age
// only with an age word around it: a comparison that names age ("younger than", "older than",
// "the age of", "aged", "ages"), "years of age"/"years old" after it, or "or younger"/"and under"
// style endings. "under N" and "over N" count as ages when no time unit follows ("under 2 hours"
// is a duration); "less than"/"more than"/"at least" need an age word. A single age with no
// bound ("a 12-year-old", "age 17") is not reported.
std::vector<AgeMention> findAges(std::span<const Token> tokens);

}  // namespace mkrp::check::text
