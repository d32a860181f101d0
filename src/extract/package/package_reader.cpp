// readZipPackage: tells DOCX, ODT and other ZIP files apart by their contents, then reads them.
#include <new>

#include "core/errors.h"
#include "extract/package/ooxml_names.h"
#include "extract/package/opc.h"
#include "extract/package/package_readers.h"
#include "extract/package/safe_xml.h"
#include "extract/package/zip_package.h"
#include "extract/readers.h"

namespace mkrp::extract::detail {
namespace {

constexpr std::string_view kManifestNs = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
constexpr std::string_view kOdfPrefix = "application/vnd.oasis.opendocument.";

[[noreturn]] void refuse(std::string_view lookalike) {
  throw core::UnsupportedFormatException(
      "this looks like " + std::string(lookalike) +
      ", not a PDF, DOCX or ODT. Please submit the directive as PDF, DOCX or ODT.");
}

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The media type an OpenDocument package declares: its "mimetype" entry, else the manifest's
// entry for the root. Empty when neither is there.
std::string openDocumentType(ZipPackage& package, const Limits& limits) {
  if (package.contains("mimetype")) {
    std::string type = package.read("mimetype");
    while (!type.empty() && (type.back() == '\n' || type.back() == '\r' || type.back() == ' ')) {
      type.pop_back();
    }
    return type;
  }
  if (!package.contains("META-INF/manifest.xml")) return {};
  const XmlDocument manifest =
      parseXml(package.read("META-INF/manifest.xml"), "META-INF/manifest.xml", limits);
  for (const xmlNode* entry : ChildElements(rootElement(manifest))) {
    if (attribute(entry, kManifestNs, "full-path").value_or("") == "/") {
      return std::string(attribute(entry, kManifestNs, "media-type").value_or(""));
    }
  }
  return {};
}

[[noreturn]] void refuseOpenDocument(std::string_view type) {
  const std::string_view kind = type.substr(0, kOdfPrefix.size()) == kOdfPrefix
                                    ? type.substr(kOdfPrefix.size())
                                    : std::string_view();
  if (kind.rfind("spreadsheet", 0) == 0) refuse("an OpenDocument spreadsheet (.ods)");
  if (kind.rfind("presentation", 0) == 0) refuse("an OpenDocument presentation (.odp)");
  if (kind.rfind("graphics", 0) == 0) refuse("an OpenDocument drawing (.odg)");
  if (type == "application/epub+zip") refuse("an EPUB e-book");
  refuse("an OpenDocument file that is not a text document");
}

// The content type [Content_Types].xml gives `part`: its Override, else the Default for its
// extension.
std::string contentType(const XmlDocument& types, std::string_view part) {
  const std::string wanted = "/" + lowerAscii(part);
  const std::size_t dot = part.rfind('.');
  const std::string extension =
      dot == std::string_view::npos ? "" : lowerAscii(part.substr(dot + 1));
  std::string fallback;
  for (const xmlNode* node : ChildElements(rootElement(types))) {
    if (isElement(node, ooxml::kContentTypes, "Override") &&
        lowerAscii(attribute(node, "", "PartName").value_or("")) == wanted) {
      return std::string(attribute(node, "", "ContentType").value_or(""));
    }
    if (isElement(node, ooxml::kContentTypes, "Default") && fallback.empty() &&
        lowerAscii(attribute(node, "", "Extension").value_or("")) == extension) {
      fallback = attribute(node, "", "ContentType").value_or("");
    }
  }
  return fallback;
}

core::Document readOfficePackage(ZipPackage& package, const Limits& limits) {
  std::vector<std::string> warnings;
  const Relationships relationships = Relationships::read(package, "", limits);
  const std::vector<std::string> mains =
      relationships.partsOfType("officeDocument", "the main document", warnings);
  if (mains.empty()) {
    if (package.contains("xl/workbook.xml")) refuse("an Excel workbook (.xlsx)");
    if (package.contains("ppt/presentation.xml")) refuse("a PowerPoint presentation (.pptx)");
    if (!package.contains("word/document.xml")) {
      throw core::MalformedDocumentException(
          "the file is damaged: it does not say where its main document is. Open it in Word, "
          "save it again and submit the new file.");
    }
  }
  const std::string main = mains.empty() ? "word/document.xml" : mains.front();
  const XmlDocument types =
      parseXml(package.read("[Content_Types].xml"), "[Content_Types].xml", limits);
  const std::string type = contentType(types, main);
  if (type.find("spreadsheetml") != std::string::npos) refuse("an Excel workbook (.xlsx)");
  if (type.find("presentationml") != std::string::npos) refuse("a PowerPoint presentation (.pptx)");
  if (!type.empty() && type.find("wordprocessingml") == std::string::npos &&
      type != "application/xml" && type != "text/xml") {
    refuse("an Office file that is not a Word document (its main part is " + type + ")");
  }
  if (!package.contains(main)) {
    throw core::MalformedDocumentException(
        "the file is damaged: its main document part (" + main +
        ") is missing. Open it in Word, save it again and submit the new file.");
  }
  core::Document document = readDocx(package, main, limits);
  if (mains.empty()) {
    warnings.push_back("The file does not say where its main document is; read " + main + ".");
  }
  document.warnings.insert(document.warnings.begin(), warnings.begin(), warnings.end());
  return document;
}

core::Document readPackage(std::string_view bytes, const Limits& limits) {
  ZipPackage package(bytes, limits);
  const std::string odfType = openDocumentType(package, limits);
  if (!odfType.empty()) {
    if (odfType.rfind("application/vnd.oasis.opendocument.text", 0) != 0) {
      refuseOpenDocument(odfType);
    }
    return readOdt(package, limits);
  }
  if (package.contains("[Content_Types].xml")) return readOfficePackage(package, limits);
  if (package.names().empty()) refuse("an empty ZIP archive");
  refuse("a ZIP archive of other files");
}

}  // namespace

core::Document readZipPackage(std::string_view bytes, const Limits& limits) {
  try {
    return readPackage(bytes, limits);
  } catch (const Poco::Exception&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw core::LimitExceededException(
        "the file needs more memory to read than is available. Split the directive into "
        "smaller files, or submit it as PDF.");
  }
}

}  // namespace mkrp::extract::detail
