#include "core/document.h"

#include <array>
#include <utility>

#include "core/enum_names.h"

#include "core/errors.h"

namespace mkrp::core {
namespace {

constexpr std::array<std::pair<Format, std::string_view>, 3> kFormatNames{{
    {Format::Docx, "docx"},
    {Format::Odt, "odt"},
    {Format::Pdf, "pdf"},
}};

constexpr std::array<std::pair<BlockKind, std::string_view>, 7> kBlockKindNames{{
    {BlockKind::Heading, "heading"},
    {BlockKind::Paragraph, "paragraph"},
    {BlockKind::ListItem, "list_item"},
    {BlockKind::TableCell, "table_cell"},
    {BlockKind::Header, "header"},
    {BlockKind::Footer, "footer"},
    {BlockKind::Footnote, "footnote"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const detail::NameTable<Enum, N>& table, Enum value) {
  return detail::nameOf(table, value);
}

template <typename Enum, std::size_t N>
Enum valueOf(const detail::NameTable<Enum, N>& table, std::string_view name, const char* what) {
  if (auto value = detail::valueNamed(table, name)) return *value;
  throw MalformedDocumentException(std::string("unknown ") + what + " '" + std::string(name) + "'");
}

}  // namespace

std::string_view toString(Format format) { return nameOf(kFormatNames, format); }
std::string_view toString(BlockKind kind) { return nameOf(kBlockKindNames, kind); }
Format formatFromString(std::string_view name) { return valueOf(kFormatNames, name, "format"); }
BlockKind blockKindFromString(std::string_view name) {
  return valueOf(kBlockKindNames, name, "block kind");
}

std::string plainText(const Document& document) {
  std::string out;
  for (const Block& block : document.blocks) {
    if (!out.empty()) out += "\n\n";
    if (!block.label.empty()) {
      out += block.label;
      out += ' ';
    }
    out += block.text;
  }
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace mkrp::core
