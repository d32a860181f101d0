// The structured text of one submitted file: what every reader produces and every check reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::core {

// The container a document was read from, decided by content, never by file name.
enum class Format { Docx, Odt, Pdf };

// What role a block plays in the document. Headers, footers and notes are kept apart so that a
// check can tell running text from page furniture.
enum class BlockKind { Heading, Paragraph, ListItem, TableCell, Header, Footer, Footnote };

// A rectangle in PDF user space (points, origin at the bottom left of the page as displayed,
// i.e. after /Rotate and /UserUnit are applied).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool operator==(const Box&) const = default;
};

// Where a run of a block's text was drawn: bytes [start, end) of Block::text on `page`.
// PDF only; inserted separators (spaces between words, line joins) have no glyph box.
struct GlyphBox {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  int page = 0;  // 1-based
  Box box;
  bool operator==(const GlyphBox&) const = default;
};

// Where a block came from in its file.
struct Source {
  std::string part;     // DOCX/ODT: package part name, e.g. "word/document.xml"; empty for PDF
  int paragraph = -1;   // DOCX/ODT: index of the paragraph within the part; -1 when not known
  int page = 0;         // PDF: 1-based page of the block's first glyph; 0 for DOCX/ODT
  Box box;              // PDF: bounding box of the block on `page`
  bool operator==(const Source&) const = default;
};

// One unit of text in reading order: a heading, a paragraph, a list item, a table cell, ...
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;         // heading level (1 = top) or list nesting level (0 = top); 0 otherwise
  std::string label;     // section or list label shown in front of the text ("4.2.1", "IV.", "(a)")
  std::string text;      // UTF-8, without the label; inner line breaks as '\n'
  Source source;
  std::vector<GlyphBox> glyphs;  // PDF: where each drawn character of `text` is; empty otherwise
  bool operator==(const Block&) const = default;
};

// The whole reading of one file.
struct Document {
  Format format = Format::Docx;
  int pageCount = 0;                  // PDF: pages in the file; 0 for DOCX/ODT
  std::vector<Block> blocks;          // reading order
  std::vector<std::string> warnings;  // things a reviewer should know ("page 3 has no text: ...")
  bool operator==(const Document&) const = default;
};

// One file of a submission: the name it was submitted under and what was read from it.
struct SubmittedFile {
  std::string name;
  Document document;
};

// Stable lower-case names used in JSON and text output ("docx", "list_item", ...).
std::string_view toString(Format format);
std::string_view toString(BlockKind kind);
// Inverse of toString. Throws core::MalformedDocumentException for an unknown name.
Format formatFromString(std::string_view name);
BlockKind blockKindFromString(std::string_view name);

// The text a person would read: each block as "label text", blocks separated by one blank line.
std::string plainText(const Document& document);

}  // namespace mkrp::core
