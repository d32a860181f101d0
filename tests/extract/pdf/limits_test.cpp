// Each limit of the PDF reader, with the refusal a person gets.
#include <zlib.h>

#include <catch2/catch.hpp>

#include "core/errors.h"
#include "extract/readers.h"
#include "pdf_builder.h"

using namespace mkrp;
using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using test::PdfBuilder;

namespace {

std::string pages(int count) {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  for (int i = 0; i < count; ++i) {
    pdf.addPage("BT /F1 12 Tf 72 700 Td (Page text) Tj ET", PdfBuilder::fontResources(font));
  }
  return pdf.write();
}

// Forms Fm1 .. Fm`depth`, each drawing the next; the last one shows text.
std::string nestedForms(int depth) {
  PdfBuilder pdf;
  PoDoFo::PdfObject* font = pdf.addTestFont();
  PoDoFo::PdfObject* inner = nullptr;
  for (int level = depth; level >= 1; --level) {
    PdfDictionary form;
    form.AddKey("Subtype", PdfName("Form"));
    PdfArray bbox;
    for (double v : {0.0, 0.0, 612.0, 792.0}) bbox.push_back(v);
    form.AddKey("BBox", bbox);
    PdfDictionary resources = PdfBuilder::fontResources(font);
    std::string content = "BT /F1 12 Tf 72 700 Td (Deep text) Tj ET";
    if (inner != nullptr) {
      PdfDictionary xobjects;
      xobjects.AddKey("Next", inner->Reference());
      resources.AddKey("XObject", xobjects);
      content = "/Next Do";
    }
    form.AddKey("Resources", resources);
    inner = pdf.addStream(content, form);
  }
  PdfDictionary xobjects;
  xobjects.AddKey("Next", inner->Reference());
  PdfDictionary resources;
  resources.AddKey("XObject", xobjects);
  pdf.addPage("/Next Do", resources);
  return pdf.write();
}

}  // namespace

TEST_CASE("pdf refuses more pages than maxPages", "[extract][pdf]") {
  extract::Limits limits;
  limits.maxPages = 2;
  const std::string bytes = pages(3);
  REQUIRE_THROWS_AS(extract::detail::readPdf(bytes, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(extract::detail::readPdf(bytes, limits),
                      Catch::Contains("more than 2 pages") && Catch::Contains("Split"));
  limits.maxPages = 3;
  CHECK(extract::detail::readPdf(bytes, limits).pageCount == 3);
}

TEST_CASE("pdf refuses more objects than maxPdfObjects", "[extract][pdf]") {
  extract::Limits limits;
  limits.maxPdfObjects = 4;
  const std::string bytes = pages(2);
  REQUIRE_THROWS_AS(extract::detail::readPdf(bytes, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(extract::detail::readPdf(bytes, limits),
                      Catch::Contains("objects, more than the 4 we read"));
}

TEST_CASE("pdf refuses a page whose unpacked content passes maxContentStreamBytes",
          "[extract][pdf]") {
  extract::Limits limits;
  limits.maxContentStreamBytes = 1000;
  const std::string text = "BT /F1 12 Tf 72 700 Td (" + std::string(2000, 'x') + ") Tj ET";
  const std::string bytes = test::onePage(text);
  REQUIRE_THROWS_AS(extract::detail::readPdf(bytes, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(extract::detail::readPdf(bytes, limits),
                      Catch::Contains("page 1 holds more than 1000 bytes of drawing instructions"));
}

TEST_CASE("pdf refuses forms nested deeper than maxNestingDepth", "[extract][pdf]") {
  extract::Limits limits;
  limits.maxNestingDepth = 3;
  REQUIRE(test::textOf(nestedForms(3)) == "Deep text\n");
  CHECK(extract::detail::readPdf(nestedForms(3), limits).blocks.size() == 1);
  const std::string tooDeep = nestedForms(4);
  REQUIRE_THROWS_AS(extract::detail::readPdf(tooDeep, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(extract::detail::readPdf(tooDeep, limits),
                      Catch::Contains("nests drawings (form XObjects) more than 3 levels deep"));
}

TEST_CASE("pdf gives up when reading takes longer than maxSeconds", "[extract][pdf]") {
  extract::Limits limits;
  limits.maxSeconds = 0;
  const std::string bytes = pages(1);
  REQUIRE_THROWS_AS(extract::detail::readPdf(bytes, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(extract::detail::readPdf(bytes, limits),
                      Catch::Contains("took longer than the 0 seconds allowed"));
}
