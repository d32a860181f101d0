#include "check/text/tokenizer.h"

#include <catch2/catch.hpp>

#include "text_test_support.h"

namespace mkrp::check::text {
namespace {

using testing::lowers;
using testing::norms;
using testing::sentences;

struct Case {
  std::string_view text;
  std::string_view expected;
};

void checkAll(std::initializer_list<Case> cases, std::string (*view)(std::string_view)) {
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    CHECK(view(c.text) == c.expected);
  }
}

TEST_CASE("tokenizer lower-cases, stems and drops punctuation", "[check][text][tokenizer]") {
  checkAll({{"Officers SHALL enter the Child.", "offic shall enter the child"},
            {"entering, entered; enters!", "enter enter enter"},
            {"Hours hours HOURS", "hour hour hour"},
            {"", ""},
            {"  \t\n ", ""},
            {"...;:,!?", ""}},
           norms);
}

TEST_CASE("tokenizer folds Unicode quotes, apostrophes and spaces", "[check][text][tokenizer]") {
  checkAll({{"the child\xE2\x80\x99s \xE2\x80\x9Cphoto\xE2\x80\x9D", "the child photo"},
            {"the child's \"photo\"", "the child photo"},
            {"\xE2\x80\x98quoted\xE2\x80\x99 words", "quoted words"},
            {"two\xC2\xA0hours", "two hours"},      // no-break space
            {"two\xE2\x80\xAFhours", "two hours"},  // narrow no-break space
            {"two\xE2\x80\x83hours", "two hours"},  // em space
            {"\xC2\xAB"
             "alert\xC2\xBB",
             "alert"},  // guillemets
            {"noti\xEF\xAC\x81"
             "cation",
             "notification"},  // ligature fi
            {"e\xEF\xAC\x80"
             "ort",
             "effort"}},  // ligature ff
           lowers);
}

TEST_CASE("tokenizer splits dashes and hyphens the same way as blanks",
          "[check][text][tokenizer]") {
  const std::string expected = norms("24 hour waiting period");
  for (std::string_view text :
       {"24-hour waiting period", "24\xE2\x80\x93hour waiting period",
        "24\xE2\x80\x94hour waiting period", "24\xE2\x80\x91hour waiting period",
        "24\xE2\x80\x90hour waiting period", "24\xE2\x88\x92hour waiting period",
        "24hour waiting period", "24 - hour waiting-period"}) {
    INFO("text: " << text);
    CHECK(norms(text) == expected);
  }
}

TEST_CASE("tokenizer marks how a token is joined to the one before", "[check][text][tokenizer]") {
  const auto tokens = tokenize("24-hour, (two) hours; a / b \xE2\x80\x94 c");
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[1].has(Gap::Hyphen));
  CHECK_FALSE(tokens[1].has(Gap::Space));
  CHECK(tokens[2].has(Gap::Comma));
  CHECK(tokens[2].has(Gap::OpenParen));
  CHECK(tokens[3].has(Gap::CloseParen));
  CHECK(tokens[4].has(Gap::Semicolon));
  CHECK(tokens[5].has(Gap::Slash));
  CHECK(tokens[6].has(Gap::Dash));
  CHECK_FALSE(tokens[6].has(Gap::Hyphen));
}

TEST_CASE("tokenizer joins words broken by a hyphen at a line end", "[check][text][tokenizer]") {
  checkAll({{"investi-\ngation", "investigation"},
            {"investi-\r\ngation", "investigation"},
            {"investi- \n  gation", "investigation"},
            {"follow-\ning the report", "following the report"},
            {"notifi-\ncation", "notification"},
            {"in-\nvestigate", "investigate"},
            {"investi\xC2\xAD\ngation", "investigation"},  // soft hyphen at the line end
            {"investi\xC2\xADgation", "investigation"}},   // soft hyphen inside the line
           lowers);
}

TEST_CASE("tokenizer keeps real hyphens at a line end", "[check][text][tokenizer]") {
  checkAll({{"a 24-\nhour wait", "a 24 hour wait"},
            {"high-\nrisk cases", "high risk cases"},
            {"at-\nrisk youth", "at risk youth"},
            {"in-\nperson reports", "in person reports"},
            {"follow-\nup contact", "follow up contact"},
            {"Non-\nFamily abduction", "non family abduction"},
            {"twenty-\nfour hours", "twenty four hours"}},
           lowers);
}

TEST_CASE("tokenizer offsets map back to the original text", "[check][text][tokenizer]") {
  const std::string text =
      "The child\xE2\x80\x99s photo \xE2\x80\x9Cmust\xE2\x80\x9D be entered\xC2\xA0within "
      "two (2) hours; investi-\ngation won't wait. See 34 U.S.C. \xC2\xA7 41308.";
  const auto tokens = tokenize(text);
  REQUIRE_FALSE(tokens.empty());
  std::uint32_t previousEnd = 0;
  for (const Token& token : tokens) {
    INFO("token " << token.lower);
    CHECK(token.start >= previousEnd);
    CHECK(token.end > token.start);
    CHECK(token.end <= text.size());
    previousEnd = token.end;
  }
  auto original = [&](std::string_view lower) {
    for (const Token& token : tokens) {
      if (token.lower == lower) return text.substr(token.start, token.end - token.start);
    }
    return std::string("<absent>");
  };
  CHECK(original("child") == "child\xE2\x80\x99s");
  CHECK(original("must") == "must");
  CHECK(original("within") == "within");
  CHECK(original("investigation") == "investi-\ngation");
  CHECK(original("will") == "wo");
  CHECK(original("not") == "n't");
  CHECK(original("usc") == "U.S.C");
  CHECK(original("41308") == "41308");
}

TEST_CASE("tokenizer offsets of plain words equal their lower-case text",
          "[check][text][tokenizer]") {
  const std::string text =
      "All Sworn Personnel shall receive training on this policy within 30 days of hire.";
  for (const Token& token : tokenize(text)) {
    std::string original = text.substr(token.start, token.end - token.start);
    for (char& c : original) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(original == token.lower);
  }
}

TEST_CASE("tokenizer drops possessives and expands contractions", "[check][text][tokenizer]") {
  checkAll({{"the child's room", "the child room"},
            {"the children's rooms", "the children rooms"},
            {"the parents' statement", "the parents statement"},
            {"reports won't be refused", "reports will not be refused"},
            {"officers can't refuse", "officers can not refuse"},
            {"officers cannot refuse", "officers can not refuse"},
            {"Officers Cannot refuse", "officers can not refuse"},
            {"it isn't required", "it is not required"},
            {"don't wait", "do not wait"},
            {"shouldn't wait", "should not wait"},
            {"there's no waiting period", "there is no waiting period"},
            {"it's required", "it is required"},
            {"they'll respond", "they will respond"},
            {"O'Brien reported", "o'brien reported"}},
           lowers);
}

TEST_CASE("tokenizer reads numbers, fractions and ordinals", "[check][text][tokenizer]") {
  checkAll({{"1,000 calls", "1000 call"},
            {"1.5 hours", "1.5 hour"},
            {"\xC2\xBD hour", "0.5 hour"},
            {"1\xC2\xBD hours", "1.5 hour"},
            {"Section 4.2.1 applies", "section 4.2.1 appli"},
            {"2hrs", "2 hrs"},
            {"48hrs.", "48 hrs"},
            {"K-9 units", "k 9 unit"},
            {"the 2nd shift", "the 2nd shift"},
            {"call 1-800-THE-LOST", "call 1 800 the lost"},
            {"9-1-1 centers", "9 1 1 center"},
            {"Missing & Exploited", "miss and exploit"}},
           norms);
  const auto tokens = tokenize("2nd 24 1,000 abc");
  CHECK(tokens[0].kind == TokenKind::Ordinal);
  CHECK(tokens[1].isNumber());
  CHECK(tokens[2].isNumber());
  CHECK(tokens[3].isWord());
}

TEST_CASE("tokenizer reads initialisms as one word", "[check][text][tokenizer]") {
  checkAll({{"34 U.S.C. 41308", "34 usc 41308"},
            {"e.g. a photo", "eg a photo"},
            {"i.e., the child", "ie the child"},
            {"at 8 a.m. daily", "at 8 am daily"},
            {"missingkids.org", "missingkids org"}},
           lowers);
}

TEST_CASE("tokenizer splits sentences at full stops before capitals", "[check][text][tokenizer]") {
  checkAll({{"Enter the child. Notify NCMEC.", "enter the child | notify ncmec"},
            {"Is the child missing? Yes! Act.", "is the child missing | yes | act"},
            {"He said \"stop.\" Then left.", "he said stop | then left"},
            {"Search (see below). Then call.", "search see below | then call"},
            {"Within 2 hrs. The officer", "within 2 hrs | the officer"},
            {"Units respond... Then call.", "units respond | then call"},
            {"Within 24 hours. 2 officers", "within 24 hours | 2 officers"}},
           sentences);
}

TEST_CASE("tokenizer keeps abbreviations and labels inside a sentence",
          "[check][text][tokenizer]") {
  checkAll({{"Contact the Dept. of Justice today.", "contact the dept of justice today"},
            {"Notify Sgt. Smith and Lt. Jones.", "notify sgt smith and lt jones"},
            {"Use Form No. 12 for this.", "use form no 12 for this"},
            {"Use e.g. Form 30 here.", "use eg form 30 here"},
            {"Under 34 U.S.C. Officers must act.", "under 34 usc officers must act"},
            {"Within 2 hrs. of receipt.", "within 2 hrs of receipt"},
            {"Wait approx. two hours.", "wait approx two hours"},
            {"1. Officers shall enter the child.", "1 officers shall enter the child"},
            {"IV. Procedures apply.", "iv procedures apply"},
            {"A. Officers shall respond.", "a officers shall respond"},
            {"John F. Kennedy Airport.", "john f kennedy airport"},
            {"See Section 4.2.1 for details.", "see section 4.2.1 for details"},
            {"Visit missingkids.org for posters.", "visit missingkids org for posters"}},
           sentences);
}

TEST_CASE("tokenizer splits sentences at blank lines, bullets and list labels",
          "[check][text][tokenizer]") {
  checkAll({{"Procedures\n\nOfficers shall respond", "procedures | officers shall respond"},
            {"Obtain:\n\xE2\x80\xA2 a photo\n\xE2\x80\xA2 a description",
             "obtain | a photo | a description"},
            {"Obtain:\n- a photo\n- a description", "obtain | a photo | a description"},
            {"Steps:\n1. Enter the child\n2. Notify NCMEC",
             "steps | 1 enter the child | 2 notify ncmec"},
            {"Steps:\n(a) enter\n(b) notify", "steps | a enter | b notify"},
            {"entered into\nNCIC within two hours", "entered into ncic within two hours"}},
           sentences);
}

TEST_CASE("tokenizer marks the first token of each sentence", "[check][text][tokenizer]") {
  const auto tokens = tokenize("Enter the child. Notify NCMEC.");
  REQUIRE(tokens.size() == 5);
  CHECK_FALSE(tokens[0].has(Gap::Sentence));
  CHECK(tokens[3].has(Gap::Sentence));
  CHECK(tokens[3].sentence == 1);
  CHECK(tokens[3].capitalized);
  CHECK_FALSE(tokens[4].has(Gap::Sentence));
}

TEST_CASE("tokenizer reads invalid UTF-8 as symbols and goes on", "[check][text][tokenizer]") {
  const std::string text = "\xFF\xFE report \xC3 missing \xE2\x80";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].lower == "report");
  CHECK(text.substr(tokens[0].start, tokens[0].end - tokens[0].start) == "report");
  CHECK(tokens[1].lower == "missing");
}

TEST_CASE("tokenizer lower-cases accented capitals", "[check][text][tokenizer]") {
  checkAll({{"CAF\xC3\x89 \xC3\x80 \xC5\x81\xC3\x93"
             "DZ",
             "caf\xC3\xA9 \xC3\xA0 \xC5\x82\xC3\xB3"
             "dz"}},
           lowers);
}

TEST_CASE("normalizePhrase reads a phrase exactly as text is read", "[check][text][tokenizer]") {
  const std::vector<std::pair<std::string_view, std::string_view>> pairs = {
      {"no waiting period", "There is NO waiting-period for reports."},
      {"24-hour", "a 24 hour wait"},
      {"child's photograph", "the Child\xE2\x80\x99s photographs"},
      {"National Center for Missing & Exploited Children",
       "the National Center for Missing and Exploited Children"},
      {"won't be refused", "reports will not be refused"},
      {"U.S.C.", "34 U.S.C. 41308"},
      {"investigation", "investi-\ngation"},
      {"entered into NCIC", "Entering into NCIC"},
  };
  for (const auto& [phrase, text] : pairs) {
    INFO("phrase: " << phrase << " text: " << text);
    const auto phraseNorms = normalizePhrase(phrase);
    const auto tokens = tokenize(text);
    bool found = false;
    for (std::size_t i = 0; i + phraseNorms.size() <= tokens.size() && !found; ++i) {
      bool all = true;
      for (std::size_t k = 0; k < phraseNorms.size() && all; ++k) {
        all = tokens[i + k].norm == phraseNorms[k];
      }
      found = all;
    }
    CHECK(found);
  }
}

TEST_CASE("a Tokenizer reuses its output list", "[check][text][tokenizer]") {
  Tokenizer tokenizer;
  TokenList tokens;
  tokenizer.tokenize("one two three", tokens);
  REQUIRE(tokens.size() == 3);
  tokenizer.tokenize("four", tokens);
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].lower == "four");
  CHECK(tokens[0].sentence == 0);
}

TEST_CASE("tokens keep their words when the list grows, is moved, or holds a very long word",
          "[check][text][tokenizer]") {
  // Enough words to fill several blocks of the word store, then one longer than any block.
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "Officers entering record" + std::string(1, static_cast<char>('a' + i % 7)) + " ";
  }
  const std::string longWord(70000, 'x');
  text += longWord + " end";
  TokenList moved = tokenize(text);
  const TokenList tokens = std::move(moved);
  REQUIRE(tokens.size() == 3 * 20000 + 2);
  for (std::size_t i = 0; i < 3 * 20000; i += 3) {
    REQUIRE(tokens[i].lower == "officers");
    REQUIRE(tokens[i].norm == "offic");
    REQUIRE(tokens[i + 1].norm == "enter");
    REQUIRE(tokens[i + 2].lower == "record" + std::string(1, static_cast<char>('a' + i / 3 % 7)));
  }
  CHECK(tokens[3 * 20000].lower == longWord);
  CHECK(tokens.back().norm == "end");
}

TEST_CASE("a token list moved from can be read into again", "[check][text][tokenizer]") {
  Tokenizer tokenizer;
  TokenList first = tokenizer.tokenize("Officers entering records");
  {
    const TokenList second = std::move(first);
    CHECK(second[1].norm == "enter");
  }  // the words go with the list moved to
  tokenizer.tokenize("Supervisors notified immediately", first);
  REQUIRE(first.size() == 3);
  CHECK(first[1].lower == "notified");
  CHECK(first[2].lower == "immediately");
}

TEST_CASE("a token list read again holds only the new text's words", "[check][text][tokenizer]") {
  Tokenizer tokenizer;
  TokenList tokens;
  tokenizer.tokenize(std::string(5000, 'a') + " children", tokens);
  tokenizer.tokenize("Missing child", tokens);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].lower == "missing");
  CHECK(tokens[1].norm == "child");
}

TEST_CASE("tokenizer gives the same tokens for the same text", "[check][text][tokenizer]") {
  const std::string text = "Officers shall, when practical, enter the child's data. Then wait.";
  Tokenizer first;
  Tokenizer second;
  const auto a = first.tokenize(text);
  const auto b = second.tokenize(text);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].norm == b[i].norm);
    CHECK(a[i].start == b[i].start);
    CHECK(a[i].gapBefore == b[i].gapBefore);
    CHECK(a[i].sentence == b[i].sentence);
  }
}

}  // namespace
}  // namespace mkrp::check::text

namespace mkrp::check::text {
namespace {

// Every field of two tokens, in words, for a failure message.
std::string describeToken(const Token& token) {
  return std::string(token.norm) + "/" + std::string(token.lower) + " [" +
         std::to_string(token.start) + "," + std::to_string(token.end) + ") sentence " +
         std::to_string(token.sentence) + " gaps " + std::to_string(token.gapBefore) + " value " +
         std::to_string(token.wordValue) + " kind " + std::to_string(static_cast<int>(token.kind)) +
         (token.capitalized ? " Cap" : "") + (token.abbreviation ? " abbr" : "");
}

}  // namespace

TEST_CASE("tokenizer appends a text's tokens after others exactly as it reads the text alone",
          "[check][text][tokenizer]") {
  // Texts whose reading depends on what came before within them: sentence starts, list labels,
  // periods after a first token, hyphens at the start, contractions.
  const std::string_view texts[] = {
      "Officers shall enter the child into NCIC within two (2) hours.",
      "1. The officer shall not wait. 2. Dept. policy: no waiting period.",
      "- a dash first; then words",
      ". A period first. IV. Procedures",
      "won't can't cannot; the child's photo",
      "",
      "U.S.C. 5779 and e.g. 24-\nhour limits"};
  Tokenizer tokenizer;
  TokenList appended;
  for (const std::string_view text : texts) {
    INFO("text: " << text);
    const TokenList alone = tokenizer.tokenize(text);
    const std::size_t before = appended.size();
    tokenizer.append(text, appended);
    REQUIRE(appended.size() - before == alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
      CHECK(describeToken(appended[before + i]) == describeToken(alone[i]));
      CHECK(appended[before + i].normHash == alone[i].normHash);
    }
  }
  CHECK(appended.size() > 40);
}

}  // namespace mkrp::check::text
