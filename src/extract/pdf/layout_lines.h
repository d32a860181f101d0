// Glyphs into words and lines by their position on the page, not by the order they were drawn.
// A line here is a run of words on one baseline with no wide gap: text on the same baseline in
// two columns or two table cells gives two lines.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/pdf/page_text.h"

namespace mkrp::extract::pdf {

struct LineGlyph {
  std::uint32_t glyph = 0;   // index in PageText::glyphs
  bool spaceBefore = false;  // a word starts here
};

enum class LineRole : std::uint8_t { Body, Header, Footer };

struct TextLine {
  std::uint32_t first = 0;  // LineGlyph range in PageLines::glyphs
  std::uint32_t count = 0;
  std::uint8_t direction = 0;
  // Frame coordinates (see TextGlyph): extent, baseline, and the band the text occupies.
  float left = 0, right = 0, baseline = 0, top = 0, bottom = 0;
  float size = 0;     // the largest font size in the line
  bool bold = false;  // (nearly) every glyph bold
  LineRole role = LineRole::Body;
};

struct PageLines {
  std::vector<LineGlyph> glyphs;
  std::vector<TextLine> lines;  // by direction, then top to bottom, then left to right
};

// Groups the page's glyphs into lines and words. Duplicated glyphs (text drawn twice to look
// bold) are dropped.
PageLines buildLines(const PageText& page);

// The line's text with single spaces between words.
std::string lineText(const PageText& page, const PageLines& lines, const TextLine& line);

}  // namespace mkrp::extract::pdf
