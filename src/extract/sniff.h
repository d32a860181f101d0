// What a file is, decided from its bytes alone. The file name is never consulted.
#pragma once

#include <string_view>

namespace mkrp::extract {

enum class FileKind {
  Empty,
  Pdf,
  Zip,          // some ZIP package; the package reader tells DOCX, ODT and others apart
  OleCompound,  // legacy .doc/.xls/.ppt, or an OOXML file encrypted with a password
  Rtf,
  Image,        // PNG, JPEG, GIF, TIFF, BMP, WebP
  Html,
  Unknown,
};

// Looks at the leading bytes (and for PDF, the first KiB, as readers allow junk before %PDF-).
FileKind sniffMagic(std::string_view bytes);

// True when an OLE compound file holds an encrypted OOXML package (a password-protected .docx).
bool isEncryptedOoxml(std::string_view oleBytes);

// A short description for error messages: "a legacy Word 97-2003 (.doc) file", "an image", ...
std::string_view describe(FileKind kind);

}  // namespace mkrp::extract
