// The pre-check: every checklist item of a submission's agency kind, decided from the text of
// the submission's documents, with the reason in words and the passages it rests on.
// Pure: the same checklists and documents always give the same Report; no I/O, no logging.
// The meaning of every rule element is docs/checklist-format.md; the statuses and the conventions
// reviewers apply are reference/statuses.md.
#pragma once

#include <memory>
#include <vector>

#include "core/checklist.h"
#include "core/document.h"
#include "core/report.h"

namespace mkrp::check {

namespace engine {
class Program;
}

// The checklists compiled once: every phrase of every item and concept in one matcher over the
// normalized token stream, and every rule resolved to it. Reuse one Precheck for many
// submissions; run() is const and may be called from several threads at once.
class Precheck {
 public:
  // Compiles `checklists`, which must have loaded without problems (check::readChecklists).
  // Keeps no reference to `checklists`. Throws std::bad_alloc only.
  explicit Precheck(const core::ChecklistSet& checklists);
  ~Precheck();
  Precheck(Precheck&&) noexcept;
  Precheck& operator=(Precheck&&) noexcept;

  // One finding per item of every checklist, in checklist order, for a submission of `kind`
  // made of `files` (one or more documents read together: an item met in any of them is met).
  // Items that do not apply to `kind` are not_applicable. A document with no text, or pages the
  // reader reported as unreadable, give could_not_check where the item would be missing.
  // Thread-safe.
  core::Report run(core::AgencyKind kind, const std::vector<core::SubmittedFile>& files) const;

  // One report per entry of `kinds`, in that order, for the same `files`: report i equals
  // run(kinds[i], files). Each document is read and indexed once and each rule evaluated at most
  // once over it, so checking every checklist (both agency kinds) costs one reading, not one per
  // kind. Thread-safe.
  std::vector<core::Report> runEach(const std::vector<core::AgencyKind>& kinds,
                                    const std::vector<core::SubmittedFile>& files) const;

 private:
  std::unique_ptr<engine::Program> program_;
};

// Precheck(checklists).run(kind, files), for a single use.
core::Report precheck(const core::ChecklistSet& checklists, core::AgencyKind kind,
                      const std::vector<core::SubmittedFile>& files);

}  // namespace mkrp::check
