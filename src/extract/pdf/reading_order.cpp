// Reading order: recursive cuts along the widest white gaps, vertical gutters (columns) first,
// side headings kept beside their text.
#include <algorithm>
#include <cmath>

#include "extract/pdf/page_layout.h"

namespace mkrp::extract::pdf::detail {
namespace {

constexpr float kMinGutter = 0.6f;            // font sizes: a white gap this wide parts columns
constexpr int kMaxCutDepth = 64;              // beyond, blocks are simply ordered top down
constexpr std::size_t kSideHeadingLines = 2;  // a side heading has at most this many lines
constexpr float kSideHeadingLevel = 0.6f;     // ... and its top is this level with its text

}  // namespace

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

}  // namespace mkrp::extract::pdf::detail
