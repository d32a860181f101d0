// bytes -> core::Document. The one entry point for reading a submitted file in this process.
#pragma once

#include <string_view>

#include "core/document.h"
#include "extract/limits.h"

namespace mkrp::extract {

// Reads a DOCX, ODT or PDF file given as its bytes. The type comes from the content.
// Throws core::UnsupportedFormatException (says what the file looks like instead),
// core::MalformedDocumentException, core::LimitExceededException,
// core::EncryptedDocumentException. Each message tells the person what to do.
// Thread-safe; does no I/O. Untrusted input belongs in extractInSandbox (sandbox.h).
core::Document extractBytes(std::string_view bytes, const Limits& limits = {});

}  // namespace mkrp::extract
