// Document <-> JSON: the `mkrp extract --format json` output, and how a sandboxed reader hands its
// result back to its parent.
#pragma once

#include <string>
#include <string_view>

namespace mkrp::core {

struct Document;

// The JSON form of `document`:
// {"format":"docx","pages":N,"blocks":[{"kind","level","label","text","source":{...},
//  "glyphs":[[start,end,page,x0,y0,x1,y1],...]}],"warnings":[...]}
// "glyphs" is written only when `withGlyphs` is true and the block has any. "source" holds
// "part" and "paragraph" for DOCX/ODT, "page" and "box":[x0,y0,x1,y1] for PDF.
std::string toJson(const Document& document, bool withGlyphs);

// Parses what toJson wrote (with or without glyphs).
// Throws core::MalformedDocumentException when the text is not such a document.
Document documentFromJson(std::string_view json);

}  // namespace mkrp::core
