// How a sandboxed child hands its answer to its parent: a compact binary form of a Document or
// of a refusal. Both ends are the same executable, so the form needs no stability across
// versions; a magic word still guards against reading anything else. Doubles travel as their
// bits, so the parent gets exactly the Document the reader made.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace mkrp::extract::detail {

// A refusal as it crosses the process boundary: the kind of core exception and its message.
struct Refusal {
  std::string type;  // "unsupported", "malformed", "limit", "encrypted" or "failed"
  std::string message;
};

// The encoded form of `document`; glyph boxes only when `withGlyphs`.
std::string encodeDocument(const core::Document& document, bool withGlyphs);
std::string encodeRefusal(const Refusal& refusal);

// Decode what the encoders wrote. Throw Poco::DataFormatException when `bytes` is anything else
// (truncated, another kind of answer, a count larger than the bytes could hold).
core::Document decodeDocument(std::string_view bytes);
Refusal decodeRefusal(std::string_view bytes);

}  // namespace mkrp::extract::detail
