// The highlighted PDF: each passage the pre-check rests on is marked where it is drawn, in the
// page's own coordinates, whatever the page's crop box and rotation.
#include <podofo/podofo.h>

#include <catch2/catch.hpp>

#include "core/errors.h"
#include "extract/extract.h"
#include "pdf_builder.h"
#include "render/annotated_pdf.h"

namespace mkrp::render {
namespace {

using test::PdfBuilder;

struct Rect {
  double left, bottom, right, top;
};

// The highlight annotations of page `pageIndex` (0-based) of `pdf`, as their /Rect.
std::vector<Rect> highlightRects(const std::string& pdf, int pageIndex = 0) {
  PoDoFo::PdfMemDocument document;
  document.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
  PoDoFo::PdfPage* page = document.GetPage(pageIndex);
  std::vector<Rect> rects;
  for (int i = 0; i < page->GetNumAnnots(); ++i) {
    PoDoFo::PdfAnnotation* annotation = page->GetAnnotation(i);
    if (annotation->GetType() != PoDoFo::ePdfAnnotation_Highlight) continue;
    const PoDoFo::PdfRect rect = annotation->GetRect();
    rects.push_back({rect.GetLeft(), rect.GetBottom(), rect.GetLeft() + rect.GetWidth(),
                     rect.GetBottom() + rect.GetHeight()});
  }
  return rects;
}

// A report with one finding whose evidence is the first occurrence of `passage` in block 0.
core::Report reportCiting(const core::Document& document, const std::string& passage,
                          core::EvidenceRole role = core::EvidenceRole::Meets,
                          int documentIndex = 0) {
  const std::size_t at = document.blocks.at(0).text.find(passage);
  REQUIRE(at != std::string::npos);
  core::EvidenceSpan span;
  span.document = documentIndex;
  span.block = 0;
  span.start = static_cast<std::uint32_t>(at);
  span.end = static_cast<std::uint32_t>(at + passage.size());
  span.role = role;
  core::Finding finding;
  finding.itemId = "LE-05";
  finding.status = core::Status::Met;
  finding.reason = "Entry is required without delay.";
  finding.evidence.push_back(span);
  core::Report report;
  report.findings.push_back(finding);
  return report;
}

// One page with "Officers shall enter the child" drawn at (72, 500) in user space with the test
// font (each character 6 points wide at 12 points), passed through `adjust` before writing.
template <typename Adjust>
std::string pageWithSentence(Adjust adjust) {
  PdfBuilder pdf;
  PoDoFo::PdfObject* page =
      pdf.addPage("BT /F1 12 Tf 72 500 Td (Officers shall enter the child) Tj ET",
                  PdfBuilder::fontResources(pdf.addTestFont()));
  adjust(page->GetDictionary());
  return pdf.write();
}

// Where "enter the child" is drawn in user space: 15 characters in, 15 characters long.
constexpr double kPassageLeft = 72 + 15 * 6;
constexpr double kPassageRight = 72 + 30 * 6;

void checkMarksPassage(const std::string& original) {
  const core::Document document = extract::extractBytes(original);
  const std::string annotated =
      annotatePdf(original, highlightsFor(document, 0, reportCiting(document, "enter the child")));
  const std::vector<Rect> rects = highlightRects(annotated);
  REQUIRE(rects.size() == 1);
  CHECK(rects[0].left == Approx(kPassageLeft).margin(1));
  CHECK(rects[0].right == Approx(kPassageRight).margin(1));
  CHECK(rects[0].bottom < 500 + 1);
  CHECK(rects[0].top > 500 + 6);
  CHECK(rects[0].top < 500 + 14);
}

TEST_CASE("annotated pdf marks a passage where it is drawn", "[render][annotated]") {
  checkMarksPassage(pageWithSentence([](PoDoFo::PdfDictionary&) {}));
}

TEST_CASE("annotated pdf undoes a page's rotation", "[render][annotated]") {
  checkMarksPassage(pageWithSentence([](PoDoFo::PdfDictionary& page) {
    page.AddKey("Rotate", static_cast<PoDoFo::pdf_int64>(90));
  }));
}

TEST_CASE("annotated pdf undoes a page's crop box and upside-down rotation",
          "[render][annotated]") {
  checkMarksPassage(pageWithSentence([](PoDoFo::PdfDictionary& page) {
    PoDoFo::PdfArray crop;
    for (double value : {40.0, 30.0, 580.0, 760.0}) crop.push_back(PoDoFo::PdfObject(value));
    page.AddKey("CropBox", crop);
    page.AddKey("Rotate", static_cast<PoDoFo::pdf_int64>(180));
  }));
}

TEST_CASE("annotated pdf undoes a page's user unit", "[render][annotated]") {
  checkMarksPassage(
      pageWithSentence([](PoDoFo::PdfDictionary& page) { page.AddKey("UserUnit", 2.0); }));
}

TEST_CASE("a passage over two lines gives one box per line", "[render][annotated]") {
  PdfBuilder pdf;
  pdf.addPage(
      "BT /F1 12 Tf 72 500 Td (Officers shall enter) Tj 0 -14 Td (the child at once) Tj ET",
      PdfBuilder::fontResources(pdf.addTestFont()));
  const core::Document document = extract::extractBytes(pdf.write());
  REQUIRE(document.blocks.size() == 1);
  // From "enter" on the first line to "child" on the second, whatever joins the lines.
  const std::string& text = document.blocks[0].text;
  const std::size_t from = text.find("enter");
  const std::size_t to = text.find("child") + 5;
  REQUIRE(to > from);
  const std::vector<PdfHighlight> highlights =
      highlightsFor(document, 0, reportCiting(document, text.substr(from, to - from)));
  REQUIRE(highlights.size() == 1);
  CHECK(highlights[0].lines.size() == 2);
  CHECK(highlights[0].title == "LE-05 \xC2\xB7 met");
  CHECK(highlights[0].note == "Entry is required without delay.");
}

TEST_CASE("evidence in another document of the submission is not marked", "[render][annotated]") {
  const std::string original = pageWithSentence([](PoDoFo::PdfDictionary&) {});
  const core::Document document = extract::extractBytes(original);
  const core::Report report =
      reportCiting(document, "enter the child", core::EvidenceRole::Meets, /*documentIndex=*/1);
  CHECK(highlightsFor(document, 0, report).empty());
}

TEST_CASE("annotated pdf refuses a file that is not a PDF with a clear message",
          "[render][annotated]") {
  REQUIRE_THROWS_AS(annotatePdf("not a pdf at all", {}), core::MalformedDocumentException);
  REQUIRE_THROWS_WITH(annotatePdf("not a pdf at all", {}),
                      Catch::Contains("Highlights could not be added to this PDF") &&
                          Catch::Contains("shown beside the text"));
}

}  // namespace
}  // namespace mkrp::render
