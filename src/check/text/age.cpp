#include "check/text/age.h"

#include <cmath>

#include "check/text/number.h"
#include "check/text/pattern.h"
#include "check/text/tokenizer.h"
#include "check/text/units.h"

namespace mkrp::check::text {

namespace {

// The comparison written before the number.
enum class Lead { None, Below, Above, AtLeast, AtMost, Between, AgeWord };

struct LeadRule {
  Lead lead;
  bool strong;  // counts as an age without an age word ("under 18", "over 17")
};

const PatternTable<LeadRule>& leadTable() {
  static const PatternTable<LeadRule> table = [] {
    Tokenizer tokenizer;
    PatternTable<LeadRule> rows;
    rows.add("under|below the? age|ages? of?", {Lead::Below, true}, tokenizer);
    rows.add("younger_than the? age? of?", {Lead::Below, true}, tokenizer);
    rows.add("before the? age|ages of?", {Lead::Below, true}, tokenizer);
    // "a person who has not reached the age of 18" (or "... reached 18 years of age"), as
    // statutes define a child
    rows.add("not|never reached|attained|turned the? age? of?", {Lead::Below, true}, tokenizer);
    rows.add("less_than|fewer_than the? age|ages? of?", {Lead::Below, false}, tokenizer);
    rows.add("over|above the? age|ages? of?", {Lead::Above, true}, tokenizer);
    rows.add("older_than the? age? of?", {Lead::Above, true}, tokenizer);
    rows.add("more_than|greater_than the? age|ages? of?", {Lead::Above, false}, tokenizer);
    rows.add("at_least the? age|ages? of?", {Lead::AtLeast, false}, tokenizer);
    rows.add("no_older_than|not_older_than the? age? of?", {Lead::AtMost, true}, tokenizer);
    rows.add("up_to|through the? age|ages? of?", {Lead::AtMost, false}, tokenizer);
    rows.add("between the? age|ages? of?", {Lead::Between, false}, tokenizer);
    rows.add("age|aged|ages of?", {Lead::AgeWord, false}, tokenizer);
    return rows;
  }();
  return table;
}

bool lowerIs(std::span<const Token> tokens, std::size_t i,
             std::initializer_list<std::string_view> words) {
  if (i >= tokens.size() || tokens[i].has(Gap::Sentence)) return false;
  for (std::string_view word : words) {
    if (tokens[i].lower == word) return true;
  }
  return false;
}

bool namesAge(std::span<const Token> tokens, TokenRange range) {
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (lowerIs(tokens, k, {"age", "ages", "aged", "younger", "older"})) return true;
  }
  return false;
}

// A whole number of years that a person can be.
std::optional<NumberReading> wholeAge(std::span<const Token> tokens, std::size_t i) {
  auto number = readNumber(tokens, i);
  if (!number || number->value < 0 || number->value > 120) return std::nullopt;
  if (number->value != std::floor(number->value)) return std::nullopt;
  return number;
}

// "years", "years of age", "years old", "-year-old" after the number.
struct YearsSuffix {
  bool years = false;
  bool ofAge = false;  // "of age" or "old" follows
  std::size_t next = 0;
};

YearsSuffix yearsSuffix(std::span<const Token> tokens, std::size_t k) {
  YearsSuffix suffix{false, false, k};
  if (!lowerIs(tokens, k, {"year", "years", "yr", "yrs"})) return suffix;
  suffix.years = true;
  suffix.next = k + 1;
  if (lowerIs(tokens, k + 1, {"of"}) && lowerIs(tokens, k + 2, {"age"})) {
    suffix.ofAge = true;
    suffix.next = k + 3;
  } else if (lowerIs(tokens, k + 1, {"old"})) {
    suffix.ofAge = true;
    suffix.next = k + 2;
  }
  return suffix;
}

// "or younger", "and under", "or older", "and up" after the number.
struct Ending {
  bool upward = false;  // "or older": a minimum
  bool counts = false;  // the ending alone makes the number an age
  bool needsYears = false;
  std::size_t next = 0;
};

std::optional<Ending> ending(std::span<const Token> tokens, std::size_t k) {
  if (!lowerIs(tokens, k, {"or", "and"})) return std::nullopt;
  const std::size_t w = k + 1;
  if (lowerIs(tokens, w, {"younger", "under", "below"})) return Ending{false, true, false, w + 1};
  if (lowerIs(tokens, w, {"older", "over", "above", "up"})) return Ending{true, true, false, w + 1};
  if (lowerIs(tokens, w, {"less", "lower"})) return Ending{false, false, true, w + 1};
  if (lowerIs(tokens, w, {"more", "greater"})) return Ending{true, false, true, w + 1};
  return std::nullopt;
}

AgeMention mention(std::span<const Token> tokens, std::size_t begin, std::size_t end,
                   AgeRange range) {
  return {range, {begin, end}, tokens[begin].start, tokens[end - 1].end};
}

// "18 through 20", "18-20", "18 to 20", "18 and 21" (after "between"), with an optional
// "years of age" after the second number.
std::optional<AgeMention> rangeAt(std::span<const Token> tokens, std::size_t begin, std::size_t k,
                                  int low, Lead lead, bool marked) {
  std::size_t second = k;
  if (lowerIs(tokens, k, {"through", "thru", "to"}) ||
      (lead == Lead::Between && lowerIs(tokens, k, {"and"}))) {
    second = k + 1;
  } else if (!(k < tokens.size() && tokens[k].isNumber() &&
               (tokens[k].has(Gap::Hyphen) || tokens[k].has(Gap::Dash)))) {
    return std::nullopt;
  }
  if (second < tokens.size() && tokens[second].has(Gap::Sentence)) return std::nullopt;
  const auto high = wholeAge(tokens, second);
  if (!high || high->value < low) return std::nullopt;
  const YearsSuffix suffix = yearsSuffix(tokens, high->tokens.end);
  const bool named = marked || suffix.ofAge || lead == Lead::Between;
  if (!named) return std::nullopt;
  return mention(tokens, begin, suffix.next, {low, static_cast<int>(high->value)});
}

std::optional<AgeMention> ageAt(std::span<const Token> tokens, std::size_t i) {
  LeadRule lead{Lead::None, false};
  bool marked = false;
  std::size_t numberAt = i;
  if (const auto match = leadTable().longestAt(tokens, i)) {
    lead = leadTable().value(match->rule);
    marked = namesAge(tokens, match->tokens);
    numberAt = match->tokens.end;
  }
  if (numberAt > i && numberAt < tokens.size() && tokens[numberAt].has(Gap::Sentence)) {
    return std::nullopt;  // "... above. 6 ...": the lead ended a sentence
  }
  const auto number = wholeAge(tokens, numberAt);
  if (!number) return std::nullopt;
  const int value = static_cast<int>(number->value);
  std::size_t k = number->tokens.end;
  if (k < tokens.size() && !tokens[k].has(Gap::Sentence)) {
    const auto unit = detail::timeUnitOf(tokens[k].lower);
    if (unit && unit->kind != detail::UnitKind::Year) return std::nullopt;  // "under 2 hours"
  }
  const YearsSuffix suffix = yearsSuffix(tokens, k);
  marked = marked || suffix.ofAge;
  k = suffix.next;
  if (lead.lead == Lead::Between || lead.lead == Lead::AgeWord || suffix.ofAge || !suffix.years) {
    if (auto range = rangeAt(tokens, i, k, value, lead.lead, marked)) return range;
  }
  if (const auto end = ending(tokens, k)) {
    const bool counts = marked || end->counts || (end->needsYears && suffix.years);
    if (!counts) return std::nullopt;
    const AgeRange range = end->upward ? AgeRange{value, std::nullopt} : AgeRange{0, value};
    return mention(tokens, i, end->next, range);
  }
  const bool counts = marked || (lead.strong && (!suffix.years || lead.lead == Lead::Below));
  if (!counts) return std::nullopt;
  switch (lead.lead) {
    case Lead::Below:
      if (value == 0) return std::nullopt;
      return mention(tokens, i, k, {0, value - 1});
    case Lead::Above:
      return mention(tokens, i, k, {value + 1, std::nullopt});
    case Lead::AtLeast:
      return mention(tokens, i, k, {value, std::nullopt});
    case Lead::AtMost:
      return mention(tokens, i, k, {0, value});
    default:
      return std::nullopt;
  }
}

// Most tokens can start no age: neither a lead word nor a number.
bool mayStartAge(const Token& token, const PatternTable<LeadRule>& leads) {
  return token.isNumber() || token.wordValue >= 0 || leads.mayStartAt(token);
}

// One past the last token that can be (or start) a number: an age needs one at or after its start,
// so most blocks, which have none, are not scanned at all.
std::size_t afterLastNumber(std::span<const Token> tokens) {
  std::size_t end = tokens.size();
  while (end > 0 && !tokens[end - 1].isNumber() && tokens[end - 1].wordValue < 0) --end;
  return end;
}

}  // namespace

std::vector<AgeMention> findAges(std::span<const Token> tokens) {
  std::vector<AgeMention> ages;
  const PatternTable<LeadRule>& leads = leadTable();
  const std::size_t end = afterLastNumber(tokens);
  for (std::size_t i = 0; i < end;) {
    if (!mayStartAge(tokens[i], leads)) {
      ++i;
      continue;
    }
    if (auto age = ageAt(tokens, i)) {
      i = age->tokens.end;
      ages.push_back(*age);
    } else {
      ++i;
    }
  }
  return ages;
}

}  // namespace mkrp::check::text
