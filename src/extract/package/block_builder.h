// Turning the paragraphs a package reader finds into core::Blocks: one block per paragraph, or
// all paragraphs of a table cell, note or header joined into one.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/document.h"

namespace mkrp::extract::detail {

// The warning for a document that gives no block at all, e.g. a scan pasted into Word.
inline constexpr std::string_view kNoText =
    "No text was found in the document. If it holds scanned pages, submit the directive as a "
    "searchable PDF instead.";

// One paragraph as a reader found it.
struct Paragraph {
  core::BlockKind kind = core::BlockKind::Paragraph;
  int level = 0;
  std::string label;  // list or section label, without the text
  std::string text;   // already trimmed
  int index = -1;     // paragraph index within its part
};

// Appends text from a document to `out` with the characters readers agree to normalise: a
// no-break space becomes a space, a soft hyphen disappears, a non-breaking hyphen becomes '-'.
void appendNormalized(std::string& out, std::string_view text);

// `text` without leading and trailing spaces, tabs and line breaks.
std::string trimmed(std::string_view text);

// The paragraphs of one table cell, note, header or footer, joined with '\n' into one block. A
// paragraph's own label goes in front of its line ("a. Notify the supervisor").
class JoinedBlock {
 public:
  // `splitOnTables`: a table inside ends this block and its cells become blocks of their own
  // (table cells); otherwise the table is read into this block (headers, notes).
  JoinedBlock(core::BlockKind kind, std::string label, bool splitOnTables);

  void add(const Paragraph& paragraph);
  bool empty() const { return text_.empty(); }
  bool splitsOnTables() const { return splitOnTables_; }
  void setSplitOnTables(bool split) { splitOnTables_ = split; }

  // Moves what was collected into `blocks` as one block of part `part` (nothing when empty) and
  // starts over, so that text after a nested table forms a block of its own.
  void flushInto(std::vector<core::Block>& blocks, const std::string& part);

 private:
  core::BlockKind kind_;
  std::string label_;
  bool splitOnTables_;
  std::string text_;
  int firstIndex_ = -1;
};

// Appends blocks to `blocks` unless one of the same kind and text was appended before: the same
// header or footer often repeats in every section.
class DistinctBlocks {
 public:
  explicit DistinctBlocks(std::vector<core::Block>& blocks) : blocks_(blocks) {}
  void add(core::Block block);

 private:
  std::vector<core::Block>& blocks_;
  std::unordered_set<std::string> seen_;
};

// Appends `paragraph` to `blocks` as a block of part `part`, unless it has no text.
void addParagraphBlock(Paragraph paragraph, const std::string& part,
                       std::vector<core::Block>& blocks);

}  // namespace mkrp::extract::detail
