#include "extract/pdf/standard_fonts.h"

#include <array>
#include <cstdint>

namespace mkrp::extract::pdf {
namespace {

// Advances of U+0020..U+007E from the fonts' published metrics (AFM files), rounded.
using AsciiWidths = std::array<std::uint16_t, 95>;

constexpr AsciiWidths kHelvetica = {
    278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ' ' - '/'
    556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 - ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ - O
    667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P - _
    333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` - o
    556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};      // p - ~

constexpr AsciiWidths kHelveticaBold = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

constexpr AsciiWidths kTimes = {
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541};

constexpr AsciiWidths kTimesBold = {
    250, 333, 555, 500, 500, 1000, 833, 278,  333, 333, 500, 570, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500,  500, 500,  500, 500, 333, 333, 570, 570, 570, 500,
    930, 722, 667, 722, 722, 667,  611, 778,  778, 389, 500, 778, 667, 944, 722, 778,
    611, 778, 722, 556, 667, 722,  722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
    333, 500, 556, 444, 556, 444,  333, 500,  556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556,  500, 722,  500, 500, 444, 394, 220, 394, 520};

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace

StandardFamily standardFamilyOf(std::string_view name) {
  const bool bold = contains(name, "Bold") || contains(name, "Black") || contains(name, "Heavy");
  if (contains(name, "Courier") || contains(name, "Mono")) return StandardFamily::Courier;
  if (contains(name, "Times") || contains(name, "Roman") || contains(name, "Georgia") ||
      contains(name, "Garamond") || contains(name, "Book") || contains(name, "Cambria")) {
    return bold ? StandardFamily::TimesBold : StandardFamily::Times;
  }
  if (contains(name, "Helvetica") || contains(name, "Arial") || contains(name, "Sans") ||
      contains(name, "Calibri") || contains(name, "Verdana") || contains(name, "Tahoma")) {
    return bold ? StandardFamily::HelveticaBold : StandardFamily::Helvetica;
  }
  return StandardFamily::Other;
}

double standardWidth(StandardFamily family, char32_t c) {
  const AsciiWidths* table = nullptr;
  switch (family) {
    case StandardFamily::Courier:
      return 600;
    case StandardFamily::Helvetica:
      table = &kHelvetica;
      break;
    case StandardFamily::HelveticaBold:
      table = &kHelveticaBold;
      break;
    case StandardFamily::Times:
      table = &kTimes;
      break;
    case StandardFamily::TimesBold:
      table = &kTimesBold;
      break;
    case StandardFamily::Other:
      table = &kHelvetica;
      break;
  }
  if (c >= 0x20 && c <= 0x7E) return (*table)[c - 0x20];
  if (c == 0xA0) return (*table)[0];
  return 500;
}

}  // namespace mkrp::extract::pdf
