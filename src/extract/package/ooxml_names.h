// Namespaces of Office Open XML, in both flavours: transitional (what Word writes by default)
// and strict (ISO/IEC 29500 strict). Elements are matched by namespace URI and local name, never
// by prefix.
#pragma once

#include <optional>
#include <string_view>

#include "extract/package/safe_xml.h"

namespace mkrp::extract::detail::ooxml {

constexpr std::string_view kWordMain =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordMainStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kRelationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelationshipsStrict =
    "http://purl.oclc.org/ooxml/officeDocument/relationships";
constexpr std::string_view kMath = "http://schemas.openxmlformats.org/officeDocument/2006/math";
constexpr std::string_view kMathStrict = "http://purl.oclc.org/ooxml/officeDocument/math";
constexpr std::string_view kMarkupCompatibility =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kContentTypes =
    "http://schemas.openxmlformats.org/package/2006/content-types";

inline bool isWordNamespace(std::string_view uri) {
  return uri == kWordMain || uri == kWordMainStrict;
}

// The local name of a WordprocessingML element ("p", "tbl", ...); empty for anything else.
inline std::string_view wordName(const xmlNode* node) {
  if (!isElement(node) || !isWordNamespace(namespaceUri(node->ns))) return {};
  return localName(node);
}

inline bool isWord(const xmlNode* node, std::string_view name) { return wordName(node) == name; }

// A w: attribute (w:val, w:id, ...), in either flavour; some generators leave the prefix off.
inline std::optional<std::string_view> wordAttribute(const xmlNode* node, std::string_view name) {
  if (auto value = attribute(node, kWordMain, name)) return value;
  if (auto value = attribute(node, kWordMainStrict, name)) return value;
  return attribute(node, "", name);
}

// The r:id attribute that names a relationship.
inline std::optional<std::string_view> relationshipId(const xmlNode* node) {
  if (auto value = attribute(node, kRelationships, "id")) return value;
  return attribute(node, kRelationshipsStrict, "id");
}

// The first w: child element named `name`, or null.
inline const xmlNode* wordChild(const xmlNode* parent, std::string_view name) {
  for (const xmlNode* child : ChildElements(parent)) {
    if (isWord(child, name)) return child;
  }
  return nullptr;
}

// w:val of the w: child `name` ("<w:pStyle w:val="Heading1"/>"), if both are there.
inline std::optional<std::string_view> childValue(const xmlNode* parent, std::string_view name) {
  const xmlNode* child = wordChild(parent, name);
  return child == nullptr ? std::nullopt : wordAttribute(child, "val");
}

// A decimal integer attribute value; nullopt when absent or not a number.
std::optional<int> toInt(std::optional<std::string_view> text);

// True for the OOXML on/off values that mean "on": absent value, "1", "true", "on".
bool isOn(const xmlNode* element);

}  // namespace mkrp::extract::detail::ooxml
