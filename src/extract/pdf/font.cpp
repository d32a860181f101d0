#include "extract/pdf/font.h"

#include <algorithm>

#include "extract/pdf/font_builder.h"
#include "extract/pdf/unicode_text.h"

namespace mkrp::extract::pdf {

int Font::nextCode(std::string_view bytes, std::size_t pos, std::uint32_t& code) const {
  if (kind_ != Kind::Composite) {
    code = static_cast<unsigned char>(bytes[pos]);
    return 1;
  }
  return encoding_.nextCode(bytes, pos, code, codeBytes_);
}

bool Font::appendText(std::uint32_t code, std::string& out) const {
  if (kind_ != Kind::Composite) {
    const SimpleGlyph& glyph = simple_[code & 0xFF];
    if (glyph.textLength == 0) return false;
    out.append(simpleText_, glyph.textOffset, glyph.textLength);
    return true;
  }
  if (toUnicode_.appendText(code, out)) return true;
  if (unicodeCodes_) {
    if (code > 0xFFFF) {
      // A surrogate pair in four bytes.
      const std::uint16_t units[2] = {static_cast<std::uint16_t>(code >> 16),
                                      static_cast<std::uint16_t>(code & 0xFFFF)};
      appendUtf16Readable(out, units, 2);
      return true;
    }
    return appendReadable(out, code);
  }
  return false;
}

double Font::advance(std::uint32_t code) const {
  if (kind_ != Kind::Composite) return simple_[code & 0xFF].advance;
  std::uint32_t cid = code;
  if (!identity_ && !encoding_.cidOf(code, cid)) return defaultWidth_;
  auto it =
      std::upper_bound(widths_.begin(), widths_.end(), cid,
                       [](std::uint32_t value, const WidthRange& r) { return value < r.low; });
  if (it != widths_.begin() && cid <= (it - 1)->high) return (it - 1)->width;
  return defaultWidth_;
}

FontCache::FontCache(const Objects& objects, std::size_t maxStreamBytes)
    : objects_(objects), maxStreamBytes_(maxStreamBytes) {}

FontCache::~FontCache() = default;

const Font& FontCache::get(const PoDoFo::PdfObject* fontObject) {
  fontObject = objects_.resolve(fontObject);
  if (fontObject == nullptr || !fontObject->IsDictionary()) {
    if (!fallback_) fallback_ = FontBuilder(objects_, maxStreamBytes_).build(nullptr);
    return *fallback_;
  }
  const ObjectKey key = keyOf(fontObject);
  auto found = fonts_.find(key);
  if (found != fonts_.end()) return *found->second;
  auto font = FontBuilder(objects_, maxStreamBytes_).build(fontObject);
  return *fonts_.emplace(key, std::move(font)).first->second;
}

}  // namespace mkrp::extract::pdf
