#include "extract/package/docx_story.h"

#include <algorithm>
#include <utility>

#include "extract/package/block_builder.h"
#include "extract/package/docx_styles.h"
#include "extract/package/ooxml_names.h"

namespace mkrp::extract::detail {
namespace {

using namespace ooxml;

// Calls `visit` for each child of `parent` that carries content, looking through the wrappers
// Word puts around block-level, row-level and cell-level content: content controls, custom XML,
// tracked insertions and moves, and mc:AlternateContent (one branch). Deleted content is skipped.
template <typename Visit>
void forEachContent(const xmlNode* parent, Visit&& visit) {
  for (const xmlNode* child : ChildElements(parent)) {
    const std::string_view name = wordName(child);
    if (name == "sdt") {
      if (const xmlNode* content = wordChild(child, "sdtContent")) forEachContent(content, visit);
    } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
      forEachContent(child, visit);
    } else if (name.empty() && isElement(child, kMarkupCompatibility, "AlternateContent")) {
      if (const xmlNode* branch = chooseAlternative(child)) forEachContent(branch, visit);
    } else if (name != "del" && name != "moveFrom") {
      visit(child);
    }
  }
}

// True when the paragraph mark itself was deleted as a tracked change (w:pPr/w:rPr/w:del).
bool isMarkDeleted(const xmlNode* p) {
  const xmlNode* properties = wordChild(p, "pPr");
  const xmlNode* mark = properties != nullptr ? wordChild(properties, "rPr") : nullptr;
  return mark != nullptr && wordChild(mark, "del") != nullptr;
}

// A table row deleted as a tracked change (w:trPr/w:del) is not read.
bool isDeletedRow(const xmlNode* row) {
  const xmlNode* properties = wordChild(row, "trPr");
  return properties != nullptr && wordChild(properties, "del") != nullptr;
}

}  // namespace

DocxStory::DocxStory(const DocxContext& context, std::string part, std::vector<core::Block>& blocks)
    : context_(context), part_(std::move(part)), blocks_(blocks) {}

void DocxStory::readBody(const xmlNode* container) {
  readBlocks(container, nullptr, 0);
  flushMerged(nullptr);
}

void DocxStory::readJoined(const xmlNode* container, core::BlockKind kind, std::string label) {
  JoinedBlock joined(kind, std::move(label), false);
  readBlocks(container, &joined, 0);
  flushMerged(&joined);
  joined.flushInto(blocks_, part_);
}

void DocxStory::readBlocks(const xmlNode* container, JoinedBlock* joined, int tableDepth) {
  forEachContent(container, [&](const xmlNode* node) {
    const std::string_view name = wordName(node);
    if (name == "p") {
      readParagraph(node, joined, tableDepth);
    } else if (name == "tbl") {
      flushMerged(joined);
      if (joined != nullptr && joined->splitsOnTables()) joined->flushInto(blocks_, part_);
      readTable(node, joined, tableDepth + 1);
    } else if (name == "sectPr") {
      readSectionProperties(node);
    } else if (name == "altChunk") {
      warnOnce("Part of the document is an embedded file (altChunk) that was not read.");
    }
  });
}

void DocxStory::readParagraph(const xmlNode* p, JoinedBlock* joined, int tableDepth) {
  ParagraphContent content;
  readParagraphContent(p, fields_, notes_, content);
  if (isMarkDeleted(p)) {
    // A deleted paragraph mark joins this paragraph to the next one, as accepting it would.
    // Word glues the two texts; a space keeps their words apart, as most authors intend.
    if (merged_.index < 0) merged_.index = elementNumber(p);
    const std::string text = trimmed(content.text);
    if (!merged_.text.empty() && !text.empty()) merged_.text += ' ';
    merged_.text += text;
  } else {
    Paragraph paragraph;
    paragraph.index = merged_.index >= 0 ? merged_.index : elementNumber(p);
    const std::string text = trimmed(content.text);
    paragraph.text =
        merged_.text.empty() || text.empty() ? merged_.text + text : merged_.text + ' ' + text;
    merged_ = Paragraph();
    describe(p, paragraph);
    emit(std::move(paragraph), joined);
  }
  // Text boxes are stories of their own: a merge pending outside does not reach into them.
  Paragraph pending = std::exchange(merged_, Paragraph());
  for (const xmlNode* textBox : content.textBoxes) {
    readBlocks(textBox, joined, tableDepth);
    flushMerged(joined);
  }
  merged_ = std::move(pending);
}

// A paragraph whose mark is deleted but that nothing follows stands on its own.
void DocxStory::flushMerged(JoinedBlock* joined) {
  if (merged_.index < 0) return;
  Paragraph paragraph = std::move(merged_);
  merged_ = Paragraph();
  paragraph.text = trimmed(paragraph.text);
  emit(std::move(paragraph), joined);
}

void DocxStory::emit(Paragraph paragraph, JoinedBlock* joined) {
  if (joined != nullptr) {
    joined->add(paragraph);
  } else {
    addParagraphBlock(std::move(paragraph), part_, blocks_);
  }
}

// Kind, level and label of a paragraph from its properties, its style and the numbering.
void DocxStory::describe(const xmlNode* p, Paragraph& paragraph) {
  const xmlNode* properties = wordChild(p, "pPr");
  const std::string_view styleId =
      properties != nullptr ? childValue(properties, "pStyle").value_or("") : "";
  const ParagraphStyle& style = context_.styles.paragraphStyle(styleId);
  int headingLevel = style.headingLevel;
  NumberingReference numbering;
  if (properties != nullptr) {
    if (auto outline = toInt(childValue(properties, "outlineLvl"))) {
      headingLevel = *outline >= 0 && *outline < 9 ? *outline + 1 : 0;
    }
    numbering = readNumberingReference(wordChild(properties, "numPr"));
    if (const xmlNode* sectPr = wordChild(properties, "sectPr")) readSectionProperties(sectPr);
  }
  if (!numbering.numId) numbering.numId = style.numbering.numId;
  std::optional<ListLabel> label;
  int listLevel = 0;
  if (numbering.numId) {
    std::optional<int> level = numbering.level;
    if (!level) level = style.numbering.level;
    if (!level) level = context_.numbering.levelForStyle(*numbering.numId, style.id);
    listLevel = std::clamp(level.value_or(0), 0, DocxNumbering::kLevels - 1);
    label = context_.numbering.next(*numbering.numId, listLevel, counters_);
    if (!label && *numbering.numId != "0") {
      warnOnce(
          "Some list numbering refers to a list that is not defined; those labels are "
          "missing.");
    }
  }
  if (headingLevel > 0) {
    paragraph.kind = core::BlockKind::Heading;
    paragraph.level = headingLevel;
  } else if (label) {
    paragraph.kind = core::BlockKind::ListItem;
    paragraph.level = listLevel;
  }
  if (label) paragraph.label = label->text;
}

void DocxStory::readTable(const xmlNode* table, JoinedBlock* joined, int tableDepth) {
  const bool tooDeep = tableDepth > static_cast<int>(context_.limits.maxNestingDepth);
  if (tooDeep) {
    warnOnce("Tables nested more than " + std::to_string(context_.limits.maxNestingDepth) +
             " deep were read as plain text.");
  }
  if (!tooDeep && (joined == nullptr || joined->splitsOnTables())) {
    forEachContent(table, [&](const xmlNode* row) {
      if (isWord(row, "tr") && !isDeletedRow(row)) readCells(row, nullptr, tableDepth);
    });
    return;
  }
  // Read into the enclosing block: a header's or note's layout table, or tables too deep.
  JoinedBlock whole(core::BlockKind::TableCell, {}, false);
  JoinedBlock& target = joined != nullptr ? *joined : whole;
  const bool split = target.splitsOnTables();
  target.setSplitOnTables(false);
  forEachContent(table, [&](const xmlNode* row) {
    if (isWord(row, "tr") && !isDeletedRow(row)) readCells(row, &target, tableDepth);
  });
  target.setSplitOnTables(split);
  whole.flushInto(blocks_, part_);
}

// Each cell of `row` becomes its own block, unless `joined` collects the whole table.
void DocxStory::readCells(const xmlNode* row, JoinedBlock* joined, int tableDepth) {
  forEachContent(row, [&](const xmlNode* cell) {
    if (!isWord(cell, "tc")) return;
    if (joined != nullptr) {
      readBlocks(cell, joined, tableDepth);
      return;
    }
    JoinedBlock block(core::BlockKind::TableCell, {}, true);
    readBlocks(cell, &block, tableDepth);
    block.flushInto(blocks_, part_);
  });
}

void DocxStory::readSectionProperties(const xmlNode* sectPr) {
  for (const xmlNode* child : ChildElements(sectPr)) {
    const std::string_view name = wordName(child);
    if (name != "headerReference" && name != "footerReference") continue;
    auto& ids = name == "headerReference" ? headerIds_ : footerIds_;
    const std::string id(relationshipId(child).value_or(""));
    if (!id.empty() && seenSectionIds_.insert(id).second) ids.push_back(id);
  }
}

void DocxStory::warnOnce(const std::string& warning) {
  auto& warnings = context_.warnings;
  if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end()) {
    warnings.push_back(warning);
  }
}

}  // namespace mkrp::extract::detail
