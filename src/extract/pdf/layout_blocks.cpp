#include "extract/pdf/layout_blocks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "extract/pdf/page_layout.h"
#include "extract/pdf/section_labels.h"

namespace mkrp::extract::pdf {
namespace detail {
namespace {

// All relative to the font size unless said otherwise.
constexpr float kLabelReach = 10.0f;  // how far a label may stand from its text
constexpr float kSizeRatio = 1.25f;   // lines of one paragraph differ at most this much
constexpr float kShortLine = 0.25f;   // of the block width: a line this short ends it
// Bounds that keep absurd pages (a million scattered characters) from taking quadratic time.
constexpr std::size_t kLeadingLookahead = 12;  // lines looked at below each line
constexpr float kParagraphReach = 4.0f;        // font sizes below which a paragraph is closed
constexpr int kMaxLabelCandidates = 64;        // lines on a label's baseline looked at

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

}  // namespace

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

}  // namespace detail

std::vector<BlockDraft> buildBlocks(const PageText& page, PageLines& lines) {
  return detail::PageLayout(page, lines).run();
}

}  // namespace mkrp::extract::pdf
