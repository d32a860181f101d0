#include "render/report_json.h"

#include "core/checklist.h"
#include "core/json_writer.h"
#include "core/report.h"

namespace mkrp::render {
namespace {

void appendField(std::string& out, std::string_view name, std::string_view value) {
  out += '"';
  out += name;
  out += "\":";
  core::appendJsonString(out, value);
}

void appendEvidence(std::string& out, const core::EvidenceSpan& span) {
  out += '{';
  // A roster row is no passage of a directive: say so, so nobody looks for it in the text.
  if (span.document < 0) out += "\"document\":-1,\"row\":" + std::to_string(span.block) + ',';
  appendField(out, "file", span.file);
  out += ",\"page\":" + std::to_string(span.page) + ",\"block\":" + std::to_string(span.block) + ',';
  appendField(out, "label", span.label);
  out += ",\"start\":" + std::to_string(span.start) + ",\"end\":" + std::to_string(span.end) + ',';
  appendField(out, "text", span.text);
  out += ',';
  appendField(out, "role", core::toString(span.role));
  out += '}';
}

void appendFinding(std::string& out, const core::Finding& finding, std::string_view title) {
  out += '{';
  appendField(out, "id", finding.itemId);
  out += ',';
  appendField(out, "title", title);
  out += ',';
  appendField(out, "severity", core::toString(finding.severity));
  out += ',';
  appendField(out, "status", core::toString(finding.status));
  out += ",\"confidence\":";
  core::appendJsonNumber(out, finding.confidence);
  out += ',';
  appendField(out, "reason", finding.reason);
  out += ",\"evidence\":[";
  for (std::size_t i = 0; i < finding.evidence.size(); ++i) {
    if (i) out += ',';
    appendEvidence(out, finding.evidence[i]);
  }
  out += "]}";
}

void appendSummary(std::string& out, const core::StatusCounts& counts) {
  out += "{\"met\":" + std::to_string(counts.met) +
         ",\"partial\":" + std::to_string(counts.partial) +
         ",\"missing\":" + std::to_string(counts.missing) +
         ",\"contradicted\":" + std::to_string(counts.contradicted) +
         ",\"not_applicable\":" + std::to_string(counts.notApplicable) +
         ",\"could_not_check\":" + std::to_string(counts.couldNotCheck) + '}';
}

}  // namespace

std::string findingToJson(const core::Finding& finding, std::string_view title) {
  std::string out;
  appendFinding(out, finding, title);
  return out;
}

std::string reportToJson(const core::Report& report, const core::ChecklistSet& checklists) {
  std::string out = "{";
  appendField(out, "kind", core::toString(report.kind));
  out += ",\"checklists\":[";
  for (std::size_t i = 0; i < report.checklists.size(); ++i) {
    if (i) out += ',';
    out += '{';
    appendField(out, "id", report.checklists[i].id);
    out += ',';
    appendField(out, "edition", report.checklists[i].edition);
    out += '}';
  }
  out += "],\"items\":[";
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    if (i) out += ',';
    const core::Item* item = checklists.findItem(report.findings[i].itemId);
    appendFinding(out, report.findings[i], item ? std::string_view(item->title) : "");
  }
  out += "],\"summary\":";
  appendSummary(out, report.summary());
  out += '}';
  return out;
}

}  // namespace mkrp::render
