// Time limits as directives write them: amounts ("two (2) hours", "2 hrs.", "24-hour",
// "1 1/2 hours", "half an hour", "five business days"), words that mean "now" ("immediately",
// "without delay"), hedges with no bound ("as soon as practical", "when time permits"), and limits
// tied to the roster or the calendar ("end of shift", "next business day", "overnight").
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "check/text/age.h"
#include "check/text/token.h"

namespace mkrp::check::text {

enum class DurationKind {
  Exact,      // an amount of time: Duration::seconds holds it
  Immediate,  // "immediately", "without delay", "forthwith", "at once", "upon receipt"
  Vague,      // a hedge with no bound: "as soon as practical", "promptly", "when time permits"
  Shift,      // tied to a shift: "end of shift", "same shift", "next scheduled shift"
  NextDay,    // tied to the calendar: "next day", "next business day", "overnight"
};

// How the words around an amount bound it.
enum class Direction {
  Plain,    // no comparison: "a 24-hour waiting period", "for 48 hours"
  AtMost,   // an upper limit: "within", "no later than", "not to exceed", "no more than", "by"
  AtLeast,  // a lower limit, i.e. a wait: "at least", "after", "more than", "until", "wait"
};

// The longest time the roster- and calendar-tied limits can mean. A reviewer reads "end of shift"
// as up to a full shift and "next business day" as possibly after a long weekend, so these are
// the worst cases, used to compare with a bound.
inline constexpr std::chrono::seconds kEndOfShift = std::chrono::hours(12);
inline constexpr std::chrono::seconds kNextShift = std::chrono::hours(48);
inline constexpr std::chrono::seconds kOvernight = std::chrono::hours(24);
inline constexpr std::chrono::seconds kEndOfDay = std::chrono::hours(24);
inline constexpr std::chrono::seconds kNextDay = std::chrono::hours(48);
inline constexpr std::chrono::seconds kNextBusinessDay = std::chrono::hours(96);

struct Duration {
  DurationKind kind = DurationKind::Exact;
  // Exact: the amount ("1 1/2 hours" = 5400 s; "N business days" counts the weekends they can
  // span: N + 2 * ceil(N / 5) days). Shift and NextDay: the worst case above (N shifts = N * 12 h).
  // Immediate and Vague: 0.
  std::chrono::seconds seconds{0};
  Direction direction = Direction::Plain;
  bool recurring = false;  // "every 30 days", "each shift", "annually", "monthly"
};

struct DurationMention {
  Duration duration;
  TokenRange tokens;        // the words that say it, direction words included ("within two hours")
  std::uint32_t start = 0;  // bytes [start, end) in the text
  std::uint32_t end = 0;
  std::string_view phrase;  // the canonical phrase for words ("as soon as practical"); empty for
                            // amounts. Points to static storage.
};

// Returns every time limit in `tokens`, in text order, not overlapping. Numbers with no time unit
// ("Section 2", "Chapter 24", "Form 30") are not durations, nor are ages ("under 18 years of age")
// or clock times ("0800 hours").
std::vector<DurationMention> findDurations(std::span<const Token> tokens);
// Same, with the ages in `tokens` already found (findAges(tokens)), so they are not read twice.
// REQUIRES: `ages` in text order and not overlapping, as findAges gives them.
std::vector<DurationMention> findDurations(std::span<const Token> tokens,
                                           std::span<const AgeMention> ages);

// The first time limit in `text` (tokenized on the calling thread), or nothing. Meant for bounds
// written in checklists ("2 hours", "30 days") and for tests.
std::optional<Duration> parseDuration(std::string_view text);

enum class Comparison {
  Within,   // meets the bound: immediate, or at most the bound
  Exceeds,  // longer than the bound, or a wait longer than it
  Vague,    // no bound can be read: a hedge, or a minimum ("at least 1 hour") at or under it
};

// Compares a limit with the longest time allowed. Immediate is Within; Vague is Vague. Exact,
// Shift and NextDay limits compare their seconds (the worst case) with `maxBound`; a limit read
// as a minimum (Direction::AtLeast) Exceeds when it is over `maxBound` and is Vague otherwise,
// because "at least" sets no upper limit. With maxBound 0 (no waiting period allowed) every
// stated amount Exceeds.
Comparison compare(const Duration& duration, std::chrono::seconds maxBound);

}  // namespace mkrp::check::text
