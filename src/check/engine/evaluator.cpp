#include "check/engine/evaluator.h"

#include <algorithm>
#include <deque>
#include <iterator>
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
  std::stable_sort(matches.begin(), matches.end(), byPosition);
  matches.erase(std::unique(matches.begin(), matches.end(),
                            [](const Match& a, const Match& b) {
                              return a.begin == b.begin && a.end == b.end;
                            }),
                matches.end());
}

bool isPolar(const Node& node) {
  return node.kind == NodeKind::Negated || node.kind == NodeKind::Affirmed;
}

// The words between two matches; 0 when they touch or overlap.
std::uint32_t gapBetween(const Match& a, const Match& b) {
  if (b.begin >= a.end) return b.begin - a.end;
  if (a.begin >= b.end) return a.begin - b.end;
  return 0;
}

}  // namespace

Evaluator::Evaluator(const Program& program, const DocumentIndex& index)
    : program_(program),
      index_(index),
      nodeCache_(static_cast<std::size_t>(program.nodeCount)),
      clauseStarts_(index.tokens().size(), 0) {
  findPhraseMatches();
}

const std::vector<Match>& Evaluator::evaluate(const Node& node) {
  if (node.kind == NodeKind::Phrases) return phrases(node.phraseSet);
  if (node.kind == NodeKind::Any && node.children.size() == 1) return evaluate(node.children[0]);
  auto& cached = nodeCache_[static_cast<std::size_t>(node.id)];
  if (!cached) {
    std::vector<Match> matches = compute(node);
    cached = std::move(matches);
  }
  return *cached;
}

std::vector<Match> Evaluator::compute(const Node& node) {
  switch (node.kind) {
    case NodeKind::Phrases:
      return phrases(node.phraseSet);
    case NodeKind::Any:
      return any(node);
    case NodeKind::All:
      return node.scope.kind == core::Scope::Kind::Words ? allWithinWords(node) : all(node);
    case NodeKind::Negated:
      return polarity(node, true, nullptr);
    case NodeKind::Affirmed:
      return polarity(node, false, nullptr);
    case NodeKind::Duration:
      return durations(node);
    case NodeKind::Age:
      return ages(node);
    case NodeKind::List:
      return list(node);
  }
  return {};
}

void Evaluator::findPhraseMatches() {
  phraseMatches_.resize(program_.phraseSets.size());
  // A match inside an exception does not count ("effective immediately"). Few sets have
  // exceptions: they are kept apart, by set.
  std::vector<std::int32_t> coverOf(program_.phraseSets.size(), -1);
  std::vector<RangeCover> covers;
  for (std::size_t set = 0; set < program_.phraseSets.size(); ++set) {
    const auto& exceptions = program_.phraseSets[set].exceptions;
    if (exceptions.empty()) continue;
    coverOf[set] = static_cast<std::int32_t>(covers.size());
    RangeCover& cover = covers.emplace_back();
    for (const std::uint32_t phrase : exceptions) cover.add(index_.occurrences(phrase));
    cover.finish();
  }
  // At most one match per occurrence in each of its phrase's sets: each set's list is made once,
  // at that size, and the lists lie side by side in memory as the pass below fills them.
  for (std::size_t set = 0; set < program_.phraseSets.size(); ++set) {
    std::size_t most = 0;
    for (const std::uint32_t phrase : program_.phraseSets[set].phrases) {
      most += index_.occurrences(phrase).size();
    }
    phraseMatches_[set].reserve(most);
  }
  for (const Occurrence& occurrence : index_.occurrencesInOrder()) {
    const Range range{occurrence.begin, occurrence.end};
    const Match match = plain(range);
    for (const std::uint32_t set : program_.setsOfPhrase(occurrence.phrase)) {
      if (const std::int32_t cover = coverOf[set];
          cover >= 0 && covers[static_cast<std::size_t>(cover)].holds(range)) {
        continue;
      }
      std::vector<Match>& matches = phraseMatches_[set];
      // At one position keep the longest wording ("no waiting period" over "no waiting").
      if (!matches.empty() && matches.back().begin == range.begin) {
        if (range.end > matches.back().end) matches.back() = match;
        continue;
      }
      matches.push_back(match);
    }
  }
}

std::vector<Match> Evaluator::any(const Node& node) {
  if (std::all_of(node.children.begin(), node.children.end(),
                  [](const Node& child) { return child.kind == NodeKind::Phrases; })) {
    return anyOfPhrases(node);
  }
  std::vector<Match> matches, merged;
  for (const Node& child : node.children) {
    const std::vector<Match>& found = evaluate(child);
    if (matches.empty()) {
      matches = found;
      continue;
    }
    merged.resize(matches.size() + found.size());
    std::merge(matches.begin(), matches.end(), found.begin(), found.end(), merged.begin(),
               byPosition);
    matches.swap(merged);
  }
  matches.erase(std::unique(matches.begin(), matches.end(),
                            [](const Match& a, const Match& b) {
                              return a.begin == b.begin && a.end == b.end;
                            }),
                matches.end());
  return matches;
}

std::vector<Match> Evaluator::anyOfPhrases(const Node& node) {
  // The matches of phrase sets at one place are equal (the tokens, and whether their sentence is
  // hedged), so the options may be merged in any order: the two shortest lists first, and so
  // on, so that a long list is copied as few times as possible.
  std::vector<std::vector<Match>> lists;
  std::vector<const std::vector<Match>*> pending;
  for (const Node& child : node.children) {
    if (const std::vector<Match>& found = evaluate(child); !found.empty())
      pending.push_back(&found);
  }
  if (pending.empty()) return {};
  lists.reserve(pending.size());
  auto longer = [](const std::vector<Match>* a, const std::vector<Match>* b) {
    return a->size() > b->size();
  };
  std::make_heap(pending.begin(), pending.end(), longer);
  while (pending.size() > 1) {
    std::pop_heap(pending.begin(), pending.end(), longer);
    const std::vector<Match>* first = pending.back();
    pending.pop_back();
    std::pop_heap(pending.begin(), pending.end(), longer);
    const std::vector<Match>* second = pending.back();
    pending.pop_back();
    std::vector<Match>& merged = lists.emplace_back(first->size() + second->size());
    std::merge(first->begin(), first->end(), second->begin(), second->end(), merged.begin(),
               byPosition);
    pending.push_back(&merged);
    std::push_heap(pending.begin(), pending.end(), longer);
  }
  std::vector<Match> matches = lists.empty() ? *pending.front() : std::move(lists.back());
  matches.erase(std::unique(matches.begin(), matches.end(),
                            [](const Match& a, const Match& b) {
                              return a.begin == b.begin && a.end == b.end;
                            }),
                matches.end());
  return matches;
}

std::optional<std::size_t> Evaluator::evaluatePhraseParts(const Node& node, Lists& parts) {
  const std::size_t count = node.children.size();
  parts.assign(count, nullptr);
  std::size_t rarest = count;
  for (std::size_t i = 0; i < count; ++i) {
    if (node.children[i].kind != NodeKind::Phrases) continue;
    parts[i] = &evaluate(node.children[i]);
    if (parts[i]->empty()) return std::nullopt;
    if (rarest == count || parts[i]->size() < parts[rarest]->size()) rarest = i;
  }
  return rarest;
}

bool Evaluator::readsInUnits(const Node& part) const {
  return isPolar(part) && !nodeCache_[static_cast<std::size_t>(part.id)];
}

bool Evaluator::evaluateParts(const Node& node, Lists& parts,
                              std::deque<std::vector<Match>>* narrowed) {
  const std::optional<std::size_t> rarest = evaluatePhraseParts(node, parts);
  if (!rarest) return false;
  const std::size_t count = node.children.size();
  std::vector<Range> windows;  // where the parts can meet, made when first needed
  for (std::size_t i = 0; i < count; ++i) {
    const Node& child = node.children[i];
    if (child.kind == NodeKind::Phrases) continue;
    if (narrowed && *rarest < count && readsInUnits(child)) {
      if (windows.empty()) windows = unitWindows(node.scope.kind, *parts[*rarest]);
      narrowed->push_back(polarity(child, child.kind == NodeKind::Negated, &windows));
      parts[i] = &narrowed->back();
    } else {
      parts[i] = &evaluate(child);
    }
    if (parts[i]->empty()) return false;
  }
  return true;
}

std::vector<Range> Evaluator::unitWindows(core::Scope::Kind scope,
                                          const std::vector<Match>& matches) const {
  return windowsOf(scope, unitKeys(scope, matches));
}

std::vector<std::uint32_t> Evaluator::unitKeys(core::Scope::Kind scope,
                                               const std::vector<Match>& driver) const {
  std::vector<std::uint32_t> keys;
  keys.reserve(driver.size());
  for (const Match& match : driver) keysOf(scope, match, keys);
  // Matches come in text order, so their keys mostly do too (a list's lead-in adds later ones).
  if (!std::is_sorted(keys.begin(), keys.end())) std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<Range> Evaluator::windowsOf(core::Scope::Kind scope,
                                        std::span<const std::uint32_t> keys) const {
  std::vector<Range> windows;
  for (const std::uint32_t key : keys) {
    for (const Range& range : rangesOf(scope, key)) windows.push_back(range);
  }
  std::sort(windows.begin(), windows.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::size_t kept = 0;
  for (const Range& window : windows) {
    if (kept > 0 && window.begin <= windows[kept - 1].end) {
      windows[kept - 1].end = std::max(windows[kept - 1].end, window.end);
    } else {
      windows[kept++] = window;
    }
  }
  windows.resize(kept);
  return windows;
}

void Evaluator::keysOf(core::Scope::Kind scope, const Match& match,
                       std::vector<std::uint32_t>& keys) const {
  const std::uint32_t first = index_.sentenceOf(match.begin);
  const std::uint32_t last = index_.sentenceOf(match.end - 1);
  if (scope == core::Scope::Kind::Document) {
    keys.push_back(0);
  } else if (scope == core::Scope::Kind::Sentence) {
    if (first == last) {
      keys.push_back(first);
      if (index_.leadsList(first)) {
        for (const std::uint32_t led : index_.ledSentences(first)) keys.push_back(led);
      }
    } else if (index_.leadInOf(last) == static_cast<int>(first)) {
      keys.push_back(last);
    }
  } else {  // a block; a list "within N words" is read as within one block
    const std::uint32_t block = index_.blockOf(match.begin);
    const std::uint32_t lastBlock = index_.blockOf(match.end - 1);
    if (block == lastBlock) {
      keys.push_back(block);
      if (first == last && index_.leadsList(first)) {
        for (const std::uint32_t led : index_.ledBlocks(first)) keys.push_back(led);
      }
    } else if (index_.blocks()[lastBlock].leadIn == static_cast<int>(block) &&
               index_.leadInOf(index_.sentenceOf(index_.blocks()[lastBlock].tokens.begin)) ==
                   static_cast<int>(first)) {
      keys.push_back(lastBlock);
    }
  }
}

// Inlined: it runs for every unit visited.
[[gnu::always_inline]] inline Evaluator::UnitRanges Evaluator::rangesOf(core::Scope::Kind scope,
                                                                        std::uint32_t key) const {
  UnitRanges ranges;
  if (scope == core::Scope::Kind::Document) {
    ranges.push_back({0, static_cast<std::uint32_t>(index_.tokens().size())});
  } else if (scope == core::Scope::Kind::Sentence) {
    ranges.push_back(index_.sentence(key));
    if (const int lead = index_.leadInOf(key); lead >= 0) {
      ranges.push_back(index_.sentence(static_cast<std::uint32_t>(lead)));
    }
  } else {
    const BlockInfo& block = index_.blocks()[key];
    ranges.push_back(block.tokens);
    if (const int lead = index_.leadInOf(index_.sentenceOf(block.tokens.begin)); lead >= 0) {
      ranges.push_back(index_.sentence(static_cast<std::uint32_t>(lead)));
    }
  }
  return ranges;
}

Evaluator::Units Evaluator::unitsOf(core::Scope::Kind scope, const Lists& parts,
                                    bool needAll) const {
  if (scope == core::Scope::Kind::Section) return sectionUnits(parts, needAll);
  if (scope == core::Scope::Kind::Document) return documentUnit(parts, needAll);
  if (needAll) return unitsFromDriver(scope, parts);
  // For each part, its first match in each unit (a full one over a partial one), by unit.
  std::vector<std::vector<std::pair<std::uint32_t, Match>>> keyed(parts.size());
  std::vector<std::uint32_t> keys;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto& list = keyed[i];
    for (const Match& match : *parts[i]) {
      keys.clear();
      keysOf(scope, match, keys);
      for (const std::uint32_t key : keys) list.emplace_back(key, match);
    }
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t kept = 0;
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (kept > 0 && list[kept - 1].first == list[k].first) {
        if (rank(list[k].second) < rank(list[kept - 1].second)) list[kept - 1] = list[k];
        continue;
      }
      list[kept++] = list[k];
    }
    list.resize(kept);
    if (needAll && list.empty()) return Units(parts.size());
  }
  // Walk the units in order, all parts at once.
  Units units(parts.size());
  std::vector<std::size_t> at(parts.size(), 0);
  std::vector<std::optional<Match>> chosen(parts.size());
  while (true) {
    std::uint32_t next = std::numeric_limits<std::uint32_t>::max();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (at[i] < keyed[i].size()) next = std::min(next, keyed[i][at[i]].first);
    }
    if (next == std::numeric_limits<std::uint32_t>::max()) break;
    bool complete = true;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (at[i] < keyed[i].size() && keyed[i][at[i]].first == next) {
        chosen[i] = keyed[i][at[i]++].second;
      } else {
        chosen[i].reset();
        complete = false;
      }
    }
    if (needAll && !complete) continue;
    units.add(rangesOf(scope, next), chosen);
  }
  return units;
}

std::optional<Match> Evaluator::firstIn(const std::vector<Match>& list, const UnitRanges& ranges,
                                        std::size_t* ownStart) const {
  const Range own = ranges.front();
  std::optional<Match> best;
  int bestRank = 0;  // rank(*best), computed once per match
  auto consider = [&](Range from, std::size_t start, auto accepts) {
    for (std::size_t k = start; k < list.size() && list[k].begin < from.end; ++k) {
      const Match& match = list[k];
      if (!accepts(match)) continue;
      const int matchRank = rank(match);
      if (!best || matchRank < bestRank) {
        best = match;
        bestRank = matchRank;
      }
      if (bestRank == 0) return true;
    }
    return false;
  };
  // A match in the lead-in sentence, or running from it into the entry, belongs to the entry.
  if (ranges.size() > 1 &&
      consider(ranges[1], firstAtOrAfter(list, 0, ranges[1].begin), [&](const Match& m) {
        return m.end <= ranges[1].end || (m.end > own.begin && m.end <= own.end);
      })) {
    return best;
  }
  std::size_t start = firstAtOrAfter(list, ownStart ? *ownStart : 0, own.begin);
  if (ownStart) *ownStart = start;
  consider(own, start, [&](const Match& m) { return m.end <= own.end; });
  return best;
}

std::size_t Evaluator::firstAtOrAfter(const std::vector<Match>& list, std::size_t from,
                                      std::uint32_t at) {
  if (from >= list.size() || list[from].begin >= at) return from;
  // Galloping from `from`: units are visited in text order, so the next one is usually near.
  std::size_t step = 1;
  while (from + step < list.size() && list[from + step].begin < at) step *= 2;
  const auto first = list.begin() + static_cast<std::ptrdiff_t>(from + step / 2);
  const auto last = list.begin() + static_cast<std::ptrdiff_t>(std::min(from + step, list.size()));
  return static_cast<std::size_t>(
      std::lower_bound(first, last, at,
                       [](const Match& m, std::uint32_t begin) { return m.begin < begin; }) -
      list.begin());
}

std::vector<std::size_t> Evaluator::searchOrder(const Lists& parts) {
  std::vector<std::size_t> order(parts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return parts[a]->size() < parts[b]->size();
  });
  std::rotate(order.begin(), order.begin() + 1, order.end());  // the driver is in every unit
  return order;
}

Evaluator::Units Evaluator::unitsFromDriver(core::Scope::Kind scope, const Lists& parts) const {
  const std::vector<std::size_t> order = searchOrder(parts);
  const std::vector<std::uint32_t> keys = unitKeys(scope, *parts[order.back()]);
  Units units(parts.size());
  std::vector<std::size_t> cursors(parts.size(), 0);
  addCompleteUnits(scope, parts, order, keys, cursors, units);
  return units;
}

void Evaluator::addCompleteUnits(core::Scope::Kind scope, const Lists& parts,
                                 std::span<const std::size_t> order,
                                 std::span<const std::uint32_t> keys,
                                 std::vector<std::size_t>& cursors, Units& units) const {
  std::vector<std::optional<Match>> chosen(parts.size());  // reused: most units are incomplete
  for (const std::uint32_t key : keys) {
    const UnitRanges ranges = rangesOf(scope, key);
    bool complete = true;
    for (std::size_t k = 0; k < order.size() && complete; ++k) {
      const std::size_t i = order[k];
      chosen[i] = firstIn(*parts[i], ranges, &cursors[i]);
      complete = chosen[i].has_value();
    }
    if (complete) units.add(ranges, chosen);
  }
}

Evaluator::Units Evaluator::documentUnit(const Lists& parts, bool needAll) const {
  Units units(parts.size());
  const UnitRanges whole = rangesOf(core::Scope::Kind::Document, 0);
  std::vector<std::optional<Match>> chosen(parts.size());
  bool any = false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    chosen[i] = firstIn(*parts[i], whole);
    if (!chosen[i] && needAll) return units;
    any = any || chosen[i].has_value();
  }
  if (any) units.add(whole, chosen);
  return units;
}

// The section of a match is the innermost section that holds it. Parts lie within one section
// when the section of one part holds all the others.
Evaluator::Units Evaluator::sectionUnits(const Lists& parts, bool needAll) const {
  Units units(parts.size());
  // Sections in index order begin in text order (the part before the first heading first), so
  // each part's search goes on from where it stood for the section before.
  std::vector<std::size_t> cursors(parts.size(), 0);
  addSectionUnits(parts, needAll, candidateSections(parts, needAll), cursors, units);
  return units;
}

std::vector<int> Evaluator::candidateSections(const Lists& parts, bool needAll) const {
  std::vector<int> candidates;
  for (const std::vector<Match>* list : parts) {
    if (needAll && list->empty()) return {};
    for (const Match& match : *list) {
      const BlockInfo& block = index_.blocks()[index_.blockOf(match.begin)];
      // Most matches lie in one block, and a block's section holds it: no walk up the sections.
      const auto section = match.end <= block.tokens.end
                               ? std::optional<int>(block.section)
                               : index_.sectionHolding(block.section, {match.begin, match.end});
      // Matches come in text order, so most lie in the section of the one before.
      if (section && (candidates.empty() || candidates.back() != *section)) {
        candidates.push_back(*section);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

void Evaluator::addSectionUnits(const Lists& parts, bool needAll, std::span<const int> sections,
                                std::vector<std::size_t>& cursors, Units& units) const {
  std::vector<std::optional<Match>> chosen(parts.size());  // reused: most are incomplete
  for (const int section : sections) {
    const Range range = index_.sectionRange(section);
    bool complete = true;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      chosen[i] = firstIn(*parts[i], range, &cursors[i]);
      complete = complete && chosen[i].has_value();
      if (needAll && !complete) break;
    }
    if (needAll && !complete) continue;
    units.add(range, chosen);
  }
}

bool Evaluator::anyWithin(const Lists& withouts, const UnitRanges& ranges) const {
  for (const Range& range : ranges) {
    if (anyWithin(withouts, range)) return true;
  }
  return false;
}

bool Evaluator::anyWithin(const Lists& withouts, Range range) const {
  for (const std::vector<Match>* list : withouts) {
    const std::vector<Match>& matches = *list;
    auto it = std::lower_bound(matches.begin(), matches.end(), range.begin,
                               [](const Match& m, std::uint32_t at) { return m.begin < at; });
    for (; it != matches.end() && it->begin < range.end; ++it) {
      if (it->end <= range.end) return true;
    }
  }
  return false;
}

Match Evaluator::combine(std::span<const Match> parts,
                         std::span<const std::string* const> lacking) {
  Match combined{parts.front().begin, parts.front().end};
  Detail detail;
  std::vector<Range>& spans = scratchSpans_;
  spans.clear();
  std::vector<const std::string*>& missing = scratchMissing_;
  missing.assign(lacking.begin(), lacking.end());
  for (const Match& part : parts) {
    combined.begin = std::min(combined.begin, part.begin);
    combined.end = std::max(combined.end, part.end);
    combined.partial = combined.partial || part.partial;
    combined.hedged = combined.hedged || part.hedged;
    if (const Detail* inner = detailOf(part)) {  // spansOf(part), without a copy
      const std::span<const Range> own = spansIn(*inner);
      spans.insert(spans.end(), own.begin(), own.end());
      const std::span<const std::string* const> innerMissing = missingIn(*inner);
      missing.insert(missing.end(), innerMissing.begin(), innerMissing.end());
      if (detail.note.empty()) detail.note = inner->note;
    } else {
      spans.push_back({part.begin, part.end});
    }
  }
  const auto byBegin = [](const Range& a, const Range& b) { return a.begin < b.begin; };
  if (!std::is_sorted(spans.begin(), spans.end(), byBegin)) {  // parts mostly come in order
    std::sort(spans.begin(), spans.end(), byBegin);
  }
  setSpans(detail, spans);
  combined.partial = combined.partial || !missing.empty();
  detail.missingBegin = static_cast<std::uint32_t>(detailMissing_.size());
  detailMissing_.insert(detailMissing_.end(), missing.begin(), missing.end());
  detail.missingEnd = static_cast<std::uint32_t>(detailMissing_.size());
  combined.detail = static_cast<std::int32_t>(details_.size());
  details_.push_back(std::move(detail));
  return combined;
}

std::vector<Match> Evaluator::all(const Node& node) {
  Lists parts;
  // In a sentence or block, a negated or affirmed part is read only where the phrase parts meet:
  // reading negation is the costliest step, and a part is looked for only in units where the
  // others are.
  const bool narrow =
      node.scope.kind == core::Scope::Kind::Sentence || node.scope.kind == core::Scope::Kind::Block;
  std::deque<std::vector<Match>> narrowed;
  if (!evaluateParts(node, parts, narrow ? &narrowed : nullptr)) return {};
  Lists withouts;
  for (const Node& without : node.without) withouts.push_back(&evaluate(without));
  std::vector<Match> matches;
  joinUnits(unitsOf(node.scope.kind, parts, true), withouts, matches);
  sortUnique(matches);
  return matches;
}

void Evaluator::joinUnits(const Units& units, const Lists& withouts, std::vector<Match>& matches) {
  std::vector<Match> chosen;
  for (std::size_t u = 0; u < units.size(); ++u) {
    // In a section the `without` is looked for in the section that holds the parts.
    if (anyWithin(withouts, units.ranges(u))) continue;
    chosen.clear();
    for (const auto& part : units.chosen(u)) chosen.push_back(*part);
    matches.push_back(combine(chosen));
  }
}

std::vector<Match> Evaluator::allWithinWords(const Node& node) {
  const auto words = static_cast<std::uint32_t>(node.scope.words);
  Lists lists;
  if (!evaluateParts(node, lists, nullptr)) return {};
  Lists withouts;
  for (const Node& without : node.without) withouts.push_back(&evaluate(without));
  std::vector<Match> matches;
  std::vector<Match> parts;
  for (const Match& anchor : *lists[0]) {
    const std::uint32_t block = index_.blockOf(anchor.begin);
    if (index_.blockOf(anchor.end - 1) != block) continue;
    parts.assign(1, anchor);
    for (std::size_t i = 1; i < lists.size(); ++i) {
      const std::uint32_t from = anchor.begin > words + 64 ? anchor.begin - words - 64 : 0;
      const std::vector<Match>& list = *lists[i];
      auto it = std::lower_bound(list.begin(), list.end(), from,
                                 [](const Match& m, std::uint32_t at) { return m.begin < at; });
      const Match* best = nullptr;
      std::uint32_t bestGap = std::numeric_limits<std::uint32_t>::max();
      for (; it != list.end() && it->begin <= anchor.end + words; ++it) {
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

Evaluator::NegationReading Evaluator::negationAt(const Match& match) {
  const std::uint64_t key = (std::uint64_t{match.begin} << 32) | match.end;
  if (const auto found = negations_.find(key); found != negations_.end()) return found->second;
  const std::uint32_t block = index_.blockOf(match.begin);
  const std::uint32_t base = index_.blocks()[block].tokens.begin;
  const text::TokenRange span{match.begin - base, match.end - base};
  const std::span<const text::Token> tokens = index_.blockTokens(block);
  const std::span<std::uint8_t> clauseStarts(clauseStarts_.data() + base, tokens.size());
  const text::Negation negation = text::negationOf(tokens, span, clauseStarts);
  // A negation written inside the wording itself ("do not touch") is part of it.
  const bool inside = negation.cue.begin >= span.begin && negation.cue.end <= span.end;
  NegationReading reading;
  reading.negated = negation.polarity == text::Polarity::Negated && !inside;
  reading.cue = {static_cast<std::uint32_t>(base + negation.cue.begin),
                 static_cast<std::uint32_t>(base + negation.cue.end)};
  negations_.emplace(key, reading);
  return reading;
}

std::vector<Match> Evaluator::polarity(const Node& node, bool negated,
                                       const std::vector<Range>* windows) {
  std::vector<Match> matches;
  for (const Node& child : node.children) {
    auto window = windows ? windows->begin() : std::vector<Range>::const_iterator{};
    const std::vector<Match>& found = evaluate(child);
    auto from = found.begin();
    if (windows && !windows->empty()) {  // the matches before the first window are not read
      from = std::lower_bound(found.begin(), found.end(), windows->front().begin,
                              [](const Match& m, std::uint32_t at) { return m.begin < at; });
    }
    for (const Match& match : std::span(from, found.end())) {
      if (windows) {
        while (window != windows->end() && window->end <= match.begin) ++window;
        if (window == windows->end()) break;
        if (match.begin < window->begin) continue;
      }
      if (index_.blockOf(match.begin) != index_.blockOf(match.end - 1)) continue;
      const NegationReading reading = negationAt(match);
      if (reading.negated != negated) continue;
      if (!negated) {
        matches.push_back(match);
        continue;
      }
      const Match cueAndMatch[] = {plain(reading.cue), match};
      matches.push_back(combine(cueAndMatch));
    }
  }
  // Stable, so that the matches read inside some windows come in the order of all matches.
  std::stable_sort(matches.begin(), matches.end(), byPosition);
  return matches;
}

std::vector<Match> Evaluator::durations(const Node& node) {
  std::vector<Match> matches;
  for (const DurationAt& found : index_.durations()) {
    if (found.duration.kind != text::DurationKind::Exact) continue;
    // With no bound the rule asks for a stated time limit; "monthly" or "every 30 days" says how
    // often something recurs, not how long it may take ("Reviewed: annually").
    if (found.duration.recurring && !node.atMost && !node.over) continue;
    if (node.atMost && text::compare(found.duration, *node.atMost) != text::Comparison::Within) {
      continue;
    }
    if (node.over && text::compare(found.duration, *node.over) != text::Comparison::Exceeds) {
      continue;
    }
    Match match = plain(found.tokens);
    if (node.over) {
      Detail detail;
      setSpans(detail, std::span<const Range>(&found.tokens, 1));
      // Appended piece by piece: GCC 12 warns (wrongly, -Wrestrict) on the chain of `+` and on
      // assigning a short literal.
      detail.note.push_back('\'');
      detail.note += index_.textOf(found.tokens);
      detail.note += "' is longer than the ";
      detail.note += node.overText;
      detail.note += " allowed";
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
    matches.push_back(plain(found.tokens));
  }
  return matches;
}

std::vector<Match> Evaluator::list(const Node& node) {
  Lists members;
  for (const Node& child : node.children) members.push_back(&evaluate(child));
  const std::size_t needed = std::min(node.partialFrom, members.size());
  std::vector<Match> matches;
  std::vector<Match> present;
  std::vector<const std::string*> missing;
  const Units units = unitsOf(node.scope.kind, members, false);
  for (std::size_t u = 0; u < units.size(); ++u) {
    const auto chosen = units.chosen(u);
    present.clear();
    missing.clear();
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (chosen[i]) {
        present.push_back(*chosen[i]);
      } else {
        missing.push_back(&node.memberNames[i]);
      }
    }
    if (present.empty() || present.size() < needed) continue;
    matches.push_back(combine(present, missing));
  }
  sortUnique(matches);
  return matches;
}

std::vector<Range> Evaluator::spansOf(const Match& match) const {
  if (const Detail* detail = detailOf(match)) {
    const std::span<const Range> spans = spansIn(*detail);
    return {spans.begin(), spans.end()};
  }
  return {{match.begin, match.end}};
}

void Evaluator::setSpans(Detail& detail, std::span<const Range> spans) {
  detail.spansBegin = static_cast<std::uint32_t>(detailSpans_.size());
  detailSpans_.insert(detailSpans_.end(), spans.begin(), spans.end());
  detail.spansEnd = static_cast<std::uint32_t>(detailSpans_.size());
}

const Detail* Evaluator::detailOf(const Match& match) const {
  if (match.detail < 0) return nullptr;
  return &details_[static_cast<std::size_t>(match.detail)];
}

int Evaluator::rank(const Match& match) const {
  return (match.partial ? 2 : 0) + (match.hedged ? 1 : 0);
}

Match Evaluator::plain(Range range) const {
  Match match{range.begin, range.end};
  const std::uint32_t last = index_.sentenceOf(range.end - 1);
  for (std::uint32_t s = index_.sentenceOf(range.begin); s <= last && !match.hedged; ++s) {
    match.hedged = index_.hedged(s);
  }
  return match;
}

std::optional<Range> Evaluator::hedgeOf(const Match& match) const {
  auto inSentences = [&](const Range& span) -> std::optional<Range> {
    const std::uint32_t last = index_.sentenceOf(span.end - 1);
    for (std::uint32_t s = index_.sentenceOf(span.begin); s <= last; ++s) {
      if (auto hedge = index_.hedgeOf(s)) return hedge;
    }
    return std::nullopt;
  };
  const Detail* detail = detailOf(match);
  if (!detail) return inSentences({match.begin, match.end});
  for (const Range& span : spansIn(*detail)) {
    if (auto hedge = inSentences(span)) return hedge;
  }
  return std::nullopt;
}

// ---- reading a rule's matches only as far as needed

namespace {

// `node` itself, or the one option an <any> of one option stands for (as `evaluate` reads it).
const Node& unwrapped(const Node& node) {
  const Node* inner = &node;
  while (inner->kind == NodeKind::Any && inner->children.size() == 1) inner = &inner->children[0];
  return *inner;
}

}  // namespace

// The units of an <all> of sentences, blocks or sections, read a few at a time in text order
// (more each time), and its matches given in the order of `all`: a match is given once no unit
// still unread can hold one that comes before it. A negated or affirmed part is read only inside
// the units of each turn, as `all` reads it inside all of them.
class Evaluator::UnitReader {
 public:
  static bool reads(const Node& node) {
    const core::Scope::Kind scope = node.scope.kind;
    return node.kind == NodeKind::All &&
           (scope == core::Scope::Kind::Sentence || scope == core::Scope::Kind::Block ||
            scope == core::Scope::Kind::Section);
  }

  UnitReader(Evaluator& evaluator, const Node& node, std::size_t firstUnits)
      : evaluator_(evaluator),
        node_(node),
        scope_(node.scope.kind),
        parts_(node.children.size(), nullptr),
        narrowed_(node.children.size()),
        cursors_(node.children.size(), 0),
        turn_(std::max<std::size_t>(firstUnits, 1)) {
    if (readParts()) findUnits();
  }

  // The next match, or null when there is none.
  const Match* peek() {
    while (true) {
      const bool allRead = next_ == unitCount();
      if (front_ < pending_.size() && (allRead || pending_[front_].begin < lowest_[next_])) {
        return &pending_[front_];
      }
      if (allRead) return nullptr;
      readUnits();
    }
  }
  void pop() { ++front_; }

 private:
  std::size_t unitCount() const {
    return scope_ == core::Scope::Kind::Section ? sections_.size() : keys_.size();
  }

  // The parts that are read whole, as `evaluateParts` reads them; false when one has no match.
  bool readParts() {
    const std::optional<std::size_t> rarest = evaluator_.evaluatePhraseParts(node_, parts_);
    if (!rarest) return false;
    const std::size_t count = node_.children.size();
    const bool narrow = scope_ != core::Scope::Kind::Section && *rarest < count;
    for (std::size_t i = 0; i < count; ++i) {
      const Node& child = node_.children[i];
      if (child.kind == NodeKind::Phrases) continue;
      if (narrow && evaluator_.readsInUnits(child)) {
        perTurn_.push_back(i);
        continue;
      }
      parts_[i] = &evaluator_.evaluate(child);
      if (parts_[i]->empty()) return false;
    }
    for (const Node& without : node_.without) withouts_.push_back(&evaluator_.evaluate(without));
    return true;
  }

  // The units to visit, and the first token any match of each can begin at.
  void findUnits() {
    if (scope_ == core::Scope::Kind::Section) {
      sections_ = evaluator_.candidateSections(parts_, true);
      for (const int section : sections_) {
        lowest_.push_back(evaluator_.index_.sectionRange(section).begin);
      }
    } else {
      // The parts read whole from fewest matches to most, then those read per turn, with the
      // driver (the one with fewest matches) last, as `searchOrder` puts it.
      Lists whole;
      std::vector<std::size_t> wholeParts;
      for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (parts_[i]) {
          whole.push_back(parts_[i]);
          wholeParts.push_back(i);
        }
      }
      for (const std::size_t k : searchOrder(whole)) order_.push_back(wholeParts[k]);
      order_.insert(order_.end() - 1, perTurn_.begin(), perTurn_.end());
      keys_ = evaluator_.unitKeys(scope_, *parts_[order_.back()]);
      lowest_.reserve(keys_.size());
      for (const std::uint32_t key : keys_) {
        std::uint32_t lowest = std::numeric_limits<std::uint32_t>::max();
        for (const Range& range : evaluator_.rangesOf(scope_, key)) {
          lowest = std::min(lowest, range.begin);
        }
        lowest_.push_back(lowest);
      }
    }
    // From each unit on: a lead-in sentence lies before the list entries it leads.
    for (std::size_t k = lowest_.size(); k-- > 1;) {
      lowest_[k - 1] = std::min(lowest_[k - 1], lowest_[k]);
    }
  }

  // Reads the next turn's units; their matches join the ones not yet given.
  void readUnits() {
    const std::size_t count = std::min(turn_, unitCount() - next_);
    turn_ *= 2;
    Units units(parts_.size());
    if (scope_ == core::Scope::Kind::Section) {
      evaluator_.addSectionUnits(parts_, true, std::span(sections_).subspan(next_, count), cursors_,
                                 units);
    } else {
      const std::span<const std::uint32_t> keys = std::span(keys_).subspan(next_, count);
      if (!perTurn_.empty()) {
        const std::vector<Range> windows = evaluator_.windowsOf(scope_, keys);
        for (const std::size_t i : perTurn_) {
          const Node& child = node_.children[i];
          narrowed_[i] = evaluator_.polarity(child, child.kind == NodeKind::Negated, &windows);
          parts_[i] = &narrowed_[i];
          cursors_[i] = 0;
        }
      }
      evaluator_.addCompleteUnits(scope_, parts_, order_, keys, cursors_, units);
    }
    next_ += count;
    found_.clear();
    evaluator_.joinUnits(units, withouts_, found_);
    std::stable_sort(found_.begin(), found_.end(), byPosition);
    // Among equal places, the match of the earlier unit first, as in `all`.
    merged_.clear();
    std::merge(pending_.begin() + static_cast<std::ptrdiff_t>(front_), pending_.end(),
               found_.begin(), found_.end(), std::back_inserter(merged_), byPosition);
    pending_.swap(merged_);
    front_ = 0;
  }

  Evaluator& evaluator_;
  const Node& node_;
  const core::Scope::Kind scope_;
  Lists parts_;                               // by part; null until read, for a part read per turn
  std::vector<std::size_t> perTurn_;          // the negated or affirmed parts read per turn
  std::vector<std::vector<Match>> narrowed_;  // by part: those parts' matches in this turn
  Lists withouts_;
  std::vector<std::size_t> order_;     // the parts in the order a unit is searched for them
  std::vector<std::uint32_t> keys_;    // sentence or block units, in text order
  std::vector<int> sections_;          // section units, in index order (text order)
  std::vector<std::uint32_t> lowest_;  // by unit: no match of it or a later unit begins before
  std::vector<std::size_t> cursors_;   // by part: where its search goes on from
  std::size_t next_ = 0;               // the first unit not read
  // How many units the next turn reads: twice as many as the turn before, so that a rule met
  // early reads little and one read to the end takes few turns.
  std::size_t turn_;
  std::vector<Match> pending_;  // matches found and not given, in order, from front_
  std::size_t front_ = 0;
  std::vector<Match> found_, merged_;  // kept for their memory
};

const Match* Evaluator::Stream::Source::peek() {
  if (reader) return reader->peek();
  return at < list->size() ? &(*list)[at] : nullptr;
}

void Evaluator::Stream::Source::pop() {
  if (reader) {
    reader->pop();
  } else {
    ++at;
  }
}

Evaluator::Stream Evaluator::stream(const Node& node, std::size_t firstUnits) {
  return Stream(*this, node, firstUnits);
}

Evaluator::Stream::Stream(Evaluator& evaluator, const Node& node, std::size_t firstUnits)
    : evaluator_(&evaluator), node_(&unwrapped(node)) {
  if (node_->kind == NodeKind::Phrases ||
      evaluator.nodeCache_[static_cast<std::size_t>(node_->id)]) {
    sources_.emplace_back().list = &evaluator.evaluate(*node_);
    return;
  }
  keep_ = true;
  const std::span<const Node> options = node_->kind == NodeKind::Any
                                            ? std::span<const Node>(node_->children)
                                            : std::span<const Node>(node_, 1);
  for (const Node& option : options) {
    const Node& inner = unwrapped(option);
    Source& source = sources_.emplace_back();
    if (UnitReader::reads(inner) && !evaluator.nodeCache_[static_cast<std::size_t>(inner.id)]) {
      source.reader = std::make_unique<UnitReader>(evaluator, inner, firstUnits);
    } else {
      source.list = &evaluator.evaluate(inner);
    }
  }
}

Evaluator::Stream::Stream(Stream&&) noexcept = default;
Evaluator::Stream& Evaluator::Stream::operator=(Stream&&) noexcept = default;
Evaluator::Stream::~Stream() = default;

std::optional<Match> Evaluator::Stream::next() {
  while (true) {
    // The first match of all options, the earlier option's among equal ones, as `any` merges.
    Source* from = nullptr;
    const Match* first = nullptr;
    for (Source& source : sources_) {
      const Match* head = source.peek();
      if (head && (!first || byPosition(*head, *first))) {
        first = head;
        from = &source;
      }
    }
    if (!first) {
      // Read to the end: these are the node's matches, unless it was evaluated meanwhile.
      auto& cached = evaluator_->nodeCache_[static_cast<std::size_t>(node_->id)];
      if (keep_ && !cached) cached = std::move(read_);
      keep_ = false;
      return std::nullopt;
    }
    const Match match = *first;
    from->pop();
    // One match per place, as `any` and `all` keep them.
    if (last_ && last_->begin == match.begin && last_->end == match.end) continue;
    last_ = match;
    if (keep_) read_.push_back(match);
    return match;
  }
}

}  // namespace mkrp::check::engine
