#include "render/certificate_dates.h"

#include <array>
#include <cstdio>

namespace mkrp::render {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string longDate(const std::chrono::year_month_day& date) {
  const unsigned month = static_cast<unsigned>(date.month());
  return std::string(kMonthNames[month - 1]) + " " +
         std::to_string(static_cast<unsigned>(date.day())) + ", " +
         std::to_string(static_cast<int>(date.year()));
}

std::string isoDate(const std::chrono::year_month_day& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace mkrp::render
