#include <catch2/catch.hpp>

#include "core/document.h"
#include "core/document_json.h"
#include "core/errors.h"
#include "core/json_writer.h"

using namespace mkrp::core;

namespace {

Document pdfSample() {
  Document document;
  document.format = Format::Pdf;
  document.pageCount = 2;
  Block block{BlockKind::Paragraph, 0, "4.2.1", "Enter \"NCIC\"\nnow", {}, {}};
  block.source.page = 2;
  block.source.box = Box{72, 600.5, 540, 640.25};
  block.glyphs.push_back(GlyphBox{0, 5, 2, Box{72, 600.5, 100, 612}});
  document.blocks.push_back(block);
  document.warnings.push_back("page 1 has no text: it looks scanned");
  return document;
}

}  // namespace

TEST_CASE("a PDF document survives JSON with its glyph boxes", "[core]") {
  const Document original = pdfSample();
  REQUIRE(documentFromJson(toJson(original, true)) == original);
}

TEST_CASE("JSON without glyphs drops only the glyph boxes", "[core]") {
  Document expected = pdfSample();
  expected.blocks[0].glyphs.clear();
  const std::string json = toJson(pdfSample(), false);
  REQUIRE(json.find("glyphs") == std::string::npos);
  REQUIRE(documentFromJson(json) == expected);
}

TEST_CASE("a DOCX block's source names its part and paragraph", "[core]") {
  Document document;
  Block block{BlockKind::Footnote, 0, "", "See 4.2.", {}, {}};
  block.source.part = "word/footnotes.xml";
  block.source.paragraph = 3;
  document.blocks.push_back(block);
  const std::string json = toJson(document, false);
  REQUIRE(json.find(R"("source":{"part":"word/footnotes.xml","paragraph":3})") != std::string::npos);
  REQUIRE(documentFromJson(json) == document);
}

TEST_CASE("JSON strings escape control characters and replace invalid UTF-8", "[core]") {
  std::string out;
  appendJsonString(out, std::string("a\x01" "b\xFF" "c\xC3\xA9", 7));
  REQUIRE(out == "\"a\\u0001b\xEF\xBF\xBD" "c\xC3\xA9\"");
}

TEST_CASE("reading JSON that is not a document is a malformed-document error", "[core]") {
  REQUIRE_THROWS_AS(documentFromJson("[1,2]"), MalformedDocumentException);
  REQUIRE_THROWS_AS(documentFromJson("{\"format\":\"xls\",\"blocks\":[]}"),
                    MalformedDocumentException);
  REQUIRE_THROWS_AS(documentFromJson("not json"), MalformedDocumentException);
}
