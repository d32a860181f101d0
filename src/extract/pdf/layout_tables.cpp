// Tables: rows of aligned cells, read row by row, a cell of several lines kept whole.
#include <algorithm>
#include <cmath>

#include "extract/pdf/page_layout.h"

namespace mkrp::extract::pdf::detail {
namespace {

// All relative to the font size unless said otherwise.
constexpr float kRowReach = 3.0f;             // rows of one table are at most this far apart
constexpr float kCellLeading = 1.6f;          // the lines of one cell are at most this far apart
constexpr float kCellIndent = 0.5f;           // ... and start this close to the cell's left edge
constexpr float kColumnLikeWidth = 0.15f;     // of the page width: cells this wide ...
constexpr std::size_t kColumnLikeWords = 4;   // ... with this many words are text columns
constexpr std::size_t kMaxTableColumns = 64;  // a row with more cells is no table row

}  // namespace

// Rows whose every cell is a wide run of several words are lines of text columns, not a table.
bool PageLayout::isTextColumns(const std::vector<std::vector<std::uint32_t>>& rows) const {
  std::size_t textRows = 0;
  for (const auto& row : rows) {
    const bool allText = std::all_of(row.begin(), row.end(), [this](std::uint32_t i) {
      const auto words =
          static_cast<std::size_t>(std::count(texts_[i].begin(), texts_[i].end(), ' ') + 1);
      return words >= kColumnLikeWords &&
             line(i).right - line(i).left >= kColumnLikeWidth * static_cast<float>(page_.width);
    });
    if (allText) ++textRows;
  }
  return textRows * 10 >= rows.size() * 6;
}

// Runs of at least two consecutive rows with two or more aligned cells become tables. Their
// lines leave `body`.
// The lines of `body` grouped into rows (one baseline each), top down, each left to right.
std::vector<Row> PageLayout::rowsOf(std::vector<std::uint32_t> body) const {
  std::sort(body.begin(), body.end(), [this](std::uint32_t a, std::uint32_t b) {
    return line(a).baseline != line(b).baseline ? line(a).baseline > line(b).baseline
                                                : line(a).left < line(b).left;
  });
  std::vector<Row> rows;
  for (std::uint32_t index : body) {
    if (!rows.empty() && std::abs(line(rows.back().front()).baseline - line(index).baseline) <=
                             kSameRow * line(index).size) {
      rows.back().push_back(index);
    } else {
      rows.push_back({index});
    }
  }
  return rows;
}

// Two rows of several cells, at least two of them under one another.
bool PageLayout::aligned(const Row& upper, const Row& lower) const {
  if (upper.size() < 2 || lower.size() < 2) return false;
  if (upper.size() > kMaxTableColumns || lower.size() > kMaxTableColumns) return false;
  int matches = 0;
  for (std::uint32_t a : lower) {
    for (std::uint32_t b : upper) {
      if (overlap(line(a).left, line(a).right, line(b).left, line(b).right) > 0) {
        ++matches;
        break;
      }
    }
  }
  return matches >= 2;
}

// A row of one line under a table row continues one of its cells (a cell of several lines),
// when it starts where that cell starts and sits close below.
bool PageLayout::continuesCell(const Row& upper, const Row& lower) const {
  if (lower.size() != 1) return false;
  const TextLine& l = line(lower.front());
  if (line(upper.front()).baseline - l.baseline > kCellLeading * l.size) return false;
  return std::any_of(upper.begin(), upper.end(), [&](std::uint32_t cell) {
    return std::abs(line(cell).left - l.left) <= kCellIndent * l.size;
  });
}

// Where the table starting at rows[start] ends (one past its last row), and how many of its
// rows have several cells.
std::size_t PageLayout::tableEnd(const std::vector<Row>& rows, std::size_t start,
                                 std::size_t& tableRows) const {
  std::size_t end = start + 1, lastRow = start;
  tableRows = 1;
  while (end < rows.size()) {
    const float step = line(rows[end - 1].front()).baseline - line(rows[end].front()).baseline;
    if (aligned(rows[lastRow], rows[end]) && step <= kRowReach * line(rows[end].front()).size) {
      lastRow = end++;
      ++tableRows;
    } else if (continuesCell(rows[end - 1], rows[end])) {
      ++end;
    } else {
      break;
    }
  }
  return end;
}

std::vector<Atom> PageLayout::takeTables(std::vector<std::uint32_t>& body) {
  const std::vector<Row> rows = rowsOf(body);
  std::vector<Atom> tables;
  std::vector<bool> inTable(lines_.lines.size(), false);
  for (std::size_t start = 0; start < rows.size();) {
    std::size_t tableRows = 0;
    const std::size_t end = tableEnd(rows, start, tableRows);
    const std::vector<Row> run(rows.begin() + static_cast<long>(start),
                               rows.begin() + static_cast<long>(end));
    if (tableRows >= 2 && !isTextColumns(run)) tables.push_back(tableOf(run, inTable));
    start = end;
  }
  std::erase_if(body, [&inTable](std::uint32_t i) { return inTable[i]; });
  return tables;
}

// The cells of a table, row by row; a row of one line adds that line to the cell above it.
Atom PageLayout::tableOf(const std::vector<std::vector<std::uint32_t>>& rows,
                         std::vector<bool>& inTable) const {
  Atom table;
  table.box = rectOf(rows.front().front());
  std::vector<std::size_t> previousRow;  // blocks of the last row with several cells
  for (const auto& row : rows) {
    for (std::uint32_t cell : row) {
      table.box.add(rectOf(cell));
      inTable[cell] = true;
    }
    if (row.size() == 1 && !previousRow.empty()) {
      std::size_t best = previousRow.front();
      for (std::size_t block : previousRow) {
        const float left = line(table.blocks[block].lines.front()).left;
        if (std::abs(left - line(row.front()).left) <
            std::abs(line(table.blocks[best].lines.front()).left - line(row.front()).left)) {
          best = block;
        }
      }
      table.blocks[best].lines.push_back(row.front());
      continue;
    }
    previousRow.clear();
    for (std::uint32_t cell : row) {
      previousRow.push_back(table.blocks.size());
      table.blocks.push_back({DraftKind::TableCell, {cell}});
    }
  }
  return table;
}

}  // namespace mkrp::extract::pdf::detail
