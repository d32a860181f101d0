// ODT: paragraphs, headings, lists, tables, notes, tracked changes, headers and footers.
#include <catch2/catch.hpp>

#include "core/errors.h"
#include "package_builder.h"

using namespace mkrp;
using Strings = std::vector<std::string>;

namespace {

core::Document readText(const std::string& text, const std::string& automaticStyles = "",
                        const std::string& styles = "") {
  test::OdtParts parts;
  parts.text = text;
  parts.automaticStyles = automaticStyles;
  parts.styles = styles;
  return test::read(test::buildOdt(parts));
}

const std::string kNumberedList =
    R"(<text:list-style style:name="L1">)"
    R"(<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>)"
    R"x(<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>)x"
    R"(<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" text:display-levels="3"/>)"
    R"(</text:list-style>)"
    R"(<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>)";

}  // namespace

TEST_CASE("odt reads paragraphs with spans, links, spaces, tabs and line breaks",
          "[extract][odt]") {
  const core::Document document = readText(
      "<text:p>  Notify   the\n  <text:span>duty</text:span>"
      "<text:s text:c=\"2\"/>supervisor<text:tab/>at once<text:line-break/>"
      "<text:a xlink:href=\"http://x\">by radio</text:a>.</text:p><text:p/>"
      "<text:p>Second\u00A0paragraph</text:p>");
  REQUIRE(document.format == core::Format::Odt);
  REQUIRE(test::texts(document) ==
          Strings{"Notify the duty  supervisor\tat once\nby radio.", "Second paragraph"});
  REQUIRE(document.blocks[1].source.part == "content.xml");
  REQUIRE(document.blocks[1].source.paragraph == 2);
}

TEST_CASE("odt numbers headings from the outline style", "[extract][odt]") {
  const std::string outline =
      R"(<text:outline-style style:name="Outline">)"
      R"(<text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/>)"
      R"(<text:outline-level-style text:level="2" style:num-format="A" style:num-suffix="."/>)"
      R"(</text:outline-style>)";
  const core::Document document = readText(
      R"(<text:h text:outline-level="1">Policy</text:h><text:h text:outline-level="2">Scope</text:h>)"
      R"(<text:h text:outline-level="2">Terms</text:h><text:h text:outline-level="1">Procedures</text:h>)"
      R"(<text:h text:outline-level="2">Intake</text:h>)",
      "", outline);
  REQUIRE(test::labelled(document) ==
          Strings{"I.|Policy", "A.|Scope", "B.|Terms", "II.|Procedures", "A.|Intake"});
  REQUIRE(document.blocks[1].kind == core::BlockKind::Heading);
  REQUIRE(document.blocks[1].level == 2);
}

TEST_CASE("odt labels nested list items from their list style", "[extract][odt]") {
  const core::Document document = readText(
      R"(<text:list text:style-name="L1">)"
      R"(<text:list-item><text:p>Take the report</text:p>)"
      R"(<text:list><text:list-item><text:p>Name</text:p></text:list-item>)"
      R"(<text:list-item><text:p>Age</text:p><text:list><text:list-item><text:p>Deep</text:p>)"
      R"(</text:list-item></text:list></text:list-item></text:list></text:list-item>)"
      R"(<text:list-item><text:p>Enter NCIC</text:p><text:p>Continued</text:p></text:list-item>)"
      R"(</text:list><text:list text:style-name="B1"><text:list-item><text:p>Bullet</text:p>)"
      R"(</text:list-item></text:list>)",
      kNumberedList);
  REQUIRE(test::labelled(document) == Strings{"1.|Take the report", "a)|Name", "b)|Age",
                                              "1.b.1.|Deep", "2.|Enter NCIC", "|Continued",
                                              "|Bullet"});
  REQUIRE(document.blocks[1].kind == core::BlockKind::ListItem);
  REQUIRE(document.blocks[1].level == 1);
  REQUIRE(document.blocks[6].kind == core::BlockKind::ListItem);
}

TEST_CASE("odt lists restart unless they continue numbering", "[extract][odt]") {
  const std::string item = R"(<text:list-item><text:p>x</text:p></text:list-item>)";
  const core::Document document = readText(
      R"(<text:list text:style-name="L1">)" + item + item + "</text:list><text:p>between</text:p>" +
          R"(<text:list text:style-name="L1" text:continue-numbering="true">)" + item +
          "</text:list>" + R"(<text:list text:style-name="L1">)" + item + "</text:list>",
      kNumberedList);
  REQUIRE(test::labelled(document) == Strings{"1.|x", "2.|x", "|between", "3.|x", "1.|x"});
}

TEST_CASE("odt reads table cells and nested tables as blocks", "[extract][odt]") {
  const core::Document document = readText(
      R"(<table:table><table:table-column table:number-columns-repeated="2"/>)"
      R"(<table:table-header-rows><table:table-row><table:table-cell><text:p>Call type</text:p>)"
      R"(</table:table-cell><table:table-cell><text:p>Priority</text:p></table:table-cell>)"
      R"(</table:table-row></table:table-header-rows><table:table-row><table:table-cell>)"
      R"(<text:p>Abduction</text:p><table:table><table:table-row><table:table-cell><text:p>inner</text:p>)"
      R"(</table:table-cell></table:table-row></table:table></table:table-cell>)"
      R"(<table:covered-table-cell/></table:table-row></table:table>)");
  REQUIRE(test::texts(document) == Strings{"Call type", "Priority", "Abduction", "inner"});
  REQUIRE(document.blocks[0].kind == core::BlockKind::TableCell);
}

TEST_CASE("odt moves notes after the body and drops their citation from the text",
          "[extract][odt]") {
  const core::Document document = readText(
      R"(<text:p>Enter the child<text:note text:id="n1" text:note-class="footnote">)"
      R"(<text:note-citation>1</text:note-citation><text:note-body><text:p>NCIC file.</text:p>)"
      R"(</text:note-body></text:note> at once.</text:p>)"
      R"(<text:p>See<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation>)"
      R"(<text:note-body><text:p>End.</text:p></text:note-body></text:note></text:p>)");
  REQUIRE(test::labelled(document) ==
          Strings{"|Enter the child at once.", "|See", "1|NCIC file.", "i|End."});
  REQUIRE(document.blocks[2].kind == core::BlockKind::Footnote);
  REQUIRE(document.blocks[3].kind == core::BlockKind::Footnote);
}

TEST_CASE("odt keeps inserted text and ignores the record of tracked changes", "[extract][odt]") {
  const core::Document document = readText(
      R"(<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>)"
      R"(<office:change-info/><text:p>24 hours</text:p></text:deletion></text:changed-region>)"
      R"(<text:changed-region text:id="c2"><text:insertion><office:change-info/></text:insertion>)"
      R"(</text:changed-region></text:tracked-changes>)"
      R"(<text:p>within <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>)"
      R"(2 hours<text:change-end text:change-id="c2"/></text:p>)");
  REQUIRE(test::texts(document) == Strings{"within 2 hours"});
}

TEST_CASE("odt reads frames after their paragraph and skips comments", "[extract][odt]") {
  const core::Document document = readText(
      R"(<text:p>Anchor<office:annotation><text:p>a comment</text:p></office:annotation>)"
      R"(<draw:frame><draw:text-box><text:p>Framed</text:p></draw:text-box></draw:frame>)"
      R"(<draw:frame><draw:image><text:p>alt</text:p></draw:image></draw:frame></text:p>)");
  REQUIRE(test::texts(document) == Strings{"Anchor", "Framed"});
}

TEST_CASE("odt reads headers and footers of the master pages once each", "[extract][odt]") {
  test::OdtParts parts;
  parts.text = "<text:p>Body</text:p>";
  parts.masterStyles =
      R"(<style:master-page style:name="Standard"><style:header><text:p>Anytown PD</text:p>)"
      R"(</style:header><style:footer><text:p>Page <text:page-number>1</text:page-number></text:p>)"
      R"(</style:footer></style:master-page><style:master-page style:name="Other"><style:header>)"
      R"(<text:p>Anytown PD</text:p></style:header></style:master-page>)";
  const core::Document document = test::read(test::buildOdt(parts));
  REQUIRE(test::texts(document) == Strings{"Body", "Anytown PD", "Page 1"});
  REQUIRE(document.blocks[1].kind == core::BlockKind::Header);
  REQUIRE(document.blocks[1].source.part == "styles.xml");
  REQUIRE(document.blocks[2].kind == core::BlockKind::Footer);
}

TEST_CASE("odt reads sections and the entries of a table of contents", "[extract][odt]") {
  const core::Document document = readText(
      R"(<text:table-of-content><text:table-of-content-source><text:index-title-template>)"
      R"(Contents</text:index-title-template></text:table-of-content-source><text:index-body>)"
      R"(<text:p>Purpose 1</text:p></text:index-body></text:table-of-content>)"
      R"(<text:section text:name="S1"><text:p>In section</text:p></text:section>)");
  REQUIRE(test::texts(document) == Strings{"Purpose 1", "In section"});
}

TEST_CASE("an OpenDocument spreadsheet is refused as unsupported", "[extract][odt]") {
  test::OdtParts parts;
  parts.mimetype = "application/vnd.oasis.opendocument.spreadsheet";
  const std::string ods = test::buildOdt(parts);
  REQUIRE_THROWS_AS(test::read(ods), core::UnsupportedFormatException);
  REQUIRE_THROWS_WITH(test::read(ods), Catch::Contains("OpenDocument spreadsheet (.ods)"));
}

TEST_CASE("an ODT encrypted with a password is reported as encrypted", "[extract][odt]") {
  const std::string manifest =
      R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
      R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">)"
      R"(<manifest:encryption-data manifest:checksum="x"/></manifest:file-entry></manifest:manifest>)";
  const std::string odt = test::zipOf({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                       {"META-INF/manifest.xml", manifest},
                                       {"content.xml", "\x01\x02 encrypted bytes"}});
  REQUIRE_THROWS_AS(test::read(odt), core::EncryptedDocumentException);
  REQUIRE_THROWS_WITH(test::read(odt), Catch::Contains("password"));
}
