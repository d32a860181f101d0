// Grouping values by a small integer key into one flat array, in the order they come: the values
// of key k are values[starts[k] .. starts[k + 1]). Internal to the check engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mkrp::check::engine {

// `pairs(emit)` must call emit(key, value) for every pair, the same pairs in the same order each
// time: it is called twice, once to count each key's values and once to place them.
// REQUIRES: every key < keyCount.
template <class Value, class Pairs>
void groupByKey(std::size_t keyCount, Pairs pairs, std::vector<std::uint32_t>& starts,
                std::vector<Value>& values) {
  starts.assign(keyCount + 1, 0);
  pairs([&](std::size_t key, const Value&) { ++starts[key + 1]; });
  for (std::size_t k = 1; k < starts.size(); ++k) starts[k] += starts[k - 1];
  values.resize(starts.back());
  std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
  pairs([&](std::size_t key, const Value& value) { values[next[key]++] = value; });
}

}  // namespace mkrp::check::engine
