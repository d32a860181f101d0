// The bounds every reader enforces, so that a hostile file gets a clear refusal, not a crash.
#pragma once

#include <cstdint>

namespace mkrp::extract {

// Defaults suit real directives with a wide margin. Exceeding any of them throws
// core::LimitExceededException naming the limit and the value that broke it.
struct Limits {
  std::uint64_t maxFileBytes = 50ull << 20;           // size of the submitted file
  std::uint32_t maxZipEntries = 10'000;               // entries in a DOCX/ODT package
  std::uint64_t maxUncompressedBytes = 200ull << 20;  // all entries of a package, inflated
  std::uint32_t maxCompressionRatio = 100;            // inflated:compressed, per entry
  std::uint32_t maxXmlDepth = 256;                    // element nesting in one XML part
  std::uint32_t maxPages = 2000;                      // pages of a PDF
  std::uint32_t maxPdfObjects = 2'000'000;            // indirect objects of a PDF
  std::uint64_t maxContentStreamBytes = 64ull << 20;  // decoded content of one PDF page
  std::uint32_t maxNestingDepth = 64;                 // form XObjects, tables inside tables
  double maxSeconds = 120;                            // reading time, checked between pages/parts
};

}  // namespace mkrp::extract
