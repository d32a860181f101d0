// A pre-check report as JSON: the contract of `mkrp check --format json` and of the API.
#pragma once

#include <string>
#include <string_view>

namespace mkrp::core {
struct Finding;
struct Report;
struct ChecklistSet;
}  // namespace mkrp::core

namespace mkrp::render {

// {"kind":"le","checklists":[{"id","edition"}],"items":[{"id","title","severity","status",
//  "confidence","reason","evidence":[{"file","page","block","label","start","end","text","role"}]}],
//  "summary":{"met":N,"partial":N,"missing":N,"contradicted":N,"not_applicable":N,
//  "could_not_check":N}}
// Titles come from `checklists`; an item it does not know gets an empty title. Evidence that is a
// row of a training roster (EvidenceSpan::document -1) also carries "document":-1 and "row".
std::string reportToJson(const core::Report& report, const core::ChecklistSet& checklists);

// One element of that "items" array, for a finding titled `title`.
std::string findingToJson(const core::Finding& finding, std::string_view title);

}  // namespace mkrp::render
