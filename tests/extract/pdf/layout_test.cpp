// How the PDF reader turns positioned text into blocks: columns, paragraphs, hyphenation,
// running headers and footers, section labels, tables and headings.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/document.h"
#include "extract/readers.h"
#include "pdf_builder.h"

using namespace mkrp;
using test::PdfBuilder;

namespace {

core::Document read(const std::string& bytes) { return extract::detail::readPdf(bytes, {}); }

// Content showing `lines` one under the other from (x, y), 12 points apart, at 10 points.
std::string column(double x, double y, const std::vector<std::string>& lines) {
  std::string content = "BT /F1 10 Tf 12 TL " + std::to_string(x) + " " + std::to_string(y) + " Td";
  for (const std::string& line : lines) content += " (" + line + ") Tj T*";
  return content + " ET\n";
}

std::vector<std::string> texts(const core::Document& document) {
  std::vector<std::string> out;
  for (const core::Block& block : document.blocks) {
    out.push_back(block.label.empty() ? block.text : block.label + " " + block.text);
  }
  return out;
}

}  // namespace

TEST_CASE("pdf reads two columns one after the other", "[extract][pdf]") {
  // Drawn line by line across both columns, as some producers do.
  std::string content;
  const std::vector<std::string> left = {"The left column starts", "here and goes on with",
                                         "more words to the end"};
  const std::vector<std::string> right = {"The right column comes", "after the left column",
                                          "and ends the page here"};
  for (std::size_t i = 0; i < left.size(); ++i) {
    content += column(72, 700 - 12.0 * static_cast<double>(i), {left[i]});
    content += column(330, 700 - 12.0 * static_cast<double>(i), {right[i]});
  }
  const core::Document document = read(test::onePage(content));
  REQUIRE(texts(document) ==
          std::vector<std::string>{
              "The left column starts here and goes on with more words to the end",
              "The right column comes after the left column and ends the page here"});
}

TEST_CASE("pdf joins a word hyphenated at the end of a line", "[extract][pdf]") {
  const core::Document document =
      read(test::onePage(column(72, 700, {"The officer shall docu-", "ment the call."})));
  REQUIRE(document.blocks.size() == 1);
  const core::Block& block = document.blocks[0];
  CHECK(block.text == "The officer shall document the call.");
  // The dropped hyphen has no box; the letters on both sides keep theirs.
  for (const core::GlyphBox& box : block.glyphs) CHECK(block.text.substr(box.start, 1) != "-");
  CHECK(block.glyphs.back().end == block.text.size());
}

TEST_CASE("pdf keeps a hyphen at a line end when a capital follows", "[extract][pdf]") {
  const std::string text =
      test::textOf(test::onePage(column(72, 700, {"This applies to non-", "Department staff."})));
  CHECK(text == "This applies to non-Department staff.\n");
}

TEST_CASE("pdf starts a new block where the line spacing widens", "[extract][pdf]") {
  const std::string content = column(72, 700, {"First paragraph line one", "and line two."}) +
                              column(72, 660, {"Second paragraph here."});
  CHECK(
      texts(read(test::onePage(content))) ==
      std::vector<std::string>{"First paragraph line one and line two.", "Second paragraph here."});
}

TEST_CASE("pdf marks running headers and footers across pages", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  for (int page = 1; page <= 3; ++page) {
    const std::string content =
        column(72, 760, {"Oak Brook Police Department"}) +
        column(72, 600, {"Body text of page " + std::to_string(page) + " goes here."}) +
        column(260, 30, {"Page " + std::to_string(page) + " of 3"});
    pdf.addPage(content, PdfBuilder::fontResources(font));
  }
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 9);
  for (int page = 0; page < 3; ++page) {
    const core::Block& header = document.blocks[static_cast<std::size_t>(page * 3)];
    const core::Block& body = document.blocks[static_cast<std::size_t>(page * 3 + 1)];
    const core::Block& footer = document.blocks[static_cast<std::size_t>(page * 3 + 2)];
    CHECK(header.kind == core::BlockKind::Header);
    CHECK(header.text == "Oak Brook Police Department");
    CHECK(body.kind == core::BlockKind::Paragraph);
    CHECK(footer.kind == core::BlockKind::Footer);
    CHECK(footer.text == "Page " + std::to_string(page + 1) + " of 3");
  }
}

TEST_CASE("pdf keeps body text that merely sits high on one page", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  for (const std::string line : {"Scope of this order", "Definitions used here", "Procedures"}) {
    pdf.addPage(column(72, 760, {line}), PdfBuilder::fontResources(font));
  }
  for (const core::Block& block : read(pdf.write()).blocks) {
    CHECK(block.kind == core::BlockKind::Paragraph);
  }
}

TEST_CASE("pdf splits a section label off the start of a block", "[extract][pdf]") {
  struct Case {
    std::string line, label, text;
  };
  const Case cases[] = {
      {"4.2.1 Vehicle pursuits are limited.", "4.2.1", "Vehicle pursuits are limited."},
      {"IV. The procedure follows.", "IV.", "The procedure follows."},
      {"(a) Notify the supervisor.", "(a)", "Notify the supervisor."},
      {"A. Notify the supervisor.", "A.", "Notify the supervisor."},
      {"12\\) Enter the child into NCIC.", "12)", "Enter the child into NCIC."},
      {"2019 was a good year.", "", "2019 was a good year."},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const core::Document document = read(test::onePage(column(72, 700, {c.line})));
    REQUIRE(document.blocks.size() == 1);
    CHECK(document.blocks[0].label == c.label);
    CHECK(document.blocks[0].text == c.text);
    if (!c.label.empty()) CHECK(document.blocks[0].glyphs.front().start == 0);
  }
}

TEST_CASE("pdf joins a label to its text across a tab stop", "[extract][pdf]") {
  const std::string content =
      "BT /F1 10 Tf 72 700 Td (B.) Tj ET BT /F1 10 Tf 108 700 Td (Report it at once.) Tj ET";
  const core::Document document = read(test::onePage(content));
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].label == "B.");
  CHECK(document.blocks[0].text == "Report it at once.");
  CHECK(document.blocks[0].kind == core::BlockKind::ListItem);
}

TEST_CASE("pdf starts a new block at each labelled item", "[extract][pdf]") {
  const core::Document document =
      read(test::onePage(column(72, 700, {"1. First item", "2. Second item"})));
  REQUIRE(texts(document) == std::vector<std::string>{"1. First item", "2. Second item"});
}

TEST_CASE("pdf nests list items by how far their labels are indented", "[extract][pdf]") {
  const std::string content = column(72, 700, {"1. First item"}) +
                              column(90, 686, {"a. A detail of it", "b. Another detail"}) +
                              column(72, 658, {"2. Second item"});
  const core::Document document = read(test::onePage(content));
  REQUIRE(texts(document) == std::vector<std::string>{"1. First item", "a. A detail of it",
                                                      "b. Another detail", "2. Second item"});
  std::vector<int> levels;
  for (const core::Block& block : document.blocks) {
    CHECK(block.kind == core::BlockKind::ListItem);
    levels.push_back(block.level);
  }
  CHECK(levels == std::vector<int>{0, 1, 1, 0});
}

TEST_CASE("pdf keeps a table row by row", "[extract][pdf]") {
  std::string content;
  const std::vector<std::vector<std::string>> rows = {{"Call type", "Priority", "Entry"},
                                                      {"Abduction", "1", "2 hours"},
                                                      {"Runaway", "2", "Same day"}};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < 3; ++c) {
      content += column(72 + 160.0 * static_cast<double>(c), 600 - 20.0 * static_cast<double>(r),
                        {rows[r][c]});
    }
  }
  const core::Document document = read(test::onePage(content));
  REQUIRE(texts(document) == std::vector<std::string>{"Call type", "Priority", "Entry", "Abduction",
                                                      "1", "2 hours", "Runaway", "2", "Same day"});
  for (const core::Block& block : document.blocks) CHECK(block.kind == core::BlockKind::TableCell);
}

TEST_CASE("pdf keeps the lines of one table cell together", "[extract][pdf]") {
  const std::string content = column(72, 600, {"Call type"}) + column(232, 600, {"Priority"}) +
                              column(392, 600, {"Entry"}) + column(72, 580, {"Abduction"}) +
                              column(232, 580, {"1"}) + column(392, 580, {"Within two", "hours"}) +
                              column(72, 550, {"Runaway"}) + column(232, 550, {"2"}) +
                              column(392, 550, {"Same day"});
  const core::Document document = read(test::onePage(content));
  REQUIRE(texts(document) == std::vector<std::string>{"Call type", "Priority", "Entry", "Abduction",
                                                      "1", "Within two hours", "Runaway", "2",
                                                      "Same day"});
}

TEST_CASE("pdf reads side headings next to their paragraphs", "[extract][pdf]") {
  std::string content;
  const std::vector<std::pair<std::string, std::vector<std::string>>> sections = {
      {"PURPOSE:", {"To guide officers who take a report", "of a missing child at once."}},
      {"POLICY:", {"No waiting period applies to any", "report of a missing child."}},
      {"SCOPE:", {"All sworn members of the agency", "follow this directive."}}};
  double y = 700;
  for (const auto& [heading, lines] : sections) {
    content += column(72, y, {heading}) + column(165, y, lines);
    y -= 60;
  }
  CHECK(texts(read(test::onePage(content))) ==
        std::vector<std::string>{"PURPOSE:",
                                 "To guide officers who take a report of a missing "
                                 "child at once.",
                                 "POLICY:",
                                 "No waiting period applies to any report of a "
                                 "missing child.",
                                 "SCOPE:",
                                 "All sworn members of the agency follow this "
                                 "directive."});
}

TEST_CASE("pdf reads text drawn twice to look bold once", "[extract][pdf]") {
  const std::string text = test::textOf(test::onePage(
      "BT /F1 12 Tf 72 700 Td (Bold words) Tj ET BT /F1 12 Tf 72.4 700 Td (Bold words) Tj ET"));
  CHECK(text == "Bold words\n");
}

TEST_CASE("pdf keeps two texts printed on one spot apart", "[extract][pdf]") {
  std::vector<std::string> found = texts(read(test::onePage(
      "BT /F1 10 Tf 72 700 Td (Customer) Tj ET BT /F1 10 Tf 73 700 Td (Invoice) Tj ET")));
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"Customer", "Invoice"});
}

TEST_CASE("pdf makes a line in a larger font a heading", "[extract][pdf]") {
  const std::string content = "BT /F1 16 Tf 72 720 Td (Missing Children) Tj ET " +
                              column(72, 690,
                                     {"Officers shall take a report of every", "missing child.",
                                      "No waiting period applies."});
  const core::Document document = read(test::onePage(content));
  REQUIRE(document.blocks.size() >= 2);
  CHECK(document.blocks[0].kind == core::BlockKind::Heading);
  CHECK(document.blocks[0].level == 1);
  CHECK(document.blocks[1].kind == core::BlockKind::Paragraph);
}
