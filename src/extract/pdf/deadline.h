// The reading-time limit, checked between pages and every so often inside a page.
#pragma once

#include <chrono>

namespace mkrp::extract::pdf {

class Deadline {
 public:
  explicit Deadline(double seconds);
  // Throws core::LimitExceededException once the time is up.
  void check() const;

 private:
  double seconds_;
  std::chrono::steady_clock::time_point end_;
};

}  // namespace mkrp::extract::pdf
