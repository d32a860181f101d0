// One story of a DOCX (the body, a header or footer, a note): paragraphs with their heading
// levels and list labels, tables cell by cell, text boxes after their anchoring paragraph.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "extract/limits.h"
#include "extract/package/block_builder.h"
#include "extract/package/docx_numbering.h"
#include "extract/package/docx_runs.h"

namespace mkrp::extract::detail {

class DocxStyles;

// What stays the same across the stories of one document.
struct DocxContext {
  const DocxStyles& styles;
  const DocxNumbering& numbering;
  const Limits& limits;
  std::vector<std::string>& warnings;
};

class DocxStory {
 public:
  // Blocks go to `blocks`, with `part` as their source. The part's w:p elements must have been
  // numbered with numberElements.
  DocxStory(const DocxContext& context, std::string part, std::vector<core::Block>& blocks);

  // Reads `container` (w:body) with each paragraph and each table cell as its own block.
  void readBody(const xmlNode* container);

  // Reads `container` (w:hdr, w:footnote, ...) as one block of `kind` labelled `label`.
  void readJoined(const xmlNode* container, core::BlockKind kind, std::string label);

  // The notes this story refers to, in order of their reference marks.
  const NoteReferences& notes() const { return notes_; }

  // The r:ids of the headers and footers the section properties name, in document order.
  const std::vector<std::string>& headerIds() const { return headerIds_; }
  const std::vector<std::string>& footerIds() const { return footerIds_; }

 private:
  void readBlocks(const xmlNode* container, JoinedBlock* joined, int tableDepth);
  void readParagraph(const xmlNode* p, JoinedBlock* joined, int tableDepth);
  void readTable(const xmlNode* table, JoinedBlock* joined, int tableDepth);
  void readCells(const xmlNode* row, JoinedBlock* joined, int tableDepth);
  void describe(const xmlNode* p, Paragraph& paragraph);
  void emit(Paragraph paragraph, JoinedBlock* joined);
  void flushMerged(JoinedBlock* joined);
  void readSectionProperties(const xmlNode* sectPr);
  void warnOnce(const std::string& warning);

  const DocxContext& context_;
  std::string part_;
  std::vector<core::Block>& blocks_;
  NumberingCounters counters_;
  FieldState fields_;
  NoteReferences notes_;
  Paragraph merged_;  // text of paragraphs whose mark was deleted, waiting for the next one
  std::vector<std::string> headerIds_;
  std::vector<std::string> footerIds_;
  std::unordered_set<std::string> seenSectionIds_;
};

}  // namespace mkrp::extract::detail
