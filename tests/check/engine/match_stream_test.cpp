// A finding reads a rule's matches one by one (Evaluator::stream) and stops at the first good
// one, so that most units of a long directive are never looked at. What it reads must be what
// the rule matches when evaluated whole, in the same order, with the same evidence. Checked on
// every labelled directive with the real checklists.
#include <catch2/catch.hpp>
#include <sstream>

#include "check/checklist_loader.h"
#include "check/engine/document_index.h"
#include "check/engine/evaluator.h"
#include "check/engine/program.h"
#include "directive_fixtures.h"
#include "engine_test_support.h"

namespace {

using mkrp::check::engine::CompiledPattern;
using mkrp::check::engine::DocumentIndex;
using mkrp::check::engine::Evaluator;
using mkrp::check::engine::Match;
using mkrp::check::engine::Program;
using mkrp::check::engine::Range;

const Program& realProgram() {
  static const Program program(
      mkrp::check::loadChecklistDirectory(std::string(MKRP_SOURCE_DIR) + "/checklists"));
  return program;
}

// A match as a finding sees it: where it lies, how good it is, its evidence and what it lacks.
std::string describe(const Evaluator& evaluator, const Match& match) {
  std::ostringstream out;
  out << match.begin << '-' << match.end << (match.partial ? " partial" : "")
      << (match.hedged ? " hedged" : "") << " spans";
  for (const auto& span : evaluator.spansOf(match)) out << ' ' << span.begin << '-' << span.end;
  if (const auto* detail = evaluator.detailOf(match)) {
    for (const std::string* name : evaluator.missingIn(*detail)) out << " lacks " << *name;
    out << " note " << detail->note;
  }
  return out.str();
}

std::vector<std::string> whole(Evaluator& evaluator, const CompiledPattern& pattern) {
  std::vector<std::string> matches;
  for (const Match& match : evaluator.evaluate(pattern.root)) {
    matches.push_back(describe(evaluator, match));
  }
  return matches;
}

std::vector<std::string> streamed(Evaluator& evaluator, const CompiledPattern& pattern,
                                  std::size_t firstUnits = Evaluator::kFirstUnits) {
  std::vector<std::string> matches;
  Evaluator::Stream stream = evaluator.stream(pattern.root, firstUnits);
  while (const auto match = stream.next()) matches.push_back(describe(evaluator, *match));
  return matches;
}

// Every pattern of the real checklists, in checklist order, on every labelled directive, with two
// evaluators of the directive: `visit(pattern, reference, other)`.
template <typename Visit>
void forEachFixturePattern(Visit visit) {
  const auto submissions =
      mkrp::testing::loadFixtureSubmissions(mkrp::testing::fixtureDirectivesDir());
  REQUIRE(submissions.size() > 10);
  for (const auto& submission : submissions) {
    for (const auto& file : submission.files) {
      INFO("file " << file.name);
      const DocumentIndex index(file.document, realProgram());
      Evaluator reference(realProgram(), index);
      Evaluator other(realProgram(), index);
      for (const auto& item : realProgram().items) {
        for (const auto* patterns : {&item.contradicts, &item.meets, &item.partial}) {
          for (const CompiledPattern& pattern : *patterns) {
            INFO("item " << item.id << ", pattern '" << pattern.reason << "'");
            visit(pattern, reference, other);
          }
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("a rule's matches read one by one are its matches evaluated whole, in order",
          "[check][engine][stream]") {
  // Units are read a few at a time; the order must not depend on how many.
  const std::size_t firstUnits = GENERATE(std::size_t{1}, Evaluator::kFirstUnits);
  INFO("units read first: " << firstUnits);
  std::size_t compared = 0;
  forEachFixturePattern(
      [&](const CompiledPattern& pattern, Evaluator& wholeReader, Evaluator& streamReader) {
        const auto expected = whole(wholeReader, pattern);
        CHECK(streamed(streamReader, pattern, firstUnits) == expected);
        compared += expected.size();
      });
  // The comparison means something only if the rules match a good deal.
  CHECK(compared > 2000);
}

TEST_CASE("a rule read only in part is still evaluated whole afterwards",
          "[check][engine][stream]") {
  std::size_t longer = 0;  // rules with more matches than the one read
  forEachFixturePattern(
      [&](const CompiledPattern& pattern, Evaluator& wholeReader, Evaluator& partReader) {
        partReader.stream(pattern.root).next();
        const auto expected = whole(wholeReader, pattern);
        CHECK(whole(partReader, pattern) == expected);
        if (expected.size() > 1) ++longer;
      });
  CHECK(longer > 100);
}

TEST_CASE("a match that begins in an earlier lead-in is read before a nested list's match",
          "[check][engine][stream]") {
  using namespace mkrp::check::testing;
  const Program program(checklistSet({evidenceItem(
      "X-1", {pattern("notifies", {allWithin("sentence", {phrase("notify the supervisor"),
                                                          phrase("NCIC")})})})}));
  // The nested entry (a) takes "NCIC" from its own lead-in; the last entry takes "notify the
  // supervisor" from the outer lead-in, so its match begins first though its sentence is last.
  const auto directive =
      document({"Officers shall notify the supervisor of the following:", "- An NCIC entry:",
                "(a) Officers notify the supervisor.", "- The NCIC record."});
  const DocumentIndex index(directive, program);
  const CompiledPattern& rule = program.items.at(0).meets.at(0);
  Evaluator wholeReader(program, index);
  const std::vector<Match>& matches = wholeReader.evaluate(rule.root);
  REQUIRE(matches.size() == 3);
  const Range nestedLeadIn = index.sentence(1);
  REQUIRE(matches[1].begin < nestedLeadIn.begin);
  REQUIRE(matches[2].begin >= nestedLeadIn.begin);
  const auto expected = whole(wholeReader, rule);
  for (std::size_t firstUnits = 1; firstUnits <= 4; ++firstUnits) {
    INFO("units read first: " << firstUnits);
    Evaluator streamReader(program, index);
    CHECK(streamed(streamReader, rule, firstUnits) == expected);
  }
}
