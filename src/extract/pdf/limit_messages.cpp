#include "extract/pdf/limit_messages.h"

namespace mkrp::extract::pdf {

std::string sizeInWords(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = 1 << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace mkrp::extract::pdf
