// ODT: content.xml for the body and its notes, styles.xml for list and outline numbering and for
// the headers and footers of the master pages.
//
// Order of the blocks, as for DOCX: the body, then footnotes, then endnotes, then headers, then
// footers, each distinct header or footer once.
#include <algorithm>

#include "core/errors.h"
#include "extract/package/block_builder.h"
#include "extract/package/odf_names.h"
#include "extract/package/odt_story.h"
#include "extract/package/package_readers.h"
#include "extract/package/safe_xml.h"
#include "extract/package/zip_package.h"

namespace mkrp::extract::detail {
namespace {

using odf::kOffice;
using odf::kStyle;

bool isOdfParagraph(const xmlNode* node) {
  return odf::isText(node, "p") || odf::isText(node, "h");
}

// content.xml is encrypted when the manifest lists encryption data for it.
void refuseIfEncrypted(ZipPackage& package, const Limits& limits) {
  const std::optional<std::string> bytes = package.readIfPresent("META-INF/manifest.xml");
  if (!bytes) return;
  const XmlDocument manifest = parseXml(*bytes, "META-INF/manifest.xml", limits);
  for (const xmlNode* entry : ChildElements(rootElement(manifest))) {
    if (attribute(entry, odf::kManifest, "full-path").value_or("") == "content.xml" &&
        firstChild(entry, odf::kManifest, "encryption-data") != nullptr) {
      throw core::EncryptedDocumentException(
          "the document is protected with a password. Remove the password in LibreOffice "
          "(File > Save As, without \"Save with password\") and submit it again.");
    }
  }
}

class OdtReader {
 public:
  OdtReader(ZipPackage& package, const Limits& limits) : package_(package), limits_(limits) {}

  core::Document read() {
    refuseIfEncrypted(package_, limits_);
    if (!package_.contains("content.xml")) {
      throw core::MalformedDocumentException(
          "the file is damaged: its content part (content.xml) is missing. Open it in "
          "LibreOffice or Word, save it again and submit the new file.");
    }
    const XmlDocument content = parsePart("content.xml");
    const XmlDocument styles = optionalStyles();
    OdfStyles odfStyles;
    if (styles) addStyles(odfStyles, rootElement(styles));
    addStyles(odfStyles, rootElement(content));
    const OdtContext context{odfStyles, limits_, document_.warnings};

    OdtStory body(context, "content.xml", document_.blocks);
    body.readBody(officeText(rootElement(content)));
    OdtStory notes(context, "content.xml", document_.blocks);
    for (const bool endnotes : {false, true}) {
      for (const OdtNote& note : body.notes()) {
        if (note.endnote == endnotes) {
          notes.readJoined(note.body, core::BlockKind::Footnote, note.citation);
        }
      }
    }
    if (styles) readMasterPages(context, rootElement(styles));
    if (document_.blocks.empty()) document_.warnings.push_back(std::string(kNoText));
    for (const std::string& warning : package_.warnings()) document_.warnings.push_back(warning);
    document_.format = core::Format::Odt;
    return std::move(document_);
  }

 private:
  XmlDocument parsePart(const std::string& part) {
    XmlDocument document = parseXml(package_.read(part), part, limits_);
    numberElements(document.get(), isOdfParagraph);
    return document;
  }

  XmlDocument optionalStyles() {
    if (!package_.contains("styles.xml")) return nullptr;
    try {
      return parsePart("styles.xml");
    } catch (const core::MalformedDocumentException& error) {
      document_.warnings.push_back("Could not read the styles: " + error.message());
      return nullptr;
    }
  }

  static void addStyles(OdfStyles& styles, const xmlNode* root) {
    for (const xmlNode* child : ChildElements(root)) {
      const std::string_view name = odf::nameIn(child, kOffice);
      if (name == "styles" || name == "automatic-styles") styles.addFrom(child);
    }
  }

  // office:body/office:text; a spreadsheet or presentation body is refused.
  static const xmlNode* officeText(const xmlNode* root) {
    const xmlNode* body = firstChild(root, kOffice, "body");
    const xmlNode* text = body != nullptr ? firstChild(body, kOffice, "text") : nullptr;
    if (text != nullptr) return text;
    if (body != nullptr && (firstChild(body, kOffice, "spreadsheet") != nullptr ||
                            firstChild(body, kOffice, "presentation") != nullptr)) {
      throw core::UnsupportedFormatException(
          "this looks like an OpenDocument spreadsheet or presentation, not a PDF, DOCX or ODT. "
          "Please submit the directive as PDF, DOCX or ODT.");
    }
    throw core::MalformedDocumentException(
        "the file is damaged: content.xml holds no text body. Open it in LibreOffice or Word, "
        "save it again and submit the new file.");
  }

  void readMasterPages(const OdtContext& context, const xmlNode* stylesRoot) {
    const xmlNode* master = firstChild(stylesRoot, kOffice, "master-styles");
    if (master == nullptr) return;
    for (const bool footers : {false, true}) {
      for (const xmlNode* page : ChildElements(master)) {
        if (odf::nameIn(page, kStyle) != "master-page") continue;
        for (const xmlNode* region : ChildElements(page)) {
          const std::string_view name = odf::nameIn(region, kStyle);
          const bool isFooter = name.rfind("footer", 0) == 0;
          const bool isHeader = name.rfind("header", 0) == 0;
          if ((footers ? !isFooter : !isHeader) ||
              attribute(region, kStyle, "display").value_or("true") == "false") {
            continue;
          }
          std::vector<core::Block> blocks;
          OdtStory(context, "styles.xml", blocks)
              .readJoined(region, footers ? core::BlockKind::Footer : core::BlockKind::Header, {});
          for (core::Block& block : blocks) furniture_.add(std::move(block));
        }
      }
    }
  }

  ZipPackage& package_;
  const Limits& limits_;
  core::Document document_;
  DistinctBlocks furniture_{document_.blocks};
};

}  // namespace

core::Document readOdt(ZipPackage& package, const Limits& limits) {
  return OdtReader(package, limits).read();
}

}  // namespace mkrp::extract::detail
