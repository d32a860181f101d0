// Stream filters and the content-stream lexer, on their own.
#include <zlib.h>

#include <catch2/catch.hpp>

#include "extract/pdf/content_lexer.h"
#include "extract/pdf/stream_decoder.h"

using namespace mkrp::extract::pdf;

namespace {

std::string deflate(const std::string& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
           static_cast<uLong>(data.size()));
  out.resize(size);
  return out;
}

}  // namespace

TEST_CASE("inflate decodes zlib data", "[extract][pdf]") {
  std::string out;
  CHECK(detail::inflate(deflate("BT (Hello) Tj ET"), out, 1000));
  CHECK(out == "BT (Hello) Tj ET");
}

TEST_CASE("inflate stops a decompression bomb at the bound", "[extract][pdf]") {
  const std::string bomb = deflate(std::string(20 << 20, '\0'));
  REQUIRE(bomb.size() < 100'000);
  std::string out;
  CHECK_FALSE(detail::inflate(bomb, out, 1 << 20));
  CHECK(out.size() == 1 << 20);
}

TEST_CASE("inflate keeps what precedes damaged data", "[extract][pdf]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i * 7919 % 100003) + " ";
  std::string data = deflate(text);
  data.resize(data.size() / 2);
  std::string out;
  CHECK(detail::inflate(data, out, 1 << 20));
  CHECK(out.size() > 10000);
  CHECK(text.compare(0, out.size(), out) == 0);
}

TEST_CASE("the LZW filter decodes the example of the PDF reference", "[extract][pdf]") {
  std::string out;
  CHECK(detail::lzwDecode("\x80\x0B\x60\x50\x22\x0C\x0C\x85\x01", true, out, 1000));
  CHECK(out == "-----A---B");
}

TEST_CASE("the ASCII filters decode their examples", "[extract][pdf]") {
  std::string hex, a85, runs;
  CHECK(detail::asciiHexDecode("48 65 6C6C 6F 7>", hex, 1000));
  CHECK(hex == "Hellop");
  CHECK(detail::ascii85Decode("87cURD]i,\"Ebo7~>", a85, 1000));
  CHECK(a85 == "Hello World");
  CHECK(detail::runLengthDecode(std::string("\x02"
                                            "abc"
                                            "\xFF"
                                            "x"
                                            "\x80",
                                            7),
                                runs, 1000));
  CHECK(runs == "abcxx");
}

TEST_CASE("the content lexer reads operands and operators", "[extract][pdf]") {
  ContentLexer lexer("(a\\(b\\)c\\101\\\n) <48 65> /Na#6De -.5 12 [1 (x)] Tj % comment\nET");
  Operation op;
  REQUIRE(lexer.next(op));
  CHECK(op.op == "Tj");
  REQUIRE(op.operands.size() == 9);
  CHECK(op.text(op.operands[0]) == "a(b)cA");
  CHECK(op.text(op.operands[1]) == "He");
  CHECK(op.operands[2].type == Operand::Type::Name);
  CHECK(op.text(op.operands[2]) == "Name");
  CHECK(op.operands[3].number == Approx(-0.5));
  CHECK(op.operands[4].number == 12);
  CHECK(op.operands[5].type == Operand::Type::ArrayBegin);
  CHECK(op.operands[8].type == Operand::Type::ArrayEnd);
  REQUIRE(lexer.next(op));
  CHECK(op.op == "ET");
  CHECK(op.operands.empty());
  CHECK_FALSE(lexer.next(op));
}

TEST_CASE("the content lexer skips inline image data", "[extract][pdf]") {
  using namespace std::literals;
  ContentLexer lexer(
      "BI /W 2 /H 1 /BPC 8 ID \x00"
      "EI\xFF"
      "Q EI Q"sv);
  Operation op;
  REQUIRE(lexer.next(op));
  CHECK(op.op == "BI");
  REQUIRE(lexer.next(op));
  CHECK(op.op == "ID");
  REQUIRE(lexer.next(op));
  CHECK(op.op == "Q");
  CHECK_FALSE(lexer.next(op));
}

TEST_CASE("the content lexer reads arrays nested very deep without recursion", "[extract][pdf]") {
  const std::string deep = std::string(200'000, '[') + std::string(200'000, ']') + " TJ";
  ContentLexer lexer(deep);
  Operation op;
  REQUIRE(lexer.next(op));
  CHECK(op.op == "TJ");
  CHECK(op.operands.size() == ContentLexer::kMaxOperands);
}
