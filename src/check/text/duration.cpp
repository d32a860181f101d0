#include "check/text/duration.h"

#include <cmath>

#include "check/text/age.h"
#include "check/text/number.h"
#include "check/text/pattern.h"
#include "check/text/tokenizer.h"
#include "check/text/units.h"

namespace mkrp::check::text {

namespace {

using std::chrono::hours;
using std::chrono::seconds;

// A time limit said in words.
struct PhraseRule {
  DurationKind kind;
  seconds length;
  std::string_view name;
  bool recurring = false;
};

void addImmediate(PatternTable<PhraseRule>& rows, Tokenizer& tokenizer) {
  const seconds none{0};
  auto add = [&](std::string_view spec, std::string_view name) {
    rows.add(spec, {DurationKind::Immediate, none, name}, tokenizer);
  };
  add("=immediately", "immediately");
  add("=immediate entry|response|notification|action|dispatch|broadcast|attention|report|reporting",
      "immediate");
  add("on|in an =immediate basis|manner", "immediate");
  add("at once", "at once");
  add("without any? delay", "without delay");
  add("with no delay", "without delay");
  add("without waiting", "without delay");
  add("forthwith", "forthwith");
  add("right away", "right away");
  add("=instantly", "immediately");
  add("upon|on receipt", "upon receipt");
}

void addVague(PatternTable<PhraseRule>& rows, Tokenizer& tokenizer) {
  const seconds none{0};
  auto add = [&](std::string_view spec, std::string_view name) {
    rows.add(spec, {DurationKind::Vague, none, name}, tokenizer);
  };
  add("as soon as possible", "as soon as possible");
  add("as soon as practical|practicable|practically", "as soon as practical");
  add("as soon as feasible", "as soon as feasible");
  add("as soon as reasonably possible|practical|practicable|feasible",
      "as soon as reasonably possible");
  add("as soon as reasonable", "as soon as reasonable");
  add("as soon as circumstances permit|allow", "as soon as circumstances permit");
  add("asap", "as soon as possible");
  add("as quickly as possible|practical|practicable|feasible", "as quickly as possible");
  add("=promptly", "promptly");
  add("in a prompt|timely manner|fashion", "in a timely manner");
  add("=timely", "timely");
  add("when|as|if time permits|allows", "when time permits");
  add("time permitting", "when time permits");
  add("when|as|if workload|workloads permits|allows", "when workload permits");
  add("workload permitting", "when workload permits");
  add("as|when scheduling|schedules permits|allows", "as scheduling permits");
  add("when|if they|he|she|officers|personnel get|have time", "when they get time");
  add("when time is available", "when time is available");
  add("=periodically", "periodically");
  add("on a periodic basis", "periodically");
  add("from time to time", "from time to time");
  add("as needed", "as needed");
  add("at the earliest opportunity|convenience", "at the earliest opportunity");
  add("at the earliest possible time|opportunity", "at the earliest opportunity");
  add("=expeditiously", "expeditiously");
  add("without undue|unnecessary|unreasonable delay", "without unnecessary delay");
  add("within|in a reasonable time|period|timeframe", "within a reasonable time");
  add("a reasonable amount|period of time", "within a reasonable time");
  add("when|once a|an unit|officer becomes|is available", "when a unit becomes available");
  add("at the next scheduled review|meeting", "at the next scheduled review");
}

void addRosterAndCalendar(PatternTable<PhraseRule>& rows, Tokenizer& tokenizer) {
  auto add = [&](std::string_view spec, DurationKind kind, seconds length, std::string_view name) {
    rows.add(spec, {kind, length, name}, tokenizer);
  };
  const auto shift = DurationKind::Shift;
  const auto day = DurationKind::NextDay;
  add("end of the|his|her|their|each|that|this|a? *? next|following scheduled|assigned|regular? "
      "work? shift|tour|watch",
      shift, kNextShift, "end of the next shift");
  add("end of the|his|her|their|each|that|this|a? *? current|scheduled|assigned|regular|same? "
      "work? shift|tour|watch of? duty?",
      shift, kEndOfShift, "end of shift");
  add("end of the|his|her|their? duty", shift, kEndOfShift, "end of shift");
  add("going|goes off duty", shift, kEndOfShift, "end of shift");
  add("same|current shift|tour|watch", shift, kEndOfShift, "same shift");
  add("next|following scheduled|assigned|regular? shift|tour|watch", shift, kNextShift,
      "next shift");
  add("end of the? business|work|working? day", day, kEndOfDay, "end of the day");
  add("next|following business|working day", day, kNextBusinessDay, "next business day");
  add("next|following calendar? day|morning", day, kNextDay, "next day");
  add("tomorrow", day, kNextDay, "next day");
  add("overnight", day, kOvernight, "overnight");
  rows.add("every|each shift|tour|watch", {shift, kEndOfShift, "each shift", true}, tokenizer);
  add("until|by the? morning", day, kOvernight, "until morning");
}

void addRecurring(PatternTable<PhraseRule>& rows, Tokenizer& tokenizer) {
  auto add = [&](std::string_view spec, seconds length, std::string_view name) {
    rows.add(spec, {DurationKind::Exact, length, name, true}, tokenizer);
  };
  add("=daily", hours(24), "daily");
  add("=weekly", hours(24 * 7), "weekly");
  add("=biweekly", hours(24 * 14), "biweekly");
  add("=monthly", hours(24 * 30), "monthly");
  add("=quarterly", hours(24 * 91), "quarterly");
  add("semi =annual|=annually", hours(24 * 182), "semiannually");
  add("=semiannual|=semiannually", hours(24 * 182), "semiannually");
  add("=annual|=annually|=yearly", hours(24 * 365), "annually");
}

const PatternTable<PhraseRule>& phraseTable() {
  static const PatternTable<PhraseRule> table = [] {
    Tokenizer tokenizer;
    PatternTable<PhraseRule> rows;
    addImmediate(rows, tokenizer);
    addVague(rows, tokenizer);
    addRosterAndCalendar(rows, tokenizer);
    addRecurring(rows, tokenizer);
    return rows;
  }();
  return table;
}

// Words before an amount or a roster/calendar limit that say which way it bounds.
enum class Lead { AtMost, AtLeast, Every };

const PatternTable<Lead>& leadTable() {
  static const PatternTable<Lead> table = [] {
    Tokenizer tokenizer;
    PatternTable<Lead> rows;
    for (std::string_view spec :
         {"within", "inside", "by", "before", "prior_to", "no|not later_than", "no|not more_than",
          "not_to exceed", "not exceeding", "up_to", "no|not longer_than", "at_most|at_the_most",
          "less_than|fewer_than|under|shorter_than", "in less_than", "a? maximum",
          "no|not greater_than"}) {
      rows.add(spec, Lead::AtMost, tokenizer);
    }
    for (std::string_view spec :
         {"at_least", "a? minimum", "no|not less_than", "no|not fewer_than",
          "more_than|greater_than|longer_than|over|beyond", "in_excess", "exceeding", "after",
          "no|not sooner_than", "not before", "until|till", "wait|waiting"}) {
      rows.add(spec, Lead::AtLeast, tokenizer);
    }
    rows.add("every|each|per", Lead::Every, tokenizer);
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

// Words that may stand between a lead and the amount: "within the first 24 hours", "within a
// period of two hours", "within the previous 180 days".
bool isFiller(std::string_view lower) {
  for (std::string_view word : {"the", "a", "an", "first", "initial", "next", "period", "of",
                                "previous", "past", "last", "following"}) {
    if (lower == word) return true;
  }
  return false;
}

struct LeadFound {
  Lead lead;
  std::size_t begin;
};

// The lead that ends right before token `s` (fillers skipped), taking the longest one.
std::optional<LeadFound> leadBefore(std::span<const Token> tokens, std::size_t s) {
  std::size_t k = s;
  while (k > 0 && !tokens[k].has(Gap::Sentence) && isFiller(tokens[k - 1].lower)) --k;
  const std::size_t earliest = k >= 4 ? k - 4 : 0;
  for (std::size_t j = earliest; j < k; ++j) {
    bool crossesSentence = false;
    for (std::size_t m = j + 1; m <= k && m < tokens.size(); ++m) {
      crossesSentence = crossesSentence || tokens[m].has(Gap::Sentence);
    }
    if (crossesSentence) continue;
    const auto match = leadTable().longestAt(tokens, j);
    if (match && match->tokens.end == k) return LeadFound{leadTable().value(match->rule), j};
  }
  return std::nullopt;
}

// Bounds written after the amount: "24 hours or less", "48 hours or more".
std::optional<Direction> trailingBound(std::span<const Token> tokens, std::size_t k) {
  if (!lowerIs(tokens, k, {"or"})) return std::nullopt;
  if (lowerIs(tokens, k + 1, {"less", "fewer", "sooner", "earlier", "shorter"})) {
    return Direction::AtMost;
  }
  if (lowerIs(tokens, k + 1, {"more", "longer", "greater", "later"})) return Direction::AtLeast;
  return std::nullopt;
}

struct Quantity {
  double value = 0;
  std::size_t next = 0;
  bool figures = false;  // written in digits
  bool article = false;  // "a"/"an" stands for one
};

// "a day" after a unit or a count of times is a rate ("24 hours a day", "twice a day").
bool isRate(std::span<const Token> tokens, std::size_t i) {
  if (i == 0 || tokens[i].has(Gap::Sentence)) return false;
  const std::string_view before = tokens[i - 1].lower;
  return detail::timeUnitOf(before).has_value() || before == "once" || before == "twice" ||
         before == "times";
}

std::optional<Quantity> quantityAt(std::span<const Token> tokens, std::size_t i) {
  Quantity quantity;
  if (const auto number = readNumber(tokens, i)) {
    quantity.value = number->value;
    quantity.next = number->tokens.end;
    quantity.figures = !number->inWords;
  } else if (lowerIs(tokens, i, {"a", "an"}) && !isRate(tokens, i)) {
    quantity.value = 1;
    quantity.next = i + 1;
    quantity.article = true;
  } else if (lowerIs(tokens, i, {"half"})) {
    quantity.value = 0.5;
    quantity.next = lowerIs(tokens, i + 1, {"a", "an"}) ? i + 2 : i + 1;  // "half an hour"
    return quantity;
  } else {
    return std::nullopt;
  }
  if (quantity.value == 1 && lowerIs(tokens, quantity.next, {"half"})) {  // "one-half", "a half"
    quantity.value = 0.5;
    quantity.article = false;
    ++quantity.next;
  }
  return quantity;
}

// "0800 hours": a clock time on the 24-hour clock, not an amount.
bool isClockTime(const Token& number, const detail::TimeUnit& unit) {
  return unit.kind == detail::UnitKind::Hour && number.lower.size() == 4 &&
         number.lower.find_first_not_of("0123456789") == std::string::npos;
}

// "12 year old", "17 years of age": an age, not an amount of time.
bool isAgeAfter(std::span<const Token> tokens, std::size_t k) {
  return lowerIs(tokens, k, {"old"}) ||
         (lowerIs(tokens, k, {"of"}) && lowerIs(tokens, k + 1, {"age"}));
}

seconds lengthOf(double value, const detail::TimeUnit& unit, bool businessDays) {
  if (businessDays) {
    const double weekends = 2 * std::ceil(value / 5);
    return seconds(static_cast<long long>(std::llround((value + weekends) * 86400)));
  }
  return seconds(static_cast<long long>(std::llround(value * double(unit.length.count()))));
}

struct Amount {
  Duration duration;
  std::size_t end = 0;
};

// A quantity and a unit at token `i`: "two (2) hours", "24-hour", "2hrs", "half an hour",
// "five business days", "an hour and a half".
std::optional<Amount> amountAt(std::span<const Token> tokens, std::size_t i) {
  const auto quantity = quantityAt(tokens, i);
  if (!quantity || quantity->next >= tokens.size()) return std::nullopt;
  std::size_t u = quantity->next;
  bool businessDays = false;
  if (lowerIs(tokens, u, {"business", "working", "calendar", "consecutive", "court"})) {
    businessDays = tokens[u].lower == "business" || tokens[u].lower == "working";
    if (!lowerIs(tokens, u + 1, {"day", "days"})) return std::nullopt;
    ++u;
  }
  if (tokens[u].has(Gap::Sentence)) return std::nullopt;
  const auto unit = detail::timeUnitOf(tokens[u].lower);
  if (!unit) return std::nullopt;
  if (unit->attachedOnly && (!quantity->figures || tokens[u].gapBefore != 0)) return std::nullopt;
  if (quantity->article && !unit->articleOk) return std::nullopt;
  if (quantity->figures && isClockTime(tokens[i], *unit)) return std::nullopt;
  if (unit->kind == detail::UnitKind::Year && isAgeAfter(tokens, u + 1)) return std::nullopt;
  // "Second Degree Murder": a capitalized "Second" is an ordinal, not a unit.
  if (unit->kind == detail::UnitKind::Second && tokens[u].capitalized &&
      tokens[u].lower == "second") {
    return std::nullopt;
  }
  const bool compoundNoun =
      u + 1 < tokens.size() && tokens[u + 1].gapBefore == static_cast<std::uint16_t>(Gap::Hyphen);
  if (quantity->article && compoundNoun) return std::nullopt;  // "a day-care center"
  double value = quantity->value;
  std::size_t end = u + 1;
  if (lowerIs(tokens, end, {"and"}) && lowerIs(tokens, end + 1, {"a", "one"}) &&
      lowerIs(tokens, end + 2, {"half"})) {
    value += 0.5;
    end += 3;
  }
  Amount amount;
  amount.duration.kind =
      unit->kind == detail::UnitKind::Shift ? DurationKind::Shift : DurationKind::Exact;
  amount.duration.seconds = lengthOf(value, *unit, businessDays);
  if (const auto bound = trailingBound(tokens, end)) {
    amount.duration.direction = *bound;
    end += 2;
  }
  amount.end = end;
  return amount;
}

// Applies the lead before a mention starting at `begin`; returns where the mention starts.
std::size_t applyLead(std::span<const Token> tokens, std::size_t begin, Duration& duration) {
  const auto lead = leadBefore(tokens, begin);
  if (!lead) return begin;
  switch (lead->lead) {
    case Lead::Every:
      duration.recurring = true;
      break;
    case Lead::AtMost:
      if (duration.direction == Direction::Plain) duration.direction = Direction::AtMost;
      break;
    case Lead::AtLeast:
      if (duration.direction == Direction::Plain) duration.direction = Direction::AtLeast;
      break;
  }
  return lead->begin;
}

DurationMention mentionOf(std::span<const Token> tokens, std::size_t begin, std::size_t end,
                          Duration duration, std::string_view phrase) {
  return {duration, {begin, end}, tokens[begin].start, tokens[end - 1].end, phrase};
}

// Walks the ages of a block along with a scan that only moves forward: is token `i` in one?
class AgeCursor {
 public:
  explicit AgeCursor(std::span<const AgeMention> ages) : ages_(ages) {}
  bool covers(std::size_t i) {
    while (next_ < ages_.size() && ages_[next_].tokens.end <= i) ++next_;
    return next_ < ages_.size() && ages_[next_].tokens.contains(i);
  }

 private:
  std::span<const AgeMention> ages_;
  std::size_t next_ = 0;
};

bool isArticleOrHalf(const Token& token) {
  const std::string_view lower = token.lower;  // compared by length first
  return lower == "a" || lower == "an" || lower == "half";
}

// Whether an amount can start at the token: a number ("two hours", "24-hour"), or "a", "an" or
// "half" ("a day", "half an hour"). What quantityAt reads, and nothing else, begins so.
bool mayStartAmount(const Token& token) {
  return token.isNumber() || token.wordValue >= 0 || isArticleOrHalf(token);
}

// Most tokens can start no time limit: neither a phrase's first word nor a quantity. (The
// phrases' filter first: it turns most tokens away in one test.)
bool mayStartDuration(const Token& token, const PatternTable<PhraseRule>& phrases) {
  return token.isNumber() || token.wordValue >= 0 || phrases.mayStartAt(token) ||
         isArticleOrHalf(token);
}

}  // namespace

std::vector<DurationMention> findDurations(std::span<const Token> tokens) {
  return findDurations(tokens, findAges(tokens));
}

std::vector<DurationMention> findDurations(std::span<const Token> tokens,
                                           std::span<const AgeMention> ages) {
  std::vector<DurationMention> found;
  AgeCursor inAge(ages);
  const PatternTable<PhraseRule>& phrases = phraseTable();
  std::size_t minBegin = 0;  // a lead may not reach back into the previous mention
  for (std::size_t i = 0; i < tokens.size();) {
    if (!mayStartDuration(tokens[i], phrases)) {
      ++i;
      continue;
    }
    const bool age = inAge.covers(i);
    const auto phrase = age ? std::nullopt : phrases.longestAt(tokens, i);
    if (phrase) {
      const PhraseRule& rule = phrases.value(phrase->rule);
      Duration duration{rule.kind, rule.length, Direction::Plain, rule.recurring};
      std::size_t begin = i;
      if (rule.kind == DurationKind::Shift || rule.kind == DurationKind::NextDay) {
        begin = std::max(minBegin, applyLead(tokens, i, duration));
      }
      found.push_back(mentionOf(tokens, begin, phrase->tokens.end, duration, rule.name));
      i = minBegin = phrase->tokens.end;
      continue;
    }
    // Common words start phrases ("as soon as", "in a timely manner"); few of them amounts.
    if (!age && mayStartAmount(tokens[i])) {
      if (auto amount = amountAt(tokens, i)) {
        const std::size_t begin = std::max(minBegin, applyLead(tokens, i, amount->duration));
        found.push_back(mentionOf(tokens, begin, amount->end, amount->duration, {}));
        i = minBegin = amount->end;
        continue;
      }
    }
    ++i;
  }
  return found;
}

std::optional<Duration> parseDuration(std::string_view text) {
  const TokenList tokens = tokenize(text);
  const auto found = findDurations(tokens);
  if (found.empty()) return std::nullopt;
  return found.front().duration;
}

Comparison compare(const Duration& duration, seconds maxBound) {
  switch (duration.kind) {
    case DurationKind::Immediate:
      return Comparison::Within;
    case DurationKind::Vague:
      return Comparison::Vague;
    default:
      break;
  }
  if (duration.direction == Direction::AtLeast) {
    return duration.seconds > maxBound ? Comparison::Exceeds : Comparison::Vague;
  }
  return duration.seconds <= maxBound ? Comparison::Within : Comparison::Exceeds;
}

}  // namespace mkrp::check::text
