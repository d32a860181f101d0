// The checklist files in checklists/: each loads, and together they hold exactly the items of the
// reference checklists (../shared/reference/*.md), with the same titles and severities.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "check/checklist_loader.h"

namespace {

namespace fs = std::filesystem;
using mkrp::core::AgencyKind;
using mkrp::core::Severity;

const fs::path kChecklists = fs::path(MKRP_SOURCE_DIR) / "checklists";
const fs::path kReference = fs::path(MKRP_SOURCE_DIR) / ".." / "shared" / "reference";

const mkrp::check::LoadResult& loaded() {
  static const mkrp::check::LoadResult result =
      mkrp::check::readChecklistDirectory(kChecklists.string());
  return result;
}

// What the reference says about one item.
struct ReferenceItem {
  std::string file;
  std::string title;
  std::string level;  // "CRITICAL" or "RECOMMENDED"
};

// Markdown emphasis and code quotes are not part of a title.
std::string plain(std::string text) {
  for (const char* mark : {"**", "`"}) {
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark)) {
      text.erase(at, std::string(mark).size());
    }
  }
  return text;
}

// Every "### LE-01 — Title" of the reference files, with the first word of its Level line.
std::map<std::string, ReferenceItem> referenceItems() {
  static const std::regex kHeading(R"(^### ((?:LE|PSAP|QA)-\d+) — (.+)$)");
  static const std::regex kLevel(R"(^- \*\*Level:\*\* ([A-Z]+))");
  std::map<std::string, ReferenceItem> items;
  for (const char* name :
       {"le-model-policy.md", "psap-ansi-standard.md", "psap-qa-requirement.md"}) {
    std::ifstream in(kReference / name);
    std::string line;
    std::string current;
    std::smatch match;
    while (std::getline(in, line)) {
      if (std::regex_match(line, match, kHeading)) {
        current = match[1];
        items[current] = {name, plain(match[2]), ""};
      } else if (!current.empty() && std::regex_search(line, match, kLevel)) {
        if (items[current].level.empty()) items[current].level = match[1];
      }
    }
  }
  return items;
}

bool referenceAvailable() { return fs::is_directory(kReference); }

}  // namespace

TEST_CASE("the checklist directory loads without mistakes", "[check][checklists]") {
  for (const mkrp::check::LoadProblem& problem : loaded().problems) {
    UNSCOPED_INFO(problem.toString());
  }
  REQUIRE(loaded().ok());
  CHECK(loaded().checklists.checklists.size() == 3);
  CHECK(loaded().checklists.itemCount() == 69 + 51 + 15);
}

TEST_CASE("each checklist file loads with its edition and agency kind", "[check][checklists]") {
  REQUIRE(loaded().ok());
  struct Expected {
    const char* id;
    const char* file;
    AgencyKind kind;
    std::size_t items;
  };
  const Expected expected[] = {
      {"le-model-policy", "le-model-policy.xml", AgencyKind::LawEnforcement, 69},
      {"psap-ansi-standard", "psap-ansi-standard.xml", AgencyKind::Psap, 51},
      {"psap-qa-requirement", "psap-qa-requirement.xml", AgencyKind::Psap, 15},
  };
  for (const Expected& want : expected) {
    SECTION(want.id) {
      const mkrp::core::Checklist* found = nullptr;
      for (const mkrp::core::Checklist& checklist : loaded().checklists.checklists) {
        if (checklist.id == want.id) found = &checklist;
      }
      REQUIRE(found != nullptr);
      CHECK(fs::path(found->file).filename() == want.file);
      CHECK_FALSE(found->edition.empty());
      CHECK_FALSE(found->title.empty());
      CHECK(found->appliesTo == std::vector<AgencyKind>{want.kind});
      CHECK(found->items.size() == want.items);
      for (const mkrp::core::Item& item : found->items) {
        INFO(item.id);
        CHECK(item.appliesToKind(want.kind));
        CHECK_FALSE(item.requirement.empty());
        CHECK_FALSE(item.sourceSection.empty());
        CHECK_FALSE(item.basisTags.empty());
      }
    }
  }
}

TEST_CASE("every reference item is in the checklists", "[check][checklists]") {
  if (!referenceAvailable()) {
    WARN("no reference checklists at " << kReference << "; skipped");
    return;
  }
  REQUIRE(loaded().ok());
  const std::map<std::string, ReferenceItem> reference = referenceItems();
  REQUIRE(reference.size() == 69 + 51 + 15);
  for (const auto& [id, item] : reference) {
    INFO(id << " (" << item.file << ")");
    CHECK(loaded().checklists.findItem(id) != nullptr);
  }
}

TEST_CASE("every checklist item has a reference item", "[check][checklists]") {
  if (!referenceAvailable()) {
    WARN("no reference checklists at " << kReference << "; skipped");
    return;
  }
  REQUIRE(loaded().ok());
  const std::map<std::string, ReferenceItem> reference = referenceItems();
  for (const mkrp::core::Checklist& checklist : loaded().checklists.checklists) {
    for (const mkrp::core::Item& item : checklist.items) {
      INFO(item.id << " in " << checklist.file);
      CHECK(reference.count(item.id) == 1);
    }
  }
}

TEST_CASE("checklist titles and severities match the reference", "[check][checklists]") {
  if (!referenceAvailable()) {
    WARN("no reference checklists at " << kReference << "; skipped");
    return;
  }
  REQUIRE(loaded().ok());
  for (const auto& [id, want] : referenceItems()) {
    const mkrp::core::Item* item = loaded().checklists.findItem(id);
    if (item == nullptr) continue;  // reported by "every reference item is in the checklists"
    INFO(id);
    CHECK(item->title == want.title);
    CHECK(item->severity ==
          (want.level == "CRITICAL" ? Severity::Critical : Severity::Recommended));
  }
}

TEST_CASE("PSAP-04 follows the four QA elements and PSAP-02 mirrors QA-10", "[check][checklists]") {
  REQUIRE(loaded().ok());
  const mkrp::core::Item* psap04 = loaded().checklists.findItem("PSAP-04");
  REQUIRE(psap04 != nullptr);
  const auto* derived = std::get_if<mkrp::core::DerivedRule>(&psap04->rule);
  REQUIRE(derived != nullptr);
  CHECK(derived->from == std::vector<std::string>{"QA-02", "QA-03", "QA-04", "QA-05"});
  CHECK(derived->required == "QA-01");

  const mkrp::core::Item* psap02 = loaded().checklists.findItem("PSAP-02");
  REQUIRE(psap02 != nullptr);
  const auto* same = std::get_if<mkrp::core::SameAsRule>(&psap02->rule);
  REQUIRE(same != nullptr);
  CHECK(same->item == "QA-10");
}

TEST_CASE("every text rule gives each match a reason", "[check][checklists]") {
  REQUIRE(loaded().ok());
  std::size_t patterns = 0;
  for (const mkrp::core::Checklist& checklist : loaded().checklists.checklists) {
    for (const mkrp::core::Item& item : checklist.items) {
      const auto* rule = std::get_if<mkrp::core::EvidenceRule>(&item.rule);
      if (rule == nullptr) continue;
      INFO(item.id);
      CHECK_FALSE(rule->meets.empty());
      for (const auto* list : {&rule->meets, &rule->partial, &rule->contradicts}) {
        for (const mkrp::core::Pattern& pattern : *list) {
          CHECK_FALSE(pattern.reason.empty());
          CHECK_FALSE(pattern.options.empty());
          ++patterns;
        }
      }
    }
  }
  CHECK(patterns > 135);
}

TEST_CASE("acronyms that are also words are matched with exact case", "[check][checklists]") {
  REQUIRE(loaded().ok());
  const mkrp::core::Concept* state = loaded().checklists.findConcept("state-system");
  REQUIRE(state != nullptr);
  bool leadsFound = false;
  for (const mkrp::core::Phrase& phrase : state->expanded) {
    if (phrase.text == "LEADS") {
      leadsFound = true;
      CHECK(phrase.exactCase);
    }
  }
  CHECK(leadsFound);
}
