// The page layout engine behind buildBlocks, shared by its parts (blocks, tables, reading
// order). Internal to the PDF reader.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/pdf/layout_blocks.h"

namespace mkrp::extract::pdf::detail {

// Baselines of one row (labels and their text, table cells), in font sizes.
constexpr float kSameRow = 0.3f;

struct Rect {
  float left = 0, right = 0, bottom = 0, top = 0;
  void add(const Rect& other) {
    left = std::min(left, other.left);
    right = std::max(right, other.right);
    bottom = std::min(bottom, other.bottom);
    top = std::max(top, other.top);
  }
};

// The lines on one baseline, left to right.
using Row = std::vector<std::uint32_t>;

// A unit of reading order: one paragraph, or a whole table (its cells stay row by row).
struct Atom {
  Rect box;
  std::vector<BlockDraft> blocks;
};

// How much [a0, a1] and [b0, b1] overlap; negative for the gap between them.
inline float overlap(float a0, float a1, float b0, float b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

// The layout of one page: lines into paragraphs and tables, then into reading order.
class PageLayout {
 public:
  PageLayout(const PageText& page, PageLines& lines) : page_(page), lines_(lines) {
    for (const TextLine& line : lines_.lines) texts_.push_back(lineText(page_, lines_, line));
  }

  std::vector<BlockDraft> run();

 private:
  const TextLine& line(std::uint32_t index) const { return lines_.lines[index]; }
  Rect rectOf(std::uint32_t index) const {
    const TextLine& l = line(index);
    return {l.left, l.right, l.bottom, l.top};
  }
  std::vector<std::uint32_t> linesWith(LineRole role, int direction) const;
  void joinLabels(std::vector<std::uint32_t>& body);
  std::uint32_t mergeLines(std::uint32_t a, std::uint32_t b);
  std::vector<Atom> takeTables(std::vector<std::uint32_t>& body);
  std::vector<Row> rowsOf(std::vector<std::uint32_t> body) const;
  bool aligned(const Row& upper, const Row& lower) const;
  bool continuesCell(const Row& upper, const Row& lower) const;
  std::size_t tableEnd(const std::vector<Row>& rows, std::size_t start,
                       std::size_t& tableRows) const;
  bool isTextColumns(const std::vector<std::vector<std::uint32_t>>& rows) const;
  Atom tableOf(const std::vector<std::vector<std::uint32_t>>& rows,
               std::vector<bool>& inTable) const;
  float typicalLeading(std::vector<std::uint32_t> body) const;
  std::vector<std::vector<std::uint32_t>> paragraphs(std::vector<std::uint32_t> lines,
                                                     float leading) const;
  bool continues(const std::vector<std::uint32_t>& block, const Rect& bounds, std::uint32_t next,
                 float leading) const;
  Atom atomOf(std::vector<std::uint32_t> lines, DraftKind kind) const;
  void order(std::vector<Atom*> atoms, std::vector<BlockDraft>& out, int depth) const;
  bool isSideHeadings(const std::vector<Atom*>& atoms, std::size_t split, float size) const;
  bool cutVertically(std::vector<Atom*>& atoms, std::vector<BlockDraft>& out, int depth) const;
  bool cutHorizontally(std::vector<Atom*>& atoms, std::vector<BlockDraft>& out, int depth) const;

  const PageText& page_;
  PageLines& lines_;
  std::vector<std::string> texts_;
  std::vector<bool> merged_;  // lines replaced by a merged line
};

}  // namespace mkrp::extract::pdf::detail
