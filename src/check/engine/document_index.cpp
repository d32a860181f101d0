#include "check/engine/document_index.h"

#include <algorithm>
#include <iterator>

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

// text::Tokenizer owns a stemmer and is not thread-safe: one per thread, reused across documents
// so that its stem cache stays warm.
text::Tokenizer& threadTokenizer() {
  thread_local text::Tokenizer tokenizer;
  return tokenizer;
}

}  // namespace

DocumentIndex::DocumentIndex(const core::Document& document, const Program& program)
    : document_(document) {
  readBlocks();
  findSections();
  findLeadIns();
  findOccurrences(program.matcher);
  findHedges(program);
}

void DocumentIndex::readBlocks() {
  text::Tokenizer& tokenizer = threadTokenizer();
  std::vector<text::Token> scratch;
  blocks_.resize(document_.blocks.size());
  for (std::size_t b = 0; b < document_.blocks.size(); ++b) {
    const core::Block& block = document_.blocks[b];
    const auto begin = static_cast<std::uint32_t>(tokens_.size());
    blocks_[b].tokens = {begin, begin};
    if (!isMatched(block)) continue;
    tokenizer.tokenize(block.text, scratch);
    const auto sentenceBase = static_cast<std::uint32_t>(sentences_.size());
    for (text::Token& token : scratch) {
      const auto index = static_cast<std::uint32_t>(tokens_.size());
      const std::uint32_t sentence = sentenceBase + token.sentence;
      if (sentence >= sentences_.size()) sentences_.push_back({index, index});
      sentences_[sentence].end = index + 1;
      tokenBlock_.push_back(static_cast<std::uint32_t>(b));
      tokenSentence_.push_back(sentence);
      tokens_.push_back(std::move(token));
    }
    blocks_[b].tokens.end = static_cast<std::uint32_t>(tokens_.size());
    const auto local = blockTokens(static_cast<std::uint32_t>(b));
    for (const text::DurationMention& mention : text::findDurations(local)) {
      durations_.push_back({{static_cast<std::uint32_t>(begin + mention.tokens.begin),
                             static_cast<std::uint32_t>(begin + mention.tokens.end)},
                            mention.duration});
    }
    for (const text::AgeMention& mention : text::findAges(local)) {
      ages_.push_back({{static_cast<std::uint32_t>(begin + mention.tokens.begin),
                        static_cast<std::uint32_t>(begin + mention.tokens.end)},
                       mention.range});
    }
  }
}

// Sections nest: a heading governs the blocks after it up to the next heading of the same or a
// higher level. A document title (the first heading, alone at the top level, with other headings
// under it) is not a section: otherwise every section scope would be the whole document.
void DocumentIndex::findSections() {
  const auto& source = document_.blocks;
  int topLevel = 1 << 20, atTop = 0, headings = 0, first = -1;
  for (std::size_t b = 0; b < source.size(); ++b) {
    if (source[b].kind != core::BlockKind::Heading) continue;
    const int level = std::max(1, source[b].level);
    if (first < 0) first = static_cast<int>(b);
    ++headings;
    if (level < topLevel) {
      topLevel = level;
      atTop = 0;
    }
    if (level == topLevel) ++atTop;
  }
  if (first >= 0 && headings > 1 && atTop == 1 && std::max(1, source[first].level) == topLevel) {
    title_ = first;
  }
  std::vector<std::pair<int, int>> open;  // (section, level)
  int unit = 0;
  units_.push_back({0, 0});
  for (std::size_t b = 0; b < source.size(); ++b) {
    const std::uint32_t at = blocks_[b].tokens.begin;
    if (source[b].kind == core::BlockKind::Heading && static_cast<int>(b) != title_) {
      const int level = std::max(1, source[b].level);
      while (!open.empty() && open.back().second >= level) {
        sections_[static_cast<std::size_t>(open.back().first)].tokens.end = at;
        open.pop_back();
      }
      if (open.empty()) {
        units_[static_cast<std::size_t>(unit)].end = at;
        units_.push_back({at, at});
        ++unit;
      }
      const int parent = open.empty() ? -1 : open.back().first;
      sections_.push_back({{at, at}, parent, static_cast<int>(b)});
      open.emplace_back(static_cast<int>(sections_.size()) - 1, level);
    }
    blocks_[b].section = open.empty() ? -1 : open.back().first;
    blocks_[b].unit = unit;
  }
  const auto end = static_cast<std::uint32_t>(tokens_.size());
  for (const auto& [section, level] : open) sections_[static_cast<std::size_t>(section)].tokens.end = end;
  units_.back().end = end;
}

// A list entry or table cell carries the duty or hedge of the sentence that introduces the list
// ("Officers should take the following actions, as applicable:").
void DocumentIndex::findLeadIns() {
  const auto& source = document_.blocks;
  for (std::size_t b = 0; b < source.size(); ++b) {
    if (!isListEntry(source[b])) continue;
    std::size_t k = b;
    while (k > 0 && (isListEntry(source[k - 1]) || !isMatched(source[k - 1]) ||
                     source[k - 1].kind == core::BlockKind::Footnote)) {
      --k;
    }
    if (k == 0) continue;
    const core::Block& candidate = source[k - 1];
    if (candidate.kind != core::BlockKind::Heading && endsWithColon(candidate.text)) {
      blocks_[b].leadIn = static_cast<int>(k - 1);
    }
  }
}

void DocumentIndex::findOccurrences(const PhraseMatcher& matcher) {
  std::vector<Occurrence> found;
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    const Range range = blocks_[b].tokens;
    if (range.begin == range.end) continue;
    matcher.scan(blockTokens(static_cast<std::uint32_t>(b)), document_.blocks[b].text, range.begin,
                 found);
  }
  occurrenceStart_.assign(matcher.size() + 1, 0);
  for (const Occurrence& occurrence : found) ++occurrenceStart_[occurrence.phrase + 1];
  for (std::size_t i = 1; i < occurrenceStart_.size(); ++i) {
    occurrenceStart_[i] += occurrenceStart_[i - 1];
  }
  occurrences_.resize(found.size());
  std::vector<std::uint32_t> next(occurrenceStart_.begin(), occurrenceStart_.end() - 1);
  for (const Occurrence& occurrence : found) {
    occurrences_[next[occurrence.phrase]++] = {occurrence.begin, occurrence.end};
  }
}

// A hedge counts unless a wording that only looks hedged covers it ("may be at risk").
void DocumentIndex::findHedges(const Program& program) {
  sentenceHedge_.assign(sentences_.size(), std::nullopt);
  if (program.hedgeSet < 0) return;
  std::vector<Range> notHedges;
  if (program.notHedgeSet >= 0) {
    for (const std::uint32_t phrase :
         program.phraseSets[static_cast<std::size_t>(program.notHedgeSet)].phrases) {
      const auto found = occurrences(phrase);
      notHedges.insert(notHedges.end(), found.begin(), found.end());
    }
  }
  auto covered = [&](const Range& hedge) {
    return std::any_of(notHedges.begin(), notHedges.end(), [&](const Range& other) {
      return other.begin <= hedge.begin && hedge.end <= other.end;
    });
  };
  for (const std::uint32_t phrase :
       program.phraseSets[static_cast<std::size_t>(program.hedgeSet)].phrases) {
    for (const Range& hedge : occurrences(phrase)) {
      auto& slot = sentenceHedge_[tokenSentence_[hedge.begin]];
      if ((!slot || hedge.begin < slot->begin) && !covered(hedge)) slot = hedge;
    }
  }
}

std::span<const text::Token> DocumentIndex::blockTokens(std::uint32_t block) const {
  const Range range = blocks_[block].tokens;
  return {tokens_.data() + range.begin, range.end - range.begin};
}

std::span<const Range> DocumentIndex::occurrences(std::uint32_t phrase) const {
  return {occurrences_.data() + occurrenceStart_[phrase],
          occurrenceStart_[phrase + 1] - occurrenceStart_[phrase]};
}

std::optional<Range> DocumentIndex::hedgeOf(std::uint32_t sentence) const {
  if (sentenceHedge_[sentence]) return sentenceHedge_[sentence];
  const Range range = sentences_[sentence];
  const int leadIn = blocks_[tokenBlock_[range.begin]].leadIn;
  if (leadIn < 0) return std::nullopt;
  const Range lead = blocks_[static_cast<std::size_t>(leadIn)].tokens;
  if (lead.begin == lead.end) return std::nullopt;
  return sentenceHedge_[tokenSentence_[lead.end - 1]];
}

std::string DocumentIndex::labelOf(std::uint32_t block) const {
  const core::Block& own = document_.blocks[block];
  std::string heading;
  for (int s = blocks_[block].section; s >= 0 && heading.empty();
       s = sections_[static_cast<std::size_t>(s)].parent) {
    const int headingBlock = sections_[static_cast<std::size_t>(s)].heading;
    if (headingBlock != static_cast<int>(block)) heading = document_.blocks[headingBlock].label;
  }
  if (heading.empty() && title_ >= 0 && title_ != static_cast<int>(block)) {
    heading = document_.blocks[static_cast<std::size_t>(title_)].label;
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
