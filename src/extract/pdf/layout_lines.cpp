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
constexpr float kOverdrawn =
    0.5f;  // a chunk over this much of another (of the narrower) is drawn over it
constexpr float kWordGap = 0.1f;             // a gap this wide separates words ...
constexpr std::size_t kMinGapsToAdapt = 6;   // ... unless a line shows letters spaced wider
constexpr float kMinLetterWordJump = 0.05f;  // (then words are where gaps jump this much;
constexpr float kMaxLetterGap = 0.5f;        // letters never stand further apart than this)
constexpr float kDuplicateShift = 0.25f;     // the same glyph moved less (of its width): fake bold
constexpr float kFragmentGap = 1.0f;         // a gap this wide may split a line in two ...
constexpr float kFragmentGapToWordGap = 3.0f;  // ... when it is this many times a word gap
constexpr float kFragmentGapCap = 2.0f;        // ... and always when it is this wide
constexpr float kGutterReach = 2.0f;  // lines ending or starting this near a gap line up with it
constexpr int kGutterSupport = 3;     // ... and it takes this many on each side
constexpr std::size_t kMaxLinesForGutters = 5000;  // pages with more lines are not searched
constexpr std::size_t kMaxGutterChecks = 2000;     // ... nor more gaps than this

// A run of glyphs drawn one after the other along one baseline.
struct Chunk {
  std::vector<std::uint32_t> glyphs;
  float baseline = 0, size = 0, left = 0, right = 0;
};

// Where a chunk of a drafted line lies, and what it says.
struct ChunkSpan {
  float left = 0, right = 0;
  std::string text;
};

struct LineDraft {
  std::vector<std::uint32_t> glyphs;
  float baseline = 0, size = 0;
  std::vector<ChunkSpan> spans;
};

enum class Fit { Joins, Duplicate, Overlaps };

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

// How a chunk fits into a drafted line: beside its chunks, drawn again over one of them (the
// same text, as for fake bold: dropped), or over different text (kept on a line of its own, so
// that two texts printed on one spot are not shuffled letter by letter).
Fit fitOf(const LineDraft& line, const Chunk& chunk, const std::string& text) {
  for (const ChunkSpan& span : line.spans) {
    const float narrower = std::min(span.right - span.left, chunk.right - chunk.left);
    const float common = std::min(span.right, chunk.right) - std::max(span.left, chunk.left);
    if (narrower <= 0 || common <= kOverdrawn * narrower) continue;
    return span.text == text ? Fit::Duplicate : Fit::Overlaps;
  }
  return Fit::Joins;
}

std::string chunkText(const PageText& page, const Chunk& chunk) {
  std::string text;
  for (std::uint32_t index : chunk.glyphs) text += page.textOf(page.glyphs[index]);
  return text;
}

std::vector<LineDraft> draftLines(const PageText& page, std::vector<Chunk> chunks) {
  std::sort(chunks.begin(), chunks.end(),
            [](const Chunk& a, const Chunk& b) { return a.baseline > b.baseline; });
  std::vector<LineDraft> lines;
  for (Chunk& chunk : chunks) {
    std::string text = chunkText(page, chunk);
    LineDraft* target = nullptr;
    bool duplicate = false;
    // Lines are drafted top down; the match, if any, is among the last few.
    for (std::size_t back = 0; back < 4 && back < lines.size() && target == nullptr; ++back) {
      LineDraft& candidate = lines[lines.size() - 1 - back];
      if (!joinsLine(candidate, chunk.baseline, chunk.size)) continue;
      const Fit fit = fitOf(candidate, chunk, text);
      duplicate = fit == Fit::Duplicate;
      if (duplicate) break;
      if (fit == Fit::Joins) target = &candidate;
    }
    if (duplicate) continue;
    if (target == nullptr) {
      lines.push_back({std::move(chunk.glyphs),
                       chunk.baseline,
                       chunk.size,
                       {{chunk.left, chunk.right, std::move(text)}}});
      continue;
    }
    target->glyphs.insert(target->glyphs.end(), chunk.glyphs.begin(), chunk.glyphs.end());
    target->spans.push_back({chunk.left, chunk.right, std::move(text)});
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

// The gap (in font sizes) above which glyphs of a line belong to different words. Usually a
// tenth of the font size; when most glyphs stand further apart than that (letter spacing, or
// widths that do not match the font), the widest jump among the larger gaps separates letters
// from words.
float wordGapThreshold(std::vector<float> gaps) {
  const auto wide = std::count_if(gaps.begin(), gaps.end(), [](float g) { return g > kWordGap; });
  if (gaps.size() < kMinGapsToAdapt || wide * 10 < static_cast<std::ptrdiff_t>(gaps.size()) * 6) {
    return kWordGap;
  }
  std::sort(gaps.begin(), gaps.end());
  float threshold = kWordGap;
  float widestJump = kMinLetterWordJump;
  for (std::size_t i = gaps.size() / 2; i + 1 < gaps.size(); ++i) {
    const float jump = gaps[i + 1] - gaps[i];
    if (jump > widestJump) {
      widestJump = jump;
      threshold = (gaps[i] + gaps[i + 1]) / 2;
    }
  }
  return std::clamp(threshold, kWordGap, kMaxLetterGap);
}

// Orders a drafted line left to right, drops duplicates, and decides where words start.
std::vector<LineGlyph> wordsOf(const PageText& page, std::vector<std::uint32_t>& glyphs) {
  std::stable_sort(glyphs.begin(), glyphs.end(), [&page](std::uint32_t a, std::uint32_t b) {
    return page.glyphs[a].left < page.glyphs[b].left;
  });
  std::vector<LineGlyph> out;
  std::vector<float> gaps;  // before each glyph of `out` but the first, in font sizes
  out.reserve(glyphs.size());
  bool spaced = false;
  const TextGlyph* previous = nullptr;
  const TextGlyph* space = nullptr;
  for (std::uint32_t index : glyphs) {
    const TextGlyph& g = page.glyphs[index];
    if (g.flags & TextGlyph::kSpace) {
      space = &g;
      continue;
    }
    if (space != nullptr && previous != nullptr) spaced = separates(*space, *previous, g);
    space = nullptr;
    if (previous != nullptr) {
      const float size = std::max(g.size, previous->size);
      const float width = previous->right - previous->left;
      if (std::abs(g.left - previous->left) < kDuplicateShift * width &&
          std::abs(g.baseline - previous->baseline) < kDuplicateShift * size &&
          sameText(page, g, *previous)) {
        continue;
      }
      gaps.push_back((g.left - previous->right) / size);
    }
    out.push_back({index, spaced && previous != nullptr});
    spaced = false;
    previous = &g;
  }
  // Gaps next to a space character say nothing about letter spacing.
  std::vector<float> plainGaps;
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (!out[i].spaceBefore) plainGaps.push_back(gaps[i - 1]);
  }
  const float threshold = wordGapThreshold(std::move(plainGaps));
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (gaps[i - 1] > threshold) out[i].spaceBefore = true;
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
  line.left = page.glyphs[words[from].glyph].left;
  line.right = line.left;
  float bestSize = -1;
  std::size_t bold = 0;
  for (std::size_t i = from; i < to; ++i) {
    const TextGlyph& g = page.glyphs[words[i].glyph];
    out.glyphs.push_back({words[i].glyph, i != from && words[i].spaceBefore});
    line.left = std::min(line.left, g.left);
    line.right = std::max(line.right, g.right);
    if (g.flags & TextGlyph::kBold) ++bold;
    if (g.size > bestSize) {
      bestSize = g.size;
      line.baseline = g.baseline;
    }
  }
  line.size = bestSize;
  // A section number in the body font before a bold title still makes a bold line.
  line.bold = bold * 4 >= (to - from) * 3;
  line.top = line.baseline + 0.8f * line.size;
  line.bottom = line.baseline - 0.25f * line.size;
  out.lines.push_back(line);
}

// Splits a line at gaps much wider than its word gaps (columns, table cells, tab stops).
void addFragments(const PageText& page, std::uint8_t direction, const LineDraft& draft,
                  const std::vector<LineGlyph>& words, PageLines& out) {
  if (words.empty()) return;
  const float wordGap = medianWordGap(page, words, draft.size);
  const float splitGap =
      std::max(kFragmentGap * draft.size,
               std::min(kFragmentGapToWordGap * wordGap, kFragmentGapCap * draft.size));
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

// The line with glyphs [from, to) of `line`, its extent measured again.
TextLine part(const PageText& page, const PageLines& lines, const TextLine& line,
              std::uint32_t from, std::uint32_t to) {
  TextLine piece = line;
  piece.first = line.first + from;
  piece.count = to - from;
  piece.left = page.glyphs[lines.glyphs[piece.first].glyph].left;
  piece.right = piece.left;
  for (std::uint32_t i = piece.first; i < piece.first + piece.count; ++i) {
    piece.right = std::max(piece.right, page.glyphs[lines.glyphs[i].glyph].right);
  }
  return piece;
}

// True when the white gap [start, end] of one line continues through the lines around it: many
// lines end just before it and many start just after it, and almost none run across it. That
// is a column gutter, even where a line's words stand as far apart as the gutter is wide.
bool isGutter(const std::vector<TextLine>& lines, std::size_t self, float start, float end,
              float size) {
  int ending = 0, starting = 0, crossing = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const TextLine& other = lines[i];
    if (i == self || other.direction != lines[self].direction) continue;
    if (other.left < end - 0.5f && other.right > start + 0.5f) ++crossing;
    if (other.right <= start + 0.5f && other.right >= start - kGutterReach * size) ++ending;
    if (other.left >= end - 0.5f && other.left <= end + kGutterReach * size) ++starting;
  }
  return ending >= kGutterSupport && starting >= kGutterSupport &&
         crossing * 5 <= std::min(ending, starting);
}

// Splits lines at gaps that line up with a column gutter on the page.
void splitAtGutters(const PageText& page, PageLines& out) {
  // Each check looks at every line: real pages have a few hundred lines and a few such gaps.
  if (out.lines.size() > kMaxLinesForGutters) return;
  std::size_t checks = 0;
  for (std::size_t i = 0; i < out.lines.size() && checks < kMaxGutterChecks; ++i) {
    const TextLine line = out.lines[i];
    for (std::uint32_t k = 1; k < line.count; ++k) {
      const LineGlyph& glyph = out.glyphs[line.first + k];
      const float start = page.glyphs[out.glyphs[line.first + k - 1].glyph].right;
      const float end = page.glyphs[glyph.glyph].left;
      if (!glyph.spaceBefore || end - start < kFragmentGap * line.size) continue;
      if (++checks > kMaxGutterChecks || !isGutter(out.lines, i, start, end, line.size)) continue;
      out.glyphs[line.first + k].spaceBefore = false;
      out.lines[i] = part(page, out, line, 0, k);
      out.lines.push_back(part(page, out, line, k, line.count));
      break;  // the right part is looked at again as a line of its own
    }
  }
}

}  // namespace

PageLines buildLines(const PageText& page) {
  PageLines out;
  out.glyphs.reserve(page.glyphs.size());
  for (std::uint8_t direction = 0; direction < 4; ++direction) {
    std::vector<LineDraft> drafts = draftLines(page, chunksOf(page, direction));
    for (LineDraft& draft : drafts) {
      const std::vector<LineGlyph> words = wordsOf(page, draft.glyphs);
      addFragments(page, direction, draft, words, out);
    }
  }
  splitAtGutters(page, out);
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
