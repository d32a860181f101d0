// Lines into blocks in reading order: paragraphs by spacing and indentation, labels joined to
// their text, tables kept row by row, columns read one after the other (recursive cuts along
// the widest white gaps, vertical gutters first), headers first and footers last.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/pdf/layout_lines.h"
#include "extract/pdf/page_text.h"

namespace mkrp::extract::pdf {

enum class DraftKind { Text, TableCell, Header, Footer };

struct BlockDraft {
  DraftKind kind = DraftKind::Text;
  std::vector<std::uint32_t> lines;  // indices in PageLines::lines, in reading order
};

// The page's blocks in reading order. May add lines to `lines` (a label joined to its text).
std::vector<BlockDraft> buildBlocks(const PageText& page, PageLines& lines);

}  // namespace mkrp::extract::pdf
