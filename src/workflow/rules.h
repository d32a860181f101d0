// Internal: the small pure rules the use cases apply, kept apart so each can be tested alone.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"

namespace mkrp::workflow {

// How one item's pre-check differs between two rounds of an application.
struct ItemChange {
  std::string itemId;
  std::string previousStatus;  // empty when the item was not in the previous report
  std::string status;          // empty when it is not in the current one
  bool evidenceChanged = false;
};

}  // namespace mkrp::workflow

namespace mkrp::workflow::detail {

// The name a file is shown under: the last path component of what the browser sent, without
// control characters, trimmed, at most 255 bytes (cut at a character boundary); "document" when
// nothing is left. Never used as a path.
std::string displayFilename(std::string_view submitted);

// The format of an uploaded file, decided from its bytes: "pdf", "docx" or "odt".
// Throws core::UnsupportedFormatException naming what the file looks like instead.
std::string uploadFormat(std::string_view bytes);

// The pre-check's status when a reviewer's decision goes against it ("missing" for an accepted
// item the pre-check found missing); empty when the decision agrees with it.
std::string overriddenStatus(store::Decision decision, std::string_view precheckStatus);

// What a pre-check report says about one item, reduced to what a change between rounds is
// judged by.
struct ItemOutcome {
  std::string status;
  std::string evidence;  // the passages' texts, one per line, in report order
  bool operator==(const ItemOutcome&) const = default;
};

// Item id -> outcome, from a pre-check report in render::reportToJson form.
// Throws Poco::JSON::JSONException (or Poco::SyntaxException) when it is not such JSON.
std::map<std::string, ItemOutcome> itemOutcomes(const std::string& reportJson);

// The items whose status or evidence differ between `previous` and `current`, by item id.
std::vector<ItemChange> changedItems(const std::map<std::string, ItemOutcome>& previous,
                                     const std::map<std::string, ItemOutcome>& current);

// `at` plus `years` calendar years; 29 February becomes 28 February in a year that has none.
store::TimePoint addYears(store::TimePoint at, int years);

}  // namespace mkrp::workflow::detail
