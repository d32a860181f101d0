// Block drafts into core::Blocks: text joined line by line (hyphenated words made whole again),
// every character with its box, the section label split off, and the kind decided.
#pragma once

#include <vector>

#include "core/document.h"
#include "extract/pdf/layout_blocks.h"

namespace mkrp::extract::pdf {

// Appends the page's blocks to `out`. `bodySize` is the font size of most of the document's
// text; larger or bold short blocks become headings.
void appendBlocks(const PageText& page, const PageLines& lines,
                  const std::vector<BlockDraft>& drafts, float bodySize,
                  std::vector<core::Block>& out);

// Sets the nesting level of list items from how far their labels are indented: the least
// indented items of the document are level 0, the next indentation level 1, and so on.
void assignListLevels(std::vector<core::Block>& blocks);

}  // namespace mkrp::extract::pdf
