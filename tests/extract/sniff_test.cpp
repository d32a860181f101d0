#include <catch2/catch.hpp>

#include <string>

#include "core/errors.h"
#include "extract/extract.h"
#include "extract/sniff.h"

using namespace mkrp;
using extract::FileKind;

TEST_CASE("file type comes from the leading bytes", "[extract]") {
  struct Case {
    std::string bytes;
    FileKind kind;
  };
  const Case cases[] = {
      {"", FileKind::Empty},
      {"%PDF-1.7\n", FileKind::Pdf},
      {std::string(300, ' ') + "%PDF-1.4", FileKind::Pdf},
      {"PK\x03\x04rest", FileKind::Zip},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", FileKind::OleCompound},
      {"{\\rtf1\\ansi", FileKind::Rtf},
      {"\x89PNG\r\n\x1A\nrest", FileKind::Image},
      {"\xFF\xD8\xFF\xE0", FileKind::Image},
      {std::string("II*\0rest", 8), FileKind::Image},
      {"  <!DOCTYPE html><html>", FileKind::Html},
      {"Officers shall respond.", FileKind::Unknown},
  };
  for (const Case& c : cases) {
    INFO("bytes: " << c.bytes.substr(0, 12));
    REQUIRE(extract::sniffMagic(c.bytes) == c.kind);
  }
}

TEST_CASE("a legacy .doc is refused with advice to save it as DOCX or PDF", "[extract]") {
  const std::string doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(512, '\0'));
  REQUIRE_THROWS_AS(extract::extractBytes(doc), core::UnsupportedFormatException);
  REQUIRE_THROWS_WITH(extract::extractBytes(doc), Catch::Contains("legacy Office 97-2003") &&
                                                      Catch::Contains("save it as .docx"));
}

TEST_CASE("a password-protected DOCX is reported as encrypted", "[extract]") {
  const std::string name("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(100, '\0') + name);
  REQUIRE_THROWS_AS(extract::extractBytes(ole), core::EncryptedDocumentException);
  REQUIRE_THROWS_WITH(extract::extractBytes(ole), Catch::Contains("password"));
}

TEST_CASE("an empty file and an image are refused with what they look like", "[extract]") {
  REQUIRE_THROWS_WITH(extract::extractBytes(""), Catch::Contains("empty"));
  REQUIRE_THROWS_WITH(extract::extractBytes("\x89PNG\r\n\x1A\n...."),
                      Catch::Contains("an image") && Catch::Contains("PDF"));
  REQUIRE_THROWS_WITH(extract::extractBytes("{\\rtf1"), Catch::Contains("Rich Text Format"));
}

TEST_CASE("a file above the size limit is refused before it is parsed", "[extract]") {
  extract::Limits limits;
  limits.maxFileBytes = 1 << 20;
  const std::string big = "%PDF-1.4\n" + std::string(2 << 20, 'x');
  REQUIRE_THROWS_AS(extract::extractBytes(big, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(extract::extractBytes(big, limits), Catch::Contains("1 MiB allowed"));
}
