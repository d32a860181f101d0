// Turns a block's text and the evidence spans that fall in it into HTML with <mark> elements.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::render {

// One passage to mark inside a block: bytes [start, end) of the block's text.
struct Highlight {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string role;    // "meets", "partial" or "contradicts": the CSS class of the mark
  std::string itemId;  // the item the passage is evidence for
  std::string anchor;  // element id placed where the passage starts ("ev-12")
};

// The escaped text with every highlight marked. Overlapping passages are split into segments;
// a segment covered by several takes the strongest role (contradicts > partial > meets) and lists
// all their items. Offsets are clamped to the text and moved back to UTF-8 character starts.
std::string highlightBlock(std::string_view text, std::vector<Highlight> highlights);

}  // namespace mkrp::render
