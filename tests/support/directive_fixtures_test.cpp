#include <catch2/catch.hpp>

#include "directive_fixtures.h"

using namespace mkrp;

TEST_CASE("fixture loader splits kinds, levels and section labels as the fixture README says",
          "[support]") {
  const core::Document document = testing::loadFixtureDocument(
      testing::fixtureDirectivesDir() + "/02-calder-county-so-go-41-3.txt");
  REQUIRE(document.blocks.size() > 20);
  const core::Block& header = document.blocks[0];
  REQUIRE(header.kind == core::BlockKind::Header);
  REQUIRE(header.text == "CALDER COUNTY SHERIFF'S OFFICE");
  REQUIRE(document.blocks[1].text.rfind("GENERAL ORDER 41.3\nSubject:", 0) == 0);
  const core::Block& heading = document.blocks[2];
  REQUIRE(heading.kind == core::BlockKind::Heading);
  REQUIRE(heading.level == 2);
  REQUIRE(heading.label == "I.");
  REQUIRE(heading.text == "PURPOSE");
  REQUIRE(document.blocks[5].label == "A.");
  REQUIRE(document.blocks[10].kind == core::BlockKind::Footnote);
  REQUIRE(document.blocks[10].label == "(1)");
}

TEST_CASE("fixture loader makes one table cell block per cell and skips separator rows",
          "[support]") {
  const auto submissions = testing::loadFixtureSubmissions(testing::fixtureDirectivesDir());
  bool sawTable = false;
  for (const auto& submission : submissions) {
    for (const auto& file : submission.files) {
      for (const core::Block& block : file.document.blocks) {
        if (block.kind != core::BlockKind::TableCell) continue;
        sawTable = true;
        REQUIRE(block.text.find('|') == std::string::npos);
        REQUIRE(block.text.find("---") == std::string::npos);
      }
    }
  }
  REQUIRE(sawTable);
}

TEST_CASE("every submission has a label for each item of its kind", "[support]") {
  const auto submissions = testing::loadFixtureSubmissions(testing::fixtureDirectivesDir());
  const auto labels = testing::loadFixtureLabels(testing::fixtureDirectivesDir());
  REQUIRE(submissions.size() >= 16);
  for (const auto& submission : submissions) {
    INFO(submission.id);
    const auto found = labels.find(submission.id);
    REQUIRE(found != labels.end());
    const std::size_t expected =
        submission.kind == core::AgencyKind::LawEnforcement ? 69u : 51u + 15u;
    REQUIRE(found->second.size() == expected);
  }
}
