// CMaps: how the bytes of a string split into character codes, which CID each code selects, and
// which Unicode text a code stands for (ToUnicode). Ranges stay ranges, so an absurd range costs
// nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::extract::pdf {

struct CodespaceRange {
  std::uint32_t low = 0;
  std::uint32_t high = 0;
  std::uint8_t bytes = 1;  // 1 to 4
};

// Codes [low, high] map to CIDs from `cid` upwards.
struct CidRange {
  std::uint32_t low = 0;
  std::uint32_t high = 0;
  std::uint32_t cid = 0;
};

// Codes [low, high] map to the UTF-16 text units[offset, offset + length) of CMap::units; for a
// range the last unit grows by (code - low), as bfrange says.
struct UnicodeRange {
  std::uint32_t low = 0;
  std::uint32_t high = 0;
  std::uint32_t offset = 0;
  std::uint16_t length = 0;
};

struct CMap {
  std::vector<CodespaceRange> codespaces;
  std::vector<CidRange> cids;         // sorted by low after parsing
  std::vector<UnicodeRange> unicode;  // sorted by low after parsing
  std::vector<std::uint16_t> units;
  std::string useCMap;  // a predefined CMap this one builds on (usecmap)
  bool vertical = false;

  // Splits the next code off `bytes` at `pos`; returns its length in bytes (at least 1).
  // Without codespace ranges, codes are `defaultBytes` long.
  int nextCode(std::string_view bytes, std::size_t pos, std::uint32_t& code,
               int defaultBytes) const;
  // The CID of `code`; false when no range covers it.
  bool cidOf(std::uint32_t code, std::uint32_t& cid) const;
  // Appends the text of `code` as UTF-8; false when no mapping covers it.
  bool appendText(std::uint32_t code, std::string& out) const;
};

// Reads a CMap program (embedded CMap or ToUnicode). Tolerant: what cannot be understood is
// skipped. `maxEntries` bounds the entries kept (absurd files), beyond which they are dropped.
CMap parseCMap(std::string_view program, std::size_t maxEntries = 1'000'000);

}  // namespace mkrp::extract::pdf
