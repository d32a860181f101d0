#include <catch2/catch.hpp>

#include "package_builder.h"

using namespace mkrp;
using test::paragraph;
using Strings = std::vector<std::string>;

TEST_CASE("docx reads paragraphs in order with their part and index", "[extract][docx]") {
  test::DocxParts parts;
  parts.body = paragraph("Officers shall respond.") + "<w:p/>" + paragraph("Supervisors shall review.");
  const core::Document document = test::read(test::buildDocx(parts));
  REQUIRE(document.format == core::Format::Docx);
  REQUIRE(test::texts(document) == Strings{"Officers shall respond.", "Supervisors shall review."});
  REQUIRE(document.blocks[1].source.part == "word/document.xml");
  REQUIRE(document.blocks[1].source.paragraph == 2);
}
