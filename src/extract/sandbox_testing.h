// Test seam of the extraction sandbox: the child's side with a reader of the test's choosing, so
// the protocol can be tested without depending on what the real readers accept.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/limits.h"

namespace mkrp::extract {

using ReaderFunction = std::function<core::Document(std::string_view, const Limits&)>;

// runExtractChild, with `read` in place of extractBytes.
int runExtractChildForTest(const std::vector<std::string>& args, const ReaderFunction& read);

}  // namespace mkrp::extract
