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
  nodes_[node].ends.push_back(id);
  phrases_.push_back(std::move(compiled));
  ids_.emplace(std::move(key), static_cast<int>(id));
  return static_cast<int>(id);
}

std::uint32_t PhraseMatcher::child(std::uint32_t node, std::uint64_t hash) {
  auto& next = nodes_[node].next;
  auto at = std::lower_bound(next.begin(), next.end(), hash,
                             [](const auto& edge, std::uint64_t h) { return edge.first < h; });
  if (at != next.end() && at->first == hash) return at->second;
  const auto created = static_cast<std::uint32_t>(nodes_.size());
  next.insert(at, {hash, created});
  nodes_.emplace_back();  // invalidates `next`; not used after this
  return created;
}

std::uint32_t PhraseMatcher::rootOf(std::uint64_t hash) const {
  if (roots_.empty()) return kNoRoot;
  const std::size_t mask = roots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const RootSlot& slot = roots_[at];
    if (slot.node == kNoRoot || slot.hash == hash) return slot.node;
  }
}

std::uint32_t PhraseMatcher::addRoot(std::uint64_t hash) {
  if (const std::uint32_t found = rootOf(hash); found != kNoRoot) return found;
  if (2 * (rootCount_ + 1) > roots_.size()) {
    std::vector<RootSlot> old = std::move(roots_);
    roots_.assign(std::max<std::size_t>(64, 2 * old.size()), RootSlot{});
    const std::size_t mask = roots_.size() - 1;
    for (const RootSlot& slot : old) {
      if (slot.node == kNoRoot) continue;
      std::size_t at = slot.hash & mask;
      while (roots_[at].node != kNoRoot) at = (at + 1) & mask;
      roots_[at] = slot;
    }
  }
  const std::size_t mask = roots_.size() - 1;
  std::size_t at = hash & mask;
  while (roots_[at].node != kNoRoot) at = (at + 1) & mask;
  roots_[at] = {hash, static_cast<std::uint32_t>(nodes_.size())};
  nodes_.emplace_back();
  ++rootCount_;
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
    std::uint32_t node = rootOf(tokens[i].normHash);
    if (node == kNoRoot) continue;
    for (std::size_t j = i;;) {
      for (const std::uint32_t id : nodes_[node].ends) {
        const Compiled& phrase = phrases_[id];
        if (!phrase.exactWords.empty() && !exactAt(phrase, tokens, i, blockText)) continue;
        out.push_back(
            {id, static_cast<std::uint32_t>(base + i), static_cast<std::uint32_t>(base + j + 1)});
      }
      if (++j == tokens.size() || tokens[j].sentence != tokens[i].sentence) break;
      const auto& next = nodes_[node].next;
      const std::uint64_t hash = tokens[j].normHash;
      const auto at =
          std::lower_bound(next.begin(), next.end(), hash,
                           [](const auto& edge, std::uint64_t h) { return edge.first < h; });
      if (at == next.end() || at->first != hash) break;
      node = at->second;
    }
  }
}

}  // namespace mkrp::check::engine
