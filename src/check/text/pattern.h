// Short word patterns matched against a token stream: the cue tables of the duration, age,
// negation and modality readers are written in this form, and a matcher may use it too.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check/text/token.h"

namespace mkrp::check::text {

class Tokenizer;

// A sequence of slots, each matching one token or a few. Syntax of a spec:
//   slots separated by blanks                 "as soon as practical"
//   alternatives separated by '|'             "if|when|where possible"
//   several words in one alternative by '_'   "younger_than|under 18"
//   a trailing '?' makes the slot optional    "end of the? shift"
//   '#' matches any number token, '*' any word token
//   a leading '=' matches the words as written, unstemmed ("=timely" does not match "time",
//   which "timely" would, since the stemmer maps both to "time")
// Every other alternative goes through the Tokenizer, so "permits" also matches "permitted" and
// "permitting", and "hours" matches "hour". A match never runs across a sentence boundary.
class Pattern {
 public:
  // Compiles `spec`. Throws std::invalid_argument naming the spec when it has no slots or a slot
  // with an empty alternative.
  Pattern(std::string_view spec, Tokenizer& tokenizer);

  // Returns the end (one past the last token) of the longest match that starts at token `i`, or
  // nothing. A match with only optional slots matched is no match.
  std::optional<std::size_t> matchAt(std::span<const Token> tokens, std::size_t i) const;

  const std::string& spec() const { return spec_; }

  // The norms a match can start with, or nothing when any token can start one (a leading '*',
  // '#' or an all-optional pattern).
  std::optional<std::vector<std::string>> firstWords() const;
  // The norms the second token of a match can have, or nothing when a match can be one token long
  // or any token can come second. A scan skips the pattern when the next token is none of these.
  std::optional<std::vector<std::string>> secondWords() const;

 private:
  struct Alternative {
    std::vector<std::uint64_t> hashes;  // hashWord of each norm: a word is checked by it first
    std::vector<std::string> norms;     // the tokenizer's norms of the words
    std::vector<std::string> lowers;    // the tokenizer's lower-case words
    bool exact = false;                 // compare `lowers` instead of `norms`
  };
  struct Slot {
    std::vector<Alternative> alternatives;
    bool optional = false;
    bool anyNumber = false;
    bool anyWord = false;
  };
  // The longest end reachable from slot `s` at token `i`; `best` holds the best so far.
  void extend(std::span<const Token> tokens, std::size_t slot, std::size_t i, std::size_t first,
              std::optional<std::size_t>& best) const;
  // The end of `alternative` matched at token `i`, or nothing.
  static std::optional<std::size_t> matchWords(std::span<const Token> tokens, std::size_t i,
                                               const Alternative& alternative, std::size_t first);
  // Adds to `words` the norms a match can go on with at slot `slot`; false when it can end there
  // or go on with any token.
  bool followers(std::size_t slot, std::vector<std::string>& words) const;

  std::string spec_;
  std::vector<Slot> slots_;
};

// A match of one row of a PatternTable: which row and the tokens it covers.
struct RuleMatch {
  std::size_t rule = 0;
  TokenRange tokens;
};

// A cue table: patterns with the value each stands for, indexed by their possible first words so
// that a scan over a long document tries only the rows that can start at a token.
template <typename Value>
class PatternTable {
 public:
  // Adds a row; rows added earlier win ties. Throws std::invalid_argument for a bad spec.
  void add(std::string_view spec, Value value, Tokenizer& tokenizer) {
    const std::size_t row = rows_.size();
    rows_.push_back({Pattern(spec, tokenizer), std::move(value)});
    const Pattern& pattern = rows_.back().pattern;
    if (const auto firsts = pattern.firstWords()) {
      const Candidate candidate = candidateOf(row, pattern);
      for (const std::string& word : *firsts) {
        const std::uint64_t hash = hashWord(word);
        auto& rows = startingWith(hash);
        if (rows.empty() || rows.back().row != row) rows.push_back(candidate);
        bloom_[(hash >> 6) % bloom_.size()] |= std::uint64_t{1} << (hash & 63);
      }
    } else {
      anyFirst_.push_back(row);
    }
  }

  // False when no row can start at `token`: a test of a few instructions, for scans.
  bool mayStartAt(const Token& token) const {
    const std::uint64_t hash = token.normHash;
    return !anyFirst_.empty() ||
           (bloom_[(hash >> 6) % bloom_.size()] & (std::uint64_t{1} << (hash & 63))) != 0;
  }

  // Returns the longest match of any row starting at token `i`, or nothing.
  std::optional<RuleMatch> longestAt(std::span<const Token> tokens, std::size_t i) const {
    std::optional<RuleMatch> best;
    auto consider = [&](std::size_t row) {
      const auto end = rows_[row].pattern.matchAt(tokens, i);
      if (!end) return;
      const bool longer = !best || *end > best->tokens.end;
      const bool earlierTie = best && *end == best->tokens.end && row < best->rule;
      if (longer || earlierTie) best = RuleMatch{row, {i, *end}};
    };
    if (i >= tokens.size() || !mayStartAt(tokens[i])) return best;
    if (const auto* rows = rowsStartingWith(tokens[i].normHash)) {
      const std::uint64_t second = i + 1 < tokens.size() ? maskBit(tokens[i + 1].normHash) : 0;
      for (const Candidate& candidate : *rows) {
        if (candidate.needsSecond && (candidate.seconds & second) == 0) continue;
        consider(candidate.row);
      }
    }
    for (std::size_t row : anyFirst_) consider(row);
    return best;
  }

  const Value& value(std::size_t row) const { return rows_[row].value; }
  const Pattern& pattern(std::size_t row) const { return rows_[row].pattern; }

 private:
  struct Row {
    Pattern pattern;
    Value value;
  };
  // A row that can start with a given norm, and the norms its second token can have as a bit
  // set (one bit per hash), so that most rows are turned away without being matched.
  struct Candidate {
    std::size_t row = 0;
    bool needsSecond = false;  // no match of the row is shorter than two tokens
    std::uint64_t seconds = 0;
  };
  struct FirstWord {
    std::uint64_t hash = 0;
    std::vector<Candidate> rows;
  };

  static std::uint64_t maskBit(std::uint64_t hash) { return std::uint64_t{1} << (hash & 63); }

  static Candidate candidateOf(std::size_t row, const Pattern& pattern) {
    Candidate candidate{row, false, 0};
    if (const auto seconds = pattern.secondWords()) {
      candidate.needsSecond = true;
      for (const std::string& word : *seconds) candidate.seconds |= maskBit(hashWord(word));
    }
    return candidate;
  }

  // The rows starting with the norm of hash `hash`, or null. An open-addressing table over
  // firstWords_ (a power of two in size, at most half full).
  const std::vector<Candidate>* rowsStartingWith(std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t held = slots_[slot];
      if (held == 0) return nullptr;
      if (firstWords_[held - 1].hash == hash) return &firstWords_[held - 1].rows;
    }
  }

  std::vector<Candidate>& startingWith(std::uint64_t hash) {
    for (FirstWord& word : firstWords_) {
      if (word.hash == hash) return word.rows;
    }
    firstWords_.push_back({hash, {}});
    if (2 * firstWords_.size() > slots_.size()) {
      slots_.assign(std::max<std::size_t>(16, 2 * slots_.size()), 0);
      for (std::size_t k = 0; k + 1 < firstWords_.size(); ++k) place(k);
    }
    place(firstWords_.size() - 1);
    return firstWords_.back().rows;
  }

  void place(std::size_t word) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = firstWords_[word].hash & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<std::uint32_t>(word + 1);
  }

  std::vector<Row> rows_;
  std::vector<FirstWord> firstWords_;      // by first norm
  std::vector<std::uint32_t> slots_;       // 0: empty; else index in firstWords_ + 1
  std::array<std::uint64_t, 64> bloom_{};  // a bit per first norm's hash
  std::vector<std::size_t> anyFirst_;
};

}  // namespace mkrp::check::text
