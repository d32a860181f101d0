#include "check/text/pattern.h"

#include <stdexcept>

#include "check/text/tokenizer.h"

namespace mkrp::check::text {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find(separator, begin);
    parts.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

std::invalid_argument badSpec(std::string_view spec, std::string_view why) {
  return std::invalid_argument("word pattern \"" + std::string(spec) + "\": " + std::string(why));
}

}  // namespace

Pattern::Pattern(std::string_view spec, Tokenizer& tokenizer) : spec_(spec) {
  for (std::string_view word : split(spec, ' ')) {
    if (word.empty()) continue;
    Slot slot;
    if (word.ends_with('?')) {
      slot.optional = true;
      word.remove_suffix(1);
    }
    if (word == "#") {
      slot.anyNumber = true;
    } else if (word == "*") {
      slot.anyWord = true;
    } else {
      for (std::string_view written : split(word, '|')) {
        Alternative alternative;
        alternative.exact = written.starts_with('=');
        if (alternative.exact) written.remove_prefix(1);
        std::string phrase(written);
        for (char& c : phrase) c = c == '_' ? ' ' : c;
        for (const Token& token : tokenizer.tokenize(phrase)) {
          alternative.hashes.push_back(token.normHash);
          alternative.norms.emplace_back(token.norm);
          alternative.lowers.emplace_back(token.lower);
        }
        if (alternative.norms.empty()) throw badSpec(spec, "a slot has an empty alternative");
        slot.alternatives.push_back(std::move(alternative));
      }
    }
    slots_.push_back(std::move(slot));
  }
  if (slots_.empty()) throw badSpec(spec, "it has no words");
}

std::optional<std::vector<std::string>> Pattern::firstWords() const {
  std::vector<std::string> words;
  for (const Slot& slot : slots_) {
    if (slot.anyNumber || slot.anyWord) return std::nullopt;
    for (const auto& alternative : slot.alternatives) words.push_back(alternative.norms.front());
    if (!slot.optional) return words;
  }
  return std::nullopt;
}

bool Pattern::followers(std::size_t slot, std::vector<std::string>& words) const {
  for (; slot < slots_.size(); ++slot) {
    const Slot& current = slots_[slot];
    if (current.anyNumber || current.anyWord) return false;
    for (const auto& alternative : current.alternatives) words.push_back(alternative.norms.front());
    if (!current.optional) return true;
  }
  return false;  // every slot left is optional: the match can end here
}

std::optional<std::vector<std::string>> Pattern::secondWords() const {
  std::vector<std::string> words;
  // The first token is matched by slot `slot`, the optional slots before it skipped.
  for (std::size_t slot = 0; slot < slots_.size(); ++slot) {
    const Slot& current = slots_[slot];
    if (current.anyNumber || current.anyWord) {
      if (!followers(slot + 1, words)) return std::nullopt;
    }
    for (const auto& alternative : current.alternatives) {
      if (alternative.norms.size() >= 2) {
        words.push_back(alternative.norms[1]);
      } else if (!followers(slot + 1, words)) {
        return std::nullopt;
      }
    }
    if (!current.optional) break;
  }
  return words;
}

std::optional<std::size_t> Pattern::matchAt(std::span<const Token> tokens, std::size_t i) const {
  std::optional<std::size_t> best;
  extend(tokens, 0, i, i, best);
  if (best && *best == i) return std::nullopt;
  return best;
}

void Pattern::extend(std::span<const Token> tokens, std::size_t slot, std::size_t i,
                     std::size_t first, std::optional<std::size_t>& best) const {
  if (slot == slots_.size()) {
    if (!best || i > *best) best = i;
    return;
  }
  const Slot& current = slots_[slot];
  if (current.optional) extend(tokens, slot + 1, i, first, best);
  if (i >= tokens.size() || (i > first && tokens[i].has(Gap::Sentence))) return;
  if (current.anyNumber || current.anyWord) {
    const bool fits = current.anyNumber ? tokens[i].isNumber() : tokens[i].isWord();
    if (fits) extend(tokens, slot + 1, i + 1, first, best);
    return;
  }
  for (const auto& alternative : current.alternatives) {
    if (const auto end = matchWords(tokens, i, alternative, first)) {
      extend(tokens, slot + 1, *end, first, best);
    }
  }
}

std::optional<std::size_t> Pattern::matchWords(std::span<const Token> tokens, std::size_t i,
                                               const Alternative& alternative, std::size_t first) {
  for (std::size_t k = 0; k < alternative.norms.size(); ++k, ++i) {
    if (i >= tokens.size() || tokens[i].normHash != alternative.hashes[k]) return std::nullopt;
    if (i > first && tokens[i].has(Gap::Sentence)) return std::nullopt;
    const std::string_view have = alternative.exact ? tokens[i].lower : tokens[i].norm;
    const std::string& want = alternative.exact ? alternative.lowers[k] : alternative.norms[k];
    if (have != want) return std::nullopt;
  }
  return i;
}

}  // namespace mkrp::check::text
