#include "workflow/clock.h"

#include <chrono>

namespace mkrp::workflow {

store::TimePoint SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace mkrp::workflow
