#include "extract/pdf/layout_blocks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "extract/pdf/section_labels.h"

namespace mkrp::extract::pdf {
namespace {

// All relative to the font size unless said otherwise.
constexpr float kLabelReach = 10.0f;          // how far a label may stand from its text
constexpr float kSameRow = 0.3f;              // baselines of one table row
constexpr float kRowReach = 3.0f;             // rows of one table are at most this far apart
constexpr float kCellLeading = 1.6f;          // the lines of one cell are at most this far apart
constexpr float kCellIndent = 0.5f;           // ... and start this close to the cell's left edge
constexpr float kColumnLikeWidth = 0.15f;     // of the page width: cells this wide ...
constexpr std::size_t kColumnLikeWords = 4;   // ... with this many words are text columns
constexpr float kSizeRatio = 1.25f;           // lines of one paragraph differ at most this much
constexpr float kShortLine = 0.25f;           // of the block width: a line this short ends it
constexpr float kMinGutter = 0.6f;            // a white gap this wide separates columns
constexpr int kMaxCutDepth = 64;              // beyond, blocks are simply ordered top down
constexpr std::size_t kSideHeadingLines = 2;  // a side heading has at most this many lines
constexpr float kSideHeadingLevel = 0.6f;     // ... and its top is this level with its text
// Bounds that keep absurd pages (a million scattered characters) from taking quadratic time.
constexpr std::size_t kLeadingLookahead = 12;  // lines looked at below each line
constexpr float kParagraphReach = 4.0f;        // font sizes below which a paragraph is closed
constexpr int kMaxLabelCandidates = 64;        // lines on a label's baseline looked at
constexpr std::size_t kMaxTableColumns = 64;   // a row with more cells is no table row

struct Rect {
  float left = 0, right = 0, bottom = 0, top = 0;
  void add(const Rect& other) {
    left = std::min(left, other.left);
    right = std::max(right, other.right);
    bottom = std::min(bottom, other.bottom);
    top = std::max(top, other.top);
  }
};

// A unit of reading order: one paragraph, or a whole table (its cells stay row by row).
struct Atom {
  Rect box;
  std::vector<BlockDraft> blocks;
};

float overlap(float a0, float a1, float b0, float b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

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

std::vector<std::uint32_t> PageLayout::linesWith(LineRole role, int direction) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < lines_.lines.size(); ++i) {
    const TextLine& l = line(i);
    const bool dead = i < merged_.size() && merged_[i];
    if (!dead && l.role == role && (direction < 0 || l.direction == direction)) out.push_back(i);
  }
  return out;
}

std::uint32_t PageLayout::mergeLines(std::uint32_t a, std::uint32_t b) {
  TextLine joined = line(a);
  const TextLine second = line(b);
  joined.first = static_cast<std::uint32_t>(lines_.glyphs.size());
  for (std::uint32_t i = 0; i < line(a).count; ++i) {
    lines_.glyphs.push_back(lines_.glyphs[line(a).first + i]);
  }
  for (std::uint32_t i = 0; i < second.count; ++i) {
    LineGlyph g = lines_.glyphs[second.first + i];
    if (i == 0) g.spaceBefore = true;
    lines_.glyphs.push_back(g);
  }
  joined.count += second.count;
  joined.left = std::min(joined.left, second.left);
  joined.right = std::max(joined.right, second.right);
  joined.top = std::max(joined.top, second.top);
  joined.bottom = std::min(joined.bottom, second.bottom);
  if (second.size > joined.size) {
    joined.size = second.size;
    joined.baseline = second.baseline;
  }
  joined.bold = joined.bold && second.bold;
  lines_.lines.push_back(joined);
  texts_.push_back(texts_[a] + " " + texts_[b]);
  merged_.resize(lines_.lines.size(), false);
  merged_[a] = merged_[b] = true;
  return static_cast<std::uint32_t>(lines_.lines.size() - 1);
}

// "A." standing apart from its text (a tab stop) is joined to the text on its right.
void PageLayout::joinLabels(std::vector<std::uint32_t>& body) {
  std::vector<std::uint32_t> byBaseline = body;
  std::sort(byBaseline.begin(), byBaseline.end(), [this](std::uint32_t a, std::uint32_t b) {
    return line(a).baseline < line(b).baseline;
  });
  std::vector<std::uint32_t> result;
  std::vector<bool> used(lines_.lines.size(), false);
  for (std::uint32_t label : body) {
    if (used[label] || !isLabelOnly(texts_[label])) continue;
    const TextLine& l = line(label);
    const float reach = kSameRow * l.size;
    auto it = std::lower_bound(
        byBaseline.begin(), byBaseline.end(), l.baseline - reach,
        [this](std::uint32_t index, float value) { return line(index).baseline < value; });
    std::uint32_t best = 0;
    float bestGap = std::numeric_limits<float>::max();
    for (int looked = 0; it != byBaseline.end() && line(*it).baseline <= l.baseline + reach &&
                         looked < kMaxLabelCandidates;
         ++it, ++looked) {
      const TextLine& o = line(*it);
      const float gap = o.left - l.right;
      if (*it == label || used[*it] || o.direction != l.direction || gap < -0.1f * l.size ||
          gap > kLabelReach * l.size || gap >= bestGap) {
        continue;
      }
      best = *it;
      bestGap = gap;
    }
    if (bestGap == std::numeric_limits<float>::max()) continue;
    used[label] = used[best] = true;
    result.push_back(mergeLines(label, best));
  }
  for (std::uint32_t index : body) {
    if (!used[index]) result.push_back(index);
  }
  body.swap(result);
}

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
std::vector<Atom> PageLayout::takeTables(std::vector<std::uint32_t>& body) {
  std::sort(body.begin(), body.end(), [this](std::uint32_t a, std::uint32_t b) {
    return line(a).baseline != line(b).baseline ? line(a).baseline > line(b).baseline
                                                : line(a).left < line(b).left;
  });
  std::vector<std::vector<std::uint32_t>> rows;
  for (std::uint32_t index : body) {
    if (!rows.empty() && std::abs(line(rows.back().front()).baseline - line(index).baseline) <=
                             kSameRow * line(index).size) {
      rows.back().push_back(index);
    } else {
      rows.push_back({index});
    }
  }
  auto aligned = [this](const std::vector<std::uint32_t>& upper,
                        const std::vector<std::uint32_t>& lower) {
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
  };
  // A row with one line under a table row continues one of its cells (a cell of several
  // lines), when it sits under that cell and close below.
  auto continuation = [this](const std::vector<std::uint32_t>& upper,
                             const std::vector<std::uint32_t>& lower) {
    if (lower.size() != 1) return false;
    const TextLine& l = line(lower.front());
    if (line(upper.front()).baseline - l.baseline > kCellLeading * l.size) return false;
    return std::any_of(upper.begin(), upper.end(), [&](std::uint32_t cell) {
      return std::abs(line(cell).left - l.left) <= kCellIndent * l.size;
    });
  };
  std::vector<Atom> tables;
  std::vector<bool> inTable(lines_.lines.size(), false);
  for (std::size_t start = 0; start < rows.size();) {
    std::size_t end = start + 1, lastRow = start, tableRows = 1;
    while (end < rows.size()) {
      if (aligned(rows[lastRow], rows[end]) &&
          line(rows[end - 1].front()).baseline - line(rows[end].front()).baseline <=
              kRowReach * line(rows[end].front()).size) {
        lastRow = end++;
        ++tableRows;
      } else if (continuation(rows[end - 1], rows[end])) {
        ++end;
      } else {
        break;
      }
    }
    const std::vector<std::vector<std::uint32_t>> run(rows.begin() + static_cast<long>(start),
                                                      rows.begin() + static_cast<long>(end));
    if (tableRows >= 2 && !isTextColumns(run)) tables.push_back(tableOf(run, inTable));
    start = end;
  }
  std::erase_if(body, [&inTable](std::uint32_t i) { return inTable[i]; });
  return tables;
}

// The usual distance between one line and the next, as a multiple of the font size.
float PageLayout::typicalLeading(std::vector<std::uint32_t> body) const {
  std::sort(body.begin(), body.end(), [this](std::uint32_t a, std::uint32_t b) {
    return line(a).baseline > line(b).baseline;
  });
  std::vector<float> ratios;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const TextLine& a = line(body[i]);
    // The next line of the same text is among the few lines just below.
    for (std::size_t j = i + 1; j < body.size() && j <= i + kLeadingLookahead; ++j) {
      const TextLine& b = line(body[j]);
      const float d = a.baseline - b.baseline;
      if (d <= 0.5f * a.size || overlap(a.left, a.right, b.left, b.right) <= 0 ||
          std::abs(a.size - b.size) >= 0.1f * a.size) {
        continue;
      }
      if (d < 4 * a.size) ratios.push_back(d / a.size);
      break;
    }
  }
  if (ratios.empty()) return 1.2f;
  std::nth_element(ratios.begin(), ratios.begin() + static_cast<long>(ratios.size() / 2),
                   ratios.end());
  return std::clamp(ratios[ratios.size() / 2], 0.9f, 3.0f);
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

bool endsSentence(const std::string& text) {
  if (text.empty()) return false;
  const char last = text.back();
  return last == '.' || last == ':' || last == '!' || last == '?';
}

// Capitals only (and at least three of them): a title such as "417.1 PURPOSE AND SCOPE".
bool isCapitals(const std::string& text) {
  int capitals = 0;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return capitals >= 3;
}

bool PageLayout::continues(const std::vector<std::uint32_t>& block, const Rect& bounds,
                           std::uint32_t next, float leading) const {
  const TextLine& p = line(block.back());
  const TextLine& l = line(next);
  const float size = std::max(p.size, l.size);
  const float distance = p.baseline - l.baseline;
  const float reach = std::max(1.25f * leading, leading + 0.25f) * size;
  if (distance < 0.3f * size || distance > reach) return false;
  if (overlap(p.left, p.right, l.left, l.right) <= 0) return false;
  if (std::max(p.size, l.size) > kSizeRatio * std::min(p.size, l.size)) return false;
  if (p.bold != l.bold) return false;
  // A title in capitals ends where the running text starts.
  if (block.size() == 1 && isCapitals(texts_[block.back()]) && !isCapitals(texts_[next])) {
    return false;
  }
  if (findLabel(texts_[next]).kind != LabelKind::None || isLabelOnly(texts_[next])) return false;
  // A short line that ends a sentence ends its paragraph.
  if (block.size() >= 2 && endsSentence(texts_[block.back()]) &&
      p.right < bounds.right - kShortLine * (bounds.right - bounds.left)) {
    return false;
  }
  return true;
}

std::vector<std::vector<std::uint32_t>> PageLayout::paragraphs(std::vector<std::uint32_t> lines,
                                                               float leading) const {
  std::sort(lines.begin(), lines.end(), [this](std::uint32_t a, std::uint32_t b) {
    return line(a).top != line(b).top ? line(a).top > line(b).top : line(a).left < line(b).left;
  });
  std::vector<std::vector<std::uint32_t>> blocks;
  std::vector<Rect> bounds;
  std::vector<std::size_t> open;  // blocks that a line further down may still continue
  for (std::uint32_t index : lines) {
    // Lines come top down: a block whose last line is out of reach stays closed.
    std::erase_if(open, [&](std::size_t b) {
      const TextLine& last = line(blocks[b].back());
      return last.baseline - line(index).baseline > kParagraphReach * last.size;
    });
    std::size_t best = blocks.size();
    float bestDistance = std::numeric_limits<float>::max();
    for (std::size_t b : open) {
      if (!continues(blocks[b], bounds[b], index, leading)) continue;
      const float distance = line(blocks[b].back()).baseline - line(index).baseline;
      if (distance < bestDistance) {
        best = b;
        bestDistance = distance;
      }
    }
    if (best == blocks.size()) {
      open.push_back(blocks.size());
      blocks.push_back({index});
      bounds.push_back(rectOf(index));
    } else {
      blocks[best].push_back(index);
      bounds[best].add(rectOf(index));
    }
  }
  return blocks;
}

Atom PageLayout::atomOf(std::vector<std::uint32_t> lines, DraftKind kind) const {
  Atom atom;
  atom.box = rectOf(lines.front());
  for (std::uint32_t index : lines) atom.box.add(rectOf(index));
  atom.blocks.push_back({kind, std::move(lines)});
  return atom;
}

// Short blocks on the left, each level with a block on the right ("PURPOSE:" beside its
// paragraph): side headings, to be read row by row, not as a column of their own.
bool PageLayout::isSideHeadings(const std::vector<Atom*>& atoms, std::size_t split,
                                float size) const {
  std::size_t level = 0;
  for (std::size_t i = 0; i < split; ++i) {
    const Atom& left = *atoms[i];
    const bool isShort =
        left.blocks.size() == 1 && left.blocks[0].lines.size() <= kSideHeadingLines;
    if (!isShort) return false;
    for (std::size_t j = split; j < atoms.size(); ++j) {
      if (std::abs(atoms[j]->box.top - left.box.top) <= kSideHeadingLevel * size) {
        ++level;
        break;
      }
    }
  }
  return level * 10 >= split * 6;
}

bool PageLayout::cutVertically(std::vector<Atom*>& atoms, std::vector<BlockDraft>& out,
                               int depth) const {
  std::sort(atoms.begin(), atoms.end(),
            [](const Atom* a, const Atom* b) { return a->box.left < b->box.left; });
  float reach = atoms.front()->box.right;
  float bestGap = 0;
  std::size_t bestSplit = 0;
  for (std::size_t i = 1; i < atoms.size(); ++i) {
    const float gap = atoms[i]->box.left - reach;
    if (gap > bestGap) {
      bestGap = gap;
      bestSplit = i;
    }
    reach = std::max(reach, atoms[i]->box.right);
  }
  float size = 0;
  for (const Atom* atom : atoms) {
    for (const BlockDraft& block : atom->blocks) size = std::max(size, line(block.lines[0]).size);
  }
  if (bestSplit == 0 || bestGap < kMinGutter * size) return false;
  if (isSideHeadings(atoms, bestSplit, size)) return false;
  order({atoms.begin(), atoms.begin() + static_cast<long>(bestSplit)}, out, depth + 1);
  order({atoms.begin() + static_cast<long>(bestSplit), atoms.end()}, out, depth + 1);
  return true;
}

bool PageLayout::cutHorizontally(std::vector<Atom*>& atoms, std::vector<BlockDraft>& out,
                                 int depth) const {
  std::sort(atoms.begin(), atoms.end(),
            [](const Atom* a, const Atom* b) { return a->box.top > b->box.top; });
  std::vector<std::size_t> splits;
  float floor = atoms.front()->box.bottom;
  for (std::size_t i = 1; i < atoms.size(); ++i) {
    if (atoms[i]->box.top <= floor) splits.push_back(i);
    floor = std::min(floor, atoms[i]->box.bottom);
  }
  if (splits.empty()) return false;
  splits.push_back(atoms.size());
  std::size_t from = 0;
  for (std::size_t to : splits) {
    order({atoms.begin() + static_cast<long>(from), atoms.begin() + static_cast<long>(to)}, out,
          depth + 1);
    from = to;
  }
  return true;
}

void PageLayout::order(std::vector<Atom*> atoms, std::vector<BlockDraft>& out, int depth) const {
  if (atoms.empty()) return;
  if (atoms.size() > 1 && depth < kMaxCutDepth) {
    if (cutVertically(atoms, out, depth)) return;
    if (cutHorizontally(atoms, out, depth)) return;
  }
  // Overlapping blocks: top down, then left to right.
  std::sort(atoms.begin(), atoms.end(), [](const Atom* a, const Atom* b) {
    return a->box.top != b->box.top ? a->box.top > b->box.top : a->box.left < b->box.left;
  });
  for (Atom* atom : atoms) {
    for (BlockDraft& block : atom->blocks) out.push_back(std::move(block));
  }
}

std::vector<BlockDraft> PageLayout::run() {
  merged_.assign(lines_.lines.size(), false);
  std::vector<BlockDraft> out;
  const float leadingAll = typicalLeading(linesWith(LineRole::Body, 0));
  for (std::vector<std::uint32_t>& header : paragraphs(linesWith(LineRole::Header, -1), 1.5f)) {
    out.push_back({DraftKind::Header, std::move(header)});
  }
  for (int direction = 0; direction < 4; ++direction) {
    std::vector<std::uint32_t> body = linesWith(LineRole::Body, direction);
    if (body.empty()) continue;
    joinLabels(body);
    std::vector<Atom> atoms = direction == 0 ? takeTables(body) : std::vector<Atom>();
    const float leading = direction == 0 ? leadingAll : typicalLeading(body);
    for (std::vector<std::uint32_t>& block : paragraphs(body, leading)) {
      atoms.push_back(atomOf(std::move(block), DraftKind::Text));
    }
    std::vector<Atom*> pointers;
    for (Atom& atom : atoms) pointers.push_back(&atom);
    order(pointers, out, 0);
  }
  for (std::vector<std::uint32_t>& footer : paragraphs(linesWith(LineRole::Footer, -1), 1.5f)) {
    out.push_back({DraftKind::Footer, std::move(footer)});
  }
  return out;
}

}  // namespace

std::vector<BlockDraft> buildBlocks(const PageText& page, PageLines& lines) {
  return PageLayout(page, lines).run();
}

}  // namespace mkrp::extract::pdf
