// Internal: request counts and latencies, rendered with the job queue's figures in the Prometheus
// text format for GET /metrics.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace mkrp::workflow {
class PrecheckRunner;
}

namespace mkrp::web::detail {

class Metrics {
 public:
  // Counts one request of `route` (its pattern, so the label set stays small). Thread-safe.
  void record(std::string_view route, std::string_view method, int status,
              std::chrono::microseconds elapsed);

  // Every metric as Prometheus text. `jobs` may be null.
  std::string render(workflow::PrecheckRunner* jobs) const;

 private:
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  5.0};
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // requests at or under each bound
    std::uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency> latencies_;
};

}  // namespace mkrp::web::detail
