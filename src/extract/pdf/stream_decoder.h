// Undoes a stream's filters with a bound on the output, so that a decompression bomb costs at
// most `maxBytes` of memory and the time to produce them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/pdf/pdf_objects.h"

namespace mkrp::extract::pdf {

struct DecodedStream {
  std::string bytes;
  bool overLimit = false;    // decoding stopped at maxBytes: `bytes` is cut short
  bool unsupported = false;  // an image filter or an unknown one: `bytes` is empty
};

// The decoded data of the stream object `object`. Damaged compressed data gives what could be
// decoded before the damage, as viewers do. Never throws for bad data.
DecodedStream decodeStream(const Objects& objects, const PoDoFo::PdfObject* object,
                           std::size_t maxBytes);

namespace detail {

// The single filters, exposed for tests. Each appends to `out` and stops once `out` would grow
// beyond `maxBytes`, returning false then; true when the input was consumed.
bool inflate(std::string_view in, std::string& out, std::size_t maxBytes);
bool lzwDecode(std::string_view in, bool earlyChange, std::string& out, std::size_t maxBytes);
bool asciiHexDecode(std::string_view in, std::string& out, std::size_t maxBytes);
bool ascii85Decode(std::string_view in, std::string& out, std::size_t maxBytes);
bool runLengthDecode(std::string_view in, std::string& out, std::size_t maxBytes);
// How many bytes zlib data inflates to, counting no further than `cap` (nothing is kept).
std::uint64_t inflatedSize(std::string_view in, std::uint64_t cap);

}  // namespace detail
}  // namespace mkrp::extract::pdf
