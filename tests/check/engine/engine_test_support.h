// Small checklists and documents built in code for the engine's tests.
#pragma once

#include <string>
#include <vector>

#include "core/checklist.h"
#include "core/document.h"
#include "core/report.h"

namespace mkrp::check::testing {

// Matchers, written the way the XML reads.
core::Matcher phrase(std::string text, bool exactCase = false);
core::Matcher conceptRef(std::string id);
core::Matcher anyOf(std::vector<core::Matcher> options);
core::Matcher allWithin(std::string scope, std::vector<core::Matcher> parts,
                        std::vector<core::Matcher> without = {});
core::Matcher negated(std::vector<core::Matcher> options);
core::Matcher affirmed(std::vector<core::Matcher> options);
core::Matcher durationAtMost(double amount, core::TimeUnit unit);
core::Matcher durationOver(double amount, core::TimeUnit unit);
core::Matcher ageBound(std::optional<int> covers, std::optional<int> stopsBelow);
core::Matcher completeList(std::string scope, std::string name, int partialFrom,
                           std::vector<std::pair<std::string, core::Matcher>> members);

core::Pattern pattern(std::string reason, std::vector<core::Matcher> options,
                      core::Hedging hedging = core::Hedging::Weakens);

// An item with text rules.
core::Item evidenceItem(std::string id, std::vector<core::Pattern> meets,
                        std::vector<core::Pattern> partial = {},
                        std::vector<core::Pattern> contradicts = {});

// A set with one checklist for `kind` holding `items`, the concept `hedge` ("should", "may",
// "if available", "as appropriate"; except "may be at risk") and `extra` concepts.
core::ChecklistSet checklistSet(std::vector<core::Item> items,
                                core::AgencyKind kind = core::AgencyKind::LawEnforcement,
                                std::vector<core::Concept> extra = {});
core::Concept makeConcept(std::string id, std::vector<std::string> phrases, std::string label = {});

// A document made of blocks; "# text" is a level-1 heading, "## text" level 2, "- text" a list
// item, "[header] text" a running header, "[footnote] text" a footnote, "| text" a table cell,
// "N.N text" keeps the label ("4.2", "1.", "(a)"); anything else is a paragraph.
core::Document document(const std::vector<std::string>& blocks);
core::SubmittedFile file(std::string name, const std::vector<std::string>& blocks);

// The finding for `item` after checking `blocks` (one document) against `set`.
core::Finding checkOne(const core::ChecklistSet& set, const std::string& item,
                       const std::vector<std::string>& blocks,
                       core::AgencyKind kind = core::AgencyKind::LawEnforcement);

}  // namespace mkrp::check::testing
