// Every phrase of the checklists in one matcher: a pass over a block's tokens finds every
// occurrence of every phrase. The phrases form a trie over the hashes of their token norms, so a
// token that starts no phrase costs one table probe and a phrase is followed only as far as the
// text agrees with it. Internal to the check engine.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/text/token.h"
#include "core/checklist.h"

namespace mkrp::check::engine {

// One occurrence of a phrase: tokens [begin, end) of the document's token stream.
struct Occurrence {
  std::uint32_t phrase = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

class PhraseMatcher {
 public:
  // Adds a wording and returns its id. Wordings with the same norms (and, for case="exact", the
  // same written words) share one id. Returns -1 for a phrase with no words (the loader rejects
  // those, so it never happens with loaded checklists).
  int add(const core::Phrase& phrase);

  std::size_t size() const { return phrases_.size(); }
  // The phrase as written (the first wording added with this id).
  const std::string& text(std::uint32_t id) const { return phrases_[id].text; }

  // Appends to `out` every occurrence in `tokens`, the tokens of one block whose text is
  // `blockText`; token i of the block is token `base + i` of the document. A phrase never runs
  // across a sentence boundary. Occurrences come out ordered by begin.
  void scan(std::span<const text::Token> tokens, std::string_view blockText, std::uint32_t base,
            std::vector<Occurrence>& out) const;

 private:
  struct Compiled {
    std::string text;
    std::vector<std::string> norms;
    std::vector<std::uint64_t> hashes;
    std::vector<std::string> exactWords;  // case="exact": the words as written; else empty
  };
  // One step of the trie: the phrases that end here and the next words, by norm hash. Norms are
  // told apart by their 64-bit hashes alone.
  struct TrieNode {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> next;  // sorted by hash
    std::vector<std::uint32_t> ends;                            // phrase ids
  };

  std::uint32_t child(std::uint32_t node, std::uint64_t hash);  // creates it when missing
  // The trie node a first norm starts, or kNoRoot. Every token of a document asks this, so it is
  // an open-addressing table probed by the hash's low bits rather than a node-based map.
  static constexpr std::uint32_t kNoRoot = 0xFFFFFFFFu;
  std::uint32_t rootOf(std::uint64_t hash) const;
  std::uint32_t addRoot(std::uint64_t hash);  // the root node for `hash`, created when missing
  bool exactAt(const Compiled& phrase, std::span<const text::Token> tokens, std::size_t i,
               std::string_view blockText) const;

  std::vector<Compiled> phrases_;
  std::unordered_map<std::string, int> ids_;  // by joined norms (or exact words)
  std::vector<TrieNode> nodes_;
  struct RootSlot {
    std::uint64_t hash = 0;
    std::uint32_t node = kNoRoot;  // kNoRoot: the slot is empty
  };
  std::vector<RootSlot> roots_;  // first norm -> node; size a power of two, at most half full
  std::size_t rootCount_ = 0;
};

}  // namespace mkrp::check::engine
