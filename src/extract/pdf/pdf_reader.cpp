#include "core/errors.h"
#include "extract/readers.h"

namespace mkrp::extract::detail {

core::Document readPdf(std::string_view, const Limits&) {
  throw core::UnsupportedFormatException("PDF reading is not built yet");
}

}  // namespace mkrp::extract::detail
