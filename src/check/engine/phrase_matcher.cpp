#include "check/engine/phrase_matcher.h"

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
  byFirst_[compiled.hashes.front()].push_back(id);
  phrases_.push_back(std::move(compiled));
  ids_.emplace(std::move(key), static_cast<int>(id));
  return static_cast<int>(id);
}

bool PhraseMatcher::matchesAt(const Compiled& phrase, std::span<const text::Token> tokens,
                              std::size_t i, std::string_view blockText) const {
  const std::size_t n = phrase.norms.size();
  if (i + n > tokens.size()) return false;
  for (std::size_t k = 0; k < n; ++k) {
    const text::Token& token = tokens[i + k];
    if (k > 0 && token.sentence != tokens[i].sentence) return false;
    if (token.normHash != phrase.hashes[k] || token.norm != phrase.norms[k]) return false;
    if (!phrase.exactWords.empty() &&
        blockText.substr(token.start, token.end - token.start) != phrase.exactWords[k]) {
      return false;
    }
  }
  return true;
}

void PhraseMatcher::scan(std::span<const text::Token> tokens, std::string_view blockText,
                         std::uint32_t base, std::vector<Occurrence>& out) const {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto found = byFirst_.find(tokens[i].normHash);
    if (found == byFirst_.end()) continue;
    for (const std::uint32_t id : found->second) {
      const Compiled& phrase = phrases_[id];
      if (!matchesAt(phrase, tokens, i, blockText)) continue;
      const auto begin = static_cast<std::uint32_t>(base + i);
      out.push_back({id, begin, static_cast<std::uint32_t>(begin + phrase.norms.size())});
    }
  }
}

}  // namespace mkrp::check::engine
