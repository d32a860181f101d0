// The small pure pieces of the package reader: relationship targets and number formats.
#include <Poco/File.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "extract/package/number_format.h"
#include "extract/package/opc.h"
#include "package_builder.h"

using namespace mkrp;
using extract::detail::formatNumber;
using extract::detail::formatOdfNumber;
using extract::detail::relationshipsPartFor;
using extract::detail::resolveTarget;

TEST_CASE("relationship targets resolve inside the package or not at all", "[extract][package]") {
  struct Case {
    std::string source;
    std::string target;
    std::optional<std::string> part;
  };
  const Case cases[] = {
      {"", "word/document.xml", "word/document.xml"},
      {"", "/word/document.xml", "word/document.xml"},
      {"word/document.xml", "styles.xml", "word/styles.xml"},
      {"word/document.xml", "./media/../header%201.xml", "word/header 1.xml"},
      {"word/document.xml", "../customXml/item1.xml", "customXml/item1.xml"},
      {"word/document.xml", "footer1.xml#frag", "word/footer1.xml"},
      {"word/document.xml", "../../etc/passwd", std::nullopt},
      {"word/document.xml", "/../styles.xml", std::nullopt},
      {"word/document.xml", "file:///etc/passwd", std::nullopt},
      {"word/document.xml", "http://example.com/a.xml", std::nullopt},
      {"word/document.xml", "C:\\Windows\\win.ini", std::nullopt},
      {"word/document.xml", "//server/share/x.xml", std::nullopt},
      {"word/document.xml", "", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.source << " + " << c.target);
    REQUIRE(resolveTarget(c.source, c.target) == c.part);
  }
}

TEST_CASE("each part has its relationships beside it in _rels", "[extract][package]") {
  REQUIRE(relationshipsPartFor("") == "_rels/.rels");
  REQUIRE(relationshipsPartFor("word/document.xml") == "word/_rels/document.xml.rels");
  REQUIRE(relationshipsPartFor("main.xml") == "_rels/main.xml.rels");
}

TEST_CASE("Word number formats give the labels Word shows", "[extract][package]") {
  struct Case {
    int value;
    std::string format;
    std::string text;
  };
  const Case cases[] = {
      {4, "decimal", "4"},
      {4, "upperRoman", "IV"},
      {1994, "lowerRoman", "mcmxciv"},
      {4000, "upperRoman", "4000"},
      {1, "lowerLetter", "a"},
      {27, "upperLetter", "AA"},
      {53, "lowerLetter", "aaa"},
      {0, "lowerLetter", "0"},
      {7, "decimalZero", "07"},
      {12, "decimalZero", "12"},
      {1, "ordinal", "1st"},
      {12, "ordinal", "12th"},
      {23, "ordinal", "23rd"},
      {21, "cardinalText", "Twenty-One"},
      {105, "cardinalText", "One Hundred Five"},
      {2, "ordinalText", "Second"},
      {40, "ordinalText", "Fortieth"},
      {3, "bullet", ""},
      {3, "none", ""},
      {3, "decimalEnclosedParen", "(3)"},
      {2, "chicago", "\u2020"},
      {9, "japaneseCounting", "9"},
  };
  for (const Case& c : cases) {
    INFO(c.value << " as " << c.format);
    REQUIRE(formatNumber(c.value, c.format) == c.text);
  }
}

TEST_CASE("OpenDocument number formats, with and without letter sync", "[extract][package]") {
  REQUIRE(formatOdfNumber(3, "1", false) == "3");
  REQUIRE(formatOdfNumber(9, "I", false) == "IX");
  REQUIRE(formatOdfNumber(27, "a", false) == "aa");
  REQUIRE(formatOdfNumber(28, "a", false) == "ab");
  REQUIRE(formatOdfNumber(28, "A", true) == "BB");
  REQUIRE(formatOdfNumber(5, "", false).empty());
}

TEST_CASE("the sample directive reads with its section labels, notes and page furniture",
          "[extract][docx]") {
  const std::string root = std::string(MKRP_SOURCE_DIR) + "/tests/fixtures/sample-directive/";
  std::vector<test::Part> parts;
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                           "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
                           "word/footnotes.xml", "word/header1.xml", "word/footer1.xml"}) {
    std::ifstream in(root + name, std::ios::binary);
    REQUIRE(in);
    parts.push_back({name, std::string(std::istreambuf_iterator<char>(in), {})});
  }
  const core::Document document = test::read(test::zipOf(parts));
  const std::vector<std::string> lines = test::labelled(document);
  REQUIRE(lines[10] == "I.|Purpose");
  REQUIRE(lines[17] == "IV.|Procedures");
  REQUIRE(lines[18] == "A.|Call Intake");
  REQUIRE(lines[24] == "a.|clothing, height, weight and a recent photograph;");
  REQUIRE(lines[28].rfind("1.|The child shall be entered into the NCIC", 0) == 0);
  REQUIRE(lines[32] == "V.|Training");
  REQUIRE(document.blocks[34].kind == core::BlockKind::Footnote);
  REQUIRE(document.blocks[35].kind == core::BlockKind::Header);
  REQUIRE(lines[36] == "|Page 1 of 2");
}
