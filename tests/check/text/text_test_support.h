// Helpers shared by the text-layer tests: token views and finding a phrase's token range.
#pragma once

#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "check/text/token.h"
#include "check/text/tokenizer.h"

namespace mkrp::check::text::testing {

// The norms of `text`, joined by single blanks.
inline std::string norms(std::string_view text) {
  std::string joined;
  for (const Token& token : tokenize(text)) {
    if (!joined.empty()) joined += ' ';
    joined += token.norm;
  }
  return joined;
}

// The lower-case words of `text`, joined by single blanks.
inline std::string lowers(std::string_view text) {
  std::string joined;
  for (const Token& token : tokenize(text)) {
    if (!joined.empty()) joined += ' ';
    joined += token.lower;
  }
  return joined;
}

// The sentences of `text` as lower-case words, one string per sentence, " | " between.
inline std::string sentences(std::string_view text) {
  std::string joined;
  const auto tokens = tokenize(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) joined += tokens[i].sentence != tokens[i - 1].sentence ? " | " : " ";
    joined += tokens[i].lower;
  }
  return joined;
}

// The token range of the first occurrence of `words` (blank-separated lower-case forms) at or
// after token `from`; an empty range at the end when absent.
inline TokenRange find(std::span<const Token> tokens, std::string_view words,
                       std::size_t from = 0) {
  std::vector<std::string> wanted;
  std::istringstream in{std::string(words)};
  for (std::string word; in >> word;) wanted.push_back(word);
  for (std::size_t i = from; i + wanted.size() <= tokens.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < wanted.size() && all; ++k) all = tokens[i + k].lower == wanted[k];
    if (all) return {i, i + wanted.size()};
  }
  return {tokens.size(), tokens.size()};
}

// The original text a token range covers.
inline std::string_view textOf(std::string_view text, std::span<const Token> tokens,
                               TokenRange range) {
  const auto start = tokens[range.begin].start;
  return text.substr(start, tokens[range.end - 1].end - start);
}

}  // namespace mkrp::check::text::testing
