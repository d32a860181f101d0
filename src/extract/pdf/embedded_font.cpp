#include "extract/pdf/embedded_font.h"

#include <algorithm>
#include <cctype>

namespace mkrp::extract::pdf {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

void skipSpaces(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
}

}  // namespace

bool type1Encoding(std::string_view program, std::array<std::string, 256>& names) {
  const std::size_t encoding = program.find("/Encoding");
  if (encoding == std::string_view::npos) return false;
  std::size_t pos = encoding + 9;
  skipSpaces(program, pos);
  if (program.substr(pos, 16) == "StandardEncoding") return false;
  // The encoding array ends at "readonly def" or "def"; the encrypted part starts at "eexec".
  const std::size_t end = std::min(program.find("eexec", pos), program.size());
  bool found = false;
  while (true) {
    pos = program.find("dup", pos);
    if (pos == std::string_view::npos || pos >= end) break;
    pos += 3;
    skipSpaces(program, pos);
    int code = 0;
    const std::size_t digits = pos;
    while (pos < program.size() && isDigit(program[pos]) && pos - digits < 4) {
      code = code * 10 + (program[pos++] - '0');
    }
    if (pos == digits || code > 255) continue;
    skipSpaces(program, pos);
    if (pos >= program.size() || program[pos] != '/') continue;
    const std::size_t nameStart = ++pos;
    while (pos < program.size() && !std::isspace(static_cast<unsigned char>(program[pos])) &&
           program[pos] != '/' && program[pos] != '[' && program[pos] != '(') {
      ++pos;
    }
    names[static_cast<std::size_t>(code)] = std::string(program.substr(nameStart, pos - nameStart));
    found = true;
  }
  return found;
}

}  // namespace mkrp::extract::pdf
