// DOCX: the main document part found through the package relationships, then its styles,
// numbering, notes, headers and footers through the document's own relationships.
//
// Order of the blocks: the body (text boxes right after the paragraph that anchors them), then
// footnotes and endnotes in the order the body refers to them, then headers, then footers, each
// distinct header or footer once.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/errors.h"
#include "extract/package/block_builder.h"
#include "extract/package/docx_numbering.h"
#include "extract/package/docx_story.h"
#include "extract/package/docx_styles.h"
#include "extract/package/number_format.h"
#include "extract/package/ooxml_names.h"
#include "extract/package/opc.h"
#include "extract/package/package_readers.h"
#include "extract/package/safe_xml.h"
#include "extract/package/zip_package.h"

namespace mkrp::extract::detail {
namespace {

using namespace ooxml;

bool isWordParagraph(const xmlNode* node) { return isWord(node, "p"); }

class DocxReader {
 public:
  DocxReader(ZipPackage& package, std::string mainPart, const Limits& limits)
      : package_(package), mainPart_(std::move(mainPart)), limits_(limits) {}

  core::Document read() {
    const XmlDocument main = parsePart(mainPart_);
    const xmlNode* root = rootElement(main);
    const xmlNode* body = isWord(root, "document") ? wordChild(root, "body") : nullptr;
    if (body == nullptr) {
      throw core::MalformedDocumentException(
          "the file is damaged: its main part " + mainPart_ +
          " holds no Word document body. Open it in Word, save it again and submit the new "
          "file.");
    }
    relationships_ = Relationships::read(package_, mainPart_, limits_);
    const XmlDocument stylesPart = optionalPart("styles", "the styles");
    const DocxStyles styles = stylesPart ? DocxStyles(rootElement(stylesPart)) : DocxStyles();
    const XmlDocument numberingPart = optionalPart("numbering", "the list numbering");
    const DocxNumbering numbering =
        numberingPart ? DocxNumbering(rootElement(numberingPart), styles) : DocxNumbering();
    const DocxContext context{styles, numbering, limits_, document_.warnings};

    DocxStory story(context, mainPart_, document_.blocks);
    story.readBody(body);
    readNotes(context, "footnotes", story.notes().footnotes, "decimal");
    readNotes(context, "endnotes", story.notes().endnotes, "lowerRoman");
    readPageFurniture(context, story.headerIds(), "header", core::BlockKind::Header);
    readPageFurniture(context, story.footerIds(), "footer", core::BlockKind::Footer);
    if (document_.blocks.empty()) document_.warnings.push_back(std::string(kNoText));
    for (const std::string& warning : package_.warnings()) document_.warnings.push_back(warning);
    document_.format = core::Format::Docx;
    return std::move(document_);
  }

 private:
  XmlDocument parsePart(const std::string& part) {
    XmlDocument document = parseXml(package_.read(part), part, limits_);
    numberElements(document.get(), isWordParagraph);
    return document;
  }

  // The first part of relationship type `kind`, or null (with a warning when it is named but
  // missing or unreadable: the text can still be read without it).
  XmlDocument optionalPart(std::string_view kind, std::string_view what) {
    const std::vector<std::string> parts =
        relationships_.partsOfType(kind, std::string(what), document_.warnings);
    if (parts.empty()) return nullptr;
    return tryParse(parts.front(), what);
  }

  XmlDocument tryParse(const std::string& part, std::string_view what) {
    if (!package_.contains(part)) {
      document_.warnings.push_back("The file names " + std::string(what) + " (" + part +
                                   ") but does not contain it.");
      return nullptr;
    }
    try {
      return parsePart(part);
    } catch (const core::MalformedDocumentException& error) {
      document_.warnings.push_back("Could not read " + std::string(what) + ": " + error.message());
      return nullptr;
    }
  }

  // Notes of one kind, in the order the body refers to them, numbered as Word shows them;
  // notes never referred to come last, unlabelled. Separator notes are not text.
  void readNotes(const DocxContext& context, std::string_view kind,
                 const std::vector<std::string>& referenced, std::string_view numberFormat) {
    const std::string what = kind == "footnotes" ? "the footnotes" : "the endnotes";
    const std::vector<std::string> parts =
        relationships_.partsOfType(kind, what, document_.warnings);
    if (parts.empty()) return;
    const XmlDocument notes = tryParse(parts.front(), what);
    if (!notes) return;
    std::map<std::string, const xmlNode*> byId;
    std::vector<const xmlNode*> inOrder;
    for (const xmlNode* note : ChildElements(rootElement(notes))) {
      const std::string_view type = wordAttribute(note, "type").value_or("normal");
      if (wordName(note).empty() || type != "normal") continue;
      if (byId.emplace(wordAttribute(note, "id").value_or(""), note).second)
        inOrder.push_back(note);
    }
    DocxStory story(context, parts.front(), document_.blocks);
    int number = 0;
    std::set<const xmlNode*> done;
    for (const std::string& id : referenced) {
      const auto it = byId.find(id);
      if (it == byId.end() || !done.insert(it->second).second) continue;
      story.readJoined(it->second, core::BlockKind::Footnote, formatNumber(++number, numberFormat));
    }
    for (const xmlNode* note : inOrder) {
      if (done.count(note) == 0) story.readJoined(note, core::BlockKind::Footnote, {});
    }
  }

  // Headers or footers named by the section properties (all of that type when none are named),
  // each distinct text once.
  void readPageFurniture(const DocxContext& context, const std::vector<std::string>& ids,
                         std::string_view kind, core::BlockKind blockKind) {
    const std::string what = "a " + std::string(kind);
    std::vector<std::string> parts;
    for (const std::string& id : ids) {
      if (auto part = relationships_.partOfId(id, what, document_.warnings)) parts.push_back(*part);
    }
    if (ids.empty()) parts = relationships_.partsOfType(kind, what, document_.warnings);
    std::set<std::string> seenParts;
    for (const std::string& part : parts) {
      if (!seenParts.insert(part).second) continue;
      const XmlDocument furniture = tryParse(part, what);
      if (!furniture) continue;
      std::vector<core::Block> blocks;
      DocxStory(context, part, blocks).readJoined(rootElement(furniture), blockKind, {});
      for (core::Block& block : blocks) furniture_.add(std::move(block));
    }
  }

  ZipPackage& package_;
  std::string mainPart_;
  const Limits& limits_;
  Relationships relationships_;
  core::Document document_;
  DistinctBlocks furniture_{document_.blocks};
};

}  // namespace

core::Document readDocx(ZipPackage& package, const std::string& mainPart, const Limits& limits) {
  return DocxReader(package, mainPart, limits).read();
}

}  // namespace mkrp::extract::detail
