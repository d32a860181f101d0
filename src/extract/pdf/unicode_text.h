// Small Unicode helpers for the PDF reader: UTF-8 output, the text a person would type for a
// drawn character (ligatures split), and PDF text strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mkrp::extract::pdf {

// Appends `codePoint` as UTF-8 (invalid code points become U+FFFD).
void appendUtf8(std::string& out, char32_t codePoint);

// Appends what a reader would type for `codePoint`: Latin ligatures and presentation forms split
// into their letters (U+FB01 -> "fi"), common symbol-font bullets mapped to U+2022, control
// characters dropped. Returns false when nothing was appended.
bool appendReadable(std::string& out, char32_t codePoint);

// Appends UTF-16BE code units (surrogate pairs joined) as readable text.
void appendUtf16Readable(std::string& out, const std::uint16_t* units, std::size_t count);

// Decodes one UTF-8 character at `pos` and advances `pos`; U+FFFD for a bad byte.
char32_t nextUtf8(std::string_view text, std::size_t& pos);

// A PDF "text string" (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding) as UTF-8.
std::string pdfTextString(std::string_view bytes);

// True for characters that separate words (spaces of any width, tabs, line breaks).
bool isSpaceCharacter(char32_t codePoint);

}  // namespace mkrp::extract::pdf
