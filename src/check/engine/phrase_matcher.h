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
  // The trie is flat, so that a scan follows no pointers: a node is a number; the phrases that
  // end at it are a chain from its step's firstEnd through nextEnd_; its next words are entries
  // of one open-addressing table keyed by (node, norm hash). Norms are told apart by their 64-bit
  // hashes alone, and steps by a 64-bit mix of node and hash.
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  // A step of the trie as a scan reads it: where it leads and the first phrase ending there, in
  // one slot, so that following a step touches one cache line.
  struct Step {
    std::uint32_t node = kNone;
    std::uint32_t firstEnd = kNone;
  };
  Step child(std::uint32_t node, std::uint64_t hash);          // creates it when missing
  Step childOf(std::uint32_t node, std::uint64_t hash) const;  // or a Step with node kNone
  // The step a first norm starts (node kNone: none). Every token of a document asks this, so the
  // first words have a small table of their own.
  Step rootOf(std::uint64_t hash) const;
  Step addRoot(std::uint64_t hash);  // the root step for `hash`, created when missing
  // The step that leads to `node`, in its table (while phrases are added).
  Step& stepOf(std::uint32_t node);
  bool exactAt(const Compiled& phrase, std::span<const text::Token> tokens, std::size_t i,
               std::string_view blockText) const;

  std::vector<Compiled> phrases_;
  std::vector<std::uint8_t> exact_;           // by phrase: 1 when it compares written words
  std::unordered_map<std::string, int> ids_;  // by joined norms (or exact words)
  std::vector<std::uint32_t> nextEnd_;  // by phrase: the next phrase ending at its node, or kNone
  struct Slot {
    std::uint64_t key = 0;  // the first norm's hash (roots), or stepKey(parent, hash) (edges)
    Step step;              // step.node kNone: the slot is empty
  };
  static std::uint64_t stepKey(std::uint32_t parent, std::uint64_t hash) {
    return (hash ^ (std::uint64_t{parent} + 1) * 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
  }
  // Open-addressing tables, a power of two in size and at most half full.
  static Step find(const std::vector<Slot>& table, std::uint64_t key);  // node kNone: absent
  // Adds a new node under `key`, which must be absent from its table (roots_ for a `root`, else
  // edges_), and returns it.
  std::uint32_t insert(bool root, std::uint64_t key);
  std::vector<Slot> roots_;  // first norm -> step
  std::size_t rootCount_ = 0;
  std::vector<Slot> edges_;  // (node, next norm) -> step
  std::size_t edgeCount_ = 0;
  struct NodeKey {
    bool root = false;
    std::uint64_t key = 0;
  };
  std::vector<NodeKey> keyOf_;  // by node: the key of the step that leads to it
  // One bit per value of a short hash of each edge (node, next norm), set for every edge that
  // exists. After a phrase's first word a scan asks for the next step, and most do not exist;
  // this table is small enough to stay in the processor's nearest caches, unlike the edge table,
  // and turns most of them away. (Most words start some phrase: the roots are asked directly.)
  static constexpr unsigned kStepBits = 18;
  std::vector<std::uint64_t> steps_ =
      std::vector<std::uint64_t>((std::size_t{1} << kStepBits) / 64);
  static std::size_t stepBit(std::uint32_t node, std::uint64_t hash) {
    return static_cast<std::size_t>(
        ((hash ^ (std::uint64_t{node} * 0x9E3779B97F4A7C15ull)) * 0xD6E8FEB86659FD93ull) >>
        (64 - kStepBits));
  }
  void markStep(std::uint32_t node, std::uint64_t hash) {
    const std::size_t bit = stepBit(node, hash);
    steps_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  bool mayStep(std::uint32_t node, std::uint64_t hash) const {
    const std::size_t bit = stepBit(node, hash);
    return (steps_[bit / 64] >> (bit % 64) & 1) != 0;
  }
};

}  // namespace mkrp::check::engine
