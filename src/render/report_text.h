// A pre-check report for a person at a terminal: what needs attention first.
#pragma once

#include <string>
#include <vector>

namespace mkrp::core {
struct Report;
struct ChecklistSet;
struct SubmittedFile;
}  // namespace mkrp::core

namespace mkrp::render {

// The report as plain text: a summary line, then contradictions, critical gaps, partial critical
// items, items that could not be checked, recommended gaps, and last the items that are met, each
// with its reason and where its evidence is. `files` names the submission's documents.
std::string reportToText(const core::Report& report, const core::ChecklistSet& checklists,
                         const std::vector<core::SubmittedFile>& files);

}  // namespace mkrp::render
