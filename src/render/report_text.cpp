#include "render/report_text.h"

#include <functional>

#include "core/checklist.h"
#include "core/document.h"
#include "core/report.h"

namespace mkrp::render {
namespace {

using core::Finding;
using core::Severity;
using core::Status;

// One group of the report, in the order a reviewer should read them.
struct Section {
  const char* heading;
  std::function<bool(const Finding&)> includes;
  bool withEvidence;
};

const std::vector<Section>& sections() {
  static const std::vector<Section> kSections{
      {"Contradicted", [](const Finding& f) { return f.status == Status::Contradicted; }, true},
      {"Missing (critical)",
       [](const Finding& f) { return f.status == Status::Missing && f.severity == Severity::Critical; },
       false},
      {"Partial (critical)",
       [](const Finding& f) { return f.status == Status::Partial && f.severity == Severity::Critical; },
       true},
      {"Could not check", [](const Finding& f) { return f.status == Status::CouldNotCheck; }, false},
      {"Missing (recommended)",
       [](const Finding& f) {
         return f.status == Status::Missing && f.severity == Severity::Recommended;
       },
       false},
      {"Partial (recommended)",
       [](const Finding& f) {
         return f.status == Status::Partial && f.severity == Severity::Recommended;
       },
       true},
      {"Met", [](const Finding& f) { return f.status == Status::Met; }, true},
  };
  return kSections;
}

std::string oneLine(std::string_view text, std::size_t limit) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\t') ? ' ' : c;
  if (out.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return out;
}

std::string whereOf(const core::EvidenceSpan& span) {
  std::string where = span.file.empty() ? "document " + std::to_string(span.document + 1) : span.file;
  if (span.page > 0) where += ", page " + std::to_string(span.page);
  if (!span.label.empty()) where += ", " + span.label;
  return where;
}

void appendFinding(std::string& out, const Finding& finding, const core::ChecklistSet& checklists,
                   bool withEvidence) {
  const core::Item* item = checklists.findItem(finding.itemId);
  out += "  " + finding.itemId + "  " + (item ? item->title : std::string()) + '\n';
  if (!finding.reason.empty()) out += "      " + oneLine(finding.reason, 200) + '\n';
  if (!withEvidence) return;
  for (const core::EvidenceSpan& span : finding.evidence) {
    out += "      > " + whereOf(span) + ": \"" + oneLine(span.text, 160) + "\"\n";
  }
}

std::string summaryLine(const core::Report& report) {
  const core::StatusCounts all = report.summary();
  const core::StatusCounts critical = report.summary(Severity::Critical);
  std::string line = std::to_string(all.met) + " met, " + std::to_string(all.partial) +
                     " partial, " + std::to_string(all.missing) + " missing, " +
                     std::to_string(all.contradicted) + " contradicted";
  if (all.couldNotCheck) line += ", " + std::to_string(all.couldNotCheck) + " could not be checked";
  if (all.notApplicable) line += ", " + std::to_string(all.notApplicable) + " not applicable";
  line += ". Critical items: " + std::to_string(critical.met) + " of " +
          std::to_string(critical.total() - critical.notApplicable) + " met.";
  return line;
}

}  // namespace

std::string reportToText(const core::Report& report, const core::ChecklistSet& checklists,
                         const std::vector<core::SubmittedFile>& files) {
  std::string out = "Pre-check for a ";
  out += report.kind == core::AgencyKind::Psap ? "9-1-1 center (PSAP)" : "law-enforcement agency";
  out += '\n';
  for (const core::SubmittedFile& file : files) out += "  file: " + file.name + '\n';
  for (const core::ChecklistEdition& checklist : report.checklists) {
    out += "  checklist: " + checklist.id + " (" + checklist.edition + ")\n";
  }
  out += '\n' + summaryLine(report) + '\n';
  for (const Section& section : sections()) {
    std::string body;
    int count = 0;
    for (const Finding& finding : report.findings) {
      if (!section.includes(finding)) continue;
      appendFinding(body, finding, checklists, section.withEvidence);
      ++count;
    }
    if (count == 0) continue;
    out += '\n' + std::string(section.heading) + " (" + std::to_string(count) + ")\n" + body;
  }
  return out;
}

}  // namespace mkrp::render
