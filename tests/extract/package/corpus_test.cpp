// Every DOCX of the shared corpus gives blocks or a clear refusal, never a crash.
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "core/errors.h"
#include "package_builder.h"

using namespace mkrp;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> corpusFiles(const std::string& directory, const std::string& extension) {
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(directory), end; it != end; ++it) {
    const std::string name = it.name();
    if (name.size() > extension.size() &&
        name.compare(name.size() - extension.size(), extension.size(), extension) == 0) {
      files.push_back(it.path().toString());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every corpus DOCX gives blocks or a clear refusal", "[extract][package][corpus]") {
  const std::string directory = std::string(MKRP_CORPUS_DIR) + "/docx";
  if (!Poco::File(directory).exists()) {
    WARN("corpus not found at " << directory << "; skipped");
    return;
  }
  int read = 0;
  int refused = 0;
  for (const std::string& file : corpusFiles(directory, ".docx")) {
    INFO(file);
    const std::string bytes = slurp(file);
    if (bytes.rfind("PK", 0) != 0) continue;  // OLE files (password-protected) are not packages
    try {
      const core::Document document = test::read(bytes);
      REQUIRE(document.format == core::Format::Docx);
      for (const core::Block& block : document.blocks) REQUIRE(!block.text.empty());
      ++read;
    } catch (const core::MalformedDocumentException& error) {
      REQUIRE(!error.message().empty());
      ++refused;
    } catch (const core::UnsupportedFormatException& error) {
      REQUIRE(!error.message().empty());
      ++refused;
    }
  }
  REQUIRE(read > 0);
  WARN(read << " corpus files read, " << refused << " refused");
}
