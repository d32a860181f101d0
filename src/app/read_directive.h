// Reading a directive a person named on the command line: the file checks made before reading
// (it exists, it is a file, it is not too large) and the extraction in the sandbox. Shared by
// `mkrp extract` and `mkrp check`.
#pragma once

#include <optional>
#include <string>

#include "core/document.h"
#include "extract/limits.h"
#include "extract/sandbox.h"

namespace mkrp::app {

struct ReadOptions {
  extract::Limits limits;
  extract::SandboxOptions sandbox;
  bool inProcess = false;  // for debugging and measuring: no child, no memory or time limits
};

// The document read from a file, or why it could not be read.
struct ReadResult {
  std::optional<core::Document> document;
  std::string problem;  // one sentence or two for the person, when `document` is empty
};

// Reads the file at `path` and extracts its text. Never throws for a file that cannot be read:
// the reason is in ReadResult::problem.
ReadResult readDirective(const std::string& path, const ReadOptions& options);

}  // namespace mkrp::app
