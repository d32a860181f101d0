#include "render/report_html.h"

#include <Poco/Exception.h>

#include <kainjow/mustache.hpp>
#include <map>

#include "core/checklist.h"
#include "core/document.h"
#include "core/report.h"
#include "render/highlight.h"
#include "render/html_escape.h"
#include "render/templates.h"

namespace mkrp::render {
namespace {

namespace mustache = kainjow::mustache;

// Highlights keyed by (document, block).
using HighlightMap = std::map<std::pair<int, int>, std::vector<Highlight>>;

std::string statusLabel(core::Status status) {
  switch (status) {
    case core::Status::Met: return "Met";
    case core::Status::Partial: return "Partial";
    case core::Status::Missing: return "Missing";
    case core::Status::Contradicted: return "Contradicted";
    case core::Status::NotApplicable: return "Not applicable";
    case core::Status::CouldNotCheck: return "Could not check";
  }
  return "";
}

bool evidenceIsInDocuments(const core::EvidenceSpan& span,
                           const std::vector<core::SubmittedFile>& files) {
  if (span.document < 0 || span.document >= static_cast<int>(files.size())) return false;
  const auto& blocks = files[static_cast<std::size_t>(span.document)].document.blocks;
  return span.block >= 0 && span.block < static_cast<int>(blocks.size());
}

std::string whereOf(const core::EvidenceSpan& span) {
  std::string where = span.file;
  if (span.page > 0) where += (where.empty() ? "" : ", ") + std::string("page ") + std::to_string(span.page);
  if (!span.label.empty()) where += (where.empty() ? "" : ", ") + span.label;
  return where;
}

mustache::data itemData(const core::Finding& finding, const core::ChecklistSet& checklists,
                        const std::vector<core::SubmittedFile>& files, HighlightMap& highlights,
                        int& nextAnchor) {
  const core::Item* item = checklists.findItem(finding.itemId);
  mustache::data data;
  data.set("id", finding.itemId);
  data.set("title", item ? item->title : std::string());
  data.set("requirement", item ? item->requirement : std::string());
  data.set("severity", std::string(core::toString(finding.severity)));
  data.set("status", std::string(core::toString(finding.status)));
  data.set("statusLabel", statusLabel(finding.status));
  data.set("reason", finding.reason);
  mustache::data evidence{mustache::data::type::list};
  for (const core::EvidenceSpan& span : finding.evidence) {
    mustache::data passage;
    passage.set("where", whereOf(span));
    passage.set("text", span.text);
    passage.set("role", std::string(core::toString(span.role)));
    if (evidenceIsInDocuments(span, files)) {
      const std::string anchor = "ev-" + std::to_string(nextAnchor++);
      passage.set("anchor", anchor);
      highlights[{span.document, span.block}].push_back(
          Highlight{span.start, span.end, std::string(core::toString(span.role)), finding.itemId,
                    anchor});
    }
    evidence.push_back(passage);
  }
  data.set("evidence", evidence);
  data.set("hasEvidence", !finding.evidence.empty());
  return data;
}

std::string blockHtml(const core::Block& block, int documentIndex, int blockIndex,
                      HighlightMap& highlights) {
  std::string html = "<p class=\"block " + std::string(core::toString(block.kind)) + "\" id=\"d" +
                     std::to_string(documentIndex) + "-b" + std::to_string(blockIndex) + "\">";
  if (!block.label.empty()) {
    html += "<span class=\"label\">";
    appendEscaped(html, block.label);
    html += "</span> ";
  }
  const auto found = highlights.find({documentIndex, blockIndex});
  if (found == highlights.end()) {
    appendEscaped(html, block.text);
  } else {
    html += highlightBlock(block.text, found->second);
  }
  html += "</p>\n";
  return html;
}

std::string documentHtml(const core::Document& document, int documentIndex,
                         HighlightMap& highlights) {
  std::string html;
  int page = 0;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const core::Block& block = document.blocks[i];
    if (block.source.page > page) {
      page = block.source.page;
      html += "<div class=\"page\">Page " + std::to_string(page) + "</div>\n";
    }
    html += blockHtml(block, documentIndex, static_cast<int>(i), highlights);
  }
  return html;
}

mustache::data summaryData(const core::Report& report) {
  const core::StatusCounts counts = report.summary();
  mustache::data list{mustache::data::type::list};
  for (core::Status status : {core::Status::Contradicted, core::Status::Missing,
                              core::Status::Partial, core::Status::CouldNotCheck,
                              core::Status::Met, core::Status::NotApplicable}) {
    mustache::data entry;
    entry.set("status", std::string(core::toString(status)));
    entry.set("label", statusLabel(status));
    entry.set("count", std::to_string(counts.of(status)));
    list.push_back(entry);
  }
  return list;
}

}  // namespace

std::string reportToHtml(const core::Report& report, const core::ChecklistSet& checklists,
                         const std::vector<core::SubmittedFile>& files) {
  HighlightMap highlights;
  int nextAnchor = 0;
  mustache::data items{mustache::data::type::list};
  for (const core::Finding& finding : report.findings) {
    items.push_back(itemData(finding, checklists, files, highlights, nextAnchor));
  }
  mustache::data documents{mustache::data::type::list};
  for (std::size_t i = 0; i < files.size(); ++i) {
    mustache::data document;
    document.set("name", files[i].name);
    document.set("body", documentHtml(files[i].document, static_cast<int>(i), highlights));
    document.set("hasWarnings", !files[i].document.warnings.empty());
    mustache::data warnings{mustache::data::type::list};
    for (const std::string& warning : files[i].document.warnings) warnings.push_back(warning);
    document.set("warnings", warnings);
    documents.push_back(document);
  }
  mustache::data checklistList{mustache::data::type::list};
  for (const core::ChecklistEdition& edition : report.checklists) {
    mustache::data entry;
    entry.set("id", edition.id);
    entry.set("edition", edition.edition);
    checklistList.push_back(entry);
  }

  mustache::data page;
  page.set("kindLabel", report.kind == core::AgencyKind::Psap ? std::string("9-1-1 center (PSAP)")
                                                             : std::string("law-enforcement agency"));
  page.set("checklists", checklistList);
  page.set("summary", summaryData(report));
  page.set("items", items);
  page.set("documents", documents);
  page.set("style", std::string(templateText("report/report.css")));
  page.set("script", std::string(templateText("report/report.js")));

  mustache::mustache view{std::string(templateText("report/report.html.mustache"))};
  if (!view.is_valid()) {
    throw Poco::DataFormatException("the report template is broken: " + view.error_message());
  }
  return view.render(page);
}

}  // namespace mkrp::render
