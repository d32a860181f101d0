// Evaluates rule trees over one DocumentIndex: each Node gives the list of places it matches.
// Every phrase set's matches are gathered once per document; everything else is computed from
// them, once per node. Internal to the check engine; one Evaluator per document and run, on one
// thread.
#pragma once

#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
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
  // A sentence its evidence lies in is hedged (Evaluator::hedgeOf finds a hedge). Set when the
  // match is made: matches are ranked by it many times over.
  bool hedged = false;
};

struct Detail {
  // The evidence, in token ranges ordered by begin: Evaluator::spansOf. Held in one pool of the
  // Evaluator (composite matches are made by the ten thousand), [spansBegin, spansEnd) of it.
  std::uint32_t spansBegin = 0;
  std::uint32_t spansEnd = 0;
  // Members of an incomplete list, by name (Evaluator::missingIn): the names are the Program's
  // (Node::memberNames), kept in another pool of the Evaluator, [missingBegin, missingEnd) of it.
  std::uint32_t missingBegin = 0;
  std::uint32_t missingEnd = 0;
  std::string note;  // what a bound found ("'within 4 hours' is longer than ...")
};

class Evaluator {
 public:
  Evaluator(const Program& program, const DocumentIndex& index);

  // Every match of `node`, ordered by begin. Computed once per node; the reference stays valid
  // as long as the Evaluator.
  const std::vector<Match>& evaluate(const Node& node);

  // The matches of `node` in the order `evaluate` gives them, found only as far as they are
  // read: a finding needs a rule's first match, or its first good one, and the units of an <all>
  // after that one need not be looked at. In a long directive that is most of them.
  // An <all> of sentences, blocks or sections is read `firstUnits` units at first, then twice
  // as many each time more are needed.
  class Stream;
  static constexpr std::size_t kFirstUnits = 4;
  Stream stream(const Node& node, std::size_t firstUnits = kFirstUnits);

  // The evidence of a match, in token ranges ordered by begin.
  std::vector<Range> spansOf(const Match& match) const;
  // The detail of a composite match, or nothing.
  const Detail* detailOf(const Match& match) const;
  // The members of an incomplete list that a detail's match lacks, by name.
  std::span<const std::string* const> missingIn(const Detail& detail) const {
    return {detailMissing_.data() + detail.missingBegin, detail.missingEnd - detail.missingBegin};
  }
  // The first hedge in a sentence the match's evidence lies in, or nothing.
  std::optional<Range> hedgeOf(const Match& match) const;

  const DocumentIndex& index() const { return index_; }

  // How good a match is as evidence, lower is better: complete and unhedged (0), hedged (1), an
  // incomplete list (2), both (3). Where a unit holds several matches of a part, the best is
  // chosen, so that a hedged sentence elsewhere in a section does not weaken the whole.
  int rank(const Match& match) const;

 private:
  std::vector<Match> compute(const Node& node);
  // A match of tokens [range) that are their own evidence.
  Match plain(Range range) const;
  const std::vector<Match>& phrases(int set) const {
    return phraseMatches_[static_cast<std::size_t>(set)];
  }
  std::vector<Match> any(const Node& node);
  // An <any> whose options are all phrase sets.
  std::vector<Match> anyOfPhrases(const Node& node);
  std::vector<Match> all(const Node& node);
  std::vector<Match> allWithinWords(const Node& node);
  // The matches of `node`'s options that are (or are not) negated; with `windows`, only those
  // that begin inside one of them (token ranges ordered by begin, not overlapping).
  std::vector<Match> polarity(const Node& node, bool negated, const std::vector<Range>* windows);
  std::vector<Match> durations(const Node& node);
  std::vector<Match> ages(const Node& node);
  std::vector<Match> list(const Node& node);

  // The tokens of a unit: its own range, and for a list entry the lead-in sentence of its list.
  // At most two ranges, kept in place: units are made by the ten thousand.
  class UnitRanges {
   public:
    UnitRanges() = default;
    UnitRanges(Range own) : items_{own, {}}, size_(1) {}  // NOLINT: a unit of one range
    void push_back(Range range) { items_[size_++] = range; }
    std::size_t size() const { return size_; }
    const Range& front() const { return items_[0]; }
    const Range& operator[](std::size_t i) const { return items_[i]; }
    const Range* begin() const { return items_.data(); }
    const Range* end() const { return items_.data() + size_; }

   private:
    std::array<Range, 2> items_{};
    std::size_t size_ = 0;
  };

  // Where parts may meet: units of a scope (sentences, blocks, sections or the document), each
  // with the first match of every part inside it, if any. Kept in two flat vectors rather than
  // a vector per unit: units are found by the ten thousand.
  class Units {
   public:
    explicit Units(std::size_t parts) : parts_(parts) {}
    void add(const UnitRanges& ranges, std::span<const std::optional<Match>> chosen) {
      ranges_.push_back(ranges);
      chosen_.insert(chosen_.end(), chosen.begin(), chosen.end());
    }
    std::size_t size() const { return ranges_.size(); }
    // The tokens of unit `i` (a list entry's sentence and its lead-in).
    const UnitRanges& ranges(std::size_t i) const { return ranges_[i]; }
    // The match of each part in unit `i`, by part.
    std::span<const std::optional<Match>> chosen(std::size_t i) const {
      return {chosen_.data() + i * parts_, parts_};
    }

   private:
    std::size_t parts_;
    std::vector<UnitRanges> ranges_;
    std::vector<std::optional<Match>> chosen_;
  };
  using Lists = std::vector<const std::vector<Match>*>;
  Units unitsOf(core::Scope::Kind scope, const Lists& parts, bool needAll) const;
  Units sectionUnits(const Lists& parts, bool needAll) const;
  // The sections where parts may meet, in index order: the innermost section of every match.
  std::vector<int> candidateSections(const Lists& parts, bool needAll) const;
  // Adds to `units` those of `sections` (in index order) that hold a match of every part (with
  // `needAll`) or of any. `cursors` (by part) are where each part's search goes on from.
  void addSectionUnits(const Lists& parts, bool needAll, std::span<const int> sections,
                       std::vector<std::size_t>& cursors, Units& units) const;
  // The document as one unit, when the parts (all of them, with `needAll`) are in it.
  Units documentUnit(const Lists& parts, bool needAll) const;
  // All parts in one sentence or block, found from the units of the part with fewest matches.
  Units unitsFromDriver(core::Scope::Kind scope, const Lists& parts) const;
  // The parts from fewest matches to most, the first one (the driver) last: every unit visited
  // holds a match of the driver, and a rare part is the likeliest to be missing from a unit.
  static std::vector<std::size_t> searchOrder(const Lists& parts);
  // The sentence or block units that the matches of `driver` lie in, in text order.
  std::vector<std::uint32_t> unitKeys(core::Scope::Kind scope,
                                      const std::vector<Match>& driver) const;
  // Adds to `units` those of `keys` (in text order) that hold a match of every part, looking for
  // the parts in `order`. `cursors` (by part) are where each part's search goes on from.
  void addCompleteUnits(core::Scope::Kind scope, const Lists& parts,
                        std::span<const std::size_t> order, std::span<const std::uint32_t> keys,
                        std::vector<std::size_t>& cursors, Units& units) const;
  // The match of each unit whose tokens hold none of `withouts`, appended to `matches`.
  void joinUnits(const Units& units, const Lists& withouts, std::vector<Match>& matches);
  // The first match of `list` inside a unit (a full one over a partial one), or nothing. With
  // `ownStart`, the search of the unit's own range starts there (an index into `list` at or
  // before the first match in it) and leaves there where that range's matches begin.
  std::optional<Match> firstIn(const std::vector<Match>& list, const UnitRanges& ranges,
                               std::size_t* ownStart = nullptr) const;
  // The index of the first match of `list` at or after token `at`, searching from `from`.
  static std::size_t firstAtOrAfter(const std::vector<Match>& list, std::size_t from,
                                    std::uint32_t at);
  // The units of a sentence or block scope that a match lies in (several when it lies in a
  // list's lead-in), appended to `keys`.
  void keysOf(core::Scope::Kind scope, const Match& match, std::vector<std::uint32_t>& keys) const;
  UnitRanges rangesOf(core::Scope::Kind scope, std::uint32_t key) const;
  bool anyWithin(const Lists& withouts, const UnitRanges& ranges) const;
  bool anyWithin(const Lists& withouts, Range range) const;
  // The match of `parts` together, lacking the list members `missing` and those its parts lack.
  Match combine(std::span<const Match> parts, std::span<const std::string* const> missing = {});

  // Every phrase set's matches, from one pass over the document's occurrences.
  void findPhraseMatches();

  const Program& program_;
  const DocumentIndex& index_;
  std::vector<std::vector<Match>> phraseMatches_;             // by phrase set
  std::vector<std::optional<std::vector<Match>>> nodeCache_;  // by Node::id; never resized
  // Whether a span is negated, and by which cue, by (begin << 32 | end): several rules ask.
  struct NegationReading {
    bool negated = false;
    Range cue;
  };
  std::unordered_map<std::uint64_t, NegationReading> negations_;
  // By token: whether it starts a clause, as far as negation reading has needed to know (see
  // text::clauseOf); the clause of every negation read is found from it.
  std::vector<std::uint8_t> clauseStarts_;
  NegationReading negationAt(const Match& match);
  // The parts of an <all>, the ones that are only phrases first: when one of them has no match,
  // the costlier parts (negation, lists) need not be evaluated at all.
  // With `narrowed`, a negated or affirmed part not yet evaluated is read only inside the units
  // where the part of phrases with fewest matches lies, into `narrowed`: its matches there are
  // all that finding the units of the <all> needs.
  bool evaluateParts(const Node& node, Lists& parts, std::deque<std::vector<Match>>* narrowed);
  // The first step of reading an <all>'s parts: `parts` sized to them, with the parts of phrases
  // evaluated. Returns the index of the one with fewest matches (the number of parts when there
  // is none), or nothing when one of them has no match.
  std::optional<std::size_t> evaluatePhraseParts(const Node& node, Lists& parts);
  // Whether an <all> reads `part` only where its parts of phrases meet: a negated or affirmed
  // part not evaluated yet.
  bool readsInUnits(const Node& part) const;
  // The tokens of the units of `scope` (with their lead-in sentences) that `matches` lie in,
  // ordered and joined where they overlap.
  std::vector<Range> unitWindows(core::Scope::Kind scope, const std::vector<Match>& matches) const;
  // The tokens of units `keys` of a sentence or block scope (with their lead-in sentences),
  // ordered and joined where they overlap.
  std::vector<Range> windowsOf(core::Scope::Kind scope, std::span<const std::uint32_t> keys) const;
  // An <all> of sentences, blocks or sections read unit by unit, in text order (Stream).
  class UnitReader;
  std::vector<Detail> details_;
  std::vector<Range> detailSpans_;                 // the spans of every Detail, one after the other
  std::vector<Range> scratchSpans_;                // combine's spans before they join the pool
  std::vector<const std::string*> detailMissing_;  // the missing members of every Detail
  std::vector<const std::string*> scratchMissing_;  // combine's before they join the pool
  std::span<const Range> spansIn(const Detail& detail) const {
    return {detailSpans_.data() + detail.spansBegin, detail.spansEnd - detail.spansBegin};
  }
  // Appends `spans` to the pool as the spans of `detail`.
  void setSpans(Detail& detail, std::span<const Range> spans);
};

class Evaluator::Stream {
 public:
  Stream(Stream&&) noexcept;
  Stream& operator=(Stream&&) noexcept;
  ~Stream();

  // The next match, or nothing when every match has been read.
  std::optional<Match> next();

 private:
  friend class Evaluator;
  Stream(Evaluator& evaluator, const Node& node, std::size_t firstUnits);

  // One option of the node: a list already made, or an <all> read unit by unit.
  struct Source {
    const std::vector<Match>* list = nullptr;
    std::size_t at = 0;
    std::unique_ptr<UnitReader> reader;
    const Match* peek();
    void pop();
  };
  Evaluator* evaluator_;
  const Node* node_;
  std::vector<Source> sources_;
  std::optional<Match> last_;  // the match given last
  // Whether the matches given are kept: read to the end, they are the node's matches. Not when
  // they come from a list already made.
  bool keep_ = false;
  std::vector<Match> read_;
};

}  // namespace mkrp::check::engine
