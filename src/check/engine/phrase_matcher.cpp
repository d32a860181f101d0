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
  std::uint32_t node = addRoot(compiled.hashes[0]).node;
  for (std::size_t k = 1; k < compiled.hashes.size(); ++k) {
    node = child(node, compiled.hashes[k]).node;
  }
  // Appended at the end of the node's chain: phrases ending at one node keep the order added.
  nextEnd_.push_back(kNone);
  exact_.push_back(exact ? 1 : 0);
  Step& step = stepOf(node);
  if (step.firstEnd == kNone) {
    step.firstEnd = id;
  } else {
    std::uint32_t last = step.firstEnd;
    while (nextEnd_[last] != kNone) last = nextEnd_[last];
    nextEnd_[last] = id;
  }
  phrases_.push_back(std::move(compiled));
  ids_.emplace(std::move(key), static_cast<int>(id));
  return static_cast<int>(id);
}

namespace {

std::size_t slotIndex(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>(key ^ (key >> 32)) & mask;
}

}  // namespace

PhraseMatcher::Step PhraseMatcher::find(const std::vector<Slot>& table, std::uint64_t key) {
  if (table.empty()) return {};
  const std::size_t mask = table.size() - 1;
  for (std::size_t at = slotIndex(key, mask);; at = (at + 1) & mask) {
    const Slot& slot = table[at];
    if (slot.step.node == kNone || slot.key == key) return slot.step;
  }
}

std::uint32_t PhraseMatcher::insert(bool root, std::uint64_t key) {
  std::vector<Slot>& table = root ? roots_ : edges_;
  std::size_t& count = root ? rootCount_ : edgeCount_;
  if (2 * (count + 1) > table.size()) {
    std::vector<Slot> old = std::move(table);
    table.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
    const std::size_t mask = table.size() - 1;
    for (const Slot& slot : old) {
      if (slot.step.node == kNone) continue;
      std::size_t at = slotIndex(slot.key, mask);
      while (table[at].step.node != kNone) at = (at + 1) & mask;
      table[at] = slot;
    }
  }
  const std::size_t mask = table.size() - 1;
  std::size_t at = slotIndex(key, mask);
  while (table[at].step.node != kNone) at = (at + 1) & mask;
  const auto node = static_cast<std::uint32_t>(keyOf_.size());
  keyOf_.push_back({root, key});
  table[at] = {key, {node, kNone}};
  ++count;
  return node;
}

PhraseMatcher::Step PhraseMatcher::childOf(std::uint32_t node, std::uint64_t hash) const {
  return find(edges_, stepKey(node, hash));
}

PhraseMatcher::Step PhraseMatcher::child(std::uint32_t node, std::uint64_t hash) {
  const std::uint64_t key = stepKey(node, hash);
  if (const Step found = find(edges_, key); found.node != kNone) return found;
  const std::uint32_t created = insert(false, key);
  markStep(node, hash);
  return {created, kNone};
}

PhraseMatcher::Step PhraseMatcher::rootOf(std::uint64_t hash) const { return find(roots_, hash); }

PhraseMatcher::Step PhraseMatcher::addRoot(std::uint64_t hash) {
  if (const Step found = find(roots_, hash); found.node != kNone) return found;
  const std::uint32_t created = insert(true, hash);
  return {created, kNone};
}

PhraseMatcher::Step& PhraseMatcher::stepOf(std::uint32_t node) {
  const NodeKey& key = keyOf_[node];
  std::vector<Slot>& table = key.root ? roots_ : edges_;
  const std::size_t mask = table.size() - 1;
  std::size_t at = slotIndex(key.key, mask);
  while (table[at].key != key.key || table[at].step.node != node) at = (at + 1) & mask;
  return table[at].step;
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
    Step step = rootOf(tokens[i].normHash);
    if (step.node == kNone) continue;
    for (std::size_t j = i;;) {
      for (std::uint32_t id = step.firstEnd; id != kNone; id = nextEnd_[id]) {
        if (exact_[id] != 0 && !exactAt(phrases_[id], tokens, i, blockText)) continue;
        out.push_back(
            {id, static_cast<std::uint32_t>(base + i), static_cast<std::uint32_t>(base + j + 1)});
      }
      if (++j == tokens.size() || tokens[j].sentence != tokens[i].sentence) break;
      if (!mayStep(step.node, tokens[j].normHash)) break;
      step = childOf(step.node, tokens[j].normHash);
      if (step.node == kNone) break;
    }
  }
}

}  // namespace mkrp::check::engine
