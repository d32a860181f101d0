// How much two extractions of the same file agree, word by word, whatever their layout: the
// F1 score over the multisets of normalized words.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace mkrp::bench {

using WordCounts = std::unordered_map<std::string, int>;

// The words of `text`: lower-cased, curly quotes, dashes, ligatures and similar forms folded to
// their plain form, split at everything that is not a letter or digit. Each word with its count.
WordCounts countWords(std::string_view text);

// 2PR/(P+R), where P is the share of `ours` also in `theirs` and R the share of `theirs` also in
// `ours` (each word counted as often as it occurs in both). 1 when both are empty.
double wordF1(const WordCounts& ours, const WordCounts& theirs);

}  // namespace mkrp::bench
