// The rules of checklists/ on typical wordings: each line of wording_cases.tsv names an item, the
// status a strict reviewer gives it and a short text in the way directives write it
// (reference/phrasing-notes.md and each item's phrasings and contradictions). The text is run
// through the pre-check with the real checklists, so a change to a concept or a rule that loses
// a wording, or starts to contradict a compliant one, shows up here.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "check/checklist_loader.h"
#include "check/precheck.h"
#include "core/document.h"
#include "core/report.h"

namespace {

namespace fs = std::filesystem;

struct WordingCase {
  int line = 0;
  std::string item;
  std::string expected;
  std::string text;
};

std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<WordingCase> readCases() {
  std::ifstream in(fs::path(MKRP_SOURCE_DIR) / "tests" / "check" / "wording_cases.tsv");
  std::vector<WordingCase> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t first = line.find('\t');
    const std::size_t second = line.find('\t', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    cases.push_back({number, line.substr(0, first), line.substr(first + 1, second - first - 1),
                     unescape(line.substr(second + 1))});
  }
  return cases;
}

// Blank lines separate blocks; "## Title" is a heading, "- text" a list item.
mkrp::core::Block blockOf(std::string_view part) {
  mkrp::core::Block block;
  if (part.substr(0, 3) == "## ") {
    block.kind = mkrp::core::BlockKind::Heading;
    block.level = 2;
    part.remove_prefix(3);
  } else if (part.substr(0, 2) == "- ") {
    block.kind = mkrp::core::BlockKind::ListItem;
    block.label.push_back('-');  // (assigning "-" trips a GCC 12 -Wrestrict false positive)
    part.remove_prefix(2);
  }
  block.text = std::string(part);
  return block;
}

mkrp::core::Document documentOf(std::string_view text) {
  mkrp::core::Document document;
  while (!text.empty()) {
    const std::size_t end = text.find("\n\n");
    const std::string_view part = text.substr(0, end);
    if (!part.empty()) document.blocks.push_back(blockOf(part));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 2);
  }
  return document;
}

const mkrp::check::Precheck& precheck() {
  static const mkrp::check::Precheck instance(
      mkrp::check::loadChecklistDirectory((fs::path(MKRP_SOURCE_DIR) / "checklists").string()));
  return instance;
}

}  // namespace

TEST_CASE("checklist rules give typical wordings the status a reviewer gives them",
          "[check][checklists][wording]") {
  const std::vector<WordingCase> cases = readCases();
  REQUIRE(cases.size() >= 100);
  for (const WordingCase& wording : cases) {
    const bool psap = wording.item.rfind("LE-", 0) != 0;
    const mkrp::core::Report report =
        precheck().run(psap ? mkrp::core::AgencyKind::Psap : mkrp::core::AgencyKind::LawEnforcement,
                       {{"directive.docx", documentOf(wording.text)}});
    const mkrp::core::Finding* finding = report.findFinding(wording.item);
    INFO("wording_cases.tsv:" << wording.line << " " << wording.item << ": " << wording.text);
    REQUIRE(finding != nullptr);
    INFO("reason: " << finding->reason);
    CHECK(std::string(mkrp::core::toString(finding->status)) == wording.expected);
  }
}
