#include "check/engine/document_index.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

#include "check/engine/grouping.h"
#include "check/text/tokenizer.h"

namespace mkrp::check::engine {
namespace {

// Running headers and footers repeat on every page; they never meet an item by themselves.
bool isMatched(const core::Block& block) {
  return block.kind != core::BlockKind::Header && block.kind != core::BlockKind::Footer;
}

// "(a)", "a.", "1)", "iv." but not a section number such as "4.2.1" or "332.5".
bool isListLabel(const std::string& label) {
  if (label.empty() || label.size() > 6) return false;
  if (label.front() == '(' || label.back() == ')') return true;
  return label.back() == '.' && std::count(label.begin(), label.end(), '.') == 1;
}

bool isListEntry(const core::Block& block) {
  switch (block.kind) {
    case core::BlockKind::ListItem:
    case core::BlockKind::TableCell:
      return true;
    case core::BlockKind::Paragraph:
      return isListLabel(block.label);
    default:
      return false;
  }
}

bool endsWithColon(const std::string& text) {
  const auto last = text.find_last_not_of(" \t\n\r");
  return last != std::string::npos && text[last] == ':';
}

// Words that open a clause saying what is or might be, rather than what someone must do.
bool opensSubordinateClause(std::string_view word) {
  static constexpr std::string_view kWords[] = {"whether", "which", "that",    "who",      "whom",
                                                "whose",   "what",  "whoever", "whatever", "if"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// "may", "might" or "could" inside a clause opened by "whether", "which", "that", ... speaks of
// what may be true ("determine whether the child may harm himself", "information that may
// assist", "regardless of which agency may investigate"), not of a permission that weakens the
// sentence's duty. Looks back at most four words and never across a comma, colon or semicolon.
bool isPossibilityModal(std::span<const text::Token> tokens, std::uint32_t at) {
  const std::string_view word = tokens[at].lower;
  if (word != "may" && word != "might" && word != "could") return false;
  constexpr auto kClauseBreak = static_cast<std::uint16_t>(text::Gap::Comma) |
                                static_cast<std::uint16_t>(text::Gap::Semicolon) |
                                static_cast<std::uint16_t>(text::Gap::Colon) |
                                static_cast<std::uint16_t>(text::Gap::Sentence);
  for (std::uint32_t back = 1; back <= 4 && back <= at; ++back) {
    const text::Token& token = tokens[at - back];
    if (opensSubordinateClause(token.lower)) return true;
    if ((tokens[at - back + 1].gapBefore & kClauseBreak) != 0) return false;
  }
  return false;
}

}  // namespace

void RangeCover::add(std::span<const Range> ranges) {
  ranges_.insert(ranges_.end(), ranges.begin(), ranges.end());
  for (const Range& range : ranges) longest_ = std::max(longest_, range.end - range.begin);
}

void RangeCover::finish() {
  std::sort(ranges_.begin(), ranges_.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
}

bool RangeCover::holds(Range range) const {
  // The candidates begin at or before range.begin, and no earlier than the longest range allows.
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), range.begin,
                             [](std::uint32_t at, const Range& other) { return at < other.begin; });
  while (it != ranges_.begin()) {
    --it;
    if (range.begin - it->begin > longest_) return false;
    if (range.end <= it->end) return true;
  }
  return false;
}

DocumentIndex::DocumentIndex(const core::Document& document, const Program& program)
    : document_(document) {
  readBlocks();
  findSections();
  findLeadIns();
  findOccurrences(program.matcher);
  findHedges(program);
}

void DocumentIndex::readBlocks() {
  text::Tokenizer& tokenizer = text::threadTokenizer();
  blocks_.resize(document_.blocks.size());
  // About one token per six bytes of English text: reserving once spares the copies of growing.
  std::size_t bytes = 0;
  for (const core::Block& block : document_.blocks) bytes += block.text.size();
  const std::size_t expected = bytes / 6 + 16;
  tokens_.reserve(expected);
  tokenBlock_.reserve(expected);
  tokenSentence_.reserve(expected);
  for (std::size_t b = 0; b < document_.blocks.size(); ++b) {
    const core::Block& block = document_.blocks[b];
    const auto begin = static_cast<std::uint32_t>(tokens_.size());
    blocks_[b].tokens = {begin, begin};
    if (!isMatched(block)) continue;
    tokenizer.append(block.text, tokens_);  // in place: tokens are not moved once made
    const auto sentenceBase = static_cast<std::uint32_t>(sentences_.size());
    const auto end = static_cast<std::uint32_t>(tokens_.size());
    tokenBlock_.resize(end, static_cast<std::uint32_t>(b));
    tokenSentence_.resize(end);
    for (std::uint32_t index = begin; index < end; ++index) {
      const std::uint32_t sentence = sentenceBase + tokens_[index].sentence;
      if (sentence >= sentences_.size()) sentences_.push_back({index, index});
      sentences_[sentence].end = index + 1;
      tokenSentence_[index] = sentence;
    }
    blocks_[b].tokens.end = end;
    const auto local = blockTokens(static_cast<std::uint32_t>(b));
    const std::vector<text::AgeMention> ages = text::findAges(local);
    for (const text::DurationMention& mention : text::findDurations(local, ages)) {
      durations_.push_back({{static_cast<std::uint32_t>(begin + mention.tokens.begin),
                             static_cast<std::uint32_t>(begin + mention.tokens.end)},
                            mention.duration});
    }
    for (const text::AgeMention& mention : ages) {
      ages_.push_back({{static_cast<std::uint32_t>(begin + mention.tokens.begin),
                        static_cast<std::uint32_t>(begin + mention.tokens.end)},
                       mention.range});
    }
  }
}

// Sections nest: a heading governs the blocks after it up to the next heading of the same or a
// higher level, subsections included.
void DocumentIndex::findSections() {
  const auto& source = document_.blocks;
  const auto end = static_cast<std::uint32_t>(tokens_.size());
  preamble_ = {0, end};
  std::vector<std::pair<int, int>> open;  // (section, level)
  for (std::size_t b = 0; b < source.size(); ++b) {
    const std::uint32_t at = blocks_[b].tokens.begin;
    if (source[b].kind == core::BlockKind::Heading) {
      if (sections_.empty()) preamble_.end = at;
      const int level = std::max(1, source[b].level);
      while (!open.empty() && open.back().second >= level) {
        sections_[static_cast<std::size_t>(open.back().first)].tokens.end = at;
        open.pop_back();
      }
      const int parent = open.empty() ? -1 : open.back().first;
      sections_.push_back({{at, at}, parent, static_cast<int>(b)});
      open.emplace_back(static_cast<int>(sections_.size()) - 1, level);
    }
    blocks_[b].section = open.empty() ? -1 : open.back().first;
  }
  for (const auto& [section, level] : open)
    sections_[static_cast<std::size_t>(section)].tokens.end = end;
}

namespace {

// What kind of list a list entry belongs to: entries of one kind are siblings.
std::string listShape(const core::Block& block) {
  std::string shape =
      std::to_string(static_cast<int>(block.kind)) + ":" + std::to_string(block.level) + ":";
  for (const char c : block.label) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (shape.empty() || shape.back() != '9') shape += '9';
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      if (shape.empty() || shape.back() != 'a') shape += 'a';
    } else {
      shape += c;
    }
  }
  return shape;
}

// "Table 5.14-A — Call-taker questions": the caption over a table says what its cells are.
bool isTableCaption(const core::Block& block) {
  const std::string& text = block.text;
  constexpr std::string_view kWords[] = {"Table ", "TABLE ", "Exhibit ", "EXHIBIT "};
  for (const std::string_view word : kWords) {
    if (text.size() > word.size() && text.compare(0, word.size(), word) == 0 &&
        std::isalnum(static_cast<unsigned char>(text[word.size()]))) {
      return true;
    }
  }
  return false;
}

// The block that introduces entries of `kind`: a sentence ending in ':' for any list; for a
// table also its caption or the heading right above it ("KEY QUESTIONS").
bool introduces(const core::Block& before, core::BlockKind kind) {
  if (endsWithColon(before.text)) return true;
  if (kind != core::BlockKind::TableCell) return false;
  return before.kind == core::BlockKind::Heading || isTableCaption(before);
}

}  // namespace

// A list entry (or table cell) carries the duty or hedge of the sentence that introduces its list
// ("Officers should take the following actions, as applicable:"). Walking back from an entry over
// its siblings and their sub-entries, the lead-in is the first block that ends with ':' and is
// not a sibling; a table cell's may also be the table's caption or the heading above it.
void DocumentIndex::findLeadIns() {
  const auto& source = document_.blocks;
  sentenceLeadIn_.assign(sentences_.size(), -1);
  ledSentences_.assign(sentences_.size(), {});
  ledBlocks_.assign(sentences_.size(), {});
  leadsList_.assign(sentences_.size(), 0);
  // Each list entry's shape, made once: the walk back from an entry reads its siblings' shapes.
  std::vector<std::string> shapes(source.size());
  for (std::size_t b = 0; b < source.size(); ++b) {
    if (isListEntry(source[b])) shapes[b] = listShape(source[b]);
  }
  for (std::size_t b = 0; b < source.size(); ++b) {
    if (!isListEntry(source[b]) || blocks_[b].tokens.begin == blocks_[b].tokens.end) continue;
    const std::string& shape = shapes[b];
    int leadIn = -1;
    for (std::size_t k = b; k-- > 0;) {
      const core::Block& before = source[k];
      if (!isMatched(before) || before.kind == core::BlockKind::Footnote) continue;
      if (isListEntry(before) && shapes[k] == shape) continue;
      if (introduces(before, source[b].kind)) leadIn = static_cast<int>(k);
      if (leadIn >= 0 || !isListEntry(before)) break;
    }
    if (leadIn < 0 || blocks_[static_cast<std::size_t>(leadIn)].tokens.begin ==
                          blocks_[static_cast<std::size_t>(leadIn)].tokens.end) {
      continue;
    }
    blocks_[b].leadIn = leadIn;
    const std::uint32_t lead =
        tokenSentence_[blocks_[static_cast<std::size_t>(leadIn)].tokens.end - 1];
    ledBlocks_[lead].push_back(static_cast<std::uint32_t>(b));
    leadsList_[lead] = 1;
    const Range range = blocks_[b].tokens;
    for (std::uint32_t s = tokenSentence_[range.begin]; s <= tokenSentence_[range.end - 1]; ++s) {
      sentenceLeadIn_[s] = static_cast<int>(lead);
      ledSentences_[lead].push_back(s);
    }
  }
}

void DocumentIndex::findOccurrences(const PhraseMatcher& matcher) {
  std::vector<Occurrence>& found = found_;
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    const Range range = blocks_[b].tokens;
    if (range.begin == range.end) continue;
    matcher.scan(blockTokens(static_cast<std::uint32_t>(b)), document_.blocks[b].text, range.begin,
                 found);
  }
  groupByKey<Range>(
      matcher.size(),
      [&](auto emit) {
        for (const Occurrence& occurrence : found) {
          emit(occurrence.phrase, Range{occurrence.begin, occurrence.end});
        }
      },
      occurrenceStart_, occurrences_);
}

// A hedge counts unless one of the concept's exceptions covers it ("may be at risk").
void DocumentIndex::findHedges(const Program& program) {
  sentenceHedge_.assign(sentences_.size(), std::nullopt);
  sentenceHedged_.assign(sentences_.size(), 0);
  if (program.hedgeSet < 0) return;
  const PhraseSet& hedges = program.phraseSets[static_cast<std::size_t>(program.hedgeSet)];
  RangeCover exceptions;
  for (const std::uint32_t phrase : hedges.exceptions) exceptions.add(occurrences(phrase));
  exceptions.finish();
  for (const std::uint32_t phrase : hedges.phrases) {
    for (const Range& hedge : occurrences(phrase)) {
      auto& slot = sentenceHedge_[tokenSentence_[hedge.begin]];
      if (slot && slot->begin <= hedge.begin) continue;
      if (exceptions.holds(hedge) || isPossibilityModal(tokens_, hedge.begin) || isBounded(hedge)) {
        continue;
      }
      slot = hedge;
    }
  }
  for (std::uint32_t s = 0; s < sentences_.size(); ++s) sentenceHedged_[s] = hedgeOf(s) ? 1 : 0;
}

// "as soon as practicable, but not later than two hours": a vague deadline followed by a firm
// limit in the same sentence; the limit is what the sentence requires. Only a hedge that is
// itself a vague deadline is lifted: "should be reviewed within 30 days" stays hedged.
bool DocumentIndex::isBounded(Range hedge) const {
  constexpr std::uint32_t kReach = 4;  // words between the hedge and the limit ("but no later")
  const auto next = std::lower_bound(
      durations_.begin(), durations_.end(), hedge.end,
      [](const DurationAt& found, std::uint32_t at) { return found.tokens.begin < at; });
  if (next == durations_.begin()) return false;
  const DurationAt& vague = *std::prev(next);
  if (vague.duration.kind != text::DurationKind::Vague || vague.tokens.begin > hedge.begin ||
      vague.tokens.end < hedge.end) {
    return false;
  }
  if (next == durations_.end() || next->tokens.begin > hedge.end + kReach) return false;
  if (tokenSentence_[next->tokens.begin] != tokenSentence_[hedge.begin]) return false;
  const text::Duration& limit = next->duration;
  return limit.direction == text::Direction::AtMost && limit.kind != text::DurationKind::Vague;
}

std::span<const text::Token> DocumentIndex::blockTokens(std::uint32_t block) const {
  const Range range = blocks_[block].tokens;
  return {tokens_.tokens().data() + range.begin, range.end - range.begin};
}

std::span<const Range> DocumentIndex::occurrences(std::uint32_t phrase) const {
  return {occurrences_.data() + occurrenceStart_[phrase],
          occurrenceStart_[phrase + 1] - occurrenceStart_[phrase]};
}

std::optional<Range> DocumentIndex::hedgeOf(std::uint32_t sentence) const {
  if (sentenceHedge_[sentence]) return sentenceHedge_[sentence];
  const int lead = sentenceLeadIn_[sentence];
  if (lead < 0) return std::nullopt;
  return sentenceHedge_[static_cast<std::size_t>(lead)];
}

Range DocumentIndex::sectionRange(int index) const {
  return index < 0 ? preamble_ : sections_[static_cast<std::size_t>(index)].tokens;
}

std::optional<int> DocumentIndex::sectionHolding(int section, Range range) const {
  for (int s = section;; s = sections_[static_cast<std::size_t>(s)].parent) {
    const Range held = sectionRange(s);
    if (held.begin <= range.begin && range.end <= held.end) return s;
    if (s < 0) return std::nullopt;
  }
}

std::string DocumentIndex::labelOf(std::uint32_t block) const {
  const core::Block& own = document_.blocks[block];
  std::string heading;
  for (int s = blocks_[block].section; s >= 0 && heading.empty();
       s = sections_[static_cast<std::size_t>(s)].parent) {
    const int headingBlock = sections_[static_cast<std::size_t>(s)].heading;
    if (headingBlock != static_cast<int>(block)) heading = document_.blocks[headingBlock].label;
  }
  if (own.label.empty()) return heading;
  if (own.kind == core::BlockKind::Heading || heading.empty()) return own.label;
  return heading + " " + own.label;
}

int DocumentIndex::pageOf(std::uint32_t block, std::uint32_t offset) const {
  const core::Block& source = document_.blocks[block];
  for (const core::GlyphBox& glyph : source.glyphs) {
    if (glyph.end > offset) return glyph.page;
  }
  return source.source.page;
}

std::string DocumentIndex::textOf(Range range) const {
  if (range.begin >= range.end) return {};
  const std::uint32_t block = tokenBlock_[range.begin];
  const std::string& text = document_.blocks[block].text;
  const std::uint32_t start = tokens_[range.begin].start;
  const std::uint32_t end = tokens_[range.end - 1].end;
  return text.substr(start, end - start);
}

}  // namespace mkrp::check::engine
