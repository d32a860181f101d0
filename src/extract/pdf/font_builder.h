// Reads a font dictionary (simple, Type3 or composite) into a Font. Internal to FontCache.
#pragma once

#include <cstddef>
#include <memory>

#include "extract/pdf/font.h"

namespace mkrp::extract::pdf {

class FontBuilder {
 public:
  // What each single-byte code stands for, before ToUnicode.
  using CodeTexts = std::array<std::u32string, 256>;

  FontBuilder(const Objects& objects, std::size_t maxStreamBytes)
      : objects_(objects), maxStreamBytes_(maxStreamBytes) {}

  // The font for the dictionary `fontDict`; a plain Latin font when it is null. Never throws for
  // damaged font data: what cannot be read falls back to defaults.
  std::unique_ptr<Font> build(const PoDoFo::PdfObject* fontDict);

 private:
  void buildSimple(const PoDoFo::PdfObject* dict, Font& font);
  void buildComposite(const PoDoFo::PdfObject* dict, Font& font);
  void readDescriptor(const PoDoFo::PdfObject* descriptor, std::string_view baseFont, Font& font);
  void readSimpleWidths(const PoDoFo::PdfObject* dict, const CodeTexts& texts, double scale,
                        Font& font);
  void readCidWidths(const PoDoFo::PdfObject* cidFont, Font& font);
  void readCompositeEncoding(const PoDoFo::PdfObject* encoding, Font& font);
  CodeTexts encodingTexts(const PoDoFo::PdfObject* dict, const PoDoFo::PdfObject* descriptor);
  bool builtinEncoding(const PoDoFo::PdfObject* descriptor, CodeTexts& texts);
  CMap readCMap(const PoDoFo::PdfObject* stream);

  Objects objects_;
  std::size_t maxStreamBytes_;
};

}  // namespace mkrp::extract::pdf
