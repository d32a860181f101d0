#include "workflow/prechecker.h"

#include "render/report_json.h"

namespace mkrp::workflow {

core::AgencyKind toCoreKind(store::AgencyKind kind) {
  return kind == store::AgencyKind::Psap ? core::AgencyKind::Psap
                                         : core::AgencyKind::LawEnforcement;
}

Prechecker::Prechecker(core::ChecklistSet checklists)
    : checklists_(std::move(checklists)), precheck_(checklists_) {}

std::string Prechecker::runJson(store::AgencyKind kind,
                                const std::vector<core::SubmittedFile>& files) const {
  return render::reportToJson(run(kind, files), checklists_);
}

core::Report Prechecker::run(store::AgencyKind kind,
                             const std::vector<core::SubmittedFile>& files) const {
  return precheck_.run(toCoreKind(kind), files);
}

}  // namespace mkrp::workflow
