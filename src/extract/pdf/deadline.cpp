#include "extract/pdf/deadline.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/errors.h"

namespace mkrp::extract::pdf {

Deadline::Deadline(double seconds) : seconds_(seconds) {
  const double bounded = std::isfinite(seconds) ? std::clamp(seconds, 0.0, 1e7) : 1e7;
  end_ = std::chrono::steady_clock::now() +
         std::chrono::duration_cast<std::chrono::steady_clock::duration>(
             std::chrono::duration<double>(bounded));
}

void Deadline::check() const {
  if (std::chrono::steady_clock::now() < end_) return;
  throw core::LimitExceededException(
      "reading the PDF took longer than the " + std::to_string(std::lround(seconds_)) +
      " seconds allowed. Save it again as a simpler PDF (for example with \"Print to PDF\") or "
      "split it, then submit it again.");
}

}  // namespace mkrp::extract::pdf
