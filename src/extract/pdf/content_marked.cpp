// Marked content: text that stands for what was drawn (/ActualText) replaces the drawn glyphs.
#include <algorithm>

#include "extract/pdf/content_interpreter.h"
#include "extract/pdf/unicode_text.h"

namespace mkrp::extract::pdf {
namespace {

using PoDoFo::PdfName;
using PoDoFo::PdfObject;

const PdfName kProperties("Properties"), kActualText("ActualText");

// Nesting kept track of; deeper marked content keeps its drawn text.
constexpr std::size_t kMaxMarkedDepth = 1024;

}  // namespace

void ContentInterpreter::beginMarkedContent(const Operation& op, const Resources& resources) {
  if (marked_.size() >= kMaxMarkedDepth) {
    marked_.back().hasActualText = false;  // too deep to trust: keep the drawn text
    marked_.push_back({});
    return;
  }
  MarkedContent entry;
  entry.firstGlyph = page_.glyphs.size();
  if (op.op == "BDC") {
    const auto& operands = op.operands;
    for (std::size_t i = 0; i + 1 < operands.size(); ++i) {
      if (operands[i].type == Operand::Type::Name && op.text(operands[i]) == "ActualText" &&
          operands[i + 1].type == Operand::Type::String) {
        entry.hasActualText = true;
        entry.actualText = pdfTextString(op.text(operands[i + 1]));
        break;
      }
    }
    if (!entry.hasActualText && !operands.empty() && operands.back().type == Operand::Type::Name) {
      // The property list is a named resource.
      const PdfObject* properties = objects_.get(objects_.get(resources.dict, kProperties),
                                                 PdfName(std::string(op.text(operands.back()))));
      const std::string_view actual = stringBytes(objects_.get(properties, kActualText));
      if (!actual.empty()) {
        entry.hasActualText = true;
        entry.actualText = pdfTextString(actual);
      }
    }
  }
  marked_.push_back(std::move(entry));
}

void ContentInterpreter::endMarkedContent() {
  if (marked_.empty()) return;
  MarkedContent entry = std::move(marked_.back());
  marked_.pop_back();
  if (!entry.hasActualText || entry.firstGlyph >= page_.glyphs.size()) return;
  // The drawn glyphs become one glyph carrying the actual text, spanning their boxes.
  auto first = page_.glyphs.begin() + static_cast<std::ptrdiff_t>(entry.firstGlyph);
  TextGlyph merged = *first;
  for (auto it = first; it != page_.glyphs.end(); ++it) {
    if (it->direction != merged.direction) continue;
    merged.x0 = std::min(merged.x0, it->x0);
    merged.y0 = std::min(merged.y0, it->y0);
    merged.x1 = std::max(merged.x1, it->x1);
    merged.y1 = std::max(merged.y1, it->y1);
    merged.left = std::min(merged.left, it->left);
    merged.right = std::max(merged.right, it->right);
  }
  page_.glyphs.erase(first, page_.glyphs.end());
  // An empty /ActualText says the drawing is no text at all (a decorative glyph).
  if (entry.actualText.empty()) return;
  std::size_t at = 0;
  const bool onlySpace =
      isSpaceCharacter(nextUtf8(entry.actualText, at)) && at == entry.actualText.size();
  merged.textStart = static_cast<std::uint32_t>(page_.text.size());
  merged.textLength = 0;
  merged.flags =
      static_cast<std::uint8_t>(merged.flags & ~(TextGlyph::kSpace | TextGlyph::kUnknown));
  if (onlySpace) {
    merged.flags |= TextGlyph::kSpace;
  } else {
    page_.text += entry.actualText.substr(0, UINT16_MAX);
    merged.textLength = static_cast<std::uint16_t>(page_.text.size() - merged.textStart);
  }
  page_.glyphs.push_back(merged);
}

}  // namespace mkrp::extract::pdf
