#include "check/text/clause.h"

#include <catch2/catch.hpp>

#include "text_test_support.h"

namespace mkrp::check::text {
namespace {

using testing::find;

// The words of the clause around `span` in `text`.
std::string clauseWords(std::string_view text, std::string_view span) {
  const auto tokens = tokenize(text);
  const TokenRange range = clauseOf(tokens, find(tokens, span));
  std::string words;
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (!words.empty()) words += ' ';
    words += tokens[k].lower;
  }
  return words;
}

TEST_CASE("clauses end at sentences, semicolons and contrast words", "[check][text][clause]") {
  struct Case {
    std::string_view text;
    std::string_view span;
    std::string_view clause;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"Officers shall, when practical, enter the child.", "enter",
            "officers shall when practical enter the child"},
           {"Enter the child. Notify NCMEC.", "notify", "notify ncmec"},
           {"Enter the child; notify NCMEC.", "child", "enter the child"},
           {"Reports are accepted, but runaways are referred.", "runaways",
            "but runaways are referred"},
           {"Reports are accepted unless the child is 18.", "accepted", "reports are accepted"},
           {"Reports are not accepted until 24 hours pass.", "24 hours", "until 24 hours pass"},
           {"Officers respond except in custody cases.", "custody", "except in custody cases"},
           {"Obtain data including but not limited to a photo.", "photo",
            "obtain data including but not limited to a photo"},
           {"Search not only the home but also the yard.", "yard",
            "search not only the home but also the yard"},
           {"Enter the child and will notify NCMEC.", "child", "enter the child"},
           {"Enter the child and notify NCMEC.", "child", "enter the child and notify ncmec"},
           {"Enter the child, which must be done at once.", "done", "which must be done at once"},
           {"Reports whether or not verified are entered.", "entered",
            "reports whether or not verified are entered"},
       }) {
    INFO("text: " << c.text);
    CHECK(clauseWords(c.text, c.span) == c.clause);
  }
}

TEST_CASE("a comma, a conjunction and a new subject with its verb start a clause",
          "[check][text][clause]") {
  CHECK(clauseWords("Runaways are given priority, and the Department does not require a wait.",
                    "priority") == "runaways are given priority");
  CHECK(clauseWords("Runaways are given priority, and the Department does not require a wait.",
                    "require") == "and the department does not require a wait");
  // A list after a comma has no verb of its own: still one clause.
  CHECK(clauseWords("Do not interview the parents, siblings, and the babysitter together.",
                    "babysitter") ==
        "do not interview the parents siblings and the babysitter together");
}

TEST_CASE("clauses found with remembered clause starts are the clauses found afresh",
          "[check][text][clause]") {
  const std::string text =
      "Officers shall, when practical, enter the child into NCIC, and the Department does not "
      "require a waiting period; reports are accepted but runaways are referred. Obtain data "
      "including but not limited to a photo, which is sent to NCMEC unless the parent objects, "
      "and will not be delayed until 24 hours pass. No report shall be refused.";
  const auto tokens = tokenize(text);
  std::vector<std::uint8_t> known(tokens.size(), 0);
  // Every span of one to three words, visited out of text order (as a checklist reads them),
  // all through the same remembered starts.
  std::vector<TokenRange> spans;
  for (std::size_t length = 1; length <= 3; ++length) {
    for (std::size_t begin = 0; begin + length <= tokens.size(); ++begin) {
      spans.push_back({begin, begin + length});
    }
  }
  for (std::size_t k = 0; k < spans.size(); ++k) {
    std::swap(spans[k], spans[(k * 7919) % spans.size()]);
  }
  for (const TokenRange& span : spans) {
    INFO("span " << span.begin << "-" << span.end);
    REQUIRE(clauseOf(tokens, span, known) == clauseOf(tokens, span));
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (known[k] != 0) CHECK((known[k] == 2) == startsClause(tokens, k));
  }
}

TEST_CASE("sentenceOf returns the sentence of a token", "[check][text][clause]") {
  const auto tokens = tokenize("Enter the child. Notify NCMEC at once. Done.");
  CHECK(sentenceOf(tokens, 0) == TokenRange{0, 3});
  CHECK(sentenceOf(tokens, 4) == TokenRange{3, 7});
  CHECK(sentenceOf(tokens, 7) == TokenRange{7, 8});
}

TEST_CASE("a clause around a span that crosses a boundary covers both parts",
          "[check][text][clause]") {
  const auto tokens = tokenize("Enter the child; notify NCMEC. Then wait.");
  CHECK(clauseOf(tokens, TokenRange{1, 5}) == TokenRange{0, 5});
}

}  // namespace
}  // namespace mkrp::check::text
