// A pre-check report as one self-contained HTML page: the documents' text with the evidence
// highlighted, each item linking to its passages and each passage back to its items.
#pragma once

#include <string>
#include <vector>

namespace mkrp::core {
struct Report;
struct ChecklistSet;
struct SubmittedFile;
}  // namespace mkrp::core

namespace mkrp::render {

// The page, from templates/report/report.html.mustache. Passages that meet an item are marked in
// one colour, partial ones in another, contradicting ones in a third; a filter shows items by
// status. Evidence whose offsets fall outside its block is listed with its item but not marked.
// Throws Poco::NotFoundException when the template is not built in.
std::string reportToHtml(const core::Report& report, const core::ChecklistSet& checklists,
                         const std::vector<core::SubmittedFile>& files);

}  // namespace mkrp::render
