#include "extract/pdf/cmap_parser.h"

#include <algorithm>

#include "extract/pdf/content_lexer.h"
#include "extract/pdf/unicode_text.h"

namespace mkrp::extract::pdf {
namespace {

constexpr std::size_t kMaxCodespaces = 256;

std::uint32_t codeValue(std::string_view bytes) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < bytes.size() && i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return value;
}

class CMapBuilder {
 public:
  explicit CMapBuilder(std::size_t maxEntries) : maxEntries_(maxEntries) {}

  void apply(const Operation& op) {
    if (op.op == "endcodespacerange") return codespaces(op);
    if (op.op == "endbfchar") return bfchars(op);
    if (op.op == "endbfrange") return bfranges(op);
    if (op.op == "endcidchar") return cidchars(op);
    if (op.op == "endcidrange") return cidranges(op);
    if (op.op == "usecmap" && !op.operands.empty() &&
        op.operands.back().type == Operand::Type::Name) {
      cmap_.useCMap = std::string(op.text(op.operands.back()));
    }
    if (op.op == "def" && op.operands.size() >= 2 &&
        op.operands[op.operands.size() - 2].type == Operand::Type::Name &&
        op.text(op.operands[op.operands.size() - 2]) == "WMode") {
      cmap_.vertical = op.operands.back().number == 1;
    }
  }

  CMap finish() {
    auto byLow = [](const auto& a, const auto& b) { return a.low < b.low; };
    std::stable_sort(cmap_.cids.begin(), cmap_.cids.end(), byLow);
    std::stable_sort(cmap_.unicode.begin(), cmap_.unicode.end(), byLow);
    return std::move(cmap_);
  }

 private:
  bool full() const { return cmap_.cids.size() + cmap_.unicode.size() >= maxEntries_; }

  static bool isString(const Operand& operand) { return operand.type == Operand::Type::String; }

  void codespaces(const Operation& op) {
    for (std::size_t i = 0; i + 1 < op.operands.size(); i += 2) {
      const Operand& low = op.operands[i];
      const Operand& high = op.operands[i + 1];
      if (!isString(low) || !isString(high) || low.length == 0 || low.length > 4) continue;
      // Each code is tried against every range: real CMaps have a handful.
      if (cmap_.codespaces.size() >= kMaxCodespaces) return;
      cmap_.codespaces.push_back({codeValue(op.text(low)), codeValue(op.text(high)),
                                  static_cast<std::uint8_t>(low.length)});
    }
  }

  void addUnicode(std::uint32_t low, std::uint32_t high, std::string_view utf16be) {
    if (full() || high < low) return;
    const auto offset = static_cast<std::uint32_t>(cmap_.units.size());
    for (std::size_t i = 0; i + 1 < utf16be.size(); i += 2) {
      cmap_.units.push_back(
          static_cast<std::uint16_t>((static_cast<unsigned char>(utf16be[i]) << 8) |
                                     static_cast<unsigned char>(utf16be[i + 1])));
    }
    if (utf16be.size() == 1) cmap_.units.push_back(static_cast<unsigned char>(utf16be[0]));
    const auto length =
        static_cast<std::uint16_t>(std::min<std::size_t>(cmap_.units.size() - offset, UINT16_MAX));
    cmap_.unicode.push_back({low, high, offset, length});
  }

  void bfchars(const Operation& op) {
    for (std::size_t i = 0; i + 1 < op.operands.size(); i += 2) {
      const Operand& code = op.operands[i];
      const Operand& text = op.operands[i + 1];
      if (!isString(code)) continue;
      if (isString(text)) {
        const std::uint32_t value = codeValue(op.text(code));
        addUnicode(value, value, op.text(text));
      } else if (text.type == Operand::Type::Name) {
        // Some producers write glyph names here; a single letter is safe to take as is.
        const std::string_view name = op.text(text);
        if (name.size() == 1) {
          const std::uint32_t value = codeValue(op.text(code));
          const char utf16[2] = {0, name[0]};
          addUnicode(value, value, std::string_view(utf16, 2));
        }
      }
    }
  }

  void bfranges(const Operation& op) {
    const auto& operands = op.operands;
    std::size_t i = 0;
    while (i + 2 < operands.size()) {
      if (!isString(operands[i]) || !isString(operands[i + 1])) {
        ++i;
        continue;
      }
      const std::uint32_t low = codeValue(op.text(operands[i]));
      const std::uint32_t high = codeValue(op.text(operands[i + 1]));
      i += 2;
      if (isString(operands[i])) {
        addUnicode(low, high, op.text(operands[i]));
        ++i;
      } else if (operands[i].type == Operand::Type::ArrayBegin) {
        ++i;
        std::uint32_t code = low;
        for (; i < operands.size() && operands[i].type != Operand::Type::ArrayEnd; ++i) {
          if (isString(operands[i]) && code <= high) addUnicode(code, code, op.text(operands[i]));
          ++code;
        }
        ++i;  // ]
      }
    }
  }

  void cidchars(const Operation& op) {
    for (std::size_t i = 0; i + 1 < op.operands.size(); i += 2) {
      if (!isString(op.operands[i]) || op.operands[i + 1].type != Operand::Type::Number) continue;
      const std::uint32_t code = codeValue(op.text(op.operands[i]));
      addCid(code, code, op.operands[i + 1].number);
    }
  }

  void cidranges(const Operation& op) {
    for (std::size_t i = 0; i + 2 < op.operands.size(); i += 3) {
      const Operand& low = op.operands[i];
      const Operand& high = op.operands[i + 1];
      if (!isString(low) || !isString(high) || op.operands[i + 2].type != Operand::Type::Number) {
        continue;
      }
      addCid(codeValue(op.text(low)), codeValue(op.text(high)), op.operands[i + 2].number);
    }
  }

  void addCid(std::uint32_t low, std::uint32_t high, double cid) {
    if (full() || high < low || cid < 0 || cid > UINT32_MAX) return;
    cmap_.cids.push_back({low, high, static_cast<std::uint32_t>(cid)});
  }

  CMap cmap_;
  std::size_t maxEntries_;
};

template <typename Range>
const Range* findRange(const std::vector<Range>& ranges, std::uint32_t code) {
  // The last range starting at or before `code`; ranges may overlap, later entries win, so look
  // back a little for one that covers the code.
  auto it = std::upper_bound(ranges.begin(), ranges.end(), code,
                             [](std::uint32_t value, const Range& r) { return value < r.low; });
  for (int steps = 0; it != ranges.begin() && steps < 8; ++steps) {
    --it;
    if (code <= it->high) return &*it;
  }
  return nullptr;
}

}  // namespace

int CMap::nextCode(std::string_view bytes, std::size_t pos, std::uint32_t& code,
                   int defaultBytes) const {
  const std::size_t left = bytes.size() - pos;
  if (!codespaces.empty()) {
    std::uint32_t value = 0;
    for (std::size_t n = 1; n <= 4 && n <= left; ++n) {
      value = (value << 8) | static_cast<unsigned char>(bytes[pos + n - 1]);
      for (const CodespaceRange& range : codespaces) {
        if (range.bytes == n && value >= range.low && value <= range.high) {
          code = value;
          return static_cast<int>(n);
        }
      }
    }
  }
  // No range matched: take the default length, as viewers do.
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(defaultBytes), left);
  code = codeValue(bytes.substr(pos, n));
  return static_cast<int>(std::max<std::size_t>(n, 1));
}

bool CMap::cidOf(std::uint32_t code, std::uint32_t& cid) const {
  const CidRange* range = findRange(cids, code);
  if (range == nullptr) return false;
  cid = range->cid + (code - range->low);
  return true;
}

bool CMap::appendText(std::uint32_t code, std::string& out) const {
  const UnicodeRange* range = findRange(unicode, code);
  if (range == nullptr || range->length == 0) return false;
  const std::uint16_t* text = units.data() + range->offset;
  const std::size_t before = out.size();
  if (code == range->low) {
    appendUtf16Readable(out, text, range->length);
  } else {
    // bfrange: the last unit counts up with the code.
    std::uint16_t buffer[16];
    const std::size_t n = std::min<std::size_t>(range->length, 16);
    std::copy(text, text + n, buffer);
    buffer[n - 1] = static_cast<std::uint16_t>(buffer[n - 1] + (code - range->low));
    appendUtf16Readable(out, buffer, n);
  }
  return out.size() > before;
}

CMap parseCMap(std::string_view program, std::size_t maxEntries) {
  CMapBuilder builder(maxEntries);
  ContentLexer lexer(program);
  Operation op;
  while (lexer.next(op)) builder.apply(op);
  return builder.finish();
}

}  // namespace mkrp::extract::pdf
