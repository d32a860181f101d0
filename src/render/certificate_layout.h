// The certificate's layout, read from templates/certificate/layout.xml. The file format is
// described at the top of that file.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mkrp::render::detail {

struct Colour {
  double red = 0, green = 0, blue = 0;  // 0..1
};

struct FontSpec {
  std::string id;
  std::string name;  // the family name PoDoFo records in the PDF
  std::string file;  // the TrueType file that is embedded
  bool bold = false;
};

// A rectangle `inset` points inside the page edge.
struct Border {
  double inset = 0, line = 1;
  Colour colour;
};

// A horizontal line from x1 to x2 at y.
struct Rule {
  double x1 = 0, x2 = 0, y = 0, line = 1;
  Colour colour;
};

// A circle centred on (x, y); filled when `filled`, otherwise stroked with `line`.
struct Circle {
  double x = 0, y = 0, radius = 0, line = 1;
  bool filled = false;
  Colour colour;
};

enum class Align { Left, Center, Right };

// One line of text. `text` is a strict mustache template (render/strict_template.h).
// x is where a left line starts, where a right line ends, or the centre of a centred line.
// The font shrinks (never grows) until the line fits in `maxWidth`.
struct TextLine {
  double x = 0, y = 0, size = 12, maxWidth = 0;
  std::string font;
  Align align = Align::Center;
  Colour colour;
  std::string text;
};

using Shape = std::variant<Border, Rule, Circle, TextLine>;

// All y values are measured down from the top edge of the page (text: to its baseline).
struct Layout {
  double width = 0, height = 0;
  std::vector<FontSpec> fonts;
  std::vector<Shape> shapes;  // in drawing order
};

// The layout described by `xml`. Throws Poco::DataFormatException naming what is wrong
// (an unknown element, a missing or bad attribute, a text line naming an unknown font).
Layout parseLayout(std::string_view xml);

}  // namespace mkrp::render::detail
