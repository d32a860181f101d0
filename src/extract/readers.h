// The format readers behind extractBytes. Internal to the extract module.
#pragma once

#include <string_view>

#include "core/document.h"
#include "extract/limits.h"

namespace mkrp::extract::detail {

// A ZIP package: DOCX (OOXML, transitional or strict) or ODT, told apart by its contents.
// Throws as extractBytes does; an OOXML spreadsheet or presentation is unsupported.
core::Document readZipPackage(std::string_view bytes, const Limits& limits);

// A PDF file.
core::Document readPdf(std::string_view bytes, const Limits& limits);

}  // namespace mkrp::extract::detail
