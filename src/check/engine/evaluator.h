// Evaluates rule trees over one DocumentIndex: each Node gives the list of places it matches.
// Phrase sets are looked up once per document and cached; everything else is computed from
// them. Internal to the check engine; one Evaluator per document and run, on one thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/engine/document_index.h"
#include "check/engine/program.h"

namespace mkrp::check::engine {

// One place a node matches: the tokens it covers, and (for composite matches) the parts it rests
// on in Evaluator::detail.
struct Match {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::int32_t detail = -1;  // -1: the covered tokens are the evidence
  bool partial = false;      // an incomplete list
};

struct Detail {
  std::vector<Range> spans;          // the evidence, in token ranges
  std::vector<std::string> missing;  // members of an incomplete list
  std::string note;                  // what a bound found ("'within 4 hours' is longer than ...")
};

class Evaluator {
 public:
  Evaluator(const Program& program, const DocumentIndex& index);

  // Every match of `node`, ordered by begin.
  std::vector<Match> evaluate(const Node& node);

  // The evidence of a match, in token ranges ordered by begin.
  std::vector<Range> spansOf(const Match& match) const;
  // The detail of a composite match, or nothing.
  const Detail* detailOf(const Match& match) const;
  // The first hedge in a sentence the match's evidence lies in, or nothing.
  std::optional<Range> hedgeOf(const Match& match) const;

  const DocumentIndex& index() const { return index_; }

 private:
  std::vector<Match> phrases(int set);
  std::vector<Match> any(const Node& node);
  std::vector<Match> all(const Node& node);
  std::vector<Match> allWithinWords(const Node& node);
  std::vector<Match> polarity(const Node& node, bool negated);
  std::vector<Match> durations(const Node& node);
  std::vector<Match> ages(const Node& node);
  std::vector<Match> list(const Node& node);

  // The unit of `scope` that the whole match lies in, or nothing when it spans several.
  std::optional<std::uint32_t> unitOf(core::Scope::Kind scope, const Match& match) const;
  // The token range of a unit.
  Range unitRange(core::Scope::Kind scope, std::uint32_t unit) const;
  // The narrowest scope a `without` is looked for in, around the chosen parts.
  Range withoutRange(core::Scope::Kind scope, std::uint32_t unit,
                     const std::vector<Match>& parts) const;
  bool anyWithin(const std::vector<std::vector<Match>>& withouts, Range range) const;
  Match combine(const std::vector<Match>& parts, std::vector<std::string> missing = {});

  const Program& program_;
  const DocumentIndex& index_;
  std::vector<std::optional<std::vector<Match>>> phraseCache_;
  std::vector<Detail> details_;
};

}  // namespace mkrp::check::engine
