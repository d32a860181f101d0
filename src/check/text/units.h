// Time units as directives write them. Internal to check/text.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace mkrp::check::text::detail {

enum class UnitKind { Second, Minute, Hour, Day, Week, Month, Year, Shift };

struct TimeUnit {
  UnitKind kind;
  std::chrono::seconds length;
  bool attachedOnly;  // a unit only right after figures with no space: "2h", "3mo"
  bool articleOk;     // "a"/"an" can be its quantity: "an hour", but not "a second"
};

// The unit a lower-case word names ("hrs" -> hour, "days" -> day), or nothing.
std::optional<TimeUnit> timeUnitOf(std::string_view lower);

}  // namespace mkrp::check::text::detail
