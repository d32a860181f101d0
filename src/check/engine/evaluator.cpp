#include "check/engine/evaluator.h"

#include <algorithm>
#include <limits>
#include <map>

#include "check/text/negation.h"

namespace mkrp::check::engine {
namespace {

bool byPosition(const Match& a, const Match& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end < b.end;
  return !a.partial && b.partial;
}

void sortUnique(std::vector<Match>& matches) {
  std::sort(matches.begin(), matches.end(), byPosition);
  matches.erase(std::unique(matches.begin(), matches.end(),
                            [](const Match& a, const Match& b) {
                              return a.begin == b.begin && a.end == b.end;
                            }),
                matches.end());
}

// The words between two matches; 0 when they touch or overlap.
std::uint32_t gapBetween(const Match& a, const Match& b) {
  if (b.begin >= a.end) return b.begin - a.end;
  if (a.begin >= b.end) return a.begin - b.end;
  return 0;
}

}  // namespace

Evaluator::Evaluator(const Program& program, const DocumentIndex& index)
    : program_(program), index_(index), phraseCache_(program.phraseSets.size()) {}

std::vector<Match> Evaluator::evaluate(const Node& node) {
  switch (node.kind) {
    case NodeKind::Phrases:
      return phrases(node.phraseSet);
    case NodeKind::Any:
      return any(node);
    case NodeKind::All:
      return node.scope.kind == core::Scope::Kind::Words ? allWithinWords(node) : all(node);
    case NodeKind::Negated:
      return polarity(node, true);
    case NodeKind::Affirmed:
      return polarity(node, false);
    case NodeKind::Duration:
      return durations(node);
    case NodeKind::Age:
      return ages(node);
    case NodeKind::List:
      return list(node);
  }
  return {};
}

std::vector<Match> Evaluator::phrases(int set) {
  auto& cached = phraseCache_[static_cast<std::size_t>(set)];
  if (!cached) {
    std::vector<Match> matches;
    for (const std::uint32_t phrase : program_.phraseSets[static_cast<std::size_t>(set)].phrases) {
      for (const Range& range : index_.occurrences(phrase)) {
        matches.push_back({range.begin, range.end});
      }
    }
    // At one position keep the longest wording ("no waiting period" over "no waiting").
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    matches.erase(std::unique(matches.begin(), matches.end(),
                              [](const Match& a, const Match& b) { return a.begin == b.begin; }),
                  matches.end());
    cached = std::move(matches);
  }
  return *cached;
}

std::vector<Match> Evaluator::any(const Node& node) {
  if (node.children.size() == 1) return evaluate(node.children.front());
  std::vector<Match> matches;
  for (const Node& child : node.children) {
    std::vector<Match> found = evaluate(child);
    matches.insert(matches.end(), found.begin(), found.end());
  }
  sortUnique(matches);
  return matches;
}

std::optional<std::uint32_t> Evaluator::unitOf(core::Scope::Kind scope, const Match& match) const {
  const std::uint32_t last = match.end - 1;
  switch (scope) {
    case core::Scope::Kind::Sentence: {
      const std::uint32_t sentence = index_.sentenceOf(match.begin);
      if (index_.sentenceOf(last) != sentence) return std::nullopt;
      return sentence;
    }
    case core::Scope::Kind::Words:  // a list "within N words" is read as within one block
    case core::Scope::Kind::Block: {
      const std::uint32_t block = index_.blockOf(match.begin);
      if (index_.blockOf(last) != block) return std::nullopt;
      return block;
    }
    case core::Scope::Kind::Section: {
      const int unit = index_.blocks()[index_.blockOf(match.begin)].unit;
      if (index_.blocks()[index_.blockOf(last)].unit != unit) return std::nullopt;
      return static_cast<std::uint32_t>(unit);
    }
    case core::Scope::Kind::Document:
      return 0;
  }
  return std::nullopt;
}

Range Evaluator::unitRange(core::Scope::Kind scope, std::uint32_t unit) const {
  switch (scope) {
    case core::Scope::Kind::Sentence:
      return index_.sentence(unit);
    case core::Scope::Kind::Words:
    case core::Scope::Kind::Block:
      return index_.blocks()[unit].tokens;
    case core::Scope::Kind::Section:
      return index_.unit(static_cast<int>(unit));
    case core::Scope::Kind::Document:
      break;
  }
  return {0, static_cast<std::uint32_t>(index_.tokens().size())};
}

// In a section scope the parts may sit in one subsection; a `without` is looked for only in the
// innermost section that holds them all.
Range Evaluator::withoutRange(core::Scope::Kind scope, std::uint32_t unit,
                              const std::vector<Match>& parts) const {
  if (scope != core::Scope::Kind::Section) return unitRange(scope, unit);
  std::uint32_t begin = parts.front().begin, end = parts.front().end;
  for (const Match& part : parts) {
    begin = std::min(begin, part.begin);
    end = std::max(end, part.end);
  }
  for (int s = index_.blocks()[index_.blockOf(begin)].section; s >= 0;
       s = index_.sections()[static_cast<std::size_t>(s)].parent) {
    const Range range = index_.sections()[static_cast<std::size_t>(s)].tokens;
    if (range.begin <= begin && end <= range.end) return range;
  }
  return unitRange(scope, unit);
}

bool Evaluator::anyWithin(const std::vector<std::vector<Match>>& withouts, Range range) const {
  for (const std::vector<Match>& matches : withouts) {
    auto it = std::lower_bound(matches.begin(), matches.end(), range.begin,
                               [](const Match& m, std::uint32_t at) { return m.begin < at; });
    for (; it != matches.end() && it->begin < range.end; ++it) {
      if (it->end <= range.end) return true;
    }
  }
  return false;
}

Match Evaluator::combine(const std::vector<Match>& parts, std::vector<std::string> missing) {
  Match combined{parts.front().begin, parts.front().end};
  Detail detail;
  for (const Match& part : parts) {
    combined.begin = std::min(combined.begin, part.begin);
    combined.end = std::max(combined.end, part.end);
    combined.partial = combined.partial || part.partial;
    for (const Range& span : spansOf(part)) detail.spans.push_back(span);
    if (const Detail* inner = detailOf(part)) {
      missing.insert(missing.end(), inner->missing.begin(), inner->missing.end());
      if (detail.note.empty()) detail.note = inner->note;
    }
  }
  std::sort(detail.spans.begin(), detail.spans.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  combined.partial = combined.partial || !missing.empty();
  detail.missing = std::move(missing);
  combined.detail = static_cast<std::int32_t>(details_.size());
  details_.push_back(std::move(detail));
  return combined;
}

std::vector<Match> Evaluator::all(const Node& node) {
  const core::Scope::Kind scope = node.scope.kind;
  // For each part, its first match in each unit (a full one over a partial one).
  std::vector<std::vector<std::pair<std::uint32_t, Match>>> firsts(node.children.size());
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    for (const Match& match : evaluate(node.children[i])) {
      const auto unit = unitOf(scope, match);
      if (!unit) continue;
      auto& list = firsts[i];
      if (!list.empty() && list.back().first == *unit) {
        if (list.back().second.partial && !match.partial) list.back().second = match;
        continue;
      }
      list.emplace_back(*unit, match);
    }
    if (firsts[i].empty()) return {};
  }
  std::vector<std::vector<Match>> withouts;
  for (const Node& without : node.without) withouts.push_back(evaluate(without));
  std::vector<std::size_t> at(firsts.size(), 0);
  std::vector<Match> matches;
  std::vector<Match> parts;
  for (const auto& [unit, first] : firsts[0]) {
    parts.assign(1, first);
    for (std::size_t i = 1; i < firsts.size(); ++i) {
      auto& list = firsts[i];
      while (at[i] < list.size() && list[at[i]].first < unit) ++at[i];
      if (at[i] == list.size() || list[at[i]].first != unit) break;
      parts.push_back(list[at[i]].second);
    }
    if (parts.size() != firsts.size()) continue;
    if (anyWithin(withouts, withoutRange(scope, unit, parts))) continue;
    matches.push_back(combine(parts));
  }
  std::sort(matches.begin(), matches.end(), byPosition);
  return matches;
}

std::vector<Match> Evaluator::allWithinWords(const Node& node) {
  const auto words = static_cast<std::uint32_t>(node.scope.words);
  std::vector<std::vector<Match>> lists;
  for (const Node& child : node.children) {
    lists.push_back(evaluate(child));
    if (lists.back().empty()) return {};
  }
  std::vector<std::vector<Match>> withouts;
  for (const Node& without : node.without) withouts.push_back(evaluate(without));
  std::vector<Match> matches;
  std::vector<Match> parts;
  for (const Match& anchor : lists[0]) {
    const std::uint32_t block = index_.blockOf(anchor.begin);
    if (index_.blockOf(anchor.end - 1) != block) continue;
    parts.assign(1, anchor);
    for (std::size_t i = 1; i < lists.size(); ++i) {
      const std::uint32_t from = anchor.begin > words + 64 ? anchor.begin - words - 64 : 0;
      auto it = std::lower_bound(lists[i].begin(), lists[i].end(), from,
                                 [](const Match& m, std::uint32_t at) { return m.begin < at; });
      const Match* best = nullptr;
      std::uint32_t bestGap = std::numeric_limits<std::uint32_t>::max();
      for (; it != lists[i].end() && it->begin <= anchor.end + words; ++it) {
        if (index_.blockOf(it->begin) != block || index_.blockOf(it->end - 1) != block) continue;
        const std::uint32_t gap = gapBetween(anchor, *it);
        if (gap <= words && gap < bestGap) {
          best = &*it;
          bestGap = gap;
        }
      }
      if (!best) break;
      parts.push_back(*best);
    }
    if (parts.size() != lists.size()) continue;
    std::uint32_t maxBegin = 0, minEnd = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t begin = anchor.begin, end = anchor.end;
    for (const Match& part : parts) {
      maxBegin = std::max(maxBegin, part.begin);
      minEnd = std::min(minEnd, part.end);
      begin = std::min(begin, part.begin);
      end = std::max(end, part.end);
    }
    if (maxBegin > minEnd && maxBegin - minEnd > words) continue;
    const Range blockRange = index_.blocks()[block].tokens;
    const Range around{std::max(blockRange.begin, begin > words ? begin - words : 0),
                       std::min(blockRange.end, end + words)};
    if (anyWithin(withouts, around)) continue;
    if (!matches.empty() && matches.back().begin == begin && matches.back().end == end) continue;
    matches.push_back(combine(parts));
  }
  std::sort(matches.begin(), matches.end(), byPosition);
  return matches;
}

std::vector<Match> Evaluator::polarity(const Node& node, bool negated) {
  std::vector<Match> matches;
  for (const Node& child : node.children) {
    for (const Match& match : evaluate(child)) {
      const std::uint32_t block = index_.blockOf(match.begin);
      if (index_.blockOf(match.end - 1) != block) continue;
      const std::uint32_t base = index_.blocks()[block].tokens.begin;
      const text::TokenRange span{match.begin - base, match.end - base};
      const text::Negation negation = text::negationOf(index_.blockTokens(block), span);
      // A negation written inside the wording itself ("do not touch") is part of it.
      const bool inside = negation.cue.begin >= span.begin && negation.cue.end <= span.end;
      const bool isNegated = negation.polarity == text::Polarity::Negated && !inside;
      if (isNegated != negated) continue;
      if (!negated) {
        matches.push_back(match);
        continue;
      }
      const Match cue{static_cast<std::uint32_t>(base + negation.cue.begin),
                      static_cast<std::uint32_t>(base + negation.cue.end)};
      matches.push_back(combine({cue, match}));
    }
  }
  std::sort(matches.begin(), matches.end(), byPosition);
  return matches;
}

std::vector<Match> Evaluator::durations(const Node& node) {
  std::vector<Match> matches;
  for (const DurationAt& found : index_.durations()) {
    if (found.duration.kind != text::DurationKind::Exact) continue;
    if (node.atMost && text::compare(found.duration, *node.atMost) != text::Comparison::Within) {
      continue;
    }
    if (node.over && text::compare(found.duration, *node.over) != text::Comparison::Exceeds) {
      continue;
    }
    Match match{found.tokens.begin, found.tokens.end};
    if (node.over) {
      Detail detail;
      detail.spans.push_back(found.tokens);
      detail.note = "'" + index_.textOf(found.tokens) + "' is longer than the " + node.overText +
                    " allowed";
      match.detail = static_cast<std::int32_t>(details_.size());
      details_.push_back(std::move(detail));
    }
    matches.push_back(match);
  }
  return matches;
}

std::vector<Match> Evaluator::ages(const Node& node) {
  std::vector<Match> matches;
  for (const AgeAt& found : index_.ages()) {
    const text::AgeRange& range = found.range;
    if (node.covers && (range.min > *node.covers || (range.max && *range.max < *node.covers))) {
      continue;
    }
    if (node.stopsBelow && !(range.max && *range.max < *node.stopsBelow)) continue;
    matches.push_back({found.tokens.begin, found.tokens.end});
  }
  return matches;
}

std::vector<Match> Evaluator::list(const Node& node) {
  const core::Scope::Kind scope = node.scope.kind;
  const std::size_t members = node.children.size();
  // unit -> the first match of each member in it
  std::map<std::uint32_t, std::vector<std::optional<Match>>> units;
  for (std::size_t i = 0; i < members; ++i) {
    for (const Match& match : evaluate(node.children[i])) {
      const auto unit = unitOf(scope, match);
      if (!unit) continue;
      auto& slots = units.try_emplace(*unit, members).first->second;
      if (!slots[i] || (slots[i]->partial && !match.partial)) slots[i] = match;
    }
  }
  std::vector<Match> matches;
  for (const auto& [unit, slots] : units) {
    std::vector<Match> present;
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < members; ++i) {
      if (slots[i]) {
        present.push_back(*slots[i]);
      } else {
        missing.push_back(node.memberNames[i]);
      }
    }
    if (present.size() < std::min(node.partialFrom, members)) continue;
    matches.push_back(combine(present, std::move(missing)));
  }
  std::sort(matches.begin(), matches.end(), byPosition);
  return matches;
}

std::vector<Range> Evaluator::spansOf(const Match& match) const {
  if (const Detail* detail = detailOf(match)) return detail->spans;
  return {{match.begin, match.end}};
}

const Detail* Evaluator::detailOf(const Match& match) const {
  if (match.detail < 0) return nullptr;
  return &details_[static_cast<std::size_t>(match.detail)];
}

std::optional<Range> Evaluator::hedgeOf(const Match& match) const {
  for (const Range& span : spansOf(match)) {
    const std::uint32_t last = index_.sentenceOf(span.end - 1);
    for (std::uint32_t s = index_.sentenceOf(span.begin); s <= last; ++s) {
      if (auto hedge = index_.hedgeOf(s)) return hedge;
    }
  }
  return std::nullopt;
}

}  // namespace mkrp::check::engine
