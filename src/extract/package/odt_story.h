// One story of an ODT (the body, a header or footer, a note): paragraphs, headings with their
// outline numbers, lists with their labels, tables cell by cell, frames after their paragraph.
#pragma once

#include <libxml/tree.h>

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "extract/limits.h"
#include "extract/package/odt_styles.h"

namespace mkrp::extract::detail {

class JoinedBlock;
struct Paragraph;

// A note found in a story: read after the body, as a footnote block labelled with its citation.
struct OdtNote {
  const xmlNode* body = nullptr;  // text:note-body
  std::string citation;
  bool endnote = false;
};

struct OdtContext {
  const OdfStyles& styles;
  const Limits& limits;
  std::vector<std::string>& warnings;
};

class OdtStory {
 public:
  // Blocks go to `blocks` with `part` as their source. The part's text:p and text:h elements
  // must have been numbered with numberElements.
  OdtStory(const OdtContext& context, std::string part, std::vector<core::Block>& blocks);

  // Reads `container` (office:text) with each paragraph and each table cell as its own block.
  void readBody(const xmlNode* container);

  // Reads `container` (style:header, text:note-body) as one block of `kind` labelled `label`.
  void readJoined(const xmlNode* container, core::BlockKind kind, std::string label);

  // The notes met so far, in document order.
  const std::vector<OdtNote>& notes() const { return notes_; }

 private:
  // Where a text:list stands: which counters it uses, its style and its depth (1 = top).
  struct ListFrame {
    std::size_t counter = 0;
    std::string styleName;
    const OdfListStyle* style = nullptr;
    int level = 1;
  };

  void readBlocks(const xmlNode* container, JoinedBlock* joined, int tableDepth);
  void readBlock(const xmlNode* node, JoinedBlock* joined, int tableDepth);
  void readParagraph(const xmlNode* p, Paragraph paragraph, JoinedBlock* joined, int tableDepth);
  void readHeading(const xmlNode* h, JoinedBlock* joined, int tableDepth);
  void readList(const xmlNode* list, const ListFrame* parent, JoinedBlock* joined, int tableDepth);
  void readListItem(const xmlNode* item, const ListFrame& frame, JoinedBlock* joined,
                    int tableDepth);
  std::size_t countersFor(const xmlNode* list, const std::string& styleName);
  void readTable(const xmlNode* table, JoinedBlock* joined, int tableDepth);
  void readRows(const xmlNode* parent, JoinedBlock* joined, int tableDepth);
  void warnOnce(const std::string& warning);

  const OdtContext& context_;
  std::string part_;
  std::vector<core::Block>& blocks_;
  std::vector<std::array<int, OdfListStyle::kLevels>> listCounters_;
  std::unordered_map<std::string, std::size_t> listsById_;
  std::unordered_map<std::string, std::size_t> lastListByStyle_;
  std::array<int, OdfListStyle::kLevels> outlineCounters_{};
  std::vector<OdtNote> notes_;
};

}  // namespace mkrp::extract::detail
