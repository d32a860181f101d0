// readPdf: PoDoFo opens the file; our interpreter finds the characters on each page; layout
// turns them into lines and blocks; running headers and footers are found across pages.
#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <new>
#include <string>

#include "core/errors.h"
#include "extract/pdf/block_builder.h"
#include "extract/pdf/content_interpreter.h"
#include "extract/pdf/deadline.h"
#include "extract/pdf/layout_blocks.h"
#include "extract/pdf/layout_lines.h"
#include "extract/pdf/page_tree.h"
#include "extract/pdf/pdf_document.h"
#include "extract/pdf/running_furniture.h"
#include "extract/readers.h"

namespace mkrp::extract::detail {
namespace {

using pdf::PageLines;
using pdf::PageText;

// Fonts' ToUnicode maps and programs are read up to this size (or the content limit if lower).
constexpr std::size_t kMaxFontStreamBytes = 16 << 20;
// A page whose characters are this unreadable (share of glyphs) gets a warning.
constexpr double kUnreadableShare = 0.1;

struct Pages {
  std::vector<PageText> text;
  std::vector<PageLines> lines;
};

std::size_t readableGlyphs(const PageText& page) {
  return static_cast<std::size_t>(
      std::count_if(page.glyphs.begin(), page.glyphs.end(),
                    [](const pdf::TextGlyph& g) { return g.textLength > 0; }));
}

Pages readPages(const pdf::PdfDocument& file, const Limits& limits, const pdf::Deadline& deadline,
                std::vector<pdf::PageInfo>& infos) {
  pdf::FontCache fonts(file.objects(),
                       std::min<std::size_t>(kMaxFontStreamBytes, limits.maxContentStreamBytes));
  pdf::ContentInterpreter interpreter(file.objects(), fonts, limits, deadline);
  Pages pages;
  for (std::size_t i = 0; i < infos.size(); ++i) {
    deadline.check();
    pages.text.push_back(interpreter.readPage(infos[i], static_cast<int>(i + 1)));
    pages.lines.push_back(pdf::buildLines(pages.text.back()));
  }
  return pages;
}

// The font size of most of the text, in half points.
float bodySizeOf(const Pages& pages) {
  std::map<int, std::size_t> counts;
  for (const PageText& page : pages.text) {
    for (const pdf::TextGlyph& glyph : page.glyphs) {
      if (glyph.textLength > 0) ++counts[static_cast<int>(glyph.size * 2)];
    }
  }
  if (counts.empty()) return 10;
  const auto most =
      std::max_element(counts.begin(), counts.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  return static_cast<float>(most->first) / 2 + 0.25f;
}

void addWarnings(const PageText& page, core::Document& document) {
  const std::string where = "page " + std::to_string(page.number);
  const std::size_t readable = readableGlyphs(page);
  if (readable == 0 && page.unmappedGlyphs > 0) {
    document.warnings.push_back(where +
                                " has text in fonts that do not say which letters they draw: it "
                                "could not be read");
  } else if (readable == 0 && page.hasLargeImage) {
    document.warnings.push_back(where + " has no text: it looks scanned");
  } else if (page.unmappedGlyphs > kUnreadableShare * static_cast<double>(readable)) {
    document.warnings.push_back(where +
                                ": some characters could not be read (their font does not say "
                                "which letters they are)");
  }
  if (page.tooManyGlyphs) {
    document.warnings.push_back(where + " draws more than " +
                                std::to_string(PageText::kMaxGlyphsPerPage) +
                                " characters; the rest of it was not read");
  }
  if (page.skippedSelfReference) {
    document.warnings.push_back(where + " draws a part that contains itself; it was read once");
  }
}

[[noreturn]] void refuseTextless(const Pages& pages) {
  const bool scanned = std::any_of(pages.text.begin(), pages.text.end(),
                                   [](const PageText& page) { return page.hasLargeImage; });
  const bool unmapped = std::any_of(pages.text.begin(), pages.text.end(),
                                    [](const PageText& page) { return page.unmappedGlyphs > 0; });
  if (unmapped && !scanned) {
    throw core::UnsupportedFormatException(
        "the PDF's fonts do not say which letters they draw, so its text cannot be read. We "
        "could not check it; submit the directive as DOCX, or export it to PDF again with the "
        "fonts' text included.");
  }
  if (scanned) {
    throw core::UnsupportedFormatException(
        "the PDF has no text layer on any page: it looks scanned. We could not check it; submit "
        "the directive as a text PDF or DOCX.");
  }
  throw core::UnsupportedFormatException(
      "the PDF has no text on any page: its pages are blank or only drawn. We could not check "
      "it; submit the directive as a text PDF or DOCX.");
}

core::Document readDocument(const pdf::PdfDocument& file, const Limits& limits,
                            const pdf::Deadline& deadline) {
  std::vector<pdf::PageInfo> infos =
      pdf::collectPages(file.objects(), file.catalog(), limits.maxPages);
  if (infos.empty()) {
    throw core::MalformedDocumentException(
        "the PDF is damaged: it has no pages we can find. Open it in a PDF viewer and save it "
        "again (or print it to a new PDF), then submit it again.");
  }
  Pages pages = readPages(file, limits, deadline, infos);
  pdf::markRunningLines(pages.text, pages.lines);
  const float bodySize = bodySizeOf(pages);
  core::Document document;
  document.format = core::Format::Pdf;
  document.pageCount = static_cast<int>(infos.size());
  bool anyText = false;
  for (std::size_t i = 0; i < pages.text.size(); ++i) {
    deadline.check();
    const std::vector<pdf::BlockDraft> drafts = pdf::buildBlocks(pages.text[i], pages.lines[i]);
    pdf::appendBlocks(pages.text[i], pages.lines[i], drafts, bodySize, document.blocks);
    anyText = anyText || readableGlyphs(pages.text[i]) > 0;
    addWarnings(pages.text[i], document);
    // The page is in the document now; its raw glyphs can go.
    pages.lines[i] = PageLines();
    pages.text[i].glyphs = std::vector<pdf::TextGlyph>();
    pages.text[i].text = std::string();
  }
  if (!anyText) refuseTextless(pages);
  pdf::assignListLevels(document.blocks);
  return document;
}

}  // namespace

core::Document readPdf(std::string_view bytes, const Limits& limits) {
  const pdf::Deadline deadline(limits.maxSeconds);
  try {
    const pdf::PdfDocument file(bytes, limits);
    return readDocument(file, limits, deadline);
  } catch (const Poco::Exception&) {
    throw;  // already says what went wrong
  } catch (const PoDoFo::PdfError& error) {
    pdf::rethrowPdfError(error, bytes);
  } catch (const std::bad_alloc&) {
    throw core::LimitExceededException(
        "the PDF needs more memory to read than we allow. Save it again as a simpler PDF (for "
        "example with \"Print to PDF\") or split it, then submit it again.");
  } catch (const std::exception&) {
    // PoDoFo reports some damage with standard exceptions (out of range, length errors).
    throw core::MalformedDocumentException(
        "the PDF is damaged: its structure cannot be read. Open it in a PDF viewer and save it "
        "again (or print it to a new PDF), then submit it again.");
  }
}

}  // namespace mkrp::extract::detail
