// The checklist loader: what it builds from a valid file, and how it reports broken ones.
#include "check/checklist_loader.h"

#include <Poco/Exception.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/errors.h"

namespace {

namespace fs = std::filesystem;
using mkrp::check::ChecklistFile;
using mkrp::check::LoadProblem;
using mkrp::check::LoadResult;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const std::string& schema() {
  static const std::string text =
      readFile(fs::path(MKRP_SOURCE_DIR) / "checklists" / "checklist.xsd");
  return text;
}

// A small concepts file the test checklists refer to.
const char* const kConcepts = R"(<?xml version="1.0" encoding="UTF-8"?>
<concepts format="1">
  <concept id="hedge"><phrase>should</phrase><phrase>may</phrase></concept>
  <concept id="ncic" label="NCIC"><phrase>NCIC</phrase><include concept="state"/></concept>
  <concept id="state"><phrase case="exact">LEADS</phrase><phrase>state system</phrase>
    <except>state system administrator</except></concept>
  <concept id="enter"><phrase>enter</phrase><phrase>entry</phrase></concept>
</concepts>
)";

// A checklist whose second item (LE-07) opens with `open` (line 11) and has `rules` on line 16.
std::string checklistWith(const std::string& open, const std::string& rules) {
  const std::string lines[] = {
      R"(<?xml version="1.0" encoding="UTF-8"?>)",
      R"(<checklist id="test" edition="Test, rev. 1" applies-to="le" format="1">)",
      R"(  <title>Test checklist</title>)",
      R"(  <item id="LE-01" severity="critical">)",
      R"(    <title>First</title>)",
      R"(    <requirement>Something.</requirement>)",
      R"(    <source-section>Test</source-section>)",
      R"(    <basis tags="SEED">Seed.</basis>)",
      R"(    <meets reason="it is there"><concept ref="ncic"/></meets>)",
      R"(  </item>)",
      "  " + open,
      R"(    <title>Seventh</title>)",
      R"(    <requirement>Something else.</requirement>)",
      R"(    <source-section>Test</source-section>)",
      R"(    <basis tags="SEED INFERRED">Seed and inference.</basis>)",
      "    " + rules,
      R"(  </item>)",
      R"(</checklist>)",
  };
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

const char* const kItemOpen = "<item id=\"LE-07\" severity=\"critical\">";
const char* const kGoodRules = "<meets reason=\"named\"><concept ref=\"enter\"/></meets>";

LoadResult readMemory(const std::string& checklist) {
  return mkrp::check::readChecklists({{"concepts.xml", kConcepts}, {"test.xml", checklist}},
                                     schema());
}

// A directory of its own under the system temp directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "mkrp-checklists-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

struct BrokenCase {
  const char* what;
  std::string checklist;
  int line;
  const char* item;     // expected item, "" when none
  const char* message;  // expected to occur in the message
};

}  // namespace

TEST_CASE("a valid checklist file loads into typed items", "[check][loader]") {
  const LoadResult result = readMemory(checklistWith(kItemOpen, kGoodRules));
  for (const LoadProblem& problem : result.problems) INFO(problem.toString());
  REQUIRE(result.ok());
  REQUIRE(result.checklists.checklists.size() == 1);
  const mkrp::core::Checklist& checklist = result.checklists.checklists[0];
  CHECK(checklist.id == "test");
  CHECK(checklist.edition == "Test, rev. 1");
  CHECK(checklist.title == "Test checklist");
  CHECK(checklist.file == "test.xml");
  CHECK(checklist.appliesToKind(mkrp::core::AgencyKind::LawEnforcement));
  CHECK_FALSE(checklist.appliesToKind(mkrp::core::AgencyKind::Psap));
  REQUIRE(checklist.items.size() == 2);
  const mkrp::core::Item& item = checklist.items[1];
  CHECK(item.id == "LE-07");
  CHECK(item.title == "Seventh");
  CHECK(item.requirement == "Something else.");
  CHECK(item.sourceSection == "Test");
  CHECK(item.basis == "Seed and inference.");
  CHECK(item.basisTags == std::vector<std::string>{"SEED", "INFERRED"});
  CHECK(item.severity == mkrp::core::Severity::Critical);
  CHECK(item.line == 11);
  CHECK(item.appliesToKind(mkrp::core::AgencyKind::LawEnforcement));
}

TEST_CASE("the loader builds the rule tree of an item", "[check][loader]") {
  const std::string rules =
      "<meets reason=\"entered within two hours\" when-hedged=\"met\">"
      "<all within=\"12 words\"><concept ref=\"ncic\"/><duration at-most=\"2 hours\"/>"
      "<without><phrase>  end   of shift </phrase></without></all></meets>"
      "<partial reason=\"entry with no deadline\"><negated><phrase>wait</phrase></negated>"
      "<age covers=\"13\" stops-below=\"17\"/></partial>"
      "<contradicts reason=\"longer\"><complete-list within=\"section\" name=\"types\" "
      "partial-from=\"1\">"
      "<member name=\"a\"><phrase>abduction</phrase></member>"
      "<member name=\"b\"><affirmed><any><phrase>lost</phrase></any></affirmed></member>"
      "</complete-list><duration over=\"30 days\"/></contradicts>";
  const LoadResult result = readMemory(checklistWith(kItemOpen, rules));
  for (const LoadProblem& problem : result.problems) INFO(problem.toString());
  REQUIRE(result.ok());
  const auto& rule = std::get<mkrp::core::EvidenceRule>(result.checklists.findItem("LE-07")->rule);
  REQUIRE(rule.meets.size() == 1);
  CHECK(rule.meets[0].reason == "entered within two hours");
  CHECK(rule.meets[0].hedging == mkrp::core::Hedging::Ignored);
  CHECK(rule.meets[0].line == 16);
  const auto& all = std::get<mkrp::core::AllOf>(rule.meets[0].options.at(0).node);
  CHECK(all.scope.kind == mkrp::core::Scope::Kind::Words);
  CHECK(all.scope.words == 12);
  REQUIRE(all.parts.size() == 2);
  CHECK(std::get<mkrp::core::ConceptRef>(all.parts[0].node).id == "ncic");
  const auto& duration = std::get<mkrp::core::DurationBound>(all.parts[1].node);
  REQUIRE(duration.atMost);
  CHECK(duration.atMost->inMinutes() == 120);
  CHECK_FALSE(duration.over);
  REQUIRE(all.without.size() == 1);
  CHECK(std::get<mkrp::core::Phrase>(all.without[0].node).text == "end of shift");

  REQUIRE(rule.partial.size() == 1);
  CHECK(rule.partial[0].hedging == mkrp::core::Hedging::Weakens);
  const auto& negated = std::get<mkrp::core::Negated>(rule.partial[0].options.at(0).node);
  CHECK(std::get<mkrp::core::Phrase>(negated.options.at(0).node).text == "wait");
  const auto& age = std::get<mkrp::core::AgeBound>(rule.partial[0].options.at(1).node);
  CHECK(age.covers == 13);
  CHECK(age.stopsBelow == 17);

  REQUIRE(rule.contradicts.size() == 1);
  const auto& list = std::get<mkrp::core::CompleteList>(rule.contradicts[0].options.at(0).node);
  CHECK(list.name == "types");
  CHECK(list.scope.kind == mkrp::core::Scope::Kind::Section);
  CHECK(list.partialFrom == 1);
  REQUIRE(list.members.size() == 2);
  CHECK(list.members[1].name == "b");
  const auto& affirmed = std::get<mkrp::core::Affirmed>(list.members[1].options.at(0).node);
  CHECK(std::holds_alternative<mkrp::core::AnyOf>(affirmed.options.at(0).node));
  const auto& over = std::get<mkrp::core::DurationBound>(rule.contradicts[0].options.at(1).node);
  REQUIRE(over.over);
  CHECK(over.over->unit == mkrp::core::TimeUnit::Days);
}

TEST_CASE("concepts are expanded through their includes", "[check][loader]") {
  const LoadResult result = readMemory(checklistWith(kItemOpen, kGoodRules));
  REQUIRE(result.ok());
  const mkrp::core::Concept* ncic = result.checklists.findConcept("ncic");
  REQUIRE(ncic != nullptr);
  CHECK(ncic->label == "NCIC");
  REQUIRE(ncic->expanded.size() == 3);
  CHECK(ncic->expanded[0].text == "NCIC");
  CHECK(ncic->expanded[1].text == "LEADS");
  CHECK(ncic->expanded[1].exactCase);
  CHECK(ncic->expanded[2].text == "state system");
  CHECK(ncic->exceptions.empty());
  REQUIRE(ncic->expandedExceptions.size() == 1);
  CHECK(ncic->expandedExceptions[0].text == "state system administrator");
  const mkrp::core::Concept* state = result.checklists.findConcept("state");
  CHECK(state->label == "state");
  CHECK(state->exceptions.size() == 1);
}

TEST_CASE("derived and same-as items are read", "[check][loader]") {
  const std::string checklist = checklistWith(
      kItemOpen, "<derived from=\"LE-01  LE-08\" rule=\"all-met\" requires=\"LE-01\"/>");
  std::string withEighth = checklist;
  withEighth.insert(withEighth.find("</checklist>"),
                    "  <item id=\"LE-08\" severity=\"recommended\" applies-to=\"le\">"
                    "<title>Eighth</title><requirement>R.</requirement>"
                    "<source-section>S</source-section><basis tags=\"LAW\">B.</basis>"
                    "<note>Mirrors the first.</note><same-as item=\"LE-01\"/></item>\n");
  const LoadResult result = readMemory(withEighth);
  for (const LoadProblem& problem : result.problems) INFO(problem.toString());
  REQUIRE(result.ok());
  const auto& derived =
      std::get<mkrp::core::DerivedRule>(result.checklists.findItem("LE-07")->rule);
  CHECK(derived.from == std::vector<std::string>{"LE-01", "LE-08"});
  CHECK(derived.required == "LE-01");
  const mkrp::core::Item* eighth = result.checklists.findItem("LE-08");
  CHECK(std::get<mkrp::core::SameAsRule>(eighth->rule).item == "LE-01");
  CHECK(eighth->note == "Mirrors the first.");
  CHECK(eighth->severity == mkrp::core::Severity::Recommended);
}

TEST_CASE("the loader rejects broken files naming file, line and item", "[check][loader]") {
  const std::string doctype =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE checklist [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<checklist id=\"t\" edition=\"e\" applies-to=\"le\" format=\"1\"><title>&x;</title>"
      "</checklist>\n";
  const BrokenCase cases[] = {
      {"unknown element", checklistWith(kItemOpen, "<meets reason=\"r\"><bogus/></meets>"), 16,
       "LE-07", "Element 'bogus': This element is not expected."},
      {"missing id", checklistWith("<item severity=\"critical\">", kGoodRules), 11, "#2",
       "The attribute 'id' is required but missing."},
      {"duplicate id", checklistWith("<item id=\"LE-01\" severity=\"critical\">", kGoodRules), 11,
       "LE-01", "the id LE-01 is used twice (first at line 4): each item needs its own id"},
      {"empty phrase set", checklistWith(kItemOpen, "<meets reason=\"r\"><any></any></meets>"), 16,
       "LE-07", "Element 'any': Missing child element(s)."},
      {"phrase without words",
       checklistWith(kItemOpen, "<meets reason=\"r\"><phrase> - </phrase></meets>"), 16, "LE-07",
       "a <phrase> has no words (\"-\"), so it can never match"},
      {"unknown concept",
       checklistWith(kItemOpen, "<meets reason=\"r\"><concept ref=\"no-such-thing\"/></meets>"), 16,
       "LE-07", "unknown concept \"no-such-thing\": define it in concepts.xml"},
      {"bad duration unit",
       checklistWith(kItemOpen, "<meets reason=\"r\"><duration at-most=\"2 parsecs\"/></meets>"),
       16, "LE-07",
       "<duration at-most=\"2 parsecs\">: \"2 parsecs\": \"parsecs\" is not a unit of time"},
      {"bound without a unit",
       checklistWith(kItemOpen, "<meets reason=\"r\"><duration over=\"2\"/></meets>"), 16, "LE-07",
       "<duration over=\"2\">: \"2\" has no unit"},
      {"bounds no duration can meet",
       checklistWith(kItemOpen,
                     "<meets reason=\"r\"><duration over=\"1 day\" at-most=\"2 hours\"/></meets>"),
       16, "LE-07", "which no duration can be"},
      {"age no range can meet",
       checklistWith(kItemOpen,
                     "<meets reason=\"r\"><age covers=\"18\" stops-below=\"13\"/></meets>"),
       16, "LE-07", "which no range can"},
      {"partial-from above the member count",
       checklistWith(kItemOpen,
                     "<meets reason=\"r\"><complete-list within=\"block\" name=\"l\" "
                     "partial-from=\"3\"><member name=\"a\"><phrase>a</phrase></member>"
                     "<member name=\"b\"><phrase>b</phrase></member></complete-list></meets>"),
       16, "LE-07", "has partial-from=\"3\" but only 2 members"},
      {"age without a bound", checklistWith(kItemOpen, "<meets reason=\"r\"><age/></meets>"), 16,
       "LE-07", "<age> needs covers="},
      {"bad scope",
       checklistWith(kItemOpen,
                     "<meets reason=\"r\"><all within=\"12 parsecs\"><phrase>a</phrase>"
                     "</all></meets>"),
       16, "LE-07", "within=\"12 parsecs\": not understood"},
      {"bad severity", checklistWith("<item id=\"LE-07\" severity=\"urgent\">", kGoodRules), 11,
       "LE-07", "The value 'urgent' is not an element of the set {'critical', 'recommended'}."},
      {"unknown derived item",
       checklistWith(kItemOpen, "<derived from=\"LE-99\" rule=\"all-met\"/>"), 11, "LE-07",
       "unknown item \"LE-99\""},
      {"same-as itself", checklistWith(kItemOpen, "<same-as item=\"LE-07\"/>"), 11, "LE-07",
       "the item takes its status from itself"},
      {"applies to a kind the checklist does not",
       checklistWith("<item id=\"LE-07\" severity=\"critical\" applies-to=\"psap\">", kGoodRules),
       11, "LE-07", "names an agency kind (psap) the checklist does not apply to"},
      {"malformed XML", checklistWith(kItemOpen, "<meets reason=\"r\"><phrase>a</meets>"), 16, "",
       "not well-formed XML: Opening and ending tag mismatch: phrase line 16 and meets"},
      {"DOCTYPE", doctype, 2, "", "a <!DOCTYPE> is not allowed in checklist files"},
  };
  for (const BrokenCase& broken : cases) {
    SECTION(broken.what) {
      TempDir dir;
      dir.write("checklist.xsd", schema());
      dir.write("concepts.xml", kConcepts);
      dir.write("broken.xml", broken.checklist);
      const LoadResult result = mkrp::check::readChecklistDirectory(dir.path().string());
      REQUIRE_FALSE(result.ok());
      const LoadProblem& problem = result.problems.front();
      INFO(problem.toString());
      CHECK(problem.file == (dir.path() / "broken.xml").string());
      CHECK(problem.line == broken.line);
      CHECK(problem.item == broken.item);
      CHECK_THAT(problem.message, Catch::Contains(broken.message));
      const std::string prefix = problem.file + ":" + std::to_string(broken.line) + ": " +
                                 (*broken.item ? std::string("item ") + broken.item + ": " : "");
      CHECK(problem.toString().rfind(prefix, 0) == 0);
    }
  }
}

TEST_CASE("concept mistakes are reported at the concept", "[check][loader]") {
  const std::string concepts = R"(<?xml version="1.0"?>
<concepts format="1">
  <concept id="hedge"><phrase>should</phrase></concept>
  <concept id="ncic"><phrase>NCIC</phrase><include concept="enter"/></concept>
  <concept id="enter"><phrase>enter</phrase><include concept="ncic"/></concept>
  <concept id="hedge"><phrase>may</phrase></concept>
  <concept id="state"><include concept="missing-one"/></concept>
</concepts>
)";
  const LoadResult result = mkrp::check::readChecklists(
      {{"concepts.xml", concepts}, {"test.xml", checklistWith(kItemOpen, kGoodRules)}}, schema());
  std::vector<std::string> messages;
  for (const LoadProblem& problem : result.problems) messages.push_back(problem.toString());
  CHECK_THAT(messages, Catch::VectorContains(std::string(
                           "concepts.xml:6: concept hedge is defined twice (first at line 3): give "
                           "one of them another id, or merge them")));
  CHECK_THAT(messages, Catch::VectorContains(std::string(
                           "concepts.xml:4: concept ncic is part of an include circle (enter -> "
                           "ncic -> enter): remove one of the includes")));
  CHECK_THAT(messages, Catch::VectorContains(std::string(
                           "concepts.xml:7: concept state includes unknown concept "
                           "\"missing-one\": define it in concepts.xml or fix the name")));
}

TEST_CASE("meets rules need the hedge concept", "[check][loader]") {
  const std::string concepts =
      "<concepts format=\"1\"><concept id=\"ncic\"><phrase>NCIC</phrase></concept>"
      "<concept id=\"enter\"><phrase>enter</phrase></concept></concepts>";
  const LoadResult result = mkrp::check::readChecklists(
      {{"concepts.xml", concepts}, {"test.xml", checklistWith(kItemOpen, kGoodRules)}}, schema());
  REQUIRE(result.problems.size() == 1);
  CHECK_THAT(result.problems[0].message, Catch::StartsWith("the concept \"hedge\" is not defined"));
}

TEST_CASE("a derivation circle is reported", "[check][loader]") {
  std::string checklist = checklistWith(kItemOpen, "<same-as item=\"LE-08\"/>");
  checklist.insert(checklist.find("</checklist>"),
                   "  <item id=\"LE-08\" severity=\"critical\"><title>T</title>"
                   "<requirement>R</requirement><source-section>S</source-section>"
                   "<basis tags=\"SEED\">B</basis><derived from=\"LE-01 LE-07\" rule=\"all-met\"/>"
                   "</item>\n");
  const LoadResult result = readMemory(checklist);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].item == "LE-07");
  CHECK_THAT(result.problems[0].message, Catch::Contains("in a circle"));
}

TEST_CASE("loading a broken directory throws with every problem listed", "[check][loader]") {
  TempDir dir;
  dir.write("checklist.xsd", schema());
  dir.write("concepts.xml", kConcepts);
  dir.write("a.xml",
            checklistWith(kItemOpen, "<meets reason=\"r\"><concept ref=\"nope\"/></meets>"));
  const std::string file = (dir.path() / "a.xml").string();
  REQUIRE_THROWS_AS(mkrp::check::loadChecklistDirectory(dir.path().string()),
                    mkrp::core::InvalidChecklistException);
  REQUIRE_THROWS_WITH(mkrp::check::loadChecklistDirectory(dir.path().string()),
                      "the checklists in " + dir.path().string() +
                          " have 1 mistake; fix them and run `mkrp checklists validate`:\n" + file +
                          ":16: item LE-07: unknown concept \"nope\": define it in "
                          "concepts.xml or fix the name");
}

TEST_CASE("a directory without checklists is reported", "[check][loader]") {
  TempDir dir;
  const LoadResult noSchema = mkrp::check::readChecklistDirectory(dir.path().string());
  REQUIRE(noSchema.problems.size() == 1);
  CHECK(noSchema.problems[0].message == "the schema is missing or cannot be read");

  dir.write("checklist.xsd", schema());
  dir.write("concepts.xml", kConcepts);
  const LoadResult noChecklist = mkrp::check::readChecklistDirectory(dir.path().string());
  REQUIRE(noChecklist.problems.size() == 1);
  CHECK(noChecklist.problems[0].toString() ==
        dir.path().string() + ": no checklist was found among the files");

  const LoadResult notThere = mkrp::check::readChecklistDirectory("/nonexistent/checklists");
  REQUIRE(notThere.problems.size() == 1);
  CHECK(notThere.problems[0].toString() ==
        "/nonexistent/checklists: is not a directory: name the checklists directory");
}

TEST_CASE("durations are read as a number and a unit", "[check][loader]") {
  using mkrp::core::TimeUnit;
  const std::tuple<const char*, double, TimeUnit> good[] = {
      {"2 hours", 2, TimeUnit::Hours},       {"1 hour", 1, TimeUnit::Hours},
      {"90 minutes", 90, TimeUnit::Minutes}, {"1.5 hours", 1.5, TimeUnit::Hours},
      {"30 days", 30, TimeUnit::Days},       {"1 week", 1, TimeUnit::Weeks},
      {"6 Months", 6, TimeUnit::Months},     {"5 years", 5, TimeUnit::Years},
      {"2hours", 2, TimeUnit::Hours},        {"  0 minutes ", 0, TimeUnit::Minutes},
  };
  for (const auto& [text, amount, unit] : good) {
    INFO(text);
    const mkrp::core::Duration duration = mkrp::check::parseDuration(text);
    CHECK(duration.amount == amount);
    CHECK(duration.unit == unit);
  }
}

TEST_CASE("durations that are not understood are rejected with a reason", "[check][loader]") {
  const std::pair<const char*, const char*> bad[] = {
      {"2 parsecs", "\"2 parsecs\": \"parsecs\" is not a unit of time; write a number and a unit"},
      {"2", "\"2\" has no unit: write a number and a unit"},
      {"hours", "\"hours\" has no number: write a number and a unit"},
      {"two hours", "\"two hours\" has no number"},
      {"", "\"\" has no number"},
      {"-2 hours", "\"-2 hours\" has no number"},
      {"1.2.3 hours", "\"1.2.3 hours\" does not start with a number"},
      {"2 hours 30 minutes", "\"hours 30 minutes\" is not a unit of time"},
  };
  for (const auto& [text, message] : bad) {
    INFO(text);
    REQUIRE_THROWS_AS(mkrp::check::parseDuration(text), Poco::DataFormatException);
    REQUIRE_THROWS_WITH(mkrp::check::parseDuration(text), Catch::Contains(message));
  }
}

TEST_CASE("scopes are read as sentence, block, section or a number of words", "[check][loader]") {
  using Kind = mkrp::core::Scope::Kind;
  CHECK(mkrp::check::parseScope("sentence").kind == Kind::Sentence);
  CHECK(mkrp::check::parseScope("Block").kind == Kind::Block);
  CHECK(mkrp::check::parseScope("section").kind == Kind::Section);
  CHECK(mkrp::check::parseScope("document").kind == Kind::Document);
  CHECK(mkrp::check::parseScope("12 words").words == 12);
  CHECK(mkrp::check::parseScope("1 word").words == 1);
  REQUIRE_THROWS_WITH(
      mkrp::check::parseScope("paragraph"),
      Catch::StartsWith("not understood: write sentence, block, section, document"));
  REQUIRE_THROWS_WITH(mkrp::check::parseScope("0 words"),
                      "the number of words must be between 1 and 200");
  REQUIRE_THROWS_WITH(mkrp::check::parseScope("500 words"),
                      "the number of words must be between 1 and 200");
  REQUIRE_THROWS_AS(mkrp::check::parseScope("words"), Poco::DataFormatException);
}
