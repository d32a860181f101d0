// The text of one DOCX paragraph: runs, tabs, breaks, symbols, fields, tracked changes, content
// controls and the other wrappers Word puts around runs.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace mkrp::extract::detail {

// The complex fields (w:fldChar begin/separate/end) open at this point of a story. Fields can
// span paragraphs and nest; text shows only where every open field is past its separator,
// i.e. in the result and not in the instructions.
class FieldState {
 public:
  void begin();
  void separate();
  void end();
  bool showing() const { return inInstructions_ == 0; }
  bool anyOpen() const { return !separated_.empty(); }

 private:
  std::vector<bool> separated_;
  int inInstructions_ = 0;
};

// Notes a story refers to, in the order of their reference marks.
struct NoteReferences {
  std::vector<std::string> footnotes;
  std::vector<std::string> endnotes;
};

// What a paragraph holds besides its own text: text boxes (w:txbxContent) anchored in it, read
// after the paragraph.
struct ParagraphContent {
  std::string text;  // not yet trimmed
  std::vector<const xmlNode*> textBoxes;
};

// Reads the runs of paragraph `paragraph` (a w:p) into `content`. Inserted and moved-to text is
// kept; deleted and moved-from text, field instructions and the paragraph properties are not.
void readParagraphContent(const xmlNode* paragraph, FieldState& fields, NoteReferences& notes,
                          ParagraphContent& content);

// The branch of an mc:AlternateContent to read: the first mc:Choice when it holds text, else
// the mc:Fallback (else that Choice). Never both, so text boxes are read once. May be null.
const xmlNode* chooseAlternative(const xmlNode* alternateContent);

}  // namespace mkrp::extract::detail
