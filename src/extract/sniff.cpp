#include "extract/sniff.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace mkrp::extract {
namespace {

bool startsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

bool looksLikeHtml(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 512);
  while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' ||
                           head.front() == '\t')) {
    head.remove_prefix(1);
  }
  std::string lower(head.substr(0, 14));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return startsWith(lower, "<!doctype html") || startsWith(lower, "<html");
}

}  // namespace

FileKind sniffMagic(std::string_view bytes) {
  if (bytes.empty()) return FileKind::Empty;
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return FileKind::Pdf;
  if (startsWith(bytes, "PK\x03\x04") || startsWith(bytes, "PK\x05\x06")) return FileKind::Zip;
  if (startsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::OleCompound;
  if (startsWith(bytes, "{\\rtf")) return FileKind::Rtf;
  // Sizes are spelled out because some signatures contain NUL bytes.
  constexpr std::array<std::string_view, 8> kImageMagic{
      std::string_view{"\x89PNG\r\n\x1A\n", 8}, std::string_view{"\xFF\xD8\xFF", 3},
      std::string_view{"GIF87a", 6},                 std::string_view{"GIF89a", 6},
      std::string_view{"II*\0", 4},                  std::string_view{"MM\0*", 4},
      std::string_view{"BM", 2},                     std::string_view{"RIFF", 4}};
  for (std::string_view magic : kImageMagic) {
    if (startsWith(bytes, magic)) return FileKind::Image;
  }
  if (looksLikeHtml(bytes)) return FileKind::Html;
  return FileKind::Unknown;
}

bool isEncryptedOoxml(std::string_view oleBytes) {
  // The directory of an encrypted OOXML file names an "EncryptedPackage" stream (UTF-16LE).
  static constexpr char kName[] =
      "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  return oleBytes.find(std::string_view(kName, sizeof kName - 1)) != std::string_view::npos;
}

std::string_view describe(FileKind kind) {
  switch (kind) {
    case FileKind::Empty: return "an empty file";
    case FileKind::Pdf: return "a PDF file";
    case FileKind::Zip: return "a ZIP archive";
    case FileKind::OleCompound: return "a legacy Office 97-2003 file (.doc, .xls or .ppt)";
    case FileKind::Rtf: return "a Rich Text Format (.rtf) file";
    case FileKind::Image: return "an image";
    case FileKind::Html: return "a web page (HTML)";
    case FileKind::Unknown: break;
  }
  return "a file of unknown type";
}

}  // namespace mkrp::extract
