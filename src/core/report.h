// The answer of a pre-check: one finding per checklist item, each with its status, the reason in
// words and the passages it rests on. Pure data; the check engine fills it, render shows it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/checklist.h"

namespace mkrp::core {

// What the pre-check says about one item (reference/statuses.md).
enum class Status {
  Met,            // present at the required strength
  Partial,        // present but weaker than required (hedged, no deadline, narrower, incomplete)
  Missing,        // nothing in the submission addresses it
  Contradicted,   // the text affirmatively conflicts with it
  NotApplicable,  // the item does not apply to this agency kind or document role
  CouldNotCheck,  // the text needed could not be read (e.g. a scanned page)
};

// Stable names used in JSON, text and storage: "met", "partial", "missing", "contradicted",
// "not_applicable", "could_not_check".
std::string_view toString(Status status);
// Inverse of toString. Throws Poco::DataFormatException for an unknown name.
Status statusFromString(std::string_view name);

// Which way a passage points.
enum class EvidenceRole { Meets, Partial, Contradicts };

// "meets", "partial", "contradicts".
std::string_view toString(EvidenceRole role);
// Inverse of toString. Throws Poco::DataFormatException for an unknown name.
EvidenceRole evidenceRoleFromString(std::string_view name);

// One passage a finding rests on: bytes [start, end) of the text of one block of one document.
struct EvidenceSpan {
  int document = 0;         // index of the document within the submission
  std::string file;         // that document's file name as submitted; may be empty
  int block = 0;            // index into Document::blocks
  std::uint32_t start = 0;  // byte offsets into Block::text
  std::uint32_t end = 0;
  std::string label;  // the section label of the block ("4.2.1"); may be empty
  int page = 0;       // PDF: 1-based page of the passage; 0 for DOCX/ODT
  std::string text;   // the passage as written
  EvidenceRole role = EvidenceRole::Meets;
  bool operator==(const EvidenceSpan&) const = default;
};

// The pre-check's answer for one item.
struct Finding {
  std::string itemId;
  Severity severity = Severity::Critical;  // copied from the item
  Status status = Status::Missing;
  double confidence = 0;  // 0 .. 1: how sure the pre-check is of `status`
  std::string reason;     // why, in words a reviewer reads at a glance
  std::vector<EvidenceSpan> evidence;
  bool operator==(const Finding&) const = default;
};

// Which edition of which checklist a report was made against.
struct ChecklistEdition {
  std::string id;
  std::string edition;
  bool operator==(const ChecklistEdition&) const = default;
};

// How many findings carry each status.
struct StatusCounts {
  int met = 0;
  int partial = 0;
  int missing = 0;
  int contradicted = 0;
  int notApplicable = 0;
  int couldNotCheck = 0;

  // The count for one status.
  int of(Status status) const;
  // All findings counted.
  int total() const;
  bool operator==(const StatusCounts&) const = default;
};

// Counts the findings by status; with `only`, counts only findings of that severity.
StatusCounts countStatuses(const std::vector<Finding>& findings,
                           std::optional<Severity> only = std::nullopt);

// The pre-check of one submission for one agency kind.
struct Report {
  AgencyKind kind = AgencyKind::LawEnforcement;
  std::vector<ChecklistEdition> checklists;
  std::vector<Finding> findings;  // in checklist order

  // The finding for this item, or nullptr.
  const Finding* findFinding(std::string_view itemId) const;
  // Counts of the findings by status (see countStatuses).
  StatusCounts summary(std::optional<Severity> only = std::nullopt) const;
  bool operator==(const Report&) const = default;
};

}  // namespace mkrp::core
