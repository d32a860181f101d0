// A font as text extraction needs it: how a string splits into codes, what text each code
// stands for, and how far each code advances. Built once per font object (see FontCache).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/pdf/cmap_parser.h"
#include "extract/pdf/pdf_objects.h"

namespace mkrp::extract::pdf {

class Font {
 public:
  enum class Kind { Simple, Type3, Composite };

  // Splits the next code off `bytes` at `pos`; returns its length in bytes (at least 1).
  int nextCode(std::string_view bytes, std::size_t pos, std::uint32_t& code) const;
  // Appends the text `code` stands for (UTF-8, ligatures split); false when unknown.
  bool appendText(std::uint32_t code, std::string& out) const;
  // The advance of `code` in text space, per unit of font size.
  double advance(std::uint32_t code) const;
  // True when word spacing (Tw) applies: the single-byte code 32.
  bool isWordSpace(std::uint32_t code, int length) const { return length == 1 && code == 32; }

  // The glyph box above and below the baseline, per unit of font size (descent is negative).
  double ascent() const { return ascent_; }
  double descent() const { return descent_; }
  // How much larger than the font size the glyphs are drawn (Type3 font matrices).
  double sizeScale() const { return sizeScale_; }
  bool bold() const { return bold_; }
  bool vertical() const { return vertical_; }
  Kind kind() const { return kind_; }

 private:
  friend class FontBuilder;

  struct SimpleGlyph {
    std::uint32_t textOffset = 0;
    std::uint8_t textLength = 0;
    float advance = 0;
  };
  struct WidthRange {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    float width = 0;  // per unit font size
  };

  Kind kind_ = Kind::Simple;
  // Simple and Type3 fonts: everything per code.
  std::array<SimpleGlyph, 256> simple_{};
  std::string simpleText_;
  // Composite fonts.
  CMap encoding_;              // codespace and code -> CID; empty for Identity
  bool identity_ = true;       // CID = code
  bool unicodeCodes_ = false;  // the predefined CMap's codes are UTF-16 (Uni*-UCS2/UTF16)
  int codeBytes_ = 2;
  std::vector<WidthRange> widths_;  // by CID, sorted
  double defaultWidth_ = 1.0;
  CMap toUnicode_;
  // Glyph geometry.
  double ascent_ = 0.8;
  double descent_ = -0.2;
  double sizeScale_ = 1.0;
  bool bold_ = false;
  bool vertical_ = false;
};

// Builds fonts from their dictionaries, at most once per font object. Not thread-safe; one per
// document reading.
class FontCache {
 public:
  // `maxStreamBytes` bounds each decoded ToUnicode, CMap or font program read.
  FontCache(const Objects& objects, std::size_t maxStreamBytes);
  ~FontCache();

  // The font for the font dictionary `fontObject`; a plain fallback font when it is missing or
  // damaged. The reference stays valid as long as the cache.
  const Font& get(const PoDoFo::PdfObject* fontObject);

 private:
  Objects objects_;
  std::size_t maxStreamBytes_;
  std::unordered_map<ObjectKey, std::unique_ptr<Font>> fonts_;
  std::unique_ptr<Font> fallback_;
};

}  // namespace mkrp::extract::pdf
