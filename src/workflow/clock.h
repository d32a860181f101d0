// Where the use cases get the time from, so that tests can move it by hand.
#pragma once

#include "store/records.h"

namespace mkrp::workflow {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current time, UTC, to the millisecond. Thread-safe.
  virtual store::TimePoint now() const = 0;
};

// The system's wall clock.
class SystemClock final : public Clock {
 public:
  store::TimePoint now() const override;
};

}  // namespace mkrp::workflow
