#include "web/metrics.h"

#include <sstream>

#include "workflow/precheck_jobs.h"

namespace mkrp::web::detail {
namespace {

// A label value with \, " and newlines escaped as the text format wants.
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void renderJobs(std::ostringstream& out, workflow::PrecheckRunner& jobs) {
  const store::JobCounts counts = jobs.queueCounts();
  out << "# HELP mkrp_jobs Pre-check jobs in the queue by state.\n# TYPE mkrp_jobs gauge\n";
  out << "mkrp_jobs{state=\"queued\"} " << counts.queued << '\n'
      << "mkrp_jobs{state=\"leased\"} " << counts.leased << '\n'
      << "mkrp_jobs{state=\"done\"} " << counts.done << '\n'
      << "mkrp_jobs{state=\"failed\"} " << counts.failed << '\n';
  const workflow::JobOutcomes outcomes = jobs.outcomes();
  out << "# HELP mkrp_job_outcomes_total How this process's job attempts ended.\n"
      << "# TYPE mkrp_job_outcomes_total counter\n"
      << "mkrp_job_outcomes_total{outcome=\"checked\"} " << outcomes.checked << '\n'
      << "mkrp_job_outcomes_total{outcome=\"retrying\"} " << outcomes.retrying << '\n'
      << "mkrp_job_outcomes_total{outcome=\"failed\"} " << outcomes.failed << '\n'
      << "mkrp_job_outcomes_total{outcome=\"lease_lost\"} " << outcomes.leaseLost << '\n';
}

}  // namespace

void Metrics::record(std::string_view route, std::string_view method, int status,
                     std::chrono::microseconds elapsed) {
  const double seconds = static_cast<double>(elapsed.count()) / 1e6;
  const std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), std::string(method), status}];
  Latency& latency = latencies_[std::string(route)];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++latency.buckets[i];
  }
  ++latency.count;
  latency.sum += seconds;
}

std::string Metrics::render(workflow::PrecheckRunner* jobs) const {
  std::ostringstream out;
  {
    const std::lock_guard lock(mutex_);
    out << "# HELP mkrp_http_requests_total HTTP requests by route, method and status.\n"
        << "# TYPE mkrp_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [route, method, status] = key;
      out << "mkrp_http_requests_total{route=\"" << label(route) << "\",method=\"" << label(method)
          << "\",status=\"" << status << "\"} " << count << '\n';
    }
    out << "# HELP mkrp_http_request_duration_seconds Time to answer a request, by route.\n"
        << "# TYPE mkrp_http_request_duration_seconds histogram\n";
    for (const auto& [route, latency] : latencies_) {
      const std::string name = "mkrp_http_request_duration_seconds";
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        out << name << "_bucket{route=\"" << label(route) << "\",le=\"" << kBuckets[i] << "\"} "
            << latency.buckets[i] << '\n';
      }
      out << name << "_bucket{route=\"" << label(route) << "\",le=\"+Inf\"} " << latency.count
          << '\n'
          << name << "_sum{route=\"" << label(route) << "\"} " << latency.sum << '\n'
          << name << "_count{route=\"" << label(route) << "\"} " << latency.count << '\n';
    }
  }
  if (jobs) renderJobs(out, *jobs);
  return out.str();
}

}  // namespace mkrp::web::detail
