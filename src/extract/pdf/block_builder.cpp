#include "extract/pdf/block_builder.h"

#include <algorithm>
#include <cctype>

#include "extract/pdf/section_labels.h"
#include "extract/pdf/unicode_text.h"

namespace mkrp::extract::pdf {
namespace {

constexpr std::size_t kMaxHeadingBytes = 120;
constexpr std::size_t kMaxHeadingLines = 2;
constexpr float kHeadingSize = 1.15f;   // times the body size
constexpr float kLargeHeading = 1.4f;   // times the body size: a top-level heading
constexpr float kFootnoteSize = 0.85f;  // times the body size, or smaller
constexpr double kFootnoteZone = 0.3;   // share of the page height from the bottom
constexpr double kIndentStep = 4;       // points: labels closer than this are indented alike
constexpr int kMaxListLevel = 8;

struct Assembled {
  std::string text;
  std::vector<core::GlyphBox> glyphs;
  float size = 0;
  bool bold = true;
  int lines = 0;
};

core::Box boxOf(const TextGlyph& g) { return {g.x0, g.y0, g.x1, g.y1}; }

// The last character of `text` and where it starts.
char32_t lastCharacter(const std::string& text, std::size_t& start) {
  start = text.size();
  while (start > 0 && (static_cast<unsigned char>(text[start - 1]) & 0xC0) == 0x80) --start;
  if (start > 0) --start;
  std::size_t pos = start;
  return text.empty() ? 0 : nextUtf8(text, pos);
}

bool isLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x2000);
}
bool isLowerLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF); }

// Joins a new line to the text so far: a word broken by a hyphen at the line end is made whole,
// otherwise a space separates the lines.
void joinLine(Assembled& block, std::string_view nextText) {
  std::size_t hyphenAt = 0;
  const char32_t last = lastCharacter(block.text, hyphenAt);
  std::size_t pos = 0;
  const char32_t next = nextText.empty() ? 0 : nextUtf8(nextText, pos);
  std::size_t beforeAt = 0;
  const std::string head = block.text.substr(0, hyphenAt);
  const char32_t before = lastCharacter(head, beforeAt);
  const bool hardHyphen = (last == '-' || last == 0x2010 || last == 0x2011) && isLetter(before);
  if (hardHyphen && !isLowerLetter(next)) return;  // "non-" + "Department": a real hyphen
  const bool broken = last == 0xAD || (hardHyphen && isLowerLetter(next));
  if (!broken) {
    block.text += ' ';
    return;
  }
  block.text.resize(hyphenAt);
  while (!block.glyphs.empty() && block.glyphs.back().start >= hyphenAt) block.glyphs.pop_back();
  if (!block.glyphs.empty() && block.glyphs.back().end > hyphenAt) {
    block.glyphs.back().end = static_cast<std::uint32_t>(hyphenAt);
  }
}

std::string firstWord(const PageText& page, const PageLines& lines, const TextLine& line) {
  std::string text;
  for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
    if (i != line.first && lines.glyphs[i].spaceBefore) break;
    text += page.textOf(page.glyphs[lines.glyphs[i].glyph]);
  }
  return text;
}

Assembled assemble(const PageText& page, const PageLines& lines, const BlockDraft& draft) {
  Assembled block;
  for (std::uint32_t index : draft.lines) {
    const TextLine& line = lines.lines[index];
    if (block.lines++ > 0) joinLine(block, firstWord(page, lines, line));
    block.size = std::max(block.size, line.size);
    block.bold = block.bold && line.bold;
    for (std::uint32_t i = line.first; i < line.first + line.count; ++i) {
      const LineGlyph& lineGlyph = lines.glyphs[i];
      if (i != line.first && lineGlyph.spaceBefore) block.text += ' ';
      const TextGlyph& glyph = page.glyphs[lineGlyph.glyph];
      if (glyph.textLength == 0) continue;
      const auto start = static_cast<std::uint32_t>(block.text.size());
      block.text += page.textOf(glyph);
      block.glyphs.push_back(
          {start, static_cast<std::uint32_t>(block.text.size()), page.number, boxOf(glyph)});
    }
  }
  return block;
}

// Moves the label at the start of the text into block.label.
void splitLabel(core::Block& block, const Label& label) {
  block.label = block.text.substr(0, label.length);
  std::size_t cut = label.length;
  while (cut < block.text.size() && block.text[cut] == ' ') ++cut;
  block.text.erase(0, cut);
  std::vector<core::GlyphBox> kept;
  kept.reserve(block.glyphs.size());
  for (core::GlyphBox box : block.glyphs) {
    if (box.end <= cut) continue;
    box.start = box.start > cut ? static_cast<std::uint32_t>(box.start - cut) : 0;
    box.end = static_cast<std::uint32_t>(box.end - cut);
    kept.push_back(box);
  }
  block.glyphs.swap(kept);
}

bool isAllCaps(const std::string& text) {
  int letters = 0;
  for (char c : text) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 3;
}

bool looksLikeHeading(const Assembled& block, float bodySize) {
  if (block.lines > static_cast<int>(kMaxHeadingLines) || block.text.size() > kMaxHeadingBytes) {
    return false;
  }
  if (block.size >= kHeadingSize * bodySize) return true;
  const char last = block.text.empty() ? '.' : block.text.back();
  if (last == '.' || last == ',' || last == ';') return false;
  return block.bold || isAllCaps(block.text);
}

int headingLevel(const Assembled& block, float bodySize, const Label& label) {
  if (label.kind == LabelKind::Decimal) return std::clamp(label.depth, 1, 6);
  if (block.size >= kLargeHeading * bodySize) return 1;
  return block.size >= kHeadingSize * bodySize ? 2 : 3;
}

core::BlockKind textKind(const Assembled& block, const core::Block& result, const PageText& page,
                         float bodySize, const Label& label, int& level) {
  if (looksLikeHeading(block, bodySize)) {
    level = headingLevel(block, bodySize, label);
    return core::BlockKind::Heading;
  }
  const bool small = block.size <= kFootnoteSize * bodySize;
  if (small && result.source.box.y1 <= kFootnoteZone * page.height && !block.text.empty() &&
      (std::isdigit(static_cast<unsigned char>(block.text[0])) || block.text[0] == '*')) {
    return core::BlockKind::Footnote;
  }
  if (label.kind != LabelKind::None) return core::BlockKind::ListItem;
  return core::BlockKind::Paragraph;
}

}  // namespace

void appendBlocks(const PageText& page, const PageLines& lines,
                  const std::vector<BlockDraft>& drafts, float bodySize,
                  std::vector<core::Block>& out) {
  for (const BlockDraft& draft : drafts) {
    Assembled assembled = assemble(page, lines, draft);
    if (assembled.glyphs.empty()) continue;
    core::Block block;
    block.source.page = page.number;
    block.source.box = assembled.glyphs.front().box;
    for (const core::GlyphBox& glyph : assembled.glyphs) {
      block.source.box.x0 = std::min(block.source.box.x0, glyph.box.x0);
      block.source.box.y0 = std::min(block.source.box.y0, glyph.box.y0);
      block.source.box.x1 = std::max(block.source.box.x1, glyph.box.x1);
      block.source.box.y1 = std::max(block.source.box.y1, glyph.box.y1);
    }
    block.text = std::move(assembled.text);
    block.glyphs = std::move(assembled.glyphs);
    const Label label = findLabel(block.text);
    if (label.kind != LabelKind::None) splitLabel(block, label);
    assembled.text = block.text;
    switch (draft.kind) {
      case DraftKind::Header:
        block.kind = core::BlockKind::Header;
        break;
      case DraftKind::Footer:
        block.kind = core::BlockKind::Footer;
        break;
      case DraftKind::TableCell:
        block.kind = core::BlockKind::TableCell;
        break;
      case DraftKind::Text:
        block.kind = textKind(assembled, block, page, bodySize, label, block.level);
        break;
    }
    out.push_back(std::move(block));
  }
}

void assignListLevels(std::vector<core::Block>& blocks) {
  std::vector<double> indents;
  for (const core::Block& block : blocks) {
    if (block.kind == core::BlockKind::ListItem) indents.push_back(block.source.box.x0);
  }
  std::sort(indents.begin(), indents.end());
  // One value per indentation: the first of each run of close values.
  std::vector<double> steps;
  for (double indent : indents) {
    if (steps.empty() || indent - steps.back() > kIndentStep) steps.push_back(indent);
  }
  for (core::Block& block : blocks) {
    if (block.kind != core::BlockKind::ListItem) continue;
    const auto at = std::upper_bound(steps.begin(), steps.end(), block.source.box.x0);
    block.level = std::clamp(static_cast<int>(at - steps.begin()) - 1, 0, kMaxListLevel);
  }
}

}  // namespace mkrp::extract::pdf
