#include "check/text/units.h"

#include <array>

namespace mkrp::check::text::detail {

namespace {

using namespace std::chrono_literals;

struct UnitWord {
  std::string_view word;
  TimeUnit unit;
};

// A month is counted as 30 days and a year as 365: a directive's "one month" is read as the
// thirty days a reviewer would read.
constexpr std::array<UnitWord, 28> kUnitWords = {{
    {"second", {UnitKind::Second, 1s, false, false}},
    {"seconds", {UnitKind::Second, 1s, false, false}},
    {"sec", {UnitKind::Second, 1s, false, false}},
    {"secs", {UnitKind::Second, 1s, false, false}},
    {"minute", {UnitKind::Minute, 60s, false, true}},
    {"minutes", {UnitKind::Minute, 60s, false, true}},
    {"min", {UnitKind::Minute, 60s, false, false}},
    {"mins", {UnitKind::Minute, 60s, false, false}},
    {"hour", {UnitKind::Hour, 1h, false, true}},
    {"hours", {UnitKind::Hour, 1h, false, true}},
    {"hr", {UnitKind::Hour, 1h, false, false}},
    {"hrs", {UnitKind::Hour, 1h, false, false}},
    {"h", {UnitKind::Hour, 1h, true, false}},
    {"day", {UnitKind::Day, 24h, false, true}},
    {"days", {UnitKind::Day, 24h, false, true}},
    {"week", {UnitKind::Week, 7 * 24h, false, true}},
    {"weeks", {UnitKind::Week, 7 * 24h, false, true}},
    {"wk", {UnitKind::Week, 7 * 24h, false, false}},
    {"wks", {UnitKind::Week, 7 * 24h, false, false}},
    {"month", {UnitKind::Month, 30 * 24h, false, true}},
    {"months", {UnitKind::Month, 30 * 24h, false, true}},
    {"mo", {UnitKind::Month, 30 * 24h, true, false}},
    {"mos", {UnitKind::Month, 30 * 24h, true, false}},
    {"year", {UnitKind::Year, 365 * 24h, false, true}},
    {"years", {UnitKind::Year, 365 * 24h, false, true}},
    {"yr", {UnitKind::Year, 365 * 24h, false, false}},
    {"yrs", {UnitKind::Year, 365 * 24h, false, false}},
    {"shift", {UnitKind::Shift, 12h, false, true}},
}};

}  // namespace

std::optional<TimeUnit> timeUnitOf(std::string_view lower) {
  // Asked of many words that are no unit: those are turned away by length and first letter.
  constexpr std::string_view kFirstLetters = "smhdwy";
  if (lower.empty() || lower.size() > 7 ||
      kFirstLetters.find(lower.front()) == kFirstLetters.npos) {
    return std::nullopt;
  }
  if (lower == "shifts") return timeUnitOf("shift");
  for (const UnitWord& entry : kUnitWords) {
    if (entry.word == lower) return entry.unit;
  }
  return std::nullopt;
}

}  // namespace mkrp::check::text::detail
