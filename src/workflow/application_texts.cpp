// The documents' extracted text as the pages show it beside the pre-check.
#include "core/document_json.h"
#include "workflow/applications.h"

namespace mkrp::workflow {

std::vector<core::SubmittedFile> Applications::documentTexts(const Actor& actor, store::Id id) {
  const bool agencyStaff = actor.role == store::Role::Agency;
  const store::Application application =
      agencyStaff ? ownApplication(store_, actor, id) : reviewable(store_, actor, id);
  const int round = agencyStaff ? documentsRound(application) : application.round;
  std::vector<core::SubmittedFile> files;
  for (const store::DocumentRecord& document : store_.documents().listForRound(id, round)) {
    if (document.status != store::DocumentStatus::Checked) continue;
    const std::optional<store::DocumentResults> results = store_.documents().results(document.id);
    if (!results) continue;
    files.push_back({document.filename, core::documentFromJson(results->documentJson)});
  }
  return files;
}

}  // namespace mkrp::workflow
