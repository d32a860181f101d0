#include "extract/package/ooxml_names.h"

#include <charconv>

namespace mkrp::extract::detail::ooxml {

std::optional<int> toInt(std::optional<std::string_view> text) {
  if (!text) return std::nullopt;
  std::string_view digits = *text;
  while (!digits.empty() && digits.front() == ' ') digits.remove_prefix(1);
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end == digits.data()) return std::nullopt;
  return value;
}

bool isOn(const xmlNode* element) {
  const std::optional<std::string_view> value = wordAttribute(element, "val");
  return !value || *value == "1" || *value == "true" || *value == "on";
}

}  // namespace mkrp::extract::detail::ooxml
