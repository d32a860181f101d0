#include <catch2/catch.hpp>

#include "render/highlight.h"

using mkrp::render::Highlight;
using mkrp::render::highlightBlock;

TEST_CASE("a passage is marked with its role and links to its item", "[render]") {
  const std::string html =
      highlightBlock("Enter the child into NCIC now.", {Highlight{10, 19, "meets", "LE-07", "ev-0"}});
  REQUIRE(html ==
          "Enter the <span class=\"anchor\" id=\"ev-0\"></span><a class=\"hl meets\" "
          "href=\"#item-LE-07\" title=\"LE-07\">child int</a>o NCIC now.");
}

TEST_CASE("text outside and inside marks is escaped", "[render]") {
  const std::string html = highlightBlock("a<b & \"c\"", {Highlight{2, 3, "meets", "X-1", ""}});
  REQUIRE(html == "a&lt;<a class=\"hl meets\" href=\"#item-X-1\" title=\"X-1\">b</a> &amp; &quot;c&quot;");
}

TEST_CASE("overlapping passages take the strongest role and list every item", "[render]") {
  const std::string html = highlightBlock(
      "wait 24 hours", {Highlight{0, 13, "meets", "LE-05", ""}, Highlight{5, 13, "contradicts", "LE-06", ""}});
  REQUIRE(html ==
          "<a class=\"hl meets\" href=\"#item-LE-05\" title=\"LE-05\">wait </a>"
          "<a class=\"hl contradicts\" href=\"#item-LE-06\" title=\"LE-05 LE-06\">24 hours</a>");
}

TEST_CASE("offsets past the text or inside a UTF-8 character are pulled back", "[render]") {
  // "é" is two bytes; an end inside it moves back to its start.
  const std::string html = highlightBlock("caf\xC3\xA9 au lait", {Highlight{0, 4, "partial", "A", ""},
                                                                  Highlight{9, 400, "meets", "B", ""}});
  REQUIRE(html ==
          "<a class=\"hl partial\" href=\"#item-A\" title=\"A\">caf</a>\xC3\xA9 au "
          "<a class=\"hl meets\" href=\"#item-B\" title=\"B\">lait</a>");
}
