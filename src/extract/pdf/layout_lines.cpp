#include "extract/pdf/layout_lines.h"

#include <algorithm>
#include <cmath>

namespace mkrp::extract::pdf {
namespace {

// Tuned on real directives; all relative to the font size.
constexpr float kChunkBaselineShift = 0.3f;  // a baseline change this large ends a chunk
constexpr float kChunkBacktrack = 0.3f;      // moving back this far ends a chunk
constexpr float kChunkJump = 3.0f;           // moving forward this far ends a chunk
constexpr float kSameBaseline = 0.35f;       // chunks of one line (same size)
constexpr float kWordGap = 0.15f;            // a gap this wide separates words
constexpr float kDuplicateShift = 0.25f;     // the same glyph moved less (of its width): fake bold
constexpr float kFragmentGap = 1.0f;         // a gap this wide may split a line in two ...
constexpr float kFragmentGapToWordGap = 3.0f;  // ... when it is this many times a word gap

// A run of glyphs drawn one after the other along one baseline.
struct Chunk {
  std::vector<std::uint32_t> glyphs;
  float baseline = 0, size = 0, left = 0, right = 0;
};

struct LineDraft {
  std::vector<std::uint32_t> glyphs;
  float baseline = 0, size = 0;
};

std::vector<Chunk> chunksOf(const PageText& page, std::uint8_t direction) {
  std::vector<Chunk> chunks;
  const TextGlyph* previous = nullptr;
  for (std::uint32_t i = 0; i < page.glyphs.size(); ++i) {
    const TextGlyph& g = page.glyphs[i];
    if (g.direction != direction) continue;
    bool fresh = previous == nullptr;
    if (!fresh) {
      const float size = std::max(g.size, previous->size);
      fresh = std::abs(g.baseline - previous->baseline) > kChunkBaselineShift * size ||
              g.left < previous->right - kChunkBacktrack * size ||
              g.left - previous->right > kChunkJump * size;
    }
    if (fresh) {
      chunks.emplace_back();
      chunks.back().baseline = g.baseline;
      chunks.back().left = g.left;
    }
    Chunk& chunk = chunks.back();
    chunk.glyphs.push_back(i);
    if (g.size > chunk.size) {
      chunk.size = g.size;
      chunk.baseline = g.baseline;
    }
    chunk.left = std::min(chunk.left, g.left);
    chunk.right = std::max(chunk.right, g.right);
    previous = &g;
  }
  return chunks;
}

// True when text of size `size` on `baseline` belongs to the line drafted so far: the same
// baseline, or a smaller superscript or subscript near it.
bool joinsLine(const LineDraft& line, float baseline, float size) {
  const float big = std::max(line.size, size);
  const float small = std::min(line.size, size);
  if (std::abs(line.baseline - baseline) <= kSameBaseline * small) return true;
  if (small >= 0.85f * big) return false;
  const float smallBaseline = line.size < size ? line.baseline : baseline;
  const float bigBaseline = line.size < size ? baseline : line.baseline;
  const float shift = smallBaseline - bigBaseline;
  return shift >= -0.35f * big && shift <= 0.6f * big;
}

std::vector<LineDraft> draftLines(std::vector<Chunk> chunks) {
  std::sort(chunks.begin(), chunks.end(),
            [](const Chunk& a, const Chunk& b) { return a.baseline > b.baseline; });
  std::vector<LineDraft> lines;
  for (Chunk& chunk : chunks) {
    LineDraft* target = nullptr;
    // Lines are drafted top down; the match, if any, is among the last few.
    for (std::size_t back = 0; back < 4 && back < lines.size(); ++back) {
      LineDraft& candidate = lines[lines.size() - 1 - back];
      if (joinsLine(candidate, chunk.baseline, chunk.size)) {
        target = &candidate;
        break;
      }
    }
    if (target == nullptr) {
      lines.push_back({std::move(chunk.glyphs), chunk.baseline, chunk.size});
      continue;
    }
    target->glyphs.insert(target->glyphs.end(), chunk.glyphs.begin(), chunk.glyphs.end());
    if (chunk.size > target->size) {
      target->size = chunk.size;
      target->baseline = chunk.baseline;
    }
  }
  return lines;
}

bool sameText(const PageText& page, const TextGlyph& a, const TextGlyph& b) {
  return page.textOf(a) == page.textOf(b);
}

// True when a space character stands between `before` and `after`, and not under other text
// (a form's blank spaces with the filled-in value drawn over them).
bool separates(const TextGlyph& space, const TextGlyph& before, const TextGlyph& after) {
  const float slack = std::max(0.5f * (space.right - space.left), 0.1f * space.size);
  return space.left >= before.right - slack && space.right <= after.left + slack;
}

// Orders a drafted line left to right, drops duplicates, and decides where words start.
std::vector<LineGlyph> wordsOf(const PageText& page, std::vector<std::uint32_t>& glyphs) {
  std::stable_sort(glyphs.begin(), glyphs.end(), [&page](std::uint32_t a, std::uint32_t b) {
    return page.glyphs[a].left < page.glyphs[b].left;
  });
  std::vector<LineGlyph> out;
  out.reserve(glyphs.size());
  bool pendingSpace = false;
  const TextGlyph* previous = nullptr;
  const TextGlyph* space = nullptr;
  for (std::uint32_t index : glyphs) {
    const TextGlyph& g = page.glyphs[index];
    if (g.flags & TextGlyph::kSpace) {
      space = &g;
      continue;
    }
    if (space != nullptr && previous != nullptr) {
      pendingSpace = separates(*space, *previous, g);
    }
    space = nullptr;
    if (previous != nullptr) {
      const float size = std::max(g.size, previous->size);
      const float width = previous->right - previous->left;
      if (std::abs(g.left - previous->left) < kDuplicateShift * width &&
          std::abs(g.baseline - previous->baseline) < kDuplicateShift * size &&
          sameText(page, g, *previous)) {
        continue;
      }
      if (g.left - previous->right > kWordGap * size) pendingSpace = true;
    }
    out.push_back({index, pendingSpace && previous != nullptr});
    pendingSpace = false;
    previous = &g;
  }
  return out;
}

// The usual space between words of the line, from the gaps narrower than the font size (wider
// ones are tab stops and column gutters).
float medianWordGap(const PageText& page, const std::vector<LineGlyph>& words, float size) {
  std::vector<float> gaps;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (!words[i].spaceBefore) continue;
    const float gap = page.glyphs[words[i].glyph].left - page.glyphs[words[i - 1].glyph].right;
    if (gap < size) gaps.push_back(gap);
  }
  if (gaps.empty()) return 0.25f * size;
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                   gaps.end());
  return std::max(gaps[gaps.size() / 2], 0.1f * size);
}

void addLine(const PageText& page, std::uint8_t direction, const std::vector<LineGlyph>& words,
             std::size_t from, std::size_t to, PageLines& out) {
  TextLine line;
  line.first = static_cast<std::uint32_t>(out.glyphs.size());
  line.count = static_cast<std::uint32_t>(to - from);
  line.direction = direction;
  line.bold = true;
  line.left = page.glyphs[words[from].glyph].left;
  line.right = line.left;
  float bestSize = -1;
  for (std::size_t i = from; i < to; ++i) {
    const TextGlyph& g = page.glyphs[words[i].glyph];
    out.glyphs.push_back({words[i].glyph, i != from && words[i].spaceBefore});
    line.left = std::min(line.left, g.left);
    line.right = std::max(line.right, g.right);
    line.bold = line.bold && (g.flags & TextGlyph::kBold) != 0;
    if (g.size > bestSize) {
      bestSize = g.size;
      line.baseline = g.baseline;
    }
  }
  line.size = bestSize;
  line.top = line.baseline + 0.8f * line.size;
  line.bottom = line.baseline - 0.25f * line.size;
  out.lines.push_back(line);
}

// Splits a line at gaps much wider than its word gaps (columns, table cells, tab stops).
void addFragments(const PageText& page, std::uint8_t direction, const LineDraft& draft,
                  const std::vector<LineGlyph>& words, PageLines& out) {
  if (words.empty()) return;
  const float wordGap = medianWordGap(page, words, draft.size);
  const float splitGap = std::max(kFragmentGap * draft.size, kFragmentGapToWordGap * wordGap);
  std::size_t start = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const float gap = page.glyphs[words[i].glyph].left - page.glyphs[words[i - 1].glyph].right;
    if (words[i].spaceBefore && gap > splitGap) {
      addLine(page, direction, words, start, i, out);
      start = i;
    }
  }
  addLine(page, direction, words, start, words.size(), out);
}

}  // namespace

PageLines buildLines(const PageText& page) {
  PageLines out;
  out.glyphs.reserve(page.glyphs.size());
  for (std::uint8_t direction = 0; direction < 4; ++direction) {
    std::vector<LineDraft> drafts = draftLines(chunksOf(page, direction));
    for (LineDraft& draft : drafts) {
      const std::vector<LineGlyph> words = wordsOf(page, draft.glyphs);
      addFragments(page, direction, draft, words, out);
    }
  }
  return out;
}

std::string lineText(const PageText& page, const PageLines& lines, const TextLine& line) {
  std::string text;
  for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
    if (lines.glyphs[i].spaceBefore) text += ' ';
    text += page.textOf(page.glyphs[lines.glyphs[i].glyph]);
  }
  return text;
}

}  // namespace mkrp::extract::pdf
