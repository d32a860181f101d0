#include "extract/package/block_builder.h"

namespace mkrp::extract::detail {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void appendNormalized(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Plain ASCII is copied a stretch at a time; only a few multi-byte sequences are touched.
    std::size_t stretch = i;
    while (stretch < text.size() && static_cast<unsigned char>(text[stretch]) != 0xC2 &&
           static_cast<unsigned char>(text[stretch]) != 0xE2) {
      ++stretch;
    }
    out.append(text, i, stretch - i);
    i = stretch;
    if (i >= text.size()) break;
    const std::string_view rest = text.substr(i);
    if (rest.substr(0, 2) == "\u00A0" || rest.substr(0, 3) == "\u202F" ||
        rest.substr(0, 3) == "\u2007") {
      out += ' ';
      i += rest[0] == '\xC2' ? 2 : 3;
    } else if (rest.substr(0, 2) == "\u00AD") {
      i += 2;
    } else if (rest.substr(0, 3) == "\u2011") {
      out += '-';
      i += 3;
    } else {
      out += text[i++];
    }
  }
}

std::string trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && isBlank(text[begin])) ++begin;
  while (end > begin && isBlank(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

JoinedBlock::JoinedBlock(core::BlockKind kind, std::string label, bool splitOnTables)
    : kind_(kind), label_(std::move(label)), splitOnTables_(splitOnTables) {}

void JoinedBlock::add(const Paragraph& paragraph) {
  if (paragraph.text.empty()) return;
  if (firstIndex_ < 0) firstIndex_ = paragraph.index;
  if (!text_.empty()) text_ += '\n';
  if (!paragraph.label.empty()) {
    text_ += paragraph.label;
    text_ += ' ';
  }
  text_ += paragraph.text;
}

void JoinedBlock::flushInto(std::vector<core::Block>& blocks, const std::string& part) {
  if (!text_.empty()) {
    core::Block block;
    block.kind = kind_;
    block.label = label_;
    block.text = std::move(text_);
    block.source.part = part;
    block.source.paragraph = firstIndex_;
    blocks.push_back(std::move(block));
  }
  text_.clear();
  firstIndex_ = -1;
}

void DistinctBlocks::add(core::Block block) {
  std::string key(core::toString(block.kind));
  key += '\n';
  key += block.text;
  if (seen_.insert(std::move(key)).second) blocks_.push_back(std::move(block));
}

void addParagraphBlock(Paragraph paragraph, const std::string& part,
                       std::vector<core::Block>& blocks) {
  if (paragraph.text.empty()) return;
  core::Block block;
  block.kind = paragraph.kind;
  block.level = paragraph.level;
  block.label = std::move(paragraph.label);
  block.text = std::move(paragraph.text);
  block.source.part = part;
  block.source.paragraph = paragraph.index;
  blocks.push_back(std::move(block));
}

}  // namespace mkrp::extract::detail
