// The original PDF of a submitted directive with the pre-check's evidence marked on it as
// highlight annotations, so a reviewer can read the passages in the agency's own layout (and in
// any PDF viewer, with the item and the reason in each annotation's note).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/report.h"

namespace mkrp::render {

// One passage to mark: the lines it covers on one page.
struct PdfHighlight {
  int page = 1;                  // 1-based
  std::vector<core::Box> lines;  // in displayed-page coordinates, as core::GlyphBox has them
  core::EvidenceRole role = core::EvidenceRole::Meets;  // decides the colour
  std::string title;  // shown as the annotation's author line, e.g. "LE-05 · met"
  std::string note;   // the annotation's text: the item's title and the pre-check's reason
};

// The highlights for the evidence of `report` that lies in `document`, the submission's
// document number `documentIndex` (core::EvidenceSpan::document). A passage spread over several
// pages gives one highlight per page; the character boxes of one line are merged into one box.
// Passages without character boxes (DOCX, ODT) give none. `itemTitles` may be empty; when it
// has an entry for an item the note starts with it.
std::vector<PdfHighlight> highlightsFor(const core::Document& document, int documentIndex,
                                        const core::Report& report,
                                        const core::ChecklistSet* checklists = nullptr);

// `original` (the PDF bytes as submitted) with one highlight annotation per entry of
// `highlights`, mapped back from displayed-page coordinates through each page's crop box,
// /Rotate and /UserUnit. Entries naming a page the file does not have are skipped.
// Throws core::MalformedDocumentException when PoDoFo cannot read or write the file.
// Parses an untrusted file: call it in a sandboxed child process (workflow/pdf_annotator.h).
std::string annotatePdf(std::string_view original, const std::vector<PdfHighlight>& highlights);

}  // namespace mkrp::render
