#include "extract/pdf/content_lexer.h"

#include <array>

namespace mkrp::extract::pdf {
namespace {

enum CharClass : std::uint8_t { kRegular = 0, kSpace = 1, kDelimiter = 2 };

constexpr std::array<std::uint8_t, 256> makeClasses() {
  std::array<std::uint8_t, 256> classes{};
  for (unsigned char c : {'\0', '\t', '\n', '\f', '\r', ' '}) classes[c] = kSpace;
  for (unsigned char c : {'(', ')', '<', '>', '[', ']', '{', '}', '/', '%'})
    classes[c] = kDelimiter;
  return classes;
}
constexpr std::array<std::uint8_t, 256> kClasses = makeClasses();

CharClass classOf(char c) {
  return static_cast<CharClass>(kClasses[static_cast<unsigned char>(c)]);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool startsNumber(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.'; }

}  // namespace

void ContentLexer::push(Operation& operation, const Operand& operand) {
  if (operation.operands.size() < kMaxOperands) operation.operands.push_back(operand);
}

bool ContentLexer::next(Operation& operation) {
  operation.operands.clear();
  operation.scratch.clear();
  while (true) {
    skipSpaceAndComments();
    if (pos_ >= data_.size()) return false;
    const char c = data_[pos_];
    if (startsNumber(c)) {
      Operand operand;
      operand.number = readNumber();
      push(operation, operand);
    } else if (c == '(') {
      readLiteralString(operation);
    } else if (c == '<') {
      if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '<') {
        pos_ += 2;
        push(operation, {Operand::Type::DictBegin});
      } else {
        readHexString(operation);
      }
    } else if (c == '>') {
      pos_ += (pos_ + 1 < data_.size() && data_[pos_ + 1] == '>') ? 2 : 1;
      push(operation, {Operand::Type::DictEnd});
    } else if (c == '[' || c == ']') {
      ++pos_;
      push(operation, {c == '[' ? Operand::Type::ArrayBegin : Operand::Type::ArrayEnd});
    } else if (c == '/') {
      readName(operation);
    } else if (classOf(c) == kDelimiter) {
      ++pos_;  // stray ')', '{' or '}'
    } else {
      const std::string_view keyword = readKeyword();
      if (keyword == "true" || keyword == "false" || keyword == "null") {
        push(operation, {Operand::Type::Other});
        continue;
      }
      if (keyword == "ID") skipInlineImageData();
      operation.op = keyword;
      return true;
    }
  }
}

void ContentLexer::skipSpaceAndComments() {
  while (pos_ < data_.size()) {
    const char c = data_[pos_];
    if (classOf(c) == kSpace) {
      ++pos_;
    } else if (c == '%') {
      while (pos_ < data_.size() && data_[pos_] != '\n' && data_[pos_] != '\r') ++pos_;
    } else {
      return;
    }
  }
}

double ContentLexer::readNumber() {
  bool negative = false;
  while (pos_ < data_.size() && (data_[pos_] == '-' || data_[pos_] == '+')) {
    negative = negative != (data_[pos_] == '-');
    ++pos_;
  }
  double value = 0;
  while (pos_ < data_.size() && data_[pos_] >= '0' && data_[pos_] <= '9') {
    value = value * 10 + (data_[pos_++] - '0');
  }
  if (pos_ < data_.size() && data_[pos_] == '.') {
    ++pos_;
    double scale = 0.1;
    while (pos_ < data_.size() && data_[pos_] >= '0' && data_[pos_] <= '9') {
      value += (data_[pos_++] - '0') * scale;
      scale *= 0.1;
    }
  }
  // Junk glued to a number ("12.5.3", "3-") belongs to it, as in other readers.
  while (pos_ < data_.size() && classOf(data_[pos_]) == kRegular) ++pos_;
  return negative ? -value : value;
}

void ContentLexer::readLiteralString(Operation& operation) {
  Operand operand{Operand::Type::String};
  operand.start = static_cast<std::uint32_t>(operation.scratch.size());
  std::string& out = operation.scratch;
  ++pos_;  // (
  int depth = 1;
  while (pos_ < data_.size()) {
    const char c = data_[pos_++];
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) break;
    } else if (c == '\\' && pos_ < data_.size()) {
      const char e = data_[pos_++];
      switch (e) {
        case 'n':
          out += '\n';
          continue;
        case 'r':
          out += '\r';
          continue;
        case 't':
          out += '\t';
          continue;
        case 'b':
          out += '\b';
          continue;
        case 'f':
          out += '\f';
          continue;
        case '\r':
          if (pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
          continue;
        case '\n':
          continue;
        default:
          break;
      }
      if (e >= '0' && e <= '7') {
        int value = e - '0';
        for (int i = 0; i < 2 && pos_ < data_.size() && data_[pos_] >= '0' && data_[pos_] <= '7';
             ++i) {
          value = value * 8 + (data_[pos_++] - '0');
        }
        out += static_cast<char>(value & 0xFF);
      } else {
        out += e;
      }
      continue;
    } else if (c == '\r') {
      // An end of line inside a string reads as a single newline.
      if (pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
      out += '\n';
      continue;
    }
    out += c;
  }
  operand.length = static_cast<std::uint32_t>(out.size() - operand.start);
  push(operation, operand);
}

void ContentLexer::readHexString(Operation& operation) {
  Operand operand{Operand::Type::String};
  operand.start = static_cast<std::uint32_t>(operation.scratch.size());
  ++pos_;  // <
  int high = -1;
  while (pos_ < data_.size() && data_[pos_] != '>') {
    const int value = hexValue(data_[pos_++]);
    if (value < 0) continue;
    if (high < 0) {
      high = value;
    } else {
      operation.scratch += static_cast<char>(high * 16 + value);
      high = -1;
    }
  }
  if (high >= 0) operation.scratch += static_cast<char>(high * 16);
  if (pos_ < data_.size()) ++pos_;  // >
  operand.length = static_cast<std::uint32_t>(operation.scratch.size() - operand.start);
  push(operation, operand);
}

void ContentLexer::readName(Operation& operation) {
  Operand operand{Operand::Type::Name};
  operand.start = static_cast<std::uint32_t>(operation.scratch.size());
  ++pos_;  // /
  while (pos_ < data_.size() && classOf(data_[pos_]) == kRegular) {
    const char c = data_[pos_++];
    if (c == '#' && pos_ + 1 < data_.size() && hexValue(data_[pos_]) >= 0 &&
        hexValue(data_[pos_ + 1]) >= 0) {
      operation.scratch +=
          static_cast<char>(hexValue(data_[pos_]) * 16 + hexValue(data_[pos_ + 1]));
      pos_ += 2;
    } else {
      operation.scratch += c;
    }
  }
  operand.length = static_cast<std::uint32_t>(operation.scratch.size() - operand.start);
  push(operation, operand);
}

std::string_view ContentLexer::readKeyword() {
  const std::size_t start = pos_;
  while (pos_ < data_.size() && classOf(data_[pos_]) == kRegular) ++pos_;
  return data_.substr(start, pos_ - start);
}

void ContentLexer::skipInlineImageData() {
  if (pos_ < data_.size()) ++pos_;  // the single white-space character after ID
  // The data ends at "EI" standing alone between white space (or the end of the stream).
  while (pos_ + 1 < data_.size()) {
    const std::size_t found = data_.find("EI", pos_);
    if (found == std::string_view::npos) break;
    const bool spaceBefore = found > 0 && classOf(data_[found - 1]) == kSpace;
    const bool endAfter = found + 2 >= data_.size() || classOf(data_[found + 2]) != kRegular;
    pos_ = found + 2;
    if (spaceBefore && endAfter) return;
  }
  pos_ = data_.size();
}

}  // namespace mkrp::extract::pdf
