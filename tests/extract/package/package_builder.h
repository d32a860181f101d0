// Builds small DOCX and ODT packages from XML strings, so that every test states its input.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "extract/limits.h"

namespace mkrp::test {

struct Part {
  std::string name;
  std::string content;
};

// A ZIP archive of `parts`, in order, deflated by Poco::Zip::Compress.
std::string zipOf(const std::vector<Part>& parts);

// The pieces of a DOCX; each string is the inner XML of its part's root element, and a part
// whose string is empty is left out. Prefixes w, r, m, mc, wp, wps, v and a are bound.
struct DocxParts {
  std::string body;
  std::string styles;
  std::string numbering;
  std::string footnotes;
  std::string endnotes;
  std::vector<std::pair<std::string, std::string>> headers;  // relationship id, inner XML
  std::vector<std::pair<std::string, std::string>> footers;
  std::string extraRelationships;  // raw <Relationship/> elements for document.xml.rels
  std::vector<Part> extraParts;
  bool strict = false;  // ISO 29500 strict namespaces
};

std::string buildDocx(const DocxParts& parts);

// The pieces of an ODT: inner XML of office:text, of office:automatic-styles in content.xml,
// and of office:styles / office:master-styles in styles.xml. Prefixes office, style, text,
// table, draw, fo, svg and xlink are bound.
struct OdtParts {
  std::string text;
  std::string automaticStyles;
  std::string styles;
  std::string masterStyles;
  std::string mimetype = "application/vnd.oasis.opendocument.text";
};

std::string buildOdt(const OdtParts& parts);

// Reads a package with readZipPackage.
core::Document read(const std::string& bytes, const extract::Limits& limits = {});

// The block texts, in order.
std::vector<std::string> texts(const core::Document& document);

// "label|text" for each block, handy to check labels and text at once.
std::vector<std::string> labelled(const core::Document& document);

// A body paragraph with plain text.
std::string paragraph(const std::string& text);

}  // namespace mkrp::test
