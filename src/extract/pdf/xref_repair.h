// A damaged file's cross-reference table rebuilt from the objects found in its bytes, as
// viewers do when the table is missing, cut short or points to the wrong places.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mkrp::extract::pdf {

// `bytes` with a fresh cross-reference section appended (a table, or a stream when objects sit
// in object streams), pointing at every "N G obj" found and at the objects of each object
// stream. Nothing when no document catalog can be found. The original bytes are not changed,
// so a signed file keeps its signed bytes. Object numbers above `maxObjectNumber` are ignored;
// object streams are unpacked up to `maxStreamBytes` each.
std::optional<std::string> repairCrossReferences(std::string_view bytes,
                                                 std::size_t maxObjectNumber,
                                                 std::size_t maxStreamBytes);

}  // namespace mkrp::extract::pdf
