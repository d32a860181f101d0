#include "render/annotated_pdf.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>

#include "core/errors.h"

namespace mkrp::render {
namespace {

// --- which boxes a passage covers ----------------------------------------------------------

// The part of a glyph run's box that holds bytes [from, to) of the run, assuming the run's
// characters share its width evenly (good enough to stop a highlight mid-run).
core::Box clipRun(const core::GlyphBox& run, std::uint32_t from, std::uint32_t to) {
  const double length = static_cast<double>(run.end - run.start);
  if (length <= 0 || (from <= run.start && to >= run.end)) return run.box;
  const double width = run.box.x1 - run.box.x0;
  core::Box box = run.box;
  box.x0 = run.box.x0 + width * (std::max(from, run.start) - run.start) / length;
  box.x1 = run.box.x0 + width * (std::min(to, run.end) - run.start) / length;
  return box;
}

double height(const core::Box& box) { return box.y1 - box.y0; }

// Whether `next` continues the line that ends with `line`: mostly the same height band, and not
// far to its right (a wide gap is another column).
bool sameLine(const core::Box& line, const core::Box& next) {
  const double overlap = std::min(line.y1, next.y1) - std::max(line.y0, next.y0);
  const double smaller = std::min(height(line), height(next));
  if (smaller <= 0 || overlap < 0.5 * smaller) return false;
  const double gap = next.x0 - line.x1;
  return gap < 3 * std::max(height(line), height(next)) && next.x1 > line.x0;
}

core::Box unite(const core::Box& a, const core::Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
          std::max(a.y1, b.y1)};
}

// The line boxes of bytes [start, end) of `block`, per page, in reading order.
std::map<int, std::vector<core::Box>> linesOf(const core::Block& block, std::uint32_t start,
                                              std::uint32_t end) {
  std::map<int, std::vector<core::Box>> lines;
  for (const core::GlyphBox& run : block.glyphs) {
    if (run.end <= start || run.start >= end) continue;
    const core::Box box = clipRun(run, start, end);
    std::vector<core::Box>& page = lines[run.page];
    if (!page.empty() && sameLine(page.back(), box)) {
      page.back() = unite(page.back(), box);
    } else {
      page.push_back(box);
    }
  }
  return lines;
}

std::string noteFor(const core::Finding& finding, const core::ChecklistSet* checklists) {
  std::string note;
  if (checklists != nullptr) {
    if (const core::Item* item = checklists->findItem(finding.itemId)) note = item->title + "\n";
  }
  return note + finding.reason;
}

// --- PDF pages -----------------------------------------------------------------------------

// How a page's displayed coordinates relate to its user space; the same reading of the page
// dictionary as the extractor's (crop box within the media box, /Rotate in quarter turns,
// /UserUnit).
struct PageFrame {
  double x0 = 0, y0 = 0, x1 = 612, y1 = 792;
  int rotate = 0;
  double userUnit = 1;

  // Displayed-page point -> user space (the inverse of extract::pdf::PageInfo::toDisplay).
  std::pair<double, double> toUser(double x, double y) const {
    x /= userUnit;
    y /= userUnit;
    const double w = x1 - x0;
    const double h = y1 - y0;
    double ux = x, uy = y;
    switch (rotate) {
      case 90:  // displayed (y, w - x)
        ux = w - y;
        uy = x;
        break;
      case 180:  // displayed (w - x, h - y)
        ux = w - x;
        uy = h - y;
        break;
      case 270:  // displayed (h - y, x)
        ux = y;
        uy = h - x;
        break;
      default:
        break;
    }
    return {ux + x0, uy + y0};
  }
};

bool usable(const PoDoFo::PdfRect& rect) {
  return std::isfinite(rect.GetWidth()) && std::isfinite(rect.GetHeight()) &&
         rect.GetWidth() >= 1 && rect.GetHeight() >= 1;
}

PageFrame frameOf(const PoDoFo::PdfPage& page) {
  PageFrame frame;
  PoDoFo::PdfRect media = page.GetMediaBox();
  if (!usable(media)) media = PoDoFo::PdfRect(0, 0, 612, 792);
  frame.x0 = media.GetLeft();
  frame.y0 = media.GetBottom();
  frame.x1 = media.GetLeft() + media.GetWidth();
  frame.y1 = media.GetBottom() + media.GetHeight();
  const PoDoFo::PdfRect crop = page.GetCropBox();
  if (usable(crop)) {
    const double cx0 = std::max(frame.x0, crop.GetLeft());
    const double cy0 = std::max(frame.y0, crop.GetBottom());
    const double cx1 = std::min(frame.x1, crop.GetLeft() + crop.GetWidth());
    const double cy1 = std::min(frame.y1, crop.GetBottom() + crop.GetHeight());
    if (cx1 - cx0 >= 1 && cy1 - cy0 >= 1) frame = {cx0, cy0, cx1, cy1, 0, 1};
  }
  frame.rotate = ((page.GetRotation() / 90 * 90) % 360 + 360) % 360;
  const PoDoFo::PdfObject* unit = page.GetObject()->GetDictionary().GetKey("UserUnit");
  if (unit != nullptr && (unit->IsNumber() || unit->IsReal())) {
    const double value = unit->GetReal();
    if (value > 0.01 && value < 1000) frame.userUnit = value;
  }
  return frame;
}

struct Rgb {
  double r, g, b;
};

Rgb colourOf(core::EvidenceRole role) {
  switch (role) {
    case core::EvidenceRole::Contradicts:
      return {1.0, 0.55, 0.55};
    case core::EvidenceRole::Partial:
      return {1.0, 0.8, 0.35};
    case core::EvidenceRole::Meets:
      break;
  }
  return {0.6, 0.9, 0.5};
}

void addHighlight(PoDoFo::PdfPage& page, const PageFrame& frame, const PdfHighlight& highlight) {
  PoDoFo::PdfArray quads;
  double left = 0, bottom = 0, right = 0, top = 0;
  bool first = true;
  for (const core::Box& line : highlight.lines) {
    // Two opposite corners are enough: a quarter turn keeps boxes axis-aligned.
    const auto [ax, ay] = frame.toUser(line.x0, line.y0);
    const auto [bx, by] = frame.toUser(line.x1, line.y1);
    const double x0 = std::min(ax, bx), x1 = std::max(ax, bx);
    const double y0 = std::min(ay, by), y1 = std::max(ay, by);
    // QuadPoints order as viewers expect it: upper left, upper right, lower left, lower right.
    for (double value : {x0, y1, x1, y1, x0, y0, x1, y0}) quads.push_back(PoDoFo::PdfObject(value));
    left = first ? x0 : std::min(left, x0);
    bottom = first ? y0 : std::min(bottom, y0);
    right = first ? x1 : std::max(right, x1);
    top = first ? y1 : std::max(top, y1);
    first = false;
  }
  if (first) return;
  PoDoFo::PdfAnnotation* annotation = page.CreateAnnotation(
      PoDoFo::ePdfAnnotation_Highlight, PoDoFo::PdfRect(left, bottom, right - left, top - bottom));
  annotation->SetQuadPoints(quads);
  const Rgb colour = colourOf(highlight.role);
  annotation->SetColor(colour.r, colour.g, colour.b);
  annotation->SetFlags(PoDoFo::ePdfAnnotationFlags_Print);
  annotation->SetTitle(PoDoFo::PdfString(
      reinterpret_cast<const PoDoFo::pdf_utf8*>(highlight.title.c_str())));
  annotation->SetContents(
      PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(highlight.note.c_str())));
}

// The reason is for the reviewer; the library's own error name is kept at the end for whoever
// investigates.
[[noreturn]] void cannotAnnotate(const std::string& detail) {
  throw core::MalformedDocumentException(
      "Highlights could not be added to this PDF: its structure could not be read again. The "
      "passages are still shown beside the text on the review page. (" +
      detail + ")");
}

}  // namespace

std::vector<PdfHighlight> highlightsFor(const core::Document& document, int documentIndex,
                                        const core::Report& report,
                                        const core::ChecklistSet* checklists) {
  std::vector<PdfHighlight> highlights;
  for (const core::Finding& finding : report.findings) {
    for (const core::EvidenceSpan& span : finding.evidence) {
      if (span.document != documentIndex || span.block < 0 ||
          static_cast<std::size_t>(span.block) >= document.blocks.size()) {
        continue;
      }
      for (auto& [page, lines] : linesOf(document.blocks[span.block], span.start, span.end)) {
        PdfHighlight highlight;
        highlight.page = page;
        highlight.lines = std::move(lines);
        highlight.role = span.role;
        highlight.title = finding.itemId + " \xC2\xB7 " + std::string(core::toString(finding.status));
        highlight.note = noteFor(finding, checklists);
        highlights.push_back(std::move(highlight));
      }
    }
  }
  return highlights;
}

std::string annotatePdf(std::string_view original, const std::vector<PdfHighlight>& highlights) {
  try {
    PoDoFo::PdfMemDocument pdf;
    pdf.LoadFromBuffer(original.data(), static_cast<long>(original.size()));
    const int pageCount = pdf.GetPageCount();
    std::map<int, PageFrame> frames;
    for (const PdfHighlight& highlight : highlights) {
      if (highlight.page < 1 || highlight.page > pageCount) continue;
      PoDoFo::PdfPage* page = pdf.GetPage(highlight.page - 1);
      if (page == nullptr) continue;
      auto frame = frames.find(highlight.page);
      if (frame == frames.end()) frame = frames.emplace(highlight.page, frameOf(*page)).first;
      addHighlight(*page, frame->second, highlight);
    }
    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    pdf.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  } catch (const PoDoFo::PdfError& error) {
    cannotAnnotate(PoDoFo::PdfError::ErrorName(error.GetError()));
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& error) {
    cannotAnnotate(error.what());
  }
}

}  // namespace mkrp::render
