// Splits a decoded content stream into operations: operands followed by their operator. Arrays and
// dictionaries among the operands are kept flat, with begin/end markers, so that no nesting can
// exhaust the stack. Inline image data is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::extract::pdf {

struct Operand {
  enum class Type : std::uint8_t {
    Number,
    String,  // bytes in Operation::text
    Name,    // without the slash, #xx escapes undone
    ArrayBegin,
    ArrayEnd,
    DictBegin,
    DictEnd,
    Other,  // true, false, null
  };
  Type type = Type::Number;
  double number = 0;
  std::uint32_t start = 0;  // String and Name: bytes [start, start + length) of Operation::scratch
  std::uint32_t length = 0;
};

// One operator with its operands. Reused from one operation to the next to avoid allocations.
struct Operation {
  std::string_view op;  // "Tj", "cm", ...; "ID" stands for a whole inline image
  std::vector<Operand> operands;
  std::string scratch;

  std::string_view text(const Operand& operand) const {
    return std::string_view(scratch).substr(operand.start, operand.length);
  }
  // The number at `index` (counted from the first operand), or `fallback`.
  double number(std::size_t index, double fallback = 0) const {
    return index < operands.size() && operands[index].type == Operand::Type::Number
               ? operands[index].number
               : fallback;
  }
};

class ContentLexer {
 public:
  explicit ContentLexer(std::string_view data) : data_(data) {}

  // Reads the next operation into `operation`; false at the end of the data.
  bool next(Operation& operation);

  // Operands beyond this are dropped: real operators take a handful, TJ arrays a few thousand.
  static constexpr std::size_t kMaxOperands = 1 << 16;

 private:
  void skipSpaceAndComments();
  double readNumber();
  void readLiteralString(Operation& operation);
  void readHexString(Operation& operation);
  void readName(Operation& operation);
  std::string_view readKeyword();
  void skipInlineImageData();
  void push(Operation& operation, const Operand& operand);

  std::string_view data_;
  std::size_t pos_ = 0;
};

}  // namespace mkrp::extract::pdf
