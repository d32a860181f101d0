// PoDoFo unpacks object streams and cross-reference streams whole while it opens a file, before
// any of our bounds apply. This looks at them first, so that a decompression bomb hidden there
// is refused instead of exhausting memory.
#pragma once

#include <cstdint>
#include <string_view>

namespace mkrp::extract::pdf {

// Throws core::LimitExceededException when an object stream or cross-reference stream of
// `bytes` unpacks to more than `maxBytes`.
void refusePackedStreamBombs(std::string_view bytes, std::uint64_t maxBytes);

}  // namespace mkrp::extract::pdf
