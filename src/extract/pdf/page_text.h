// What the content interpreter found on one page: each drawn character with its place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::extract::pdf {

// One drawn character (or an /ActualText replacement for several).
// Coordinates come in two systems. The box is in displayed page space. The "frame" turns the
// page so that this glyph's writing direction runs left to right: frame x grows along the
// writing direction, frame y grows upwards from the baseline. Layout works in the frame.
struct TextGlyph {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // box on the displayed page
  float left = 0, right = 0;             // extent along the writing direction (frame x)
  float baseline = 0;                    // frame y of the baseline
  float size = 0;                        // font size on the page
  std::uint32_t textStart = 0;           // UTF-8 bytes in PageText::text
  std::uint16_t textLength = 0;
  std::uint8_t direction = 0;  // quarter turns (counter-clockwise) of the writing
  std::uint8_t flags = 0;

  static constexpr std::uint8_t kSpace = 1;  // a space character: separates words, no text
  static constexpr std::uint8_t kBold = 2;
  static constexpr std::uint8_t kUnknown = 4;  // its font does not say what it is: no text
};

struct PageText {
  int number = 0;                // 1-based
  double width = 0, height = 0;  // displayed page size
  std::string text;              // the glyphs' text, concatenated
  std::vector<TextGlyph> glyphs;
  bool hasLargeImage = false;  // an image covers a good part of the page (a scan?)
  int unmappedGlyphs = 0;      // glyphs whose font does not say what text they are (kUnknown)
  bool skippedSelfReference = false;  // a form that draws itself was cut short
  bool tooManyGlyphs = false;         // glyphs beyond kMaxGlyphsPerPage were not kept

  // No real page comes near this; past it, a page is an attack on memory.
  static constexpr std::size_t kMaxGlyphsPerPage = 1'000'000;

  std::string_view textOf(const TextGlyph& glyph) const {
    return std::string_view(text).substr(glyph.textStart, glyph.textLength);
  }
};

}  // namespace mkrp::extract::pdf
