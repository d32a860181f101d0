// DOCX: headings, numbering, tables, notes, headers and footers.
#include <catch2/catch.hpp>

#include "package_builder.h"

using namespace mkrp;
using test::paragraph;
using Strings = std::vector<std::string>;

namespace {

std::string styled(const std::string& style, const std::string& text) {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr><w:r><w:t>" + text +
         "</w:t></w:r></w:p>";
}

std::string numbered(const std::string& numId, int level, const std::string& text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         numId + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string paragraphStyle(const std::string& id, const std::string& name,
                           const std::string& extra = "") {
  return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>" +
         extra + "</w:style>";
}

std::string level(int index, const std::string& format, const std::string& text,
                  const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(index) +
         "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" + text +
         "\"/>" + extra + "</w:lvl>";
}

std::string abstractNum(const std::string& id, const std::string& levels) {
  return "<w:abstractNum w:abstractNumId=\"" + id + "\">" + levels + "</w:abstractNum>";
}

std::string num(const std::string& id, const std::string& abstractId,
                const std::string& extra = "") {
  return "<w:num w:numId=\"" + id + "\"><w:abstractNumId w:val=\"" + abstractId + "\"/>" + extra +
         "</w:num>";
}

// Section numbering of a directive: "IV.", "A.", "1.", "a)".
const std::string kOutline =
    abstractNum("0", level(0, "upperRoman", "%1.") + level(1, "upperLetter", "%2.") +
                         level(2, "decimal", "%3.") + level(3, "lowerLetter", "%4)"));

core::Document readParts(const test::DocxParts& parts) {
  return test::read(test::buildDocx(parts));
}

}  // namespace

TEST_CASE("docx takes heading levels from style names, outline levels and inheritance",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.styles =
      paragraphStyle("Normal", "Normal") + paragraphStyle("Heading2", "heading 2") +
      paragraphStyle("Title", "Title") +
      paragraphStyle("Chapter", "Chapter", "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>") +
      paragraphStyle("MyHeading", "My heading", "<w:basedOn w:val=\"Heading2\"/>") +
      paragraphStyle("Body", "Body", "<w:basedOn w:val=\"Normal\"/>");
  parts.body = styled("Title", "General Order 4.2") + styled("Chapter", "Purpose") +
               styled("Heading2", "Scope") + styled("MyHeading", "Definitions") +
               styled("Body", "Text") +
               "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>";
  const core::Document document = readParts(parts);
  std::vector<std::pair<core::BlockKind, int>> kinds;
  for (const core::Block& block : document.blocks) kinds.emplace_back(block.kind, block.level);
  using K = core::BlockKind;
  REQUIRE(kinds == std::vector<std::pair<K, int>>{{K::Heading, 1},
                                                  {K::Heading, 1},
                                                  {K::Heading, 2},
                                                  {K::Heading, 2},
                                                  {K::Paragraph, 0},
                                                  {K::Heading, 3}});
}

TEST_CASE("docx applies the default paragraph style to unstyled paragraphs", "[extract][docx]") {
  test::DocxParts parts;
  parts.styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Std\"><w:name "
      "w:val=\"heading 1\"/></w:style>";
  parts.body = paragraph("Unstyled");
  REQUIRE(readParts(parts).blocks[0].kind == core::BlockKind::Heading);
}

TEST_CASE("docx survives style inheritance that loops", "[extract][docx]") {
  test::DocxParts parts;
  parts.styles = paragraphStyle("A", "A", "<w:basedOn w:val=\"B\"/>") +
                 paragraphStyle("B", "B", "<w:basedOn w:val=\"A\"/>") +
                 paragraphStyle("C", "C", "<w:basedOn w:val=\"C\"/>");
  parts.body = styled("A", "Looping") + styled("C", "Self");
  const core::Document document = readParts(parts);
  REQUIRE(test::texts(document) == Strings{"Looping", "Self"});
  REQUIRE(document.blocks[0].kind == core::BlockKind::Paragraph);
}

TEST_CASE("docx rebuilds Word numbering labels and restarts deeper levels", "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering = kOutline + num("1", "0");
  parts.body = numbered("1", 0, "Procedures") + numbered("1", 1, "Intake") +
               numbered("1", 2, "Take the report") + numbered("1", 2, "Enter NCIC") +
               numbered("1", 3, "within two hours") + numbered("1", 1, "Search") +
               numbered("1", 2, "Start at once") + numbered("1", 0, "Training");
  const core::Document document = readParts(parts);
  REQUIRE(test::labelled(document) == Strings{"I.|Procedures", "A.|Intake", "1.|Take the report",
                                              "2.|Enter NCIC", "a)|within two hours", "B.|Search",
                                              "1.|Start at once", "II.|Training"});
  REQUIRE(document.blocks[2].kind == core::BlockKind::ListItem);
  REQUIRE(document.blocks[2].level == 2);
}

TEST_CASE("docx builds multi-level labels from the level text pattern", "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering = abstractNum("0", level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") +
                                         level(2, "decimal", "%1.%2.%3")) +
                    num("7", "0");
  parts.body = numbered("7", 0, "One") + numbered("7", 0, "Two") + numbered("7", 1, "Sub") +
               numbered("7", 2, "Subsub") + numbered("7", 2, "Next");
  REQUIRE(test::labelled(readParts(parts)) ==
          Strings{"1.|One", "2.|Two", "2.1|Sub", "2.1.1|Subsub", "2.1.2|Next"});
}

TEST_CASE("docx legal numbering shows every level in decimal", "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering = abstractNum("0", level(0, "upperRoman", "%1.") +
                                         level(1, "lowerLetter", "%1.%2", "<w:isLgl/>")) +
                    num("1", "0");
  parts.body = numbered("1", 0, "Article") + numbered("1", 1, "Clause");
  REQUIRE(test::labelled(readParts(parts)) == Strings{"I.|Article", "1.1|Clause"});
}

TEST_CASE("docx number formats: letters, roman, zero-padded, ordinal, words, none",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering =
      abstractNum("0",
                  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"26\"/><w:numFmt w:val=\"lowerLetter\"/>"
                  "<w:lvlText w:val=\"%1.\"/></w:lvl>") +
      abstractNum("1",
                  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"9\"/><w:numFmt w:val=\"decimalZero\"/>"
                  "<w:lvlText w:val=\"%1\"/></w:lvl>") +
      abstractNum("2", level(0, "ordinal", "%1")) +
      abstractNum("3", level(0, "cardinalText", "%1:")) + abstractNum("4", level(0, "none", "")) +
      abstractNum("5", level(0, "lowerRoman", "(%1)")) + num("1", "0") + num("2", "1") +
      num("3", "2") + num("4", "3") + num("5", "4") + num("6", "5");
  parts.body = numbered("1", 0, "z") + numbered("1", 0, "aa") + numbered("2", 0, "nine") +
               numbered("2", 0, "ten") + numbered("3", 0, "first") + numbered("4", 0, "one") +
               numbered("5", 0, "plain") + numbered("6", 0, "i") + numbered("6", 0, "ii");
  REQUIRE(test::labelled(readParts(parts)) == Strings{"z.|z", "aa.|aa", "09|nine", "10|ten",
                                                      "1st|first", "One:|one", "|plain", "(i)|i",
                                                      "(ii)|ii"});
}

TEST_CASE("docx bullets are list items with an empty label", "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering = abstractNum("0", level(0, "bullet", "\u2022")) + num("1", "0");
  parts.body = numbered("1", 0, "Bulleted");
  const core::Document document = readParts(parts);
  REQUIRE(document.blocks[0].kind == core::BlockKind::ListItem);
  REQUIRE(document.blocks[0].label.empty());
}

TEST_CASE("docx start overrides restart a list; lists of one definition continue",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering =
      abstractNum("0", level(0, "decimal", "%1.")) + num("1", "0") + num("2", "0") +
      num("3", "0", "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>");
  parts.body = numbered("1", 0, "a") + numbered("1", 0, "b") + numbered("2", 0, "continues") +
               numbered("3", 0, "restarts") + numbered("3", 0, "then");
  REQUIRE(test::labelled(readParts(parts)) ==
          Strings{"1.|a", "2.|b", "3.|continues", "1.|restarts", "2.|then"});
}

TEST_CASE("docx honours lvlRestart: a level that never restarts keeps counting",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering =
      abstractNum("0", level(0, "decimal", "%1.") +
                           level(1, "decimal", "(%2)", "<w:lvlRestart w:val=\"0\"/>")) +
      num("1", "0");
  parts.body =
      numbered("1", 0, "A") + numbered("1", 1, "x") + numbered("1", 0, "B") + numbered("1", 1, "y");
  REQUIRE(test::labelled(readParts(parts)) == Strings{"1.|A", "(1)|x", "2.|B", "(2)|y"});
}

TEST_CASE("docx takes numbering from the paragraph style, and numId 0 switches it off",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.styles =
      paragraphStyle(
          "Heading1", "heading 1",
          "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr>") +
      paragraphStyle(
          "Heading2", "heading 2",
          "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>");
  parts.numbering =
      abstractNum("0", level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2")) + num("1", "0");
  parts.body = styled("Heading1", "Policy") + styled("Heading2", "Scope") +
               "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"
               "</w:pPr><w:r><w:t>Unnumbered</w:t></w:r></w:p>" +
               styled("Heading2", "Definitions");
  const core::Document document = readParts(parts);
  REQUIRE(test::labelled(document) ==
          Strings{"1.|Policy", "1.1|Scope", "|Unnumbered", "1.2|Definitions"});
  REQUIRE(document.blocks[1].kind == core::BlockKind::Heading);
  REQUIRE(document.blocks[1].level == 2);
}

TEST_CASE("docx follows numbering style links to the real list definition", "[extract][docx]") {
  test::DocxParts parts;
  parts.styles =
      "<w:style w:type=\"numbering\" w:styleId=\"Sections\"><w:name w:val=\"Sections\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>";
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"Sections\"/></w:abstractNum>" +
      abstractNum("2", "<w:styleLink w:val=\"Sections\"/>" + level(0, "upperLetter", "%1.")) +
      num("4", "1") + num("5", "2");
  parts.body = numbered("4", 0, "Linked") + numbered("4", 0, "Again");
  REQUIRE(test::labelled(readParts(parts)) == Strings{"A.|Linked", "B.|Again"});
}

TEST_CASE("docx ignores numbering that points at nothing", "[extract][docx]") {
  test::DocxParts parts;
  parts.numbering = num("1", "99") + abstractNum("0", level(0, "decimal", "%1."));
  parts.body =
      numbered("1", 0, "Dangling") + numbered("42", 0, "Unknown") + numbered("1", 12, "Deep");
  const core::Document document = readParts(parts);
  REQUIRE(test::labelled(document) == Strings{"|Dangling", "|Unknown", "|Deep"});
  REQUIRE(document.blocks[0].kind == core::BlockKind::Paragraph);
  REQUIRE(!document.warnings.empty());
}

TEST_CASE("docx reads each table cell as a block, in row order", "[extract][docx]") {
  test::DocxParts parts;
  parts.body = "<w:tbl><w:tr><w:tc>" + paragraph("Call type") + "</w:tc><w:tc>" +
               paragraph("Priority") + "</w:tc></w:tr><w:tr><w:tc>" + paragraph("Abduction") +
               paragraph("(stranger)") + "</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>" +
               paragraph("After");
  const core::Document document = readParts(parts);
  REQUIRE(test::texts(document) ==
          Strings{"Call type", "Priority", "Abduction\n(stranger)", "After"});
  REQUIRE(document.blocks[2].kind == core::BlockKind::TableCell);
  REQUIRE(document.blocks[2].source.paragraph == 2);
}

TEST_CASE("docx reads rows and cells wrapped in content controls, and skips deleted rows",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.body = "<w:tbl><w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtContent><w:tc>" +
               paragraph("In control") +
               "</w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>"
               "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr><w:tc>" +
               paragraph("Deleted row") + "</w:tc></w:tr></w:tbl>";
  REQUIRE(test::texts(readParts(parts)) == Strings{"In control"});
}

TEST_CASE("docx reads nested tables in reading order", "[extract][docx]") {
  test::DocxParts parts;
  parts.body = "<w:tbl><w:tr><w:tc>" + paragraph("Outer before") + "<w:tbl><w:tr><w:tc>" +
               paragraph("Inner 1") + "</w:tc><w:tc>" + paragraph("Inner 2") +
               "</w:tc></w:tr></w:tbl>" + paragraph("Outer after") + "</w:tc></w:tr></w:tbl>";
  REQUIRE(test::texts(readParts(parts)) ==
          Strings{"Outer before", "Inner 1", "Inner 2", "Outer after"});
}

TEST_CASE("docx reads tables nested past the limit as plain text of the enclosing cell",
          "[extract][docx]") {
  std::string table = paragraph("core");
  for (int depth = 0; depth < 5; ++depth) {
    table = "<w:tbl><w:tr><w:tc>" + paragraph("d" + std::to_string(4 - depth)) + table +
            "</w:tc></w:tr></w:tbl>";
  }
  test::DocxParts parts;
  parts.body = table;
  extract::Limits limits;
  limits.maxNestingDepth = 2;
  const core::Document document = test::read(test::buildDocx(parts), limits);
  REQUIRE(test::texts(document) == Strings{"d0", "d1", "d2\nd3\nd4\ncore"});
  REQUIRE(document.warnings == Strings{"Tables nested more than 2 deep were read as plain text."});
}

TEST_CASE("docx reads footnotes and endnotes after the body, numbered, without separators",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.body =
      "<w:p><w:r><w:t>Enter the child</w:t></w:r><w:r><w:footnoteReference w:id=\"5\"/></w:r>"
      "<w:r><w:t> now</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r>"
      "<w:r><w:footnoteReference w:id=\"4\"/></w:r></w:p>";
  parts.footnotes =
      "<w:footnote w:type=\"separator\" "
      "w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
      "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\">" +
      paragraph("----") +
      "</w:footnote>"
      "<w:footnote w:id=\"4\">" +
      paragraph("Second note") +
      "</w:footnote>"
      "<w:footnote w:id=\"5\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> "
      "NCIC "
      "Missing Person File.</w:t></w:r></w:p>" +
      paragraph("More.") + "</w:footnote>";
  parts.endnotes = "<w:endnote w:id=\"2\">" + paragraph("An endnote") + "</w:endnote>";
  const core::Document document = readParts(parts);
  REQUIRE(test::labelled(document) == Strings{"|Enter the child now",
                                              "1|NCIC Missing Person File.\nMore.", "2|Second note",
                                              "i|An endnote"});
  REQUIRE(document.blocks[1].kind == core::BlockKind::Footnote);
  REQUIRE(document.blocks[1].source.part == "word/footnotes.xml");
  REQUIRE(document.blocks[3].kind == core::BlockKind::Footnote);
}

TEST_CASE("docx reads headers and footers after the notes, each distinct one once",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.body = paragraph("Body text");
  parts.headers = {{"rIdH1", paragraph("Anytown Police Department")},
                   {"rIdH2", paragraph("Anytown Police Department")}};
  parts.footers = {{"rIdF1", "<w:tbl><w:tr><w:tc>" + paragraph("GO 4.2") + "</w:tc><w:tc>" +
                                 paragraph("Page 1") + "</w:tc></w:tr></w:tbl>"}};
  const core::Document document = readParts(parts);
  REQUIRE(test::texts(document) ==
          Strings{"Body text", "Anytown Police Department", "GO 4.2\nPage 1"});
  REQUIRE(document.blocks[1].kind == core::BlockKind::Header);
  REQUIRE(document.blocks[1].source.part == "word/header1.xml");
  REQUIRE(document.blocks[2].kind == core::BlockKind::Footer);
}

TEST_CASE("docx ignores relationships that point outside the package, with a warning",
          "[extract][docx]") {
  test::DocxParts parts;
  parts.body = paragraph("Body") +
               "<w:sectPr><w:headerReference r:id=\"evil1\"/>"
               "<w:headerReference r:id=\"evil2\"/><w:footerReference r:id=\"evil3\"/></w:sectPr>";
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  parts.extraRelationships = "<Relationship Id=\"evil1\" Type=\"" + type +
                             "header\" Target=\"../../etc/passwd\"/>"
                             "<Relationship Id=\"evil2\" Type=\"" +
                             type +
                             "header\" Target=\"file:///etc/passwd\"/>"
                             "<Relationship Id=\"evil3\" Type=\"" +
                             type +
                             "footer\" Target=\"http://example.com/f.xml\" "
                             "TargetMode=\"External\"/>"
                             "<Relationship Id=\"evil4\" Type=\"" +
                             type + "styles\" Target=\"/../styles.xml\"/>";
  const core::Document document = readParts(parts);
  REQUIRE(test::texts(document) == Strings{"Body"});
  REQUIRE(document.warnings.size() == 4);
  REQUIRE_THAT(document.warnings[0], Catch::Contains("outside the file"));
}
