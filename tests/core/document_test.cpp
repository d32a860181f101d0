#include <catch2/catch.hpp>

#include "core/document.h"
#include "core/errors.h"

using namespace mkrp::core;

TEST_CASE("plain text puts each block's label in front and a blank line between blocks",
          "[core]") {
  Document document;
  document.blocks.push_back(Block{BlockKind::Heading, 1, "IV.", "Procedures", {}, {}});
  document.blocks.push_back(Block{BlockKind::ListItem, 0, "4.2.1", "Officers shall respond.", {}, {}});
  document.blocks.push_back(Block{BlockKind::Paragraph, 0, "", "No label here.", {}, {}});
  REQUIRE(plainText(document) ==
          "IV. Procedures\n\n4.2.1 Officers shall respond.\n\nNo label here.\n");
}

TEST_CASE("plain text of a document without blocks is empty", "[core]") {
  REQUIRE(plainText(Document{}).empty());
}

TEST_CASE("block kind names round-trip and unknown names are refused", "[core]") {
  for (BlockKind kind : {BlockKind::Heading, BlockKind::Paragraph, BlockKind::ListItem,
                         BlockKind::TableCell, BlockKind::Header, BlockKind::Footer,
                         BlockKind::Footnote}) {
    REQUIRE(blockKindFromString(toString(kind)) == kind);
  }
  REQUIRE(toString(BlockKind::ListItem) == "list_item");
  REQUIRE_THROWS_AS(blockKindFromString("sidebar"), MalformedDocumentException);
  REQUIRE_THROWS_WITH(blockKindFromString("sidebar"), Catch::Contains("unknown block kind"));
}
