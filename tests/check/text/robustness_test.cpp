// Every reader accepts any bytes: offsets stay inside the text and nothing reads out of bounds
// (the sanitizer build runs these too).
#include <catch2/catch.hpp>
#include <random>

#include "check/text/age.h"
#include "check/text/duration.h"
#include "check/text/modality.h"
#include "check/text/negation.h"
#include "check/text/tokenizer.h"

namespace mkrp::check::text {
namespace {

// Text made of pieces that exercise every branch of the tokenizer, in random order.
std::string randomText(std::mt19937& random) {
  static const char* const kPieces[] = {"shall",
                                        " ",
                                        "not",
                                        "No",
                                        ".",
                                        ". ",
                                        "\n",
                                        "\n\n",
                                        "-",
                                        "-\n",
                                        "\xE2\x80\x94",
                                        "(",
                                        ")",
                                        "2",
                                        "1/2",
                                        "\xC2\xBD",
                                        "hours",
                                        "within",
                                        "under",
                                        "18",
                                        "years of age",
                                        "or younger",
                                        "'s",
                                        "n't",
                                        "\xE2\x80\x99",
                                        "\"",
                                        "U.S.C.",
                                        "e.g.",
                                        ";",
                                        ",",
                                        "\xC2\xAD",
                                        "\xEF\xAC\x81",
                                        "\xFF",
                                        "\xE2\x80",
                                        "as soon as practical",
                                        "end of shift",
                                        "?",
                                        "!",
                                        "\xE2\x80\xA2",
                                        "1.",
                                        "(a) ",
                                        "twenty",
                                        "four",
                                        "&",
                                        "0800",
                                        "a",
                                        "day",
                                        "until",
                                        "prohibited",
                                        "when",
                                        "may"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::string text;
  for (int k = length(random); k > 0; --k) text += kPieces[pick(random)];
  return text;
}

void checkInvariants(const std::string& text) {
  const auto tokens = tokenize(text);
  std::uint32_t previousEnd = 0;
  std::uint32_t previousSentence = 0;
  for (const Token& token : tokens) {
    REQUIRE(token.start >= previousEnd);
    REQUIRE(token.end > token.start);
    REQUIRE(token.end <= text.size());
    REQUIRE(token.sentence >= previousSentence);
    REQUIRE_FALSE(token.norm.empty());
    previousEnd = token.end;
    previousSentence = token.sentence;
  }
  for (const DurationMention& mention : findDurations(tokens)) {
    REQUIRE(mention.tokens.end <= tokens.size());
    REQUIRE(mention.end <= text.size());
  }
  for (const AgeMention& age : findAges(tokens)) {
    REQUIRE(age.tokens.end <= tokens.size());
    REQUIRE((!age.range.max || *age.range.max >= age.range.min));
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const TokenRange span{i, std::min(i + 2, tokens.size())};
    const Negation negation = negationOf(tokens, span);
    REQUIRE(negation.clause.begin <= span.begin);
    REQUIRE(negation.clause.end >= span.end);
    REQUIRE((negation.negated == Negation::kNone || negation.negated < tokens.size()));
    const ModalityReading modality = modalityOf(tokens, span);
    REQUIRE(modality.clause == negation.clause);
  }
}

TEST_CASE("text readers keep their invariants on random text", "[check][text][robustness]") {
  std::mt19937 random(20240601);
  for (int round = 0; round < 400; ++round) {
    const std::string text = randomText(random);
    INFO("text: " << text);
    checkInvariants(text);
  }
}

TEST_CASE("text readers keep their invariants on random bytes", "[check][text][robustness]") {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 200; ++round) {
    std::string text(static_cast<std::size_t>(round), '\0');
    for (char& c : text) c = static_cast<char>(byte(random));
    checkInvariants(text);
  }
}

}  // namespace
}  // namespace mkrp::check::text
