// Hostile and broken files: each gets a clear refusal or a bounded reading, never a crash or a
// hang. Scanned pages are reported, not silently dropped.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "core/errors.h"
#include "extract/readers.h"
#include "pdf_builder.h"

using namespace mkrp;
using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using test::PdfBuilder;

namespace {

core::Document read(const std::string& bytes, const extract::Limits& limits = {}) {
  return extract::detail::readPdf(bytes, limits);
}

const std::string kPage =
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
    "/Contents 5 0 R >>";
const std::string kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

std::string contentStream(const std::string& content) {
  return "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

std::string deflated(const std::string& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string packed(size, '\0');
  compress(reinterpret_cast<Bytef*>(packed.data()), &size,
           reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()));
  packed.resize(size);
  return packed;
}

std::string imagePage(PdfBuilder& pdf, PoDoFo::PdfObject* image) {
  PdfDictionary xobjects;
  xobjects.AddKey("Im1", image->Reference());
  PdfDictionary resources;
  resources.AddKey("XObject", xobjects);
  pdf.addPage("q 612 0 0 792 0 0 cm /Im1 Do Q", resources);
  return {};
}

PoDoFo::PdfObject* grayImage(PdfBuilder& pdf) {
  PdfDictionary image;
  image.AddKey("Type", PdfName("XObject"));
  image.AddKey("Subtype", PdfName("Image"));
  image.AddKey("Width", static_cast<PoDoFo::pdf_int64>(2));
  image.AddKey("Height", static_cast<PoDoFo::pdf_int64>(2));
  image.AddKey("BitsPerComponent", static_cast<PoDoFo::pdf_int64>(8));
  image.AddKey("ColorSpace", PdfName("DeviceGray"));
  return pdf.addStream(std::string("\x00\xFF\xFF\x00", 4), image);
}

}  // namespace

TEST_CASE("pdf reads a form that draws itself once and says so", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  PdfDictionary form;
  form.AddKey("Subtype", PdfName("Form"));
  PdfArray bbox;
  for (double v : {0.0, 0.0, 612.0, 792.0}) bbox.push_back(v);
  form.AddKey("BBox", bbox);
  PoDoFo::PdfObject* xobject =
      pdf.addStream("BT /F1 12 Tf 72 700 Td (Drawn once) Tj ET /Self Do", form);
  PdfDictionary resources = PdfBuilder::fontResources(font);
  PdfDictionary xobjects;
  xobjects.AddKey("Self", xobject->Reference());
  resources.AddKey("XObject", xobjects);
  xobject->GetDictionary().AddKey("Resources", resources);
  pdf.addPage("/Self Do", resources);
  const core::Document document = read(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "Drawn once");
  REQUIRE(document.warnings.size() == 1);
  CHECK(document.warnings[0] == "page 1 draws a part that contains itself; it was read once");
}

TEST_CASE("pdf reads a page tree that loops back on itself once", "[extract][pdf]") {
  const std::string bytes = test::rawPdf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R 2 0 R 6 0 R] /Count 3 >>",
      kPage,
      kFont,
      contentStream("BT /F1 12 Tf 72 700 Td (Looped tree) Tj ET"),
      "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>",
  });
  const core::Document document = read(bytes);
  CHECK(document.pageCount == 1);
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "Looped tree");
}

TEST_CASE("pdf refuses a page whose dictionary nests arrays absurdly deep", "[extract][pdf]") {
  const std::string deep = std::string(200'000, '[') + std::string(200'000, ']');
  const std::string page = "<< /Type /Page /Parent 2 0 R /Junk " + deep + " /Contents 4 0 R >>";
  const std::string bytes = test::rawPdf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      page,
      contentStream("BT /F1 12 Tf 72 700 Td (x) Tj ET"),
  });
  REQUIRE_THROWS_AS(read(bytes), core::MalformedDocumentException);
  REQUIRE_THROWS_WITH(read(bytes), Catch::StartsWith("the PDF is damaged: "));
}

TEST_CASE("pdf reads a content stream whose arrays nest absurdly deep", "[extract][pdf]") {
  const std::string content =
      "BT /F1 12 Tf 72 700 Td (Still read) Tj " + std::string(100'000, '[') + " ET";
  const std::string bytes = test::rawPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                          "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage, kFont,
                                          contentStream(content)});
  CHECK(test::textOf(bytes) == "Still read\n");
}

TEST_CASE("pdf stops a decompression bomb in a content stream", "[extract][pdf]") {
  const std::string packed = deflated(std::string(20 << 20, ' '));
  const std::string bomb = "<< /Length " + std::to_string(packed.size()) +
                           " /Filter /FlateDecode >>\nstream\n" + packed + "\nendstream";
  const std::string bytes =
      test::rawPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage, kFont, bomb});
  extract::Limits limits;
  limits.maxContentStreamBytes = 1 << 20;
  REQUIRE_THROWS_AS(read(bytes, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(read(bytes, limits),
                      Catch::Contains("page 1 holds more than 1 MiB of drawing instructions"));
}

TEST_CASE("pdf stops a decompression bomb in an object stream before opening", "[extract][pdf]") {
  const std::string packed = deflated("6 0 " + std::string(20 << 20, ' '));
  const std::string objectStream = "<< /Type /ObjStm /N 1 /First 4 /Length " +
                                   std::to_string(packed.size()) +
                                   " /Filter /FlateDecode >>\nstream\n" + packed + "\nendstream";
  const std::string bytes = test::rawPdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage,
       kFont, contentStream("BT /F1 12 Tf 72 700 Td (x) Tj ET"), objectStream});
  extract::Limits limits;
  limits.maxContentStreamBytes = 1 << 20;
  REQUIRE_THROWS_AS(read(bytes, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(read(bytes, limits),
                      Catch::StartsWith("the PDF packs more than 1 MiB into one of its object"));
}

TEST_CASE("pdf reads a file cut short after its last object", "[extract][pdf]") {
  const std::string whole = test::onePage("BT /F1 12 Tf 72 700 Td (Cut short) Tj ET");
  const std::string cut = whole.substr(0, whole.rfind("endobj") + 6);
  CHECK(test::textOf(cut) == "Cut short\n");
}

TEST_CASE("pdf refuses a file cut in half with advice", "[extract][pdf]") {
  const std::string whole = test::onePage("BT /F1 12 Tf 72 700 Td (Cut in half) Tj ET");
  const std::string cut = whole.substr(0, whole.size() / 2);
  // What is left may lack the page, its content or the catalog: each is a clear refusal.
  REQUIRE_THROWS_AS(read(cut), Poco::DataFormatException);
  REQUIRE_THROWS_WITH(read(cut), Catch::StartsWith("the PDF ") && Catch::Contains("submit"));
}

TEST_CASE("pdf rebuilds the cross-reference table when its offsets are wrong", "[extract][pdf]") {
  std::string bytes = test::rawPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage, kFont,
                                    contentStream("BT /F1 12 Tf 72 700 Td (Found again) Tj ET")});
  // Every entry now points 7 bytes too far.
  for (std::size_t at = bytes.find(" 00000 n"); at != std::string::npos;
       at = bytes.find(" 00000 n", at + 1)) {
    const std::string moved = std::to_string(std::stoul(bytes.substr(at - 10, 10)) + 7);
    bytes.replace(at - 10, 10, std::string(10 - moved.size(), '0') + moved);
  }
  CHECK(test::textOf(bytes) == "Found again\n");
}

TEST_CASE("pdf rebuilds a missing cross-reference table", "[extract][pdf]") {
  std::string bytes = test::rawPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage, kFont,
                                    contentStream("BT /F1 12 Tf 72 700 Td (No table) Tj ET")});
  bytes.erase(bytes.find("xref\n"));
  CHECK(test::textOf(bytes) == "No table\n");
}

TEST_CASE("pdf reads a file with junk before its header", "[extract][pdf]") {
  const std::string bytes =
      "Content-Type: application/pdf\r\n\r\n" +
      test::rawPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage, kFont,
                    contentStream("BT /F1 12 Tf 72 700 Td (After junk) Tj ET")});
  CHECK(test::textOf(bytes) == "After junk\n");
}

TEST_CASE("pdf refuses a damaged file with no catalog to rebuild from", "[extract][pdf]") {
  std::string bytes = test::rawPdf({"<< /Type /Pages /Kids [] /Count 0 >>", kFont});
  bytes.erase(bytes.find("xref\n"));
  REQUIRE_THROWS_AS(read(bytes), core::MalformedDocumentException);
  REQUIRE_THROWS_WITH(read(bytes), Catch::StartsWith("the PDF is damaged: its table of contents"));
}

TEST_CASE("pdf ends a cross-reference chain that loops", "[extract][pdf]") {
  std::string bytes = test::rawPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage, kFont,
                                    contentStream("BT /F1 12 Tf 72 700 Td (Chained) Tj ET")});
  const std::size_t xref = bytes.rfind("xref\n");
  const std::string trailer = "/Root 1 0 R";
  bytes.replace(bytes.find(trailer), trailer.size(), trailer + " /Prev " + std::to_string(xref));
  // Either reading works or it is refused as damaged; it must end.
  std::string outcome;
  try {
    outcome = test::textOf(bytes);
  } catch (const core::MalformedDocumentException& error) {
    outcome = error.message();
  }
  CHECK_THAT(outcome, Catch::Equals("Chained\n") || Catch::StartsWith("the PDF is damaged: "));
}

TEST_CASE("pdf refuses a file that only pretends to be a PDF", "[extract][pdf]") {
  for (const std::string& fake :
       {std::string("%PDF-1.7\nThis is a letter, not a PDF.\n"), std::string("%PDF-1.4\n%%EOF\n"),
        std::string("%PDF-") + std::string(5000, '\xFF')}) {
    REQUIRE_THROWS_AS(read(fake), core::UnsupportedFormatException);
    REQUIRE_THROWS_WITH(read(fake),
                        "the file calls itself a PDF but is not one. Please submit "
                        "the directive as PDF, DOCX or ODT.");
  }
}

TEST_CASE("pdf warns about a page with no text that looks scanned", "[extract][pdf]") {
  PdfBuilder pdf;
  pdf.addPage("BT /F1 12 Tf 72 700 Td (Typed page) Tj ET",
              PdfBuilder::fontResources(pdf.addTestFont()));
  imagePage(pdf, grayImage(pdf));
  const core::Document document = read(pdf.write());
  CHECK(document.blocks.size() == 1);
  CHECK(document.warnings == std::vector<std::string>{"page 2 has no text: it looks scanned"});
}

TEST_CASE("pdf refuses a wholly scanned file", "[extract][pdf]") {
  PdfBuilder pdf;
  PoDoFo::PdfObject* image = grayImage(pdf);
  imagePage(pdf, image);
  imagePage(pdf, image);
  const std::string bytes = pdf.write();
  REQUIRE_THROWS_AS(read(bytes), core::UnsupportedFormatException);
  REQUIRE_THROWS_WITH(read(bytes),
                      "the PDF has no text layer on any page: it looks scanned. We could not "
                      "check it; submit the directive as a text PDF or DOCX.");
}

TEST_CASE("pdf refuses a file whose pages are all blank", "[extract][pdf]") {
  PdfBuilder pdf;
  pdf.addPage("0 0 m 100 100 l S", {});
  const std::string bytes = pdf.write();
  REQUIRE_THROWS_AS(read(bytes), core::UnsupportedFormatException);
  REQUIRE_THROWS_WITH(read(bytes), Catch::StartsWith("the PDF has no text on any page"));
}

TEST_CASE("pdf lays out a page of 100,000 scattered characters", "[extract][pdf]") {
  // Every character on a line of its own, at a place of its own: layout must not be quadratic.
  std::string content = "BT /F1 4 Tf\n";
  for (long long i = 0; i < 100'000; ++i) {
    content += "1 0 0 1 " + std::to_string((i * 7919) % 560 + 20) + " " +
               std::to_string(20 + (i * 104729) % 750 + static_cast<double>(i % 100) / 100.0) +
               " Tm (a.) Tj\n";
  }
  content += "ET";
  const std::string bytes = test::onePage(content);
  // A quadratic layout would run into the test's time-out rather than finish.
  const core::Document document = read(bytes);
  CHECK_FALSE(document.blocks.empty());
}

TEST_CASE("pdf reads a content stream whose /Length is wrong", "[extract][pdf]") {
  for (const std::string length : {"99999999999", "-5", "5 0 R"}) {
    INFO("/Length " << length);
    const std::string bytes = test::rawPdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage,
         kFont,
         "<< /Length " + length + " >>\nstream\nBT /F1 12 Tf 72 700 Td (Measured) Tj ET\nendstream"});
    CHECK(test::textOf(bytes) == "Measured\n");
  }
}
