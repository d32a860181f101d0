// A damaged file's cross-reference table rebuilt from the objects found in its bytes, as
// viewers do when the table is missing, cut short or points to the wrong places.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mkrp::extract::pdf {

// `bytes` with a fresh cross-reference section appended (a table, or a stream when objects sit
// in object streams), pointing at every "N G obj" found and at the objects of each object
// stream. Nothing when no document catalog can be found. The original bytes are not changed,
// so a signed file keeps its signed bytes. Object numbers above `maxObjectNumber` are ignored;
// object streams are unpacked up to `maxStreamBytes` each.
std::optional<std::string> repairCrossReferences(std::string_view bytes,
                                                 std::size_t maxObjectNumber,
                                                 std::size_t maxStreamBytes);

// Where each object's "N G obj" header starts in `bytes`, by (N << 16 | G); the last one for an
// object defined twice, as incremental updates do. Bytes inside streams are not searched.
std::unordered_map<std::uint64_t, std::size_t> findObjectHeaders(std::string_view bytes,
                                                                 std::size_t maxObjectNumber);

}  // namespace mkrp::extract::pdf
