// Internal: the pre-check as the pages show it: the checklist items with their plain-language
// status, reason and highlighted passages, and (for reviewers) the documents' text with every
// passage marked so an item can link to it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "store/records.h"
#include "web/pages_view.h"
#include "workflow/rules.h"

namespace mkrp::web::detail {

// What the reviewer and the previous round add to each item.
struct ItemNotes {
  std::map<std::string, store::ItemDecision> decisions;  // by item id
  std::map<std::string, workflow::ItemChange> changes;   // by item id
};

// The pre-check `reportJson` (render::reportToJson) over `files` (the documents it was made from,
// in order), as template data: "items" (list), "summary" (list of {status,label,count}) and
// "documents" (list of {name, body}: the text as HTML with anchors "ev-N" at each passage) and
// "deficientItems" (list of {id, title, comment}: the items a reviewer marked deficient).
// Each item carries {id, title, severity, status, statusLabel, reason, passages[{where, context,
// anchor, role}], and from `notes` decision/comment/changed}. A passage whose document or block
// is not among `files` is listed with its quoted text only. Throws Poco::JSON::JSONException or
// Poco::SyntaxException when the JSON is not such a report.
// In what order the items are listed: as the checklists have them (reviewers work through the
// checklist), or what needs attention first (agency staff fix those first).
enum class ItemOrder { Checklist, AttentionFirst };

mustache::data precheckData(const std::string& reportJson,
                            const std::vector<core::SubmittedFile>& files, const ItemNotes& notes,
                            ItemOrder order = ItemOrder::Checklist);

// Item id -> title, from the same report JSON. Throws as precheckData does.
std::map<std::string, std::string> itemTitles(const std::string& reportJson);

}  // namespace mkrp::web::detail
