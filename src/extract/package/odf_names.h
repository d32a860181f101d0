// Namespaces of the OpenDocument format (ODF 1.0-1.3 use the same URIs).
#pragma once

#include <string_view>

#include "extract/package/safe_xml.h"

namespace mkrp::extract::detail::odf {

constexpr std::string_view kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kDraw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
constexpr std::string_view kManifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
constexpr std::string_view kXml = "http://www.w3.org/XML/1998/namespace";

// The local name of an element in namespace `uri`; empty for anything else.
inline std::string_view nameIn(const xmlNode* node, std::string_view uri) {
  if (!isElement(node) || namespaceUri(node->ns) != uri) return {};
  return localName(node);
}

inline bool isText(const xmlNode* node, std::string_view name) {
  return nameIn(node, kText) == name;
}

}  // namespace mkrp::extract::detail::odf
