// Hostile and damaged packages: each gets a clear refusal or a bounded reading, never a crash.
#include <catch2/catch.hpp>
#include <typeindex>

#include "core/errors.h"
#include "package_builder.h"

using namespace mkrp;
using test::paragraph;
using Strings = std::vector<std::string>;

namespace {

std::string simpleDocx(const std::string& body = paragraph("Officers shall respond.")) {
  test::DocxParts parts;
  parts.body = body;
  return test::buildDocx(parts);
}

const std::string kWordNs =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

// A DOCX whose document part is exactly `documentXml`.
std::string docxWithDocumentPart(const std::string& documentXml) {
  const std::string types =
      R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";
  return test::zipOf(
      {{"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"word/document.xml", documentXml}});
}

// Letters that do not compress much, so that only the size limit applies.
std::string noise(std::size_t length, std::uint32_t seed) {
  std::string text(length, ' ');
  for (char& c : text) {
    seed = seed * 1103515245u + 12345u;
    c = static_cast<char>('a' + (seed >> 16) % 26);
  }
  return text;
}

void writeLe(std::string& bytes, std::size_t at, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// Rewrites a 16- or 32-bit field of the central directory entry for `name`.
std::string withDirectoryField(std::string zip, const std::string& name, std::size_t offset,
                               std::uint32_t value, int width) {
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4)) {
    const std::size_t nameLength =
        static_cast<unsigned char>(zip[at + 28]) | static_cast<unsigned char>(zip[at + 29]) << 8;
    if (zip.compare(at + 46, nameLength, name) == 0) writeLe(zip, at + offset, value, width);
  }
  return zip;
}

// Rewrites the uncompressed size that the central directory records for `name`.
std::string withRecordedSize(const std::string& zip, const std::string& name, std::uint32_t size) {
  return withDirectoryField(zip, name, 24, size, 4);
}

// A document part holding `spaces` blanks: it deflates about a thousand to one.
std::string bombDocx(std::size_t spaces) {
  return docxWithDocumentPart("<w:document " + kWordNs + "><w:body>" + std::string(spaces, ' ') +
                              "</w:body></w:document>");
}

struct BadInput {
  std::string name;
  std::string bytes;
  std::type_index type;
  std::string message;
};

}  // namespace

TEST_CASE("damaged, hostile and foreign packages are refused with a clear reason",
          "[extract][package]") {
  const std::string docx = simpleDocx();
  const std::string xlsx = test::zipOf(
      {{"[Content_Types].xml",
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
       {"_rels/.rels",
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
       {"xl/workbook.xml", "<workbook/>"}});
  const std::string pptx = test::zipOf(
      {{"[Content_Types].xml", "<Types/>"}, {"ppt/presentation.xml", "<presentation/>"}});
  const std::string missingPart = test::zipOf(
      {{"[Content_Types].xml",
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
       {"_rels/.rels",
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)"}});
  const std::string externalEntity = docxWithDocumentPart(
      R"(<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>)"
      "<w:document " +
      kWordNs +
      "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
      "</w:body></w:document>");
  std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "lol">)";
  for (char c = 'b'; c <= 'k'; ++c) {
    const std::string previous(1, static_cast<char>(c - 1));
    laughs += std::string("<!ENTITY ") + c + " \"&" + previous + ";&" + previous + ";&" + previous +
              ";&" + previous + ";&" + previous + ";&" + previous + ";&" + previous + ";&" +
              previous + ";&" + previous + ";&" + previous + ";\">";
  }
  laughs += "]><w:document " + kWordNs +
            "><w:body><w:p><w:r><w:t>&k;</w:t></w:r></w:p></w:body></w:document>";
  const std::string badXml =
      docxWithDocumentPart("<w:document " + kWordNs + "><w:body><w:p></w:body>");
  const std::string notWord = docxWithDocumentPart("<html><body>Hi</body></html>");

  const std::vector<BadInput> cases = {
      {"truncated", docx.substr(0, docx.size() / 2), typeid(core::MalformedDocumentException),
       "the file is damaged: its table of contents is missing"},
      {"empty zip", test::zipOf({}), typeid(core::UnsupportedFormatException),
       "an empty ZIP archive"},
      {"random bytes after PK header", "PK\x03\x04" + std::string(2000, '\x5A'),
       typeid(core::MalformedDocumentException), "the file is damaged"},
      {"only a PK header", "PK\x03\x04", typeid(core::MalformedDocumentException), "damaged"},
      {"zip bomb", bombDocx(30 << 20), typeid(core::LimitExceededException),
       "the part word/document.xml unpacks to more than 100 times its packed size"},
      {"zip bomb with a forged size",
       withRecordedSize(bombDocx(30 << 20), "word/document.xml", 100),
       typeid(core::MalformedDocumentException), "holds more data than its recorded size"},
      {"encrypted entry", withDirectoryField(docx, "word/document.xml", 8, 1, 2),
       typeid(core::EncryptedDocumentException), "protected with a password"},
      {"unknown compression method", withDirectoryField(docx, "word/document.xml", 10, 12, 2),
       typeid(core::UnsupportedFormatException), "compression method (12)"},
      {"external entity", externalEntity, typeid(core::MalformedDocumentException),
       "contains a DTD"},
      {"entity expansion", docxWithDocumentPart(laughs), typeid(core::MalformedDocumentException),
       "contains a DTD"},
      {"broken XML", badXml, typeid(core::MalformedDocumentException),
       "the part word/document.xml is not well-formed XML (line 1:"},
      {"main part is not Word", notWord, typeid(core::MalformedDocumentException),
       "holds no Word document body"},
      {"missing document part", missingPart, typeid(core::MalformedDocumentException),
       "its main document part (word/document.xml) is missing"},
      {"xlsx", xlsx, typeid(core::UnsupportedFormatException), "an Excel workbook (.xlsx)"},
      {"pptx without relationships", pptx, typeid(core::UnsupportedFormatException),
       "a PowerPoint presentation (.pptx)"},
      {"other zip", test::zipOf({{"photo.txt", "hello"}}), typeid(core::UnsupportedFormatException),
       "a ZIP archive of other files"},
  };
  for (const BadInput& input : cases) {
    INFO(input.name);
    try {
      test::read(input.bytes);
      FAIL("no exception");
    } catch (const Poco::Exception& error) {
      REQUIRE(std::type_index(typeid(error)) == input.type);
      REQUIRE_THAT(error.message(), Catch::Contains(input.message));
    }
  }
}

TEST_CASE("a package with more entries than allowed is refused before it is read",
          "[extract][package]") {
  std::vector<test::Part> parts;
  for (int i = 0; i < 60; ++i) parts.push_back({"media/part" + std::to_string(i) + ".xml", "<x/>"});
  extract::Limits limits;
  limits.maxZipEntries = 50;
  const std::string zip = test::zipOf(parts);
  REQUIRE_THROWS_AS(test::read(zip, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(test::read(zip, limits),
                      Catch::StartsWith("the file holds 60 parts, more than the 50 allowed."));
}

TEST_CASE("an entry count forged to tens of thousands is refused from the directory record",
          "[extract][package]") {
  std::string zip = simpleDocx();
  const std::size_t end = zip.rfind("PK\x05\x06");
  writeLe(zip, end + 8, 50000, 2);
  writeLe(zip, end + 10, 50000, 2);
  REQUIRE_THROWS_AS(test::read(zip), core::LimitExceededException);
  REQUIRE_THROWS_WITH(
      test::read(zip),
      Catch::StartsWith("the file holds 50000 parts, more than the 10000 allowed."));
}

TEST_CASE("the total unpacked size is bounded", "[extract][package]") {
  extract::Limits limits;
  limits.maxUncompressedBytes = 1 << 20;
  const std::string docx =
      simpleDocx(paragraph(noise(600 << 10, 1)) + paragraph(noise(600 << 10, 2)));
  REQUIRE_THROWS_AS(test::read(docx, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(test::read(docx, limits),
                      Catch::StartsWith("the file unpacks to more than 1 MiB"));
}

TEST_CASE("the compression ratio limit is configurable", "[extract][package]") {
  extract::Limits limits;
  limits.maxCompressionRatio = 10;
  const std::string bomb = bombDocx(2 << 20);
  REQUIRE_THROWS_AS(test::read(bomb, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(test::read(bomb, limits), Catch::Contains("more than 10 times"));
}

TEST_CASE("reading stops when the time limit has passed", "[extract][package]") {
  extract::Limits limits;
  limits.maxSeconds = -1;
  REQUIRE_THROWS_AS(test::read(simpleDocx(), limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(test::read(simpleDocx(), limits),
                      Catch::StartsWith("reading the file took longer"));
}

TEST_CASE("XML nested deeper than allowed is refused", "[extract][package]") {
  std::string deep = "<w:r><w:t>x</w:t></w:r>";
  for (int i = 0; i < 40; ++i) deep = "<w:smartTag>" + deep + "</w:smartTag>";
  const std::string docx = simpleDocx("<w:p>" + deep + "</w:p>");
  REQUIRE(test::texts(test::read(docx)) == Strings{"x"});
  extract::Limits limits;
  limits.maxXmlDepth = 30;
  REQUIRE_THROWS_AS(test::read(docx, limits), core::LimitExceededException);
  REQUIRE_THROWS_WITH(
      test::read(docx, limits),
      Catch::StartsWith("the part word/document.xml nests its elements more than 30 "
                        "levels deep"));
}

TEST_CASE("tables nested thousands deep are refused by the XML depth limit", "[extract][package]") {
  std::string table = paragraph("core");
  for (int depth = 0; depth < 2000; ++depth)
    table = "<w:tbl><w:tr><w:tc>" + table + "</w:tc></w:tr></w:tbl>";
  const std::string docx = simpleDocx(table);
  REQUIRE_THROWS_AS(test::read(docx), core::LimitExceededException);
  REQUIRE_THROWS_WITH(test::read(docx), Catch::Contains("levels deep"));
}

TEST_CASE("tables nested past the nesting limit but within the XML limit are read flat",
          "[extract][package]") {
  std::string table = paragraph("core");
  for (int depth = 0; depth < 80; ++depth)
    table = "<w:tbl><w:tr><w:tc>" + table + "</w:tc></w:tr></w:tbl>";
  const core::Document document = test::read(simpleDocx(table));
  REQUIRE(test::texts(document) == Strings{"core"});
  REQUIRE(document.warnings == Strings{"Tables nested more than 64 deep were read as plain text."});
}

TEST_CASE("many unbalanced field marks do not hide the rest of the document for long",
          "[extract][package]") {
  std::string runs;
  for (int i = 0; i < 20000; ++i) runs += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  const core::Document document =
      test::read(simpleDocx("<w:p>" + runs + "</w:p>" + paragraph("Visible")));
  REQUIRE(test::texts(document) == Strings{"Visible"});
}

TEST_CASE("a header named thousands of times is read once, quickly", "[extract][package]") {
  std::string references;
  for (int i = 0; i < 20000; ++i) references += "<w:headerReference r:id=\"rIdH\"/>";
  test::DocxParts parts;
  parts.body = paragraph("Body") + "<w:sectPr>" + references + "</w:sectPr>";
  parts.headers = {{"rIdH", paragraph("Header")}};
  REQUIRE(test::texts(test::read(test::buildDocx(parts))) == Strings{"Body", "Header"});
}

TEST_CASE("an ODT asking for a billion spaces gets a bounded number", "[extract][package]") {
  test::OdtParts parts;
  parts.text = "<text:p>a<text:s text:c=\"1000000000\"/>b</text:p>";
  const core::Document document = test::read(test::buildOdt(parts));
  REQUIRE(document.blocks.size() == 1);
  REQUIRE(document.blocks[0].text == "a" + std::string(1000, ' ') + "b");
}
