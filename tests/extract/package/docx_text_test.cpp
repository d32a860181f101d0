// DOCX: the text of paragraphs and runs.
#include <catch2/catch.hpp>

#include "package_builder.h"

using namespace mkrp;
using test::paragraph;
using Strings = std::vector<std::string>;

namespace {

// The texts of a DOCX whose body is `body`.
Strings bodyTexts(const std::string& body) {
  test::DocxParts parts;
  parts.body = body;
  return test::texts(test::read(test::buildDocx(parts)));
}

std::string run(const std::string& inner) { return "<w:r>" + inner + "</w:r>"; }
std::string t(const std::string& text) { return "<w:t xml:space=\"preserve\">" + text + "</w:t>"; }
std::string p(const std::string& inner) { return "<w:p>" + inner + "</w:p>"; }

}  // namespace

TEST_CASE("docx reads paragraphs in order with their part and index", "[extract][docx]") {
  test::DocxParts parts;
  parts.body =
      paragraph("Officers shall respond.") + "<w:p/>" + paragraph("Supervisors shall review.");
  const core::Document document = test::read(test::buildDocx(parts));
  REQUIRE(document.format == core::Format::Docx);
  REQUIRE(test::texts(document) == Strings{"Officers shall respond.", "Supervisors shall review."});
  REQUIRE(document.blocks[0].kind == core::BlockKind::Paragraph);
  REQUIRE(document.blocks[1].source.part == "word/document.xml");
  REQUIRE(document.blocks[1].source.paragraph == 2);
}

TEST_CASE("docx joins the runs of a paragraph and trims its ends", "[extract][docx]") {
  REQUIRE(bodyTexts(p(run(t("  Notify ")) + run(t("the ")) +
                      run("<w:rPr><w:b/></w:rPr>" + t("NCIC ")))) == Strings{"Notify the NCIC"});
}

TEST_CASE("docx turns tabs into tab characters and breaks into line breaks", "[extract][docx]") {
  REQUIRE(bodyTexts(p(run(t("Name") + "<w:tab/>" + t("Rank") + "<w:br/>" + t("Unit") + "<w:cr/>" +
                          t("Shift")))) == Strings{"Name\tRank\nUnit\nShift"});
}

TEST_CASE("docx ignores tab stops defined in paragraph properties", "[extract][docx]") {
  REQUIRE(bodyTexts("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>" +
                    run(t("Text")) + "</w:p>") == Strings{"Text"});
}

TEST_CASE("docx maps symbols, hyphens and no-break spaces", "[extract][docx]") {
  const std::string body =
      p(run(t("A") + "<w:sym w:font=\"Symbol\" w:char=\"F0B7\"/>" + t("B")) +
        run("<w:sym w:font=\"Symbol\" w:char=\"F0B3\"/>" + t("18")) +
        run(t(" well") + "<w:noBreakHyphen/>" + t("being") + "<w:softHyphen/>" + t("s")) +
        run(t("\u00A0twenty\u00A0four")) + run("<w:sym w:font=\"Wingdings\" w:char=\"F0A0\"/>"));
  REQUIRE(bodyTexts(body) == Strings{"A\u2022B\u226518 well-beings twenty four"});
}

TEST_CASE("docx keeps inserted text of tracked changes and drops deleted text", "[extract][docx]") {
  const std::string body =
      p(run(t("within ")) + "<w:del w:id=\"1\" w:author=\"a\">" +
        run("<w:delText>24 hours</w:delText>") + "</w:del><w:ins w:id=\"2\" w:author=\"a\">" +
        run(t("2 hours")) + "</w:ins>" + "<w:moveFrom w:id=\"3\">" + run(t(" moved away")) +
        "</w:moveFrom>" + "<w:moveTo w:id=\"4\">" + run(t(" of the report")) + "</w:moveTo>");
  REQUIRE(bodyTexts(body) == Strings{"within 2 hours of the report"});
}

TEST_CASE("docx shows simple fields by their result", "[extract][docx]") {
  REQUIRE(bodyTexts(p(run(t("Page ")) + "<w:fldSimple w:instr=\" PAGE \">" + run(t("3")) +
                      "</w:fldSimple>")) == Strings{"Page 3"});
}

TEST_CASE("docx shows complex fields by their result, not their instructions", "[extract][docx]") {
  const std::string body = p(run(t("See ")) + run("<w:fldChar w:fldCharType=\"begin\"/>") +
                             run("<w:instrText> REF _Ref1 \\h </w:instrText>") +
                             run("<w:fldChar w:fldCharType=\"separate\"/>") + run(t("Section 4")) +
                             run("<w:fldChar w:fldCharType=\"end\"/>") + run(t(".")));
  REQUIRE(bodyTexts(body) == Strings{"See Section 4."});
}

TEST_CASE("docx hides a field nested in the instructions of another", "[extract][docx]") {
  const std::string begin = run("<w:fldChar w:fldCharType=\"begin\"/>");
  const std::string separate = run("<w:fldChar w:fldCharType=\"separate\"/>");
  const std::string end = run("<w:fldChar w:fldCharType=\"end\"/>");
  const std::string body =
      p(begin + run("<w:instrText>IF </w:instrText>") + begin +
        run("<w:instrText>DOCPROPERTY x</w:instrText>") + separate + run(t("hidden inner result")) +
        end + run("<w:instrText> = 1 \"yes\"</w:instrText>") + separate + run(t("yes")) + end);
  REQUIRE(bodyTexts(body) == Strings{"yes"});
}

TEST_CASE("docx follows a field result across paragraphs", "[extract][docx]") {
  const std::string body =
      p(run("<w:fldChar w:fldCharType=\"begin\"/>") + run("<w:instrText>TOC \\o</w:instrText>") +
        run("<w:fldChar w:fldCharType=\"separate\"/>") + run(t("Purpose\t1"))) +
      p(run(t("Procedures\t2")) + run("<w:fldChar w:fldCharType=\"end\"/>")) + paragraph("Body");
  REQUIRE(bodyTexts(body) == Strings{"Purpose\t1", "Procedures\t2", "Body"});
}

TEST_CASE("docx reads through hyperlinks, content controls, smart tags and custom XML",
          "[extract][docx]") {
  const std::string body =
      p("<w:hyperlink r:id=\"rId9\">" + run(t("Call ")) + "</w:hyperlink>" +
        "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>" + run(t("9-1-1 ")) +
        "</w:sdtContent></w:sdt>" + "<w:smartTag w:element=\"a\"><w:smartTag w:element=\"b\">" +
        run(t("at once")) + "</w:smartTag></w:smartTag>" + "<w:customXml w:element=\"c\">" +
        run(t(".")) + "</w:customXml>") +
      "<w:sdt><w:sdtContent>" + paragraph("Block-level control") + "</w:sdtContent></w:sdt>" +
      "<w:customXml w:element=\"d\">" + paragraph("Custom block") + "</w:customXml>";
  REQUIRE(bodyTexts(body) == Strings{"Call 9-1-1 at once.", "Block-level control", "Custom block"});
}

TEST_CASE("docx reads a text box once, after its anchoring paragraph", "[extract][docx]") {
  const std::string textBox = "<w:txbxContent>" + paragraph("Boxed note") + "</w:txbxContent>";
  const std::string body =
      p(run(t("Anchor")) +
        run("<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
            "<a:graphic><a:graphicData><wps:wsp><wps:txbx>" +
            textBox +
            "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" +
            textBox + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>")) +
      paragraph("Next");
  REQUIRE(bodyTexts(body) == Strings{"Anchor", "Boxed note", "Next"});
}

TEST_CASE("docx takes the fallback of alternate content when the choice has no text",
          "[extract][docx]") {
  const std::string body =
      p(run("<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:drawing/></mc:Choice><mc:Fallback>"
            "<w:pict><v:shape><v:textbox><w:txbxContent>" +
            paragraph("Legacy box") +
            "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"));
  REQUIRE(bodyTexts(body) == Strings{"Legacy box"});
}

TEST_CASE("docx reads the text of equations", "[extract][docx]") {
  REQUIRE(bodyTexts(p(run(t("Speed ")) + "<m:oMath><m:r><m:t>v=d/t</m:t></m:r></m:oMath>")) ==
          Strings{"Speed v=d/t"});
}

TEST_CASE("docx reads ISO strict namespaces", "[extract][docx]") {
  test::DocxParts parts;
  parts.strict = true;
  parts.body = paragraph("Strict text");
  parts.styles =
      R"(<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>)";
  parts.body += R"(<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>Title</w:t></w:r></w:p>)";
  const core::Document document = test::read(test::buildDocx(parts));
  REQUIRE(test::texts(document) == Strings{"Strict text", "Title"});
  REQUIRE(document.blocks[1].kind == core::BlockKind::Heading);
}

TEST_CASE("docx finds the document through the package relationships", "[extract][docx]") {
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/content/main.xml"/></Relationships>)";
  const std::string types =
      R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Override PartName="/content/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
  const std::string main =
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
      paragraph("Renamed main part") + "</w:body></w:document>";
  const core::Document document = test::read(test::zipOf(
      {{"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"content/main.xml", main}}));
  REQUIRE(test::texts(document) == Strings{"Renamed main part"});
  REQUIRE(document.blocks[0].source.part == "content/main.xml");
}

TEST_CASE("docx without any text says so in a warning", "[extract][docx]") {
  test::DocxParts parts;
  parts.body = "<w:p><w:r><w:drawing/></w:r></w:p>";
  const core::Document document = test::read(test::buildDocx(parts));
  REQUIRE(document.blocks.empty());
  REQUIRE(document.warnings.size() == 1);
  REQUIRE_THAT(document.warnings[0], Catch::StartsWith("No text was found in the document."));
}

TEST_CASE("docx joins a paragraph whose mark was deleted to the next one", "[extract][docx]") {
  const std::string deletedMark =
      "<w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr>";
  REQUIRE(bodyTexts(p(run(t("This was "))) + "<w:p>" + deletedMark + run(t("split")) + "</w:p>" +
                    "<w:p>" + deletedMark + run(t("across")) + "</w:p>" + p(run(t("three.")))) ==
          Strings{"This was", "split across three."});
}
