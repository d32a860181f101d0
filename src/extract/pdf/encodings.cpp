#include "extract/pdf/encodings.h"

#include <podofo/podofo.h>

namespace mkrp::extract::pdf {
namespace {

// PoDoFo carries the tables; it hands out big-endian UTF-16 values.
BaseEncoding fromPodofo(const PoDoFo::PdfEncoding* encoding) {
  BaseEncoding table;
  const auto* simple = dynamic_cast<const PoDoFo::PdfSimpleEncoding*>(encoding);
  if (simple == nullptr) return table;
  for (int code = 0; code < 256; ++code) {
    const PoDoFo::pdf_utf16be value = simple->GetCharCode(code);
    table.unicode[static_cast<std::size_t>(code)] =
        static_cast<char32_t>(((value & 0xFF) << 8) | ((value >> 8) & 0xFF));
  }
  return table;
}

BaseEncoding build(BaseEncodingId id) {
  using Factory = PoDoFo::PdfEncodingFactory;
  switch (id) {
    case BaseEncodingId::Standard:
      return fromPodofo(Factory::GlobalStandardEncodingInstance());
    case BaseEncodingId::WinAnsi:
      return fromPodofo(Factory::GlobalWinAnsiEncodingInstance());
    case BaseEncodingId::MacRoman:
      return fromPodofo(Factory::GlobalMacRomanEncodingInstance());
    case BaseEncodingId::MacExpert:
      return fromPodofo(Factory::GlobalMacExpertEncodingInstance());
    case BaseEncodingId::PdfDoc:
      return fromPodofo(Factory::GlobalPdfDocEncodingInstance());
    case BaseEncodingId::Symbol:
      return fromPodofo(Factory::GlobalSymbolEncodingInstance());
    case BaseEncodingId::ZapfDingbats:
      return fromPodofo(Factory::GlobalZapfDingbatsEncodingInstance());
  }
  return {};
}

}  // namespace

const BaseEncoding& baseEncoding(BaseEncodingId id) {
  static const std::array<BaseEncoding, 7> kTables = [] {
    std::array<BaseEncoding, 7> tables;
    for (int i = 0; i < 7; ++i) tables[i] = build(static_cast<BaseEncodingId>(i));
    return tables;
  }();
  return kTables[static_cast<std::size_t>(id)];
}

bool encodingFromName(std::string_view name, BaseEncodingId& id) {
  if (name == "WinAnsiEncoding")
    id = BaseEncodingId::WinAnsi;
  else if (name == "MacRomanEncoding")
    id = BaseEncodingId::MacRoman;
  else if (name == "StandardEncoding")
    id = BaseEncodingId::Standard;
  else if (name == "MacExpertEncoding")
    id = BaseEncodingId::MacExpert;
  else if (name == "PDFDocEncoding")
    id = BaseEncodingId::PdfDoc;
  else
    return false;
  return true;
}

}  // namespace mkrp::extract::pdf
