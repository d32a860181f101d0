// What the sandbox tests run in their children: behaviours no real reader should have (crash,
// hang, exhaust memory) on demand, so each way a child can fail is proven, not assumed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/limits.h"

namespace mkrp::extract::testing {

// The name (last path component) under which the test executable runs as the fake reader: a
// link to it with this name makes `__extract-child` use fakeRead instead of extractBytes.
constexpr std::string_view kFakeReaderName = "fake-reader";

// What the fake reader does with its input:
//   "crash"  raises SIGSEGV           "sleep"  waits forever       "spin"  burns processor time
//   "oom"    allocates until refused  "flood:N" returns a Document of N MiB of text
//   "junk"   answers with a truncated Document and exits 0
//   "throw:TYPE:MESSAGE" throws core::<TYPE> (unsupported, malformed, limit, encrypted) or,
//   for "std", std::runtime_error; anything else returns sampleDocument(input).
core::Document fakeRead(std::string_view input, const Limits& limits);

// A PDF-like Document using every field of the model, its text taken from `input`.
core::Document sampleDocument(std::string_view input);

// Runs the child mode named by argv[1] ("__fds", "__echo", "__env", "__exit", "__flood",
// "__extract-child") and returns its exit code; returns -1 when argv names no child mode.
int runChildMode(int argc, char** argv);

// Where the fake reader link lives, created on first use in a temporary folder.
std::string fakeReaderPath();

}  // namespace mkrp::extract::testing
