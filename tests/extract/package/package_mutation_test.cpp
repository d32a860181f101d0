// Deterministically damaged packages: every one gives a reading or a core exception.
#include <Poco/Exception.h>

#include <catch2/catch.hpp>
#include <cstdint>

#include "core/errors.h"
#include "package_builder.h"

using namespace mkrp;

namespace {

// A small document that uses most of what the reader knows.
test::DocxParts richDocx() {
  test::DocxParts parts;
  parts.styles =
      R"(<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>)";
  parts.numbering =
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>)"
      R"(<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)";
  parts.body =
      R"(<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>Procedures</w:t></w:r></w:p>)"
      R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Enter</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>)"
      R"(<w:r><w:footnoteReference w:id="1"/></w:r></w:p>)"
      R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>)"
      R"(<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>)"
      R"(<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>)";
  parts.footnotes = R"(<w:footnote w:id="1"><w:p><w:r><w:t>Note</w:t></w:r></w:p></w:footnote>)";
  parts.headers = {{"rIdH", R"(<w:p><w:r><w:t>Header</w:t></w:r></w:p>)"}};
  return parts;
}

struct Random {
  std::uint32_t state;
  std::uint32_t next() {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  }
};

// Reads `bytes`; only core exceptions (Poco exceptions with a message) are acceptable.
void readOrRefuse(const std::string& bytes) {
  try {
    test::read(bytes);
  } catch (const Poco::Exception& error) {
    REQUIRE(!error.message().empty());
  }
}

}  // namespace

TEST_CASE("packages with damaged bytes are read or refused, never crash", "[extract][package]") {
  const std::string original = test::buildDocx(richDocx());
  Random random{12345};
  for (int round = 0; round < 300; ++round) {
    std::string bytes = original;
    const int flips = 1 + static_cast<int>(random.next() % 8);
    for (int i = 0; i < flips; ++i) {
      bytes[random.next() % bytes.size()] = static_cast<char>(random.next() & 0xFF);
    }
    INFO("round " << round);
    readOrRefuse(bytes);
  }
}

TEST_CASE("documents with damaged XML are read or refused, never crash", "[extract][package]") {
  const test::DocxParts original = richDocx();
  Random random{777};
  const std::string alphabet = "<>/\"=&;: wpt01";
  for (int round = 0; round < 300; ++round) {
    test::DocxParts parts = original;
    std::string& target = round % 3 == 0 ? parts.numbering : parts.body;
    const int edits = 1 + static_cast<int>(random.next() % 4);
    for (int i = 0; i < edits; ++i) {
      const std::size_t at = random.next() % target.size();
      if (random.next() % 2 == 0) {
        target[at] = alphabet[random.next() % alphabet.size()];
      } else {
        target.erase(at, 1 + random.next() % 12);
      }
    }
    INFO("round " << round);
    readOrRefuse(test::buildDocx(parts));
  }
}
