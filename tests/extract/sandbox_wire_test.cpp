#include "extract/sandbox_wire.h"

#include <Poco/Exception.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "sandbox_fakes.h"

using namespace mkrp;
namespace wire = extract::detail;

TEST_CASE("a document crosses the sandbox wire exactly", "[extract][sandbox]") {
  const core::Document document = extract::testing::sampleDocument("text, “quoted” — 0.1 + 0.2");
  REQUIRE(wire::decodeDocument(wire::encodeDocument(document, true)) == document);
}

TEST_CASE("a document crosses the sandbox wire without glyphs when asked", "[extract][sandbox]") {
  core::Document document = extract::testing::sampleDocument("text");
  const core::Document decoded = wire::decodeDocument(wire::encodeDocument(document, false));
  for (core::Block& block : document.blocks) block.glyphs.clear();
  REQUIRE(decoded == document);
}

TEST_CASE("every truncation of a sandbox answer is refused", "[extract][sandbox]") {
  const std::string bytes =
      wire::encodeDocument(extract::testing::sampleDocument("truncate me"), true);
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO("size " << size);
    REQUIRE_THROWS_AS(wire::decodeDocument(std::string_view(bytes).substr(0, size)),
                      Poco::DataFormatException);
  }
  REQUIRE_THROWS_WITH(wire::decodeDocument(bytes + "x"), "sandbox answer: bytes after the end");
}

TEST_CASE("a sandbox answer with an impossible count is refused before allocating",
          "[extract][sandbox]") {
  std::string bytes = "MKRPDOC1";
  const std::uint32_t fields[] = {2, 1, 0xFFFFFFFF};  // format, pages, blocks
  bytes.append(reinterpret_cast<const char*>(fields), sizeof fields);
  REQUIRE_THROWS_WITH(wire::decodeDocument(bytes), Catch::Contains("count beyond the end"));
}

TEST_CASE("a sandbox answer of one kind is not read as the other", "[extract][sandbox]") {
  const std::string refusal = wire::encodeRefusal({"limit", "too many pages"});
  REQUIRE(wire::decodeRefusal(refusal).type == "limit");
  REQUIRE(wire::decodeRefusal(refusal).message == "too many pages");
  REQUIRE_THROWS_WITH(wire::decodeDocument(refusal), Catch::Contains("unexpected start"));
  REQUIRE_THROWS_AS(
      wire::decodeRefusal(wire::encodeDocument(extract::testing::sampleDocument(""), false)),
      Poco::DataFormatException);
}
