// One document read for matching: the tokens of all its blocks in one stream, the sentences,
// blocks and sections they fall in, every phrase occurrence, every duration and age, and which
// sentences are hedged. Built once per document and run; read-only afterwards.
// Internal to the check engine.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "check/engine/program.h"
#include "check/text/age.h"
#include "check/text/duration.h"
#include "check/text/token.h"
#include "core/document.h"

namespace mkrp::check::engine {

// Tokens [begin, end) of the document's token stream.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// Occurrences of a concept's exceptions ("effective immediately"), to tell whether a match lies
// inside one. Built from unsorted ranges; holds() is a binary search, not a scan.
class RangeCover {
 public:
  void add(std::span<const Range> ranges);
  void finish();  // call once after the last add()
  bool empty() const { return ranges_.empty(); }
  // Whether one of the ranges holds all of `range`.
  bool holds(Range range) const;

 private:
  std::vector<Range> ranges_;  // sorted by begin after finish()
  std::uint32_t longest_ = 0;
};

struct BlockInfo {
  Range tokens;      // empty for running headers and footers, which are not matched
  int section = -1;  // the innermost section the block is in; -1 before the first heading
  int leadIn = -1;   // for a list entry or table cell: the block that introduces it ("... :")
};

// A heading and the blocks it governs.
struct SectionInfo {
  Range tokens;
  int parent = -1;
  int heading = -1;  // block index
};

struct DurationAt {
  Range tokens;
  text::Duration duration;
};

struct AgeAt {
  Range tokens;
  text::AgeRange range;
};

class DocumentIndex {
 public:
  // Reads `document` with the phrases of `program`. Keeps references to both.
  DocumentIndex(const core::Document& document, const Program& program);

  const core::Document& document() const { return document_; }
  const std::vector<text::Token>& tokens() const { return tokens_.tokens(); }
  const std::vector<BlockInfo>& blocks() const { return blocks_; }
  const std::vector<SectionInfo>& sections() const { return sections_; }
  const std::vector<DurationAt>& durations() const { return durations_; }
  const std::vector<AgeAt>& ages() const { return ages_; }
  bool hasText() const { return !tokens_.empty(); }

  std::uint32_t blockOf(std::uint32_t token) const { return tokenBlock_[token]; }
  std::uint32_t sentenceOf(std::uint32_t token) const { return tokenSentence_[token]; }
  Range sentence(std::uint32_t index) const { return sentences_[index]; }
  // The tokens of section `index`; -1 is the part before the first heading (the whole document
  // when it has no heading).
  Range sectionRange(int index) const;
  // The innermost section that holds all of `range`, starting the search at `section` and going
  // outwards; nothing when none does.
  std::optional<int> sectionHolding(int section, Range range) const;

  // A list entry is read together with the sentence that introduces its list ("The officer
  // shall:"). The lead-in sentence of sentence `index`, or -1.
  int leadInOf(std::uint32_t sentence) const { return sentenceLeadIn_[sentence]; }
  // Whether a sentence is the lead-in of a list (ledSentences and ledBlocks are not empty); a
  // byte per sentence, read before the lists themselves because most sentences lead none.
  bool leadsList(std::uint32_t sentence) const { return leadsList_[sentence] != 0; }
  // The sentences, and the blocks, that a lead-in sentence introduces (empty for others).
  const std::vector<std::uint32_t>& ledSentences(std::uint32_t sentence) const {
    return ledSentences_[sentence];
  }
  const std::vector<std::uint32_t>& ledBlocks(std::uint32_t sentence) const {
    return ledBlocks_[sentence];
  }
  // The tokens of one block, for the text readers (negation, modality).
  std::span<const text::Token> blockTokens(std::uint32_t block) const;

  // Occurrences of phrase `id`, ordered by begin.
  std::span<const Range> occurrences(std::uint32_t phrase) const;
  // Every occurrence of every phrase, ordered by begin.
  const std::vector<Occurrence>& occurrencesInOrder() const { return found_; }

  // The hedge that weakens sentence `index` (in it, or in the lead-in of its list entry), or
  // nothing.
  std::optional<Range> hedgeOf(std::uint32_t sentence) const;
  // Whether hedgeOf(sentence) finds a hedge; one load, for the evaluator's every match.
  bool hedged(std::uint32_t sentence) const { return sentenceHedged_[sentence] != 0; }

  // Where a reason says a block is: its own label under its section's label ("332.4 (a)"), or
  // the nearest heading label; may be empty.
  std::string labelOf(std::uint32_t block) const;
  // The 1-based page of byte `offset` of a block (PDF), or 0.
  int pageOf(std::uint32_t block, std::uint32_t offset) const;
  // The text of tokens [range) (within one block) as written.
  std::string textOf(Range range) const;

 private:
  void readBlocks();
  void findSections();
  void findLeadIns();
  void findOccurrences(const PhraseMatcher& matcher);
  void findHedges(const Program& program);
  bool isBounded(Range hedge) const;

  const core::Document& document_;
  text::TokenList tokens_;  // with the words they view
  std::vector<std::uint32_t> tokenBlock_;
  std::vector<std::uint32_t> tokenSentence_;
  std::vector<Range> sentences_;
  std::vector<BlockInfo> blocks_;
  std::vector<SectionInfo> sections_;
  Range preamble_;  // the tokens before the first heading (all of them without headings)
  std::vector<int> sentenceLeadIn_;
  std::vector<std::vector<std::uint32_t>> ledSentences_;
  std::vector<std::vector<std::uint32_t>> ledBlocks_;
  std::vector<std::uint8_t> leadsList_;
  std::vector<std::uint32_t> occurrenceStart_;  // by phrase id, size phrases + 1
  std::vector<Range> occurrences_;
  std::vector<Occurrence> found_;  // the same, in text order
  std::vector<DurationAt> durations_;
  std::vector<AgeAt> ages_;
  std::vector<std::optional<Range>> sentenceHedge_;
  std::vector<std::uint8_t> sentenceHedged_;  // by sentence: hedgeOf(sentence) has a value
};

}  // namespace mkrp::check::engine
