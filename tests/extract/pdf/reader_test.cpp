// What the PDF reader reads from a page: text, positions, and the ways text gets on a page.
#include <catch2/catch.hpp>

#include "core/document.h"
#include "core/errors.h"
#include "extract/readers.h"
#include "pdf_builder.h"

using namespace mkrp;
using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using test::PdfBuilder;

namespace {

core::Document read(const std::string& bytes) { return extract::detail::readPdf(bytes, {}); }

// The glyph boxes of `word` in the first block that contains it.
std::vector<core::GlyphBox> boxesOf(const core::Document& document, const std::string& word) {
  for (const core::Block& block : document.blocks) {
    const std::size_t at = block.text.find(word);
    if (at == std::string::npos) continue;
    std::vector<core::GlyphBox> boxes;
    for (const core::GlyphBox& box : block.glyphs) {
      if (box.start >= at && box.end <= at + word.size()) boxes.push_back(box);
    }
    return boxes;
  }
  return {};
}

}  // namespace

TEST_CASE("pdf reads the words of a line of text", "[extract][pdf]") {
  const core::Document document =
      read(test::onePage("BT /F1 12 Tf 72 700 Td (Officers shall respond.) Tj ET"));
  REQUIRE(document.format == core::Format::Pdf);
  REQUIRE(document.pageCount == 1);
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "Officers shall respond.");
  CHECK(document.blocks[0].source.page == 1);
  CHECK(document.warnings.empty());
}

TEST_CASE("pdf gives each character of a word its page and box", "[extract][pdf]") {
  // The test font advances 6 points per character at 12 points.
  const core::Document document = read(test::onePage("BT /F1 12 Tf 72 700 Td (Use force) Tj ET"));
  const std::vector<core::GlyphBox> boxes = boxesOf(document, "force");
  REQUIRE(boxes.size() == 5);
  CHECK(boxes[0].page == 1);
  CHECK(boxes[0].box.x0 == Approx(72 + 4 * 6));
  CHECK(boxes[0].box.x1 == Approx(72 + 5 * 6));
  CHECK(boxes[4].box.x1 == Approx(72 + 9 * 6));
  CHECK(boxes[0].box.y0 < 700);
  CHECK(boxes[0].box.y1 > 700 + 6);
  CHECK(boxes[0].box.y1 < 700 + 12);
  CHECK(document.blocks[0].source.box.x0 == Approx(72));
}

TEST_CASE("pdf covers every non-space character of a block with a box", "[extract][pdf]") {
  const core::Document document = read(test::onePage(
      "BT /F1 10 Tf 72 700 Td (Report the child missing) Tj 0 -12 Td (within two hours.) Tj ET"));
  REQUIRE(document.blocks.size() == 1);
  const core::Block& block = document.blocks[0];
  std::string covered(block.text.size(), ' ');
  for (const core::GlyphBox& box : block.glyphs) {
    for (std::uint32_t i = box.start; i < box.end; ++i) covered[i] = block.text[i];
  }
  CHECK(covered == block.text);
}

TEST_CASE("pdf turns TJ gaps into spaces only where they are real gaps", "[extract][pdf]") {
  // -30 is kerning inside a word; -400 is a word gap drawn without a space character.
  const std::string text =
      test::textOf(test::onePage("BT /F1 12 Tf 72 700 Td [(Miss) -30 (ing) -400 (child)] TJ ET"));
  CHECK(text == "Missing child\n");
}

TEST_CASE("pdf reads words in position order, not drawing order", "[extract][pdf]") {
  const std::string text = test::textOf(
      test::onePage("BT /F1 12 Tf 108 700 Td (second) Tj ET BT /F1 12 Tf 72 700 Td (first) Tj ET"));
  CHECK(text == "first second\n");
}

TEST_CASE("pdf reads a page rotated by 90 degrees in displayed coordinates", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* page = pdf.addPage("BT /F1 12 Tf 72 500 Td (Rotated page) Tj ET",
                                        PdfBuilder::fontResources(pdf.addTestFont()), 612, 792);
  page->GetDictionary().AddKey("Rotate", static_cast<PoDoFo::pdf_int64>(90));
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "Rotated page");
  // Turned clockwise, the 612-wide page shows 792 wide; user (x, y) shows at (y, 612 - x).
  const core::Box box = document.blocks[0].glyphs.front().box;
  CHECK(box.x0 < 500);
  CHECK(box.x1 > 500);
  CHECK(box.y1 == Approx(612 - 72));
}

TEST_CASE("pdf applies the page's UserUnit to positions", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* page = pdf.addPage("BT /F1 12 Tf 72 500 Td (Scaled) Tj ET",
                                        PdfBuilder::fontResources(pdf.addTestFont()));
  page->GetDictionary().AddKey("UserUnit", 2.0);
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].glyphs.front().box.x0 == Approx(144));
}

TEST_CASE("pdf reads text drawn by a form XObject", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  PdfDictionary form;
  form.AddKey("Type", PdfName("XObject"));
  form.AddKey("Subtype", PdfName("Form"));
  PdfArray bbox;
  for (double v : {0.0, 0.0, 300.0, 50.0}) bbox.push_back(v);
  form.AddKey("BBox", bbox);
  PdfArray matrix;
  for (double v : {1.0, 0.0, 0.0, 1.0, 100.0, 0.0}) matrix.push_back(v);
  form.AddKey("Matrix", matrix);
  form.AddKey("Resources", PdfBuilder::fontResources(font));
  PoDoFo::PdfObject* xobject = pdf.addStream("BT /F1 12 Tf 0 10 Td (Inside the form) Tj ET", form);
  PdfDictionary resources = PdfBuilder::fontResources(font);
  PdfDictionary xobjects;
  xobjects.AddKey("Fm1", xobject->Reference());
  resources.AddKey("XObject", xobjects);
  pdf.addPage("q 1 0 0 1 0 600 cm /Fm1 Do Q", resources);
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "Inside the form");
  CHECK(document.blocks[0].glyphs.front().box.x0 == Approx(100));
}

TEST_CASE("pdf reads marked content by its ActualText", "[extract][pdf]") {
  const std::string text = test::textOf(test::onePage(
      "BT /F1 12 Tf 72 700 Td (See ) Tj /Span << /ActualText (section) >> BDC (\\247) Tj EMC "
      "( 4.) Tj ET"));
  CHECK(text == "See section 4.\n");
}

TEST_CASE("pdf reads the filled-in value of a form field", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  PdfDictionary appearance;
  appearance.AddKey("Subtype", PdfName("Form"));
  PdfArray bbox;
  for (double v : {0.0, 0.0, 200.0, 20.0}) bbox.push_back(v);
  appearance.AddKey("BBox", bbox);
  appearance.AddKey("Resources", PdfBuilder::fontResources(font));
  PoDoFo::PdfObject* stream =
      pdf.addStream("/Tx BMC BT /F1 10 Tf 2 5 Td (Hanover Park) Tj ET EMC", appearance);
  PdfDictionary states;
  states.AddKey("N", stream->Reference());
  PdfDictionary widget;
  widget.AddKey("Type", PdfName("Annot"));
  widget.AddKey("Subtype", PdfName("Widget"));
  PdfArray rect;
  for (double v : {110.0, 600.0, 310.0, 620.0}) rect.push_back(v);
  widget.AddKey("Rect", rect);
  widget.AddKey("AP", states);
  PoDoFo::PdfObject* annotation = pdf.add(widget);
  PoDoFo::PdfObject* page =
      pdf.addPage("BT /F1 10 Tf 72 605 Td (Agency:) Tj ET", PdfBuilder::fontResources(font));
  PdfArray annotations;
  annotations.push_back(annotation->Reference());
  page->GetDictionary().AddKey("Annots", annotations);
  CHECK(test::textOf(pdf.write()) == "Agency: Hanover Park\n");
}

TEST_CASE("pdf takes resources inherited from the page tree", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* page = pdf.addPage("BT /F1 12 Tf 72 700 Td (Inherited font) Tj ET", {});
  page->GetDictionary().RemoveKey("Resources");
  PoDoFo::PdfObject* pages = pdf.document().GetPagesTree()->GetObject();
  pages->GetDictionary().AddKey("Resources", PdfBuilder::fontResources(pdf.addTestFont()));
  CHECK(test::textOf(pdf.write()) == "Inherited font\n");
}

TEST_CASE("pdf reads every page in order", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  pdf.addPage("BT /F1 12 Tf 72 400 Td (First page) Tj ET", PdfBuilder::fontResources(font));
  pdf.addPage("BT /F1 12 Tf 72 400 Td (Second page) Tj ET", PdfBuilder::fontResources(font));
  const core::Document document = read(pdf.write());
  REQUIRE(document.pageCount == 2);
  REQUIRE(document.blocks.size() == 2);
  CHECK(document.blocks[0].text == "First page");
  CHECK(document.blocks[1].text == "Second page");
  CHECK(document.blocks[1].source.page == 2);
  CHECK(document.blocks[1].glyphs.front().page == 2);
}

TEST_CASE("pdf reads an encrypted file whose user password is empty", "[extract][pdf]") {
  PdfBuilder pdf;
  pdf.addPage("BT /F1 12 Tf 72 700 Td (Protected but open) Tj ET",
              PdfBuilder::fontResources(pdf.addTestFont()));
  pdf.encrypt("", "owner-secret");
  const std::string bytes = pdf.write();
  REQUIRE(bytes.find("/Encrypt") != std::string::npos);
  CHECK(test::textOf(bytes) == "Protected but open\n");
}

TEST_CASE("pdf refuses a file protected by a password", "[extract][pdf]") {
  PdfBuilder pdf;
  pdf.addPage("BT /F1 12 Tf 72 700 Td (Secret) Tj ET",
              PdfBuilder::fontResources(pdf.addTestFont()));
  pdf.encrypt("user-secret", "owner-secret");
  const std::string bytes = pdf.write();
  REQUIRE_THROWS_AS(read(bytes), core::EncryptedDocumentException);
  REQUIRE_THROWS_WITH(
      read(bytes), Catch::Contains("protected with a password") && Catch::Contains("without one"));
}

TEST_CASE("pdf reads a signed file without changing it", "[extract][pdf]") {
  PdfBuilder pdf;
  pdf.addPage("BT /F1 12 Tf 72 700 Td (Approved by the chief) Tj ET",
              PdfBuilder::fontResources(pdf.addTestFont()));
  PdfDictionary signature;
  signature.AddKey("Type", PdfName("Sig"));
  signature.AddKey("Filter", PdfName("Adobe.PPKLite"));
  signature.AddKey("Contents", PoDoFo::PdfString("0000", true));
  PdfDictionary field;
  field.AddKey("FT", PdfName("Sig"));
  field.AddKey("V", pdf.add(signature)->Reference());
  PdfArray fields;
  fields.push_back(pdf.add(field)->Reference());
  PdfDictionary form;
  form.AddKey("Fields", fields);
  form.AddKey("SigFlags", static_cast<PoDoFo::pdf_int64>(3));
  pdf.document().GetCatalog()->GetDictionary().AddKey("AcroForm", form);
  const std::string bytes = pdf.write();
  const std::string copy = bytes;
  CHECK(test::textOf(bytes) == "Approved by the chief\n");
  CHECK(bytes == copy);
}
