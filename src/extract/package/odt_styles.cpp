#include "extract/package/odt_styles.h"

#include <algorithm>

#include "extract/package/number_format.h"
#include "extract/package/odf_names.h"
#include "extract/package/ooxml_names.h"

namespace mkrp::extract::detail {
namespace {

using odf::kStyle;
using odf::kText;

constexpr int kMaxInheritance = 32;

int clamped(std::optional<int> value, int low, int high, int otherwise) {
  return value ? std::clamp(*value, low, high) : otherwise;
}

OdfListLevel readLevel(const xmlNode* node) {
  OdfListLevel level;
  const std::string_view name = odf::nameIn(node, kText);
  level.numbered = name == "list-level-style-number" || name == "outline-level-style";
  // A list number without a format counts in decimal; an outline level without one shows none.
  const bool decimalByDefault = name == "list-level-style-number";
  level.format = attribute(node, kStyle, "num-format").value_or(decimalByDefault ? "1" : "");
  if (!level.numbered) level.format.clear();
  level.prefix = attribute(node, kStyle, "num-prefix").value_or("");
  level.suffix = attribute(node, kStyle, "num-suffix").value_or("");
  level.displayLevels =
      clamped(ooxml::toInt(attribute(node, kText, "display-levels")), 1, OdfListStyle::kLevels, 1);
  level.start = clamped(ooxml::toInt(attribute(node, kText, "start-value")), 0, 1'000'000, 1);
  level.letterSync = attribute(node, kStyle, "num-letter-sync").value_or("") == "true";
  return level;
}

OdfListStyle readListStyle(const xmlNode* style) {
  OdfListStyle list;
  for (const xmlNode* node : ChildElements(style)) {
    const int index = clamped(ooxml::toInt(attribute(node, kText, "level")), 0, 99, 0) - 1;
    if (index >= 0 && index < OdfListStyle::kLevels) list.levels[index] = readLevel(node);
  }
  return list;
}

}  // namespace

void OdfStyles::addFrom(const xmlNode* container) {
  for (const xmlNode* node : ChildElements(container)) {
    if (odf::isText(node, "list-style")) {
      lists_[std::string(attribute(node, kStyle, "name").value_or(""))] = readListStyle(node);
    } else if (odf::isText(node, "outline-style")) {
      outline_ = readListStyle(node);
    } else if (odf::nameIn(node, kStyle) == "style" &&
               attribute(node, kStyle, "family").value_or("") == "paragraph") {
      paragraphs_[std::string(attribute(node, kStyle, "name").value_or(""))] = {
          std::string(attribute(node, kStyle, "list-style-name").value_or("")),
          std::string(attribute(node, kStyle, "parent-style-name").value_or(""))};
    }
  }
}

const OdfListStyle* OdfStyles::listStyle(std::string_view name) const {
  const auto it = lists_.find(std::string(name));
  return it == lists_.end() ? nullptr : &it->second;
}

std::string OdfStyles::paragraphListStyle(std::string_view name) const {
  std::string current(name);
  for (int depth = 0; depth < kMaxInheritance && !current.empty(); ++depth) {
    const auto it = paragraphs_.find(current);
    if (it == paragraphs_.end()) break;
    if (!it->second.first.empty()) return it->second.first;
    current = it->second.second;
  }
  return {};
}

std::string odfLabel(const OdfListStyle& style, int level,
                     const std::array<int, OdfListStyle::kLevels>& values) {
  const int index = std::clamp(level, 1, OdfListStyle::kLevels) - 1;
  const std::optional<OdfListLevel>& own = style.levels[index];
  if (!own || !own->numbered || own->format.empty()) return {};
  std::string number;
  const int first = std::max(0, index - own->displayLevels + 1);
  for (int shown = first; shown <= index; ++shown) {
    const std::optional<OdfListLevel>& each = style.levels[shown];
    const int value = values[shown] > 0 ? values[shown] : (each ? each->start : 1);
    if (!number.empty()) number += '.';
    number += formatOdfNumber(value, each && !each->format.empty() ? each->format : "1",
                              each && each->letterSync);
  }
  return own->prefix + number + own->suffix;
}

}  // namespace mkrp::extract::detail
