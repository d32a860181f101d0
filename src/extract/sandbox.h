// Reading an untrusted file in a child process, so that a reader that crashes, hangs or runs out
// of memory on a hostile file costs the caller one clear error, never its own life.
//
// The child is a program of ours (by default the running executable itself) started with
// kExtractChildCommand; its main hands that command to runExtractChild. The file travels on the
// child's standard input and the Document comes back on its standard output (sandbox_wire.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/limits.h"
#include "extract/sandbox_process.h"

namespace Poco {
class Logger;
}

namespace mkrp::extract {

// The hidden subcommand (argv[1]) on which an executable must call runExtractChild.
constexpr std::string_view kExtractChildCommand = "__extract-child";

// Where and how extractInSandbox runs its child.
struct SandboxOptions {
  // A program whose main passes kExtractChildCommand on to runExtractChild. The default is the
  // running executable, so every binary that calls extractInSandbox must do that.
  std::string executable = "/proc/self/exe";
  SandboxLimits limits;            // memory, processor time, elapsed time, output size of the child
  bool withPositions = true;       // bring back the glyph boxes of PDF text, too
  Poco::Logger* logger = nullptr;  // when set, gets why a child failed, with its standard error
};

// Reads a DOCX, ODT or PDF file, given as its bytes, in a child process with `options.limits`.
// Returns what extractBytes(bytes, limits) would (without glyph boxes unless
// options.withPositions). Throws what extractBytes throws, with the same message, and
// core::ExtractionFailedException when the child crashed, ran out of time or memory, or wrote
// too much; that message says what happened and what the person can do.
// Throws Poco::SystemException when no child can be started. Thread-safe.
core::Document extractInSandbox(std::string_view bytes, const Limits& limits = {},
                                const SandboxOptions& options = {});

// The child's side: `args` are the arguments after kExtractChildCommand. Reads the file from
// standard input, writes the Document or the reason it was refused to standard output, and
// returns the exit code for main to return. Call it from main only, in the child process.
int runExtractChild(const std::vector<std::string>& args);

}  // namespace mkrp::extract
