// Internal: the small pure rules the use cases apply, kept apart so each can be tested alone.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "store/records.h"

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

// Item id -> status of a pre-check report in render::reportToJson form.
// Throws Poco::JSON::JSONException (or Poco::SyntaxException) when it is not such JSON.
std::map<std::string, std::string> itemStatuses(const std::string& reportJson);

// `at` plus `years` calendar years; 29 February becomes 28 February in a year that has none.
store::TimePoint addYears(store::TimePoint at, int years);

}  // namespace mkrp::workflow::detail
