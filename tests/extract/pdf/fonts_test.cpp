// How the PDF reader knows which text a font's codes stand for, and how wide they are.
#include <catch2/catch.hpp>

#include "core/document.h"
#include "extract/pdf/cmap_parser.h"
#include "extract/pdf/glyph_list.h"
#include "extract/readers.h"
#include "pdf_builder.h"

using namespace mkrp;
using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using test::PdfBuilder;

namespace {

using Int = PoDoFo::pdf_int64;

core::Document read(const std::string& bytes) { return extract::detail::readPdf(bytes, {}); }

std::string pageText(PdfBuilder& pdf, PoDoFo::PdfObject* font, const std::string& content) {
  pdf.addPage(content, PdfBuilder::fontResources(font));
  return test::textOf(pdf.write());
}

PdfArray numbers(std::initializer_list<double> values) {
  PdfArray array;
  for (double v : values) array.push_back(v);
  return array;
}

const char* const kCMapHead =
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    "/CMapName /Test def /CMapType 2 def\n";
const char* const kCMapTail = "endcmap CMapName currentdict /CMap defineresource pop end end\n";

PoDoFo::PdfObject* simpleFont(PdfBuilder& pdf, const PdfDictionary& extra) {
  PoDoFo::PdfObject* font = pdf.addTestFont();
  for (const auto& [key, value] : extra.GetKeys()) font->GetDictionary().AddKey(key, *value);
  return font;
}

}  // namespace

TEST_CASE("pdf maps codes through a ToUnicode CMap", "[extract][pdf]") {
  PdfBuilder pdf;
  const std::string cmap = std::string(kCMapHead) +
                           "1 begincodespacerange <00> <FF> endcodespacerange\n"
                           "2 beginbfchar <01> <0041> <02> <FB01> endbfchar\n"
                           "1 beginbfrange <10> <12> [<0062> <0063> <D835DC9C>] endbfrange\n"
                           "1 beginbfrange <20> <22> <0078> endbfrange\n" +
                           kCMapTail;
  PdfDictionary extra;
  extra.AddKey("ToUnicode", pdf.addStream(cmap)->Reference());
  PoDoFo::PdfObject* font = simpleFont(pdf, extra);
  // A, the fi ligature (split), b c and a mathematical script A (a surrogate pair), x y z.
  CHECK(pageText(pdf, font, "BT /F1 12 Tf 72 700 Td <0102101112202122> Tj ET") ==
        "Afibc\xF0\x9D\x92\x9Cxyz\n");
}

TEST_CASE("pdf reads an Identity-H font with its CID widths", "[extract][pdf]") {
  PdfBuilder pdf;
  PdfDictionary cidFont;
  cidFont.AddKey("Type", PdfName("Font"));
  cidFont.AddKey("Subtype", PdfName("CIDFontType2"));
  cidFont.AddKey("BaseFont", PdfName("TestCid"));
  cidFont.AddKey("DW", static_cast<Int>(1000));
  PdfArray w;
  w.push_back(static_cast<Int>(1));
  w.push_back(numbers({600, 400}));
  w.push_back(static_cast<Int>(3));
  w.push_back(static_cast<Int>(3));
  w.push_back(static_cast<Int>(800));
  cidFont.AddKey("W", w);
  const std::string cmap = std::string(kCMapHead) +
                           "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                           "3 beginbfchar <0001> <0048> <0002> <0069> <0003> <D83DDE00> "
                           "endbfchar\n" +
                           kCMapTail;
  PdfDictionary type0;
  type0.AddKey("Type", PdfName("Font"));
  type0.AddKey("Subtype", PdfName("Type0"));
  type0.AddKey("BaseFont", PdfName("TestCid"));
  type0.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(pdf.add(cidFont)->Reference());
  type0.AddKey("DescendantFonts", descendants);
  type0.AddKey("ToUnicode", pdf.addStream(cmap)->Reference());
  pdf.addPage("BT /F1 10 Tf 100 700 Td <000100020003> Tj ET",
              PdfBuilder::fontResources(pdf.add(type0)));
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "Hi\xF0\x9F\x98\x80");
  const std::vector<core::GlyphBox>& boxes = document.blocks[0].glyphs;
  REQUIRE(boxes.size() == 3);
  CHECK(boxes[0].box.x1 - boxes[0].box.x0 == Approx(6));
  CHECK(boxes[1].box.x0 == Approx(106));
  CHECK(boxes[2].box.x0 == Approx(110));
  CHECK(boxes[2].box.x1 == Approx(118));
}

TEST_CASE("pdf maps Differences glyph names through the glyph list", "[extract][pdf]") {
  PdfBuilder pdf;
  PdfArray differences;
  differences.push_back(static_cast<Int>(65));
  for (const char* name : {"fi", "uni00E9", "f_f", "a.sc", "quotedblleft", "g17"}) {
    differences.push_back(PdfName(name));
  }
  PdfDictionary encoding;
  encoding.AddKey("BaseEncoding", PdfName("WinAnsiEncoding"));
  encoding.AddKey("Differences", differences);
  PdfDictionary extra;
  extra.AddKey("Encoding", encoding);
  // F (g17) means nothing we know, so it is left out; the other codes keep WinAnsi.
  CHECK(pageText(pdf, simpleFont(pdf, extra), "BT /F1 12 Tf 72 700 Td (ABCDEFxy) Tj ET") ==
        "fi\xC3\xA9"
        "ffa\xE2\x80\x9Cxy\n");
}

TEST_CASE("pdf reads the WinAnsi and MacRoman characters beyond ASCII", "[extract][pdf]") {
  SECTION("WinAnsi") {
    PdfBuilder pdf;
    CHECK(pageText(pdf, pdf.addTestFont(), "BT /F1 12 Tf 72 700 Td (\\200 5 \\223ok\\224) Tj ET") ==
          "\xE2\x82\xAC 5 \xE2\x80\x9Cok\xE2\x80\x9D\n");
  }
  SECTION("MacRoman") {
    PdfBuilder pdf;
    PdfDictionary extra;
    extra.AddKey("Encoding", PdfName("MacRomanEncoding"));
    CHECK(pageText(pdf, simpleFont(pdf, extra), "BT /F1 12 Tf 72 700 Td (caf\\216 \\322x) Tj ET") ==
          "caf\xC3\xA9 \xE2\x80\x9Cx\n");
  }
}

TEST_CASE("pdf reads a Type3 font through its encoding", "[extract][pdf]") {
  PdfBuilder pdf;
  PdfDictionary font;
  font.AddKey("Type", PdfName("Font"));
  font.AddKey("Subtype", PdfName("Type3"));
  font.AddKey("FontMatrix", numbers({0.001, 0, 0, 0.001, 0, 0}));
  font.AddKey("FontBBox", numbers({0, 0, 1000, 1000}));
  PdfDictionary procs;
  procs.AddKey("square", pdf.addStream("500 0 0 0 500 500 d1 0 0 500 500 re f")->Reference());
  font.AddKey("CharProcs", procs);
  PdfArray differences;
  differences.push_back(static_cast<Int>(97));
  differences.push_back(PdfName("O"));
  differences.push_back(PdfName("K"));
  PdfDictionary encoding;
  encoding.AddKey("Differences", differences);
  font.AddKey("Encoding", encoding);
  font.AddKey("FirstChar", static_cast<Int>(97));
  font.AddKey("LastChar", static_cast<Int>(98));
  font.AddKey("Widths", numbers({500, 500}));
  CHECK(pageText(pdf, pdf.add(font), "BT /F1 12 Tf 72 700 Td (ab) Tj ET") == "OK\n");
}

TEST_CASE("pdf estimates standard font widths when /Widths is missing", "[extract][pdf]") {
  PdfBuilder pdf;
  PdfDictionary font;
  font.AddKey("Type", PdfName("Font"));
  font.AddKey("Subtype", PdfName("Type1"));
  font.AddKey("BaseFont", PdfName("Helvetica"));
  pdf.addPage("BT /F1 10 Tf 72 700 Td (HI there) Tj ET", PdfBuilder::fontResources(pdf.add(font)));
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "HI there");
  // Helvetica's H is 722 units wide.
  const core::Box h = document.blocks[0].glyphs.front().box;
  CHECK(h.x1 - h.x0 == Approx(7.22));
}

TEST_CASE("glyph names follow the Adobe Glyph List conventions", "[extract][pdf]") {
  struct Case {
    const char* name;
    std::u32string text;
  };
  const Case cases[] = {
      {"A", U"A"},
      {"space", U" "},
      {"eacute", U"\u00E9"},
      {"fi", U"\uFB01"},
      {"uni20AC", U"\u20AC"},
      {"uni00660069", U"fi"},
      {"u1F600", U"\U0001F600"},
      {"f_f_i", U"ffi"},
      {"one.oldstyle", U"1"},
      {"bullet", U"\u2022"},
      {"g23", U""},
      {"", U""},
      {"uniD800", U""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(extract::pdf::glyphNameToUnicode(c.name) == c.text);
  }
}

TEST_CASE("a CMap keeps an absurd range as one range", "[extract][pdf]") {
  const extract::pdf::CMap cmap = extract::pdf::parseCMap(
      "1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
      "1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n"
      "1 begincidrange <0000> <FFFF> 7 endcidrange\n");
  REQUIRE(cmap.unicode.size() == 1);
  std::string text;
  REQUIRE(cmap.appendText(2, text));
  CHECK(text == "C");
  std::uint32_t cid = 0;
  REQUIRE(cmap.cidOf(10, cid));
  CHECK(cid == 17);
  std::uint32_t code = 0;
  CHECK(cmap.nextCode("\x01\x02\x03\x04", 0, code, 2) == 4);
  CHECK(code == 0x01020304);
}

TEST_CASE("pdf reads a font whose widths are absurd", "[extract][pdf]") {
  PdfBuilder pdf;
  PdfDictionary cidFont;
  cidFont.AddKey("Type", PdfName("Font"));
  cidFont.AddKey("Subtype", PdfName("CIDFontType2"));
  PdfArray w;
  w.push_back(static_cast<Int>(1));
  w.push_back(static_cast<Int>(4294967295));
  w.push_back(1e30);
  cidFont.AddKey("W", w);
  const std::string cmap = std::string(kCMapHead) +
                           "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                           "1 beginbfrange <0000> <FFFF> <0041> endbfrange\n" +
                           kCMapTail;
  PdfDictionary type0;
  type0.AddKey("Type", PdfName("Font"));
  type0.AddKey("Subtype", PdfName("Type0"));
  type0.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(pdf.add(cidFont)->Reference());
  type0.AddKey("DescendantFonts", descendants);
  type0.AddKey("ToUnicode", pdf.addStream(cmap)->Reference());
  pdf.addPage("BT /F1 10 Tf 100 700 Td <00000001> Tj ET",
              PdfBuilder::fontResources(pdf.add(type0)));
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "AB");
  // The second glyph still lands on the page: the width was bounded.
  CHECK(document.blocks[0].glyphs.size() == 2);
}
