// Internal to core: the tables that give each enum its stable name, and the lookups both ways.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace mkrp::core::detail {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

// The name of `value`, or "unknown" when the table lacks it.
template <typename Enum, std::size_t N>
std::string_view nameOf(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "unknown";
}

// The value named `name`, or nothing; the caller throws the error its header promises.
template <typename Enum, std::size_t N>
std::optional<Enum> valueNamed(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [value, candidate] : table) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

}  // namespace mkrp::core::detail
