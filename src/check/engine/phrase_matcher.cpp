#include "check/engine/phrase_matcher.h"

#include <algorithm>

#include "check/text/tokenizer.h"

namespace mkrp::check::engine {
namespace {

// The written words of an exact-case phrase, one per token, or nothing when the tokenizer reads
// the phrase into a different number of tokens than its norms (then case is not compared).
std::vector<std::string> exactWordsOf(const std::string& phrase, std::size_t tokenCount) {
  std::vector<std::string> words;
  for (const text::Token& token : text::tokenize(phrase)) {
    words.push_back(phrase.substr(token.start, token.end - token.start));
  }
  if (words.size() != tokenCount) words.clear();
  return words;
}

std::string keyOf(const std::vector<std::string>& words, bool exact) {
  std::string key = exact ? "=" : "~";
  for (const std::string& word : words) key += word + ' ';
  return key;
}

}  // namespace

int PhraseMatcher::add(const core::Phrase& phrase) {
  Compiled compiled;
  compiled.text = phrase.text;
  compiled.norms = text::normalizePhrase(phrase.text);
  if (compiled.norms.empty()) return -1;
  if (phrase.exactCase) compiled.exactWords = exactWordsOf(phrase.text, compiled.norms.size());
  const bool exact = !compiled.exactWords.empty();
  std::string key = keyOf(exact ? compiled.exactWords : compiled.norms, exact);
  if (const auto found = ids_.find(key); found != ids_.end()) return found->second;
  for (const std::string& norm : compiled.norms) compiled.hashes.push_back(text::hashWord(norm));
  const auto id = static_cast<std::uint32_t>(phrases_.size());
  std::uint32_t node = 0;
  for (std::size_t k = 0; k < compiled.hashes.size(); ++k) {
    if (k == 0) {
      node = addRoot(compiled.hashes[0]);
    } else {
      node = child(node, compiled.hashes[k]);
    }
  }
  // Appended at the end of the node's chain: phrases ending at one node keep the order added.
  nextEnd_.push_back(kNone);
  std::uint32_t* last = &firstEnd_[node];
  while (*last != kNone) last = &nextEnd_[*last];
  *last = id;
  phrases_.push_back(std::move(compiled));
  ids_.emplace(std::move(key), static_cast<int>(id));
  return static_cast<int>(id);
}

std::uint32_t PhraseMatcher::newNode() {
  firstEnd_.push_back(kNone);
  return static_cast<std::uint32_t>(firstEnd_.size() - 1);
}

namespace {

// Where the edge (parent, hash) starts its probe in a table of mask + 1 slots.
std::size_t edgeSlot(std::uint32_t parent, std::uint64_t hash, std::size_t mask) {
  return static_cast<std::size_t>(hash + (parent + 1) * 0x9E3779B97F4A7C15ull) & mask;
}

}  // namespace

std::uint32_t PhraseMatcher::childOf(std::uint32_t node, std::uint64_t hash) const {
  if (edges_.empty()) return kNone;
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t at = edgeSlot(node, hash, mask);; at = (at + 1) & mask) {
    const EdgeSlot& slot = edges_[at];
    if (slot.parent == kNone) return kNone;
    if (slot.parent == node && slot.hash == hash) return slot.child;
  }
}

std::uint32_t PhraseMatcher::child(std::uint32_t node, std::uint64_t hash) {
  if (const std::uint32_t found = childOf(node, hash); found != kNone) return found;
  if (2 * (edgeCount_ + 1) > edges_.size()) {
    std::vector<EdgeSlot> old = std::move(edges_);
    edges_.assign(std::max<std::size_t>(256, 2 * old.size()), EdgeSlot{});
    const std::size_t mask = edges_.size() - 1;
    for (const EdgeSlot& slot : old) {
      if (slot.parent == kNone) continue;
      std::size_t at = edgeSlot(slot.parent, slot.hash, mask);
      while (edges_[at].parent != kNone) at = (at + 1) & mask;
      edges_[at] = slot;
    }
  }
  const std::size_t mask = edges_.size() - 1;
  std::size_t at = edgeSlot(node, hash, mask);
  while (edges_[at].parent != kNone) at = (at + 1) & mask;
  const std::uint32_t created = newNode();
  edges_[at] = {hash, node, created};
  markStep(node, hash);
  ++edgeCount_;
  return created;
}

std::uint32_t PhraseMatcher::rootOf(std::uint64_t hash) const {
  if (roots_.empty()) return kNone;
  const std::size_t mask = roots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const RootSlot& slot = roots_[at];
    if (slot.node == kNone || slot.hash == hash) return slot.node;
  }
}

std::uint32_t PhraseMatcher::addRoot(std::uint64_t hash) {
  if (const std::uint32_t found = rootOf(hash); found != kNone) return found;
  if (2 * (rootCount_ + 1) > roots_.size()) {
    std::vector<RootSlot> old = std::move(roots_);
    roots_.assign(std::max<std::size_t>(64, 2 * old.size()), RootSlot{});
    const std::size_t mask = roots_.size() - 1;
    for (const RootSlot& slot : old) {
      if (slot.node == kNone) continue;
      std::size_t at = slot.hash & mask;
      while (roots_[at].node != kNone) at = (at + 1) & mask;
      roots_[at] = slot;
    }
  }
  const std::size_t mask = roots_.size() - 1;
  std::size_t at = hash & mask;
  while (roots_[at].node != kNone) at = (at + 1) & mask;
  roots_[at] = {hash, newNode()};
  ++rootCount_;
  markStep(kNone, hash);
  return roots_[at].node;
}

bool PhraseMatcher::exactAt(const Compiled& phrase, std::span<const text::Token> tokens,
                            std::size_t i, std::string_view blockText) const {
  for (std::size_t k = 0; k < phrase.exactWords.size(); ++k) {
    const text::Token& token = tokens[i + k];
    if (blockText.substr(token.start, token.end - token.start) != phrase.exactWords[k]) {
      return false;
    }
  }
  return true;
}

void PhraseMatcher::scan(std::span<const text::Token> tokens, std::string_view blockText,
                         std::uint32_t base, std::vector<Occurrence>& out) const {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!mayStep(kNone, tokens[i].normHash)) continue;
    std::uint32_t node = rootOf(tokens[i].normHash);
    if (node == kNone) continue;
    for (std::size_t j = i;;) {
      for (std::uint32_t id = firstEnd_[node]; id != kNone; id = nextEnd_[id]) {
        const Compiled& phrase = phrases_[id];
        if (!phrase.exactWords.empty() && !exactAt(phrase, tokens, i, blockText)) continue;
        out.push_back(
            {id, static_cast<std::uint32_t>(base + i), static_cast<std::uint32_t>(base + j + 1)});
      }
      if (++j == tokens.size() || tokens[j].sentence != tokens[i].sentence) break;
      if (!mayStep(node, tokens[j].normHash)) break;
      node = childOf(node, tokens[j].normHash);
      if (node == kNone) break;
    }
  }
}

}  // namespace mkrp::check::engine
