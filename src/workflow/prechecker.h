// The checklists and the compiled pre-check, loaded once and shared by the job worker and the
// application views.
#pragma once

#include <string>
#include <vector>

#include "check/precheck.h"
#include "core/checklist.h"
#include "core/document.h"
#include "store/records.h"

namespace mkrp::workflow {

// Immutable after construction; every method may be called from several threads at once.
class Prechecker {
 public:
  // Compiles `checklists`, which must have loaded without problems.
  explicit Prechecker(core::ChecklistSet checklists);

  // The pre-check of `files` (read together) for an agency of `kind`, as the JSON of
  // render::reportToJson: the same object `mkrp check --format json` prints.
  std::string runJson(store::AgencyKind kind, const std::vector<core::SubmittedFile>& files) const;
  // The same pre-check as a Report (with each passage's document index and character range).
  core::Report run(store::AgencyKind kind, const std::vector<core::SubmittedFile>& files) const;

  const core::ChecklistSet& checklists() const { return checklists_; }

 private:
  core::ChecklistSet checklists_;
  check::Precheck precheck_;
};

// The checklist's spelling of an agency kind.
core::AgencyKind toCoreKind(store::AgencyKind kind);

}  // namespace mkrp::workflow
