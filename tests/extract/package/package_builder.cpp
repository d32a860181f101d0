#include "package_builder.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

#include "extract/readers.h"

namespace mkrp::test {
namespace {

const char* const kWordNamespaces =
    R"( xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
const char* const kStrictNamespaces =
    R"( xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main")"
    R"( xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships")";
const char* const kOtherNamespaces =
    R"( xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math")"
    R"( xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")"
    R"( xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")"
    R"( xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")"
    R"( xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main")"
    R"( xmlns:v="urn:schemas-microsoft-com:vml")";

std::string relationshipType(bool strict, const std::string& kind) {
  return (strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/"
                 : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/") +
         kind;
}

std::string wordPart(bool strict, const std::string& root, const std::string& inner) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") + "<w:" + root +
         (strict ? kStrictNamespaces : kWordNamespaces) + kOtherNamespaces + ">" + inner +
         "</w:" + root + ">";
}

std::string relationship(bool strict, const std::string& id, const std::string& kind,
                         const std::string& target) {
  return R"(<Relationship Id=")" + id + R"(" Type=")" + relationshipType(strict, kind) +
         R"(" Target=")" + target + R"("/>)";
}

const char* const kOdfNamespaces =
    R"( xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
    R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
    R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
    R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
    R"( xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")"
    R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")"
    R"( xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")"
    R"( xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3")";

}  // namespace

std::string zipOf(const std::vector<Part>& parts) {
  std::ostringstream out;
  Poco::Zip::Compress compress(out, true);
  const Poco::DateTime when(2024, 1, 1);
  for (const Part& part : parts) {
    std::istringstream in(part.content);
    compress.addFile(in, when, Poco::Path(part.name, Poco::Path::PATH_UNIX));
  }
  compress.close();
  return out.str();
}

std::string buildDocx(const DocxParts& parts) {
  const bool strict = parts.strict;
  std::string overrides;
  std::string relationships;
  std::vector<Part> files;
  const auto add = [&](const std::string& name, const std::string& root, const std::string& inner,
                       const std::string& kind, const std::string& id, const std::string& type) {
    if (inner.empty()) return;
    files.push_back({"word/" + name, wordPart(strict, root, inner)});
    relationships += relationship(strict, id, kind, name);
    overrides +=
        R"(<Override PartName="/word/)" + name +
        R"(" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.)" + type +
        R"(+xml"/>)";
  };
  add("styles.xml", "styles", parts.styles, "styles", "rIdStyles", "styles");
  add("numbering.xml", "numbering", parts.numbering, "numbering", "rIdNumbering", "numbering");
  add("footnotes.xml", "footnotes", parts.footnotes, "footnotes", "rIdFootnotes", "footnotes");
  add("endnotes.xml", "endnotes", parts.endnotes, "endnotes", "rIdEndnotes", "endnotes");
  std::string sectionReferences;
  int count = 0;
  for (const auto& [id, inner] : parts.headers) {
    add("header" + std::to_string(++count) + ".xml", "hdr", inner, "header", id, "header");
    sectionReferences += R"(<w:headerReference w:type="default" r:id=")" + id + R"("/>)";
  }
  for (const auto& [id, inner] : parts.footers) {
    add("footer" + std::to_string(++count) + ".xml", "ftr", inner, "footer", id, "footer");
    sectionReferences += R"(<w:footerReference w:type="default" r:id=")" + id + R"("/>)";
  }
  const std::string body =
      parts.body + (sectionReferences.empty() ? std::string()
                                              : "<w:sectPr>" + sectionReferences + "</w:sectPr>");
  std::vector<Part> all;
  all.push_back(
      {"[Content_Types].xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
       R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
       R"(<Default Extension="xml" ContentType="application/xml"/>)"
       R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)" +
           overrides + "</Types>"});
  all.push_back(
      {"_rels/.rels",
       R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
           relationship(strict, "rId1", "officeDocument", "word/document.xml") +
           "</Relationships>"});
  all.push_back(
      {"word/document.xml", wordPart(strict, "document", "<w:body>" + body + "</w:body>")});
  all.push_back(
      {"word/_rels/document.xml.rels",
       R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
           relationships + parts.extraRelationships + "</Relationships>"});
  all.insert(all.end(), files.begin(), files.end());
  all.insert(all.end(), parts.extraParts.begin(), parts.extraParts.end());
  return zipOf(all);
}

std::string buildOdt(const OdtParts& parts) {
  const std::string declaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  std::vector<Part> all;
  all.push_back({"mimetype", parts.mimetype});
  all.push_back(
      {"META-INF/manifest.xml",
       declaration +
           R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
           R"(<manifest:file-entry manifest:full-path="/" manifest:media-type=")" +
           parts.mimetype +
           R"("/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
           "</manifest:manifest>"});
  all.push_back({"content.xml", declaration + "<office:document-content" + kOdfNamespaces +
                                    "><office:automatic-styles>" + parts.automaticStyles +
                                    "</office:automatic-styles><office:body><office:text>" +
                                    parts.text +
                                    "</office:text></office:body></office:document-content>"});
  all.push_back({"styles.xml", declaration + "<office:document-styles" + kOdfNamespaces +
                                   "><office:styles>" + parts.styles +
                                   "</office:styles><office:master-styles>" + parts.masterStyles +
                                   "</office:master-styles></office:document-styles>"});
  return zipOf(all);
}

core::Document read(const std::string& bytes, const extract::Limits& limits) {
  return extract::detail::readZipPackage(bytes, limits);
}

std::vector<std::string> texts(const core::Document& document) {
  std::vector<std::string> out;
  for (const core::Block& block : document.blocks) out.push_back(block.text);
  return out;
}

std::vector<std::string> labelled(const core::Document& document) {
  std::vector<std::string> out;
  for (const core::Block& block : document.blocks) out.push_back(block.label + "|" + block.text);
  return out;
}

std::string paragraph(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

}  // namespace mkrp::test
