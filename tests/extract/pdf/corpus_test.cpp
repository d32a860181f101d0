// Every PDF of the shared corpus reads to text or to a clear refusal; none crashes or hangs.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/document.h"
#include "core/errors.h"
#include "extract/readers.h"

using namespace mkrp;

namespace {

#ifdef MKRP_SANITIZED
// The sanitizers make reading several times slower: files larger than this (none today) are
// left to the plain build, to keep the run short.
constexpr std::uintmax_t kMaxBytes = 4 << 20;
#else
constexpr std::uintmax_t kMaxBytes = 64 << 20;
#endif

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// True when every box points into its block's text and onto a page of the document.
bool boxesFit(const core::Document& document) {
  for (const core::Block& block : document.blocks) {
    for (const core::GlyphBox& box : block.glyphs) {
      if (box.start >= box.end || box.end > block.text.size() || box.page < 1 ||
          box.page > document.pageCount) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE("pdf reads every corpus file to text or a clear refusal", "[extract][pdf][corpus]") {
  const std::filesystem::path dir = std::filesystem::path(MKRP_CORPUS_DIR) / "pdf";
  if (!std::filesystem::is_directory(dir)) {
    WARN("no corpus at " << dir.string() << "; skipped");
    return;
  }
  int read = 0, refused = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".pdf" || entry.file_size() > kMaxBytes) continue;
    INFO(entry.path().filename().string());
    const std::string bytes = slurp(entry.path());
    const auto start = std::chrono::steady_clock::now();
    try {
      const core::Document document = extract::detail::readPdf(bytes, {});
      CHECK(boxesFit(document));
      ++read;
    } catch (const core::UnsupportedFormatException& error) {
      CHECK_FALSE(error.message().empty());
      ++refused;
    } catch (const core::MalformedDocumentException& error) {
      CHECK_FALSE(error.message().empty());
      ++refused;
    } catch (const core::EncryptedDocumentException& error) {
      CHECK_FALSE(error.message().empty());
      ++refused;
    } catch (const core::LimitExceededException& error) {
      CHECK_FALSE(error.message().empty());
      ++refused;
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
  }
  CHECK(read > 0);
  WARN("corpus: " << read << " read, " << refused << " refused");
}
