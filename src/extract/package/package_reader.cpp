#include "core/errors.h"
#include "extract/readers.h"

namespace mkrp::extract::detail {

core::Document readZipPackage(std::string_view, const Limits&) {
  throw core::UnsupportedFormatException("DOCX and ODT reading is not built yet");
}

}  // namespace mkrp::extract::detail
