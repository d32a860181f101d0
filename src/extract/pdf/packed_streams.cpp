#include "extract/pdf/packed_streams.h"

#include <string>

#include "core/errors.h"
#include "extract/pdf/limit_messages.h"
#include "extract/pdf/stream_decoder.h"

namespace mkrp::extract::pdf {
namespace {

// A stream's dictionary is short; further away, "stream" belongs to another object.
constexpr std::size_t kDictionaryReach = 4096;

// The data of the stream whose dictionary mentions `at`; empty when it is not compressed with
// Flate or cannot be found.
std::string_view flateDataAround(std::string_view bytes, std::size_t at) {
  const std::size_t objStart = bytes.rfind("obj", at);
  const std::size_t stream = bytes.find("stream", at);
  if (objStart == std::string_view::npos || stream == std::string_view::npos ||
      stream - at > kDictionaryReach) {
    return {};
  }
  const std::string_view dict = bytes.substr(objStart, stream - objStart);
  if (dict.find("Fl") == std::string_view::npos) return {};
  std::size_t data = stream + 6;
  if (data < bytes.size() && bytes[data] == '\r') ++data;
  if (data < bytes.size() && bytes[data] == '\n') ++data;
  const std::size_t end = bytes.find("endstream", data);
  return bytes.substr(data, (end == std::string_view::npos ? bytes.size() : end) - data);
}

}  // namespace

void refusePackedStreamBombs(std::string_view bytes, std::uint64_t maxBytes) {
  for (const std::string_view marker : {std::string_view("/ObjStm"), std::string_view("/XRef")}) {
    for (std::size_t at = bytes.find(marker); at != std::string_view::npos;
         at = bytes.find(marker, at + marker.size())) {
      const std::string_view data = flateDataAround(bytes, at);
      if (data.empty() || detail::inflatedSize(data, maxBytes) <= maxBytes) continue;
      throw core::LimitExceededException(
          "the PDF packs more than " + sizeInWords(maxBytes) +
          " into one of its object streams once unpacked, more than we read. Save it again "
          "(for example with \"Print to PDF\") and submit it again.");
    }
  }
}

}  // namespace mkrp::extract::pdf
