// How dates read on the documents handed to an agency.
#pragma once

#include <chrono>
#include <string>

namespace mkrp::render {

// "November 28, 2026". REQUIRES: date.ok().
std::string longDate(const std::chrono::year_month_day& date);

// "2026-11-28". REQUIRES: date.ok().
std::string isoDate(const std::chrono::year_month_day& date);

}  // namespace mkrp::render
