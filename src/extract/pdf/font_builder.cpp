#include "extract/pdf/font_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "extract/pdf/embedded_font.h"
#include "extract/pdf/encodings.h"
#include "extract/pdf/glyph_list.h"
#include "extract/pdf/standard_fonts.h"
#include "extract/pdf/stream_decoder.h"
#include "extract/pdf/unicode_text.h"

namespace mkrp::extract::pdf {
namespace {

using PoDoFo::PdfName;
using PoDoFo::PdfObject;

const PdfName kSubtype("Subtype"), kBaseFont("BaseFont"), kEncoding("Encoding"),
    kBaseEncoding("BaseEncoding"), kDifferences("Differences"), kToUnicode("ToUnicode"),
    kFirstChar("FirstChar"), kWidths("Widths"), kFontDescriptor("FontDescriptor"),
    kMissingWidth("MissingWidth"), kFlags("Flags"), kAscent("Ascent"), kDescent("Descent"),
    kFontWeight("FontWeight"), kFontFile("FontFile"), kFontMatrix("FontMatrix"),
    kFontBBox("FontBBox"), kDescendantFonts("DescendantFonts"), kW("W"), kDW("DW"),
    kFontName("FontName");

// Widths beyond this (in ems) are damage, not typography.
constexpr double kMaxAdvance = 20.0;

constexpr int kFlagSymbolic = 1 << 2;
constexpr int kFlagForceBold = 1 << 18;

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool looksBold(std::string_view name) {
  return contains(name, "Bold") || contains(name, "Black") || contains(name, "Heavy") ||
         contains(name, "Semibold") || contains(name, "Demi") || contains(name, "bold");
}

double clampAdvance(double value) {
  if (!std::isfinite(value)) return 0;
  return std::clamp(value, -kMaxAdvance, kMaxAdvance);
}

std::u32string single(char32_t c) { return c == 0 ? std::u32string() : std::u32string(1, c); }

}  // namespace

std::unique_ptr<Font> FontBuilder::build(const PdfObject* dict) {
  auto font = std::make_unique<Font>();
  if (dict == nullptr) {
    CodeTexts texts;
    const BaseEncoding& winAnsi = baseEncoding(BaseEncodingId::WinAnsi);
    for (int code = 0; code < 256; ++code) texts[code] = single(winAnsi.unicode[code]);
    readSimpleWidths(nullptr, texts, 0.001, *font);
    return font;
  }
  try {
    const std::string_view subtype = nameOf(objects_.get(dict, kSubtype));
    if (subtype == "Type0") {
      buildComposite(dict, *font);
    } else {
      buildSimple(dict, *font);
    }
  } catch (const PoDoFo::PdfError&) {
    // A damaged font reads as well as it can; what was not reached keeps its defaults.
  }
  return font;
}

CMap FontBuilder::readCMap(const PdfObject* stream) {
  if (objects_.stream(stream) == nullptr) return {};
  const DecodedStream decoded = decodeStream(objects_, stream, maxStreamBytes_);
  return parseCMap(decoded.bytes);
}

void FontBuilder::readDescriptor(const PdfObject* descriptor, std::string_view baseFont,
                                 Font& font) {
  const int flags = integerOr(objects_.get(descriptor, kFlags), 0, 0, INT32_MAX);
  const double weight = numberOr(objects_.get(descriptor, kFontWeight), 400);
  const std::string_view fontName = nameOf(objects_.get(descriptor, kFontName));
  font.bold_ =
      looksBold(baseFont) || looksBold(fontName) || (flags & kFlagForceBold) != 0 || weight >= 600;
  const double ascent = numberOr(objects_.get(descriptor, kAscent), 0) / 1000;
  const double descent = numberOr(objects_.get(descriptor, kDescent), 0) / 1000;
  // Descriptors often carry zeros or nonsense; keep the defaults unless the values are sane.
  if (ascent > 0.5 && ascent < 1.5) font.ascent_ = ascent;
  if (descent < 0 && descent > -0.6) font.descent_ = descent;
}

bool FontBuilder::builtinEncoding(const PdfObject* descriptor, CodeTexts& texts) {
  const PdfObject* program = objects_.get(descriptor, kFontFile);
  if (program == nullptr) return false;
  // The encoding sits in the clear-text start of the program.
  const DecodedStream decoded =
      decodeStream(objects_, program, std::min<std::size_t>(maxStreamBytes_, 256 * 1024));
  std::array<std::string, 256> names;
  if (!type1Encoding(decoded.bytes, names)) return false;
  for (int code = 0; code < 256; ++code) {
    texts[code] = names[code].empty() ? std::u32string() : glyphNameToUnicode(names[code]);
  }
  return true;
}

FontBuilder::CodeTexts FontBuilder::encodingTexts(const PdfObject* dict,
                                                  const PdfObject* descriptor) {
  const std::string_view subtype = nameOf(objects_.get(dict, kSubtype));
  const std::string_view baseFont = nameOf(objects_.get(dict, kBaseFont));
  const PdfObject* encoding = objects_.get(dict, kEncoding);
  const int flags = integerOr(objects_.get(descriptor, kFlags), 0, 0, INT32_MAX);

  std::string_view baseName = nameOf(encoding);
  if (encoding != nullptr && encoding->IsDictionary()) {
    baseName = nameOf(objects_.get(encoding, kBaseEncoding));
  }
  CodeTexts texts;
  BaseEncodingId id = BaseEncodingId::Standard;
  bool haveBase = encodingFromName(baseName, id);
  if (!haveBase) {
    if (contains(baseFont, "Symbol")) {
      id = BaseEncodingId::Symbol;
      haveBase = true;
    } else if (contains(baseFont, "ZapfDingbats") || contains(baseFont, "Dingbats")) {
      id = BaseEncodingId::ZapfDingbats;
      haveBase = true;
    } else if (subtype != "TrueType" && builtinEncoding(descriptor, texts)) {
      haveBase = false;  // texts already hold the font's own encoding
    } else {
      // TrueType fonts without an encoding (symbolic ones included) use character codes that
      // match WinAnsi in practice; Type 1 fonts default to StandardEncoding.
      id = subtype == "TrueType" || (flags & kFlagSymbolic) != 0 ? BaseEncodingId::WinAnsi
                                                                 : BaseEncodingId::Standard;
      haveBase = true;
    }
  }
  if (haveBase) {
    const BaseEncoding& table = baseEncoding(id);
    for (int code = 0; code < 256; ++code) texts[code] = single(table.unicode[code]);
  }
  if (const PoDoFo::PdfArray* differences = objects_.array(objects_.get(encoding, kDifferences))) {
    int code = -1;
    for (const PdfObject& item : *differences) {
      const PdfObject* value = objects_.resolve(&item);
      if (value == nullptr) continue;
      if (value->IsNumber()) {
        code = static_cast<int>(value->GetNumber());
      } else if (value->IsName() && code >= 0 && code < 256) {
        texts[static_cast<std::size_t>(code)] = glyphNameToUnicode(value->GetName().GetName());
        ++code;
      }
    }
  }
  return texts;
}

void FontBuilder::readSimpleWidths(const PdfObject* dict, const CodeTexts& texts, double scale,
                                   Font& font) {
  const PdfObject* descriptor = objects_.get(dict, kFontDescriptor);
  const double missing = numberOr(objects_.get(descriptor, kMissingWidth), 0) * scale;
  const PoDoFo::PdfArray* widths = objects_.array(objects_.get(dict, kWidths));
  if (widths == nullptr) {
    const StandardFamily family = standardFamilyOf(nameOf(objects_.get(dict, kBaseFont)));
    for (int code = 0; code < 256; ++code) {
      const char32_t c = texts[code].empty() ? U'x' : texts[code][0];
      font.simple_[code].advance = static_cast<float>(standardWidth(family, c) / 1000);
    }
    return;
  }
  for (auto& glyph : font.simple_) glyph.advance = static_cast<float>(clampAdvance(missing));
  const double first = numberOr(objects_.get(dict, kFirstChar), 0);
  if (first < 0 || first > 255) return;
  std::size_t code = static_cast<std::size_t>(first);
  for (std::size_t i = 0; i < widths->size() && code < 256; ++i, ++code) {
    const double width = numberOr(objects_.resolve(&(*widths)[i]), missing / scale) * scale;
    font.simple_[code].advance = static_cast<float>(clampAdvance(width));
  }
}

void FontBuilder::buildSimple(const PdfObject* dict, Font& font) {
  const std::string_view subtype = nameOf(objects_.get(dict, kSubtype));
  const std::string_view baseFont = nameOf(objects_.get(dict, kBaseFont));
  const PdfObject* descriptor = objects_.get(dict, kFontDescriptor);
  readDescriptor(descriptor, baseFont, font);
  double scale = 0.001;
  if (subtype == "Type3") {
    font.kind_ = Font::Kind::Type3;
    const PoDoFo::PdfArray* matrix = objects_.array(objects_.get(dict, kFontMatrix));
    if (matrix != nullptr && matrix->size() == 6) {
      const double a = numberOr(objects_.resolve(&(*matrix)[0]), 0.001);
      const double d = numberOr(objects_.resolve(&(*matrix)[3]), 0.001);
      if (std::isfinite(a) && std::abs(a) > 1e-9 && std::abs(a) < 10) scale = std::abs(a);
      if (std::isfinite(d) && std::abs(d) > 1e-9 && std::abs(d) < 10) {
        font.sizeScale_ = std::clamp(std::abs(d) * 1000, 0.05, 20.0);
      }
    }
  }
  const CodeTexts texts = encodingTexts(dict, descriptor);
  const CMap toUnicode = readCMap(objects_.get(dict, kToUnicode));
  for (std::uint32_t code = 0; code < 256; ++code) {
    Font::SimpleGlyph& glyph = font.simple_[code];
    glyph.textOffset = static_cast<std::uint32_t>(font.simpleText_.size());
    if (!toUnicode.appendText(code, font.simpleText_)) {
      for (char32_t c : texts[code]) appendReadable(font.simpleText_, c);
    }
    const std::size_t length = font.simpleText_.size() - glyph.textOffset;
    if (length > 255) font.simpleText_.resize(glyph.textOffset + 255);
    glyph.textLength = static_cast<std::uint8_t>(std::min<std::size_t>(length, 255));
  }
  readSimpleWidths(dict, texts, scale, font);
}

void FontBuilder::readCompositeEncoding(const PdfObject* encoding, Font& font) {
  std::string name(nameOf(encoding));
  if (objects_.stream(encoding) != nullptr) {
    font.encoding_ = readCMap(encoding);
    name = font.encoding_.useCMap;
    font.vertical_ = font.encoding_.vertical;
    if (!font.encoding_.cids.empty()) font.identity_ = false;
  }
  if (name.size() >= 2 && name.substr(name.size() - 2) == "-V") font.vertical_ = true;
  const bool unicodeCMap =
      name.rfind("Uni", 0) == 0 && (contains(name, "UCS2") || contains(name, "UTF16"));
  if (unicodeCMap) {
    font.unicodeCodes_ = true;
    font.identity_ = true;  // CIDs unknown without the CMap files: widths fall back to /DW
    font.encoding_.codespaces = {
        {0x0000, 0xD7FF, 2}, {0xE000, 0xFFFF, 2}, {0xD800DC00, 0xDBFFDFFF, 4}};
  }
  if (font.encoding_.codespaces.empty()) font.encoding_.codespaces = {{0x0000, 0xFFFF, 2}};
}

void FontBuilder::readCidWidths(const PdfObject* cidFont, Font& font) {
  font.defaultWidth_ = clampAdvance(numberOr(objects_.get(cidFont, kDW), 1000) / 1000);
  const PoDoFo::PdfArray* w = objects_.array(objects_.get(cidFont, kW));
  if (w == nullptr) return;
  std::vector<const PdfObject*> items;
  items.reserve(w->size());
  for (const PdfObject& item : *w) items.push_back(objects_.resolve(&item));
  auto number = [](const PdfObject* o) { return numberOr(o, -1); };
  for (std::size_t i = 0; i + 1 < items.size();) {
    const double first = number(items[i]);
    if (first < 0 || first > UINT32_MAX) break;
    const auto low = static_cast<std::uint32_t>(first);
    const PoDoFo::PdfArray* list = objects_.array(items[i + 1]);
    if (list != nullptr) {
      std::uint32_t cid = low;
      for (const PdfObject& width : *list) {
        const double value = clampAdvance(numberOr(objects_.resolve(&width), 0) / 1000);
        font.widths_.push_back({cid, cid, static_cast<float>(value)});
        if (cid == UINT32_MAX) break;
        ++cid;
      }
      i += 2;
    } else if (i + 2 < items.size()) {
      const double last = number(items[i + 1]);
      if (last < first || last > UINT32_MAX) break;
      const double value = clampAdvance(numberOr(items[i + 2], 0) / 1000);
      font.widths_.push_back({low, static_cast<std::uint32_t>(last), static_cast<float>(value)});
      i += 3;
    } else {
      break;
    }
  }
  std::stable_sort(font.widths_.begin(), font.widths_.end(),
                   [](const auto& a, const auto& b) { return a.low < b.low; });
}

void FontBuilder::buildComposite(const PdfObject* dict, Font& font) {
  font.kind_ = Font::Kind::Composite;
  const std::string_view baseFont = nameOf(objects_.get(dict, kBaseFont));
  const PdfObject* cidFont = nullptr;
  if (const PoDoFo::PdfArray* descendants = objects_.array(objects_.get(dict, kDescendantFonts))) {
    if (!descendants->empty()) cidFont = objects_.resolve(&(*descendants)[0]);
  }
  readDescriptor(objects_.get(cidFont, kFontDescriptor), baseFont, font);
  readCompositeEncoding(objects_.get(dict, kEncoding), font);
  font.toUnicode_ = readCMap(objects_.get(dict, kToUnicode));
  readCidWidths(cidFont, font);
}

}  // namespace mkrp::extract::pdf
