#include "extract/package/odt_story.h"

#include <algorithm>

#include "extract/package/block_builder.h"
#include "extract/package/odf_names.h"
#include "extract/package/ooxml_names.h"

namespace mkrp::extract::detail {
namespace {

using odf::kDraw;
using odf::kTable;
using odf::kText;

// text:s may ask for any number of spaces; more than this adds nothing to a reading.
constexpr int kMaxSpaces = 1000;

// Frames and shapes hold their own paragraphs: text:p directly, or in a draw:text-box.
void collectTextContainers(const xmlNode* node, std::vector<const xmlNode*>& containers) {
  const std::string_view name = odf::nameIn(node, kDraw);
  if (name == "frame") {
    for (const xmlNode* child : ChildElements(node)) {
      if (odf::nameIn(child, kDraw) == "text-box") containers.push_back(child);
    }
  } else if (name == "a" || name == "g") {
    for (const xmlNode* child : ChildElements(node)) collectTextContainers(child, containers);
  } else if (!name.empty() && name != "image" && name != "object" && name != "object-ole") {
    containers.push_back(node);
  }
}

// The inline content of one paragraph, with ODF's white-space rule: runs of spaces, tabs and
// line ends in the XML collapse to one space; text:s, text:tab and text:line-break are kept.
class InlineReader {
 public:
  InlineReader(std::vector<OdtNote>& notes) : notes_(notes) {}

  void readChildren(const xmlNode* parent) {
    for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && child->content != nullptr) {
        appendCollapsed(reinterpret_cast<const char*>(child->content));
      } else if (isElement(child)) {
        read(child);
      }
    }
  }

  std::string text;
  std::string number;  // a text:number the file recorded for this paragraph
  std::vector<const xmlNode*> containers;

 private:
  void read(const xmlNode* node) {
    if (!odf::nameIn(node, kDraw).empty()) {
      collectTextContainers(node, containers);
      return;
    }
    const std::string_view name = odf::nameIn(node, kText);
    if (name == "s") {
      const int count = ooxml::toInt(attribute(node, kText, "c")).value_or(1);
      append(std::string(static_cast<std::size_t>(std::clamp(count, 1, kMaxSpaces)), ' '));
    } else if (name == "tab") {
      append("\t");
    } else if (name == "line-break") {
      append("\n");
    } else if (name == "note") {
      readNote(node);
    } else if (name == "number") {
      number = trimmed(textContent(node));
    } else if (name == "ruby") {
      if (const xmlNode* base = firstChild(node, kText, "ruby-base")) readChildren(base);
    } else if (isSkipped(node, name)) {
      return;
    } else {
      // Spans, links, fields (their shown value), bookmarks and marks.
      readChildren(node);
    }
  }

  static bool isSkipped(const xmlNode* node, std::string_view textName) {
    if (namespaceUri(node->ns) == odf::kOffice) return true;  // annotations
    return textName == "change" || textName == "change-start" || textName == "change-end" ||
           textName == "hidden-text" || textName == "hidden-paragraph" ||
           textName == "conditional-text" || textName == "tracked-changes";
  }

  void readNote(const xmlNode* note) {
    OdtNote found;
    found.body = firstChild(note, kText, "note-body");
    found.endnote = attribute(note, kText, "note-class").value_or("footnote") == "endnote";
    if (const xmlNode* citation = firstChild(note, kText, "note-citation")) {
      found.citation = trimmed(textContent(citation));
    }
    if (found.body != nullptr) notes_.push_back(std::move(found));
  }

  void appendCollapsed(std::string_view raw) {
    std::string collapsed;
    collapsed.reserve(raw.size());
    for (const char c : raw) {
      const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (blank && lastWasBlank_) continue;
      collapsed += blank ? ' ' : c;
      lastWasBlank_ = blank;
    }
    appendNormalized(text, collapsed);
  }

  void append(std::string_view kept) {
    text += kept;
    lastWasBlank_ = false;
  }

  std::vector<OdtNote>& notes_;
  bool lastWasBlank_ = true;  // white space at the start of a paragraph is dropped
};

bool hasParagraph(const xmlNode* item) {
  for (const xmlNode* child : ChildElements(item)) {
    if (odf::isText(child, "p") || odf::isText(child, "h")) return true;
  }
  return false;
}

bool isIndex(std::string_view name) {
  return name == "table-of-content" || name == "illustration-index" || name == "table-index" ||
         name == "object-index" || name == "user-index" || name == "alphabetical-index" ||
         name == "bibliography";
}

void resetDeeper(std::array<int, OdfListStyle::kLevels>& values, int index) {
  for (int deeper = index + 1; deeper < OdfListStyle::kLevels; ++deeper) values[deeper] = 0;
}

}  // namespace

OdtStory::OdtStory(const OdtContext& context, std::string part, std::vector<core::Block>& blocks)
    : context_(context), part_(std::move(part)), blocks_(blocks) {}

void OdtStory::readBody(const xmlNode* container) { readBlocks(container, nullptr, 0); }

void OdtStory::readJoined(const xmlNode* container, core::BlockKind kind, std::string label) {
  JoinedBlock joined(kind, std::move(label), false);
  readBlocks(container, &joined, 0);
  joined.flushInto(blocks_, part_);
}

void OdtStory::readBlocks(const xmlNode* container, JoinedBlock* joined, int tableDepth) {
  for (const xmlNode* node : ChildElements(container)) readBlock(node, joined, tableDepth);
}

void OdtStory::readBlock(const xmlNode* node, JoinedBlock* joined, int tableDepth) {
  const std::string_view name = odf::nameIn(node, kText);
  if (name == "p") {
    readParagraph(node, Paragraph(), joined, tableDepth);
  } else if (name == "h") {
    readHeading(node, joined, tableDepth);
  } else if (name == "list") {
    readList(node, nullptr, joined, tableDepth);
  } else if (name == "section" || name == "index-body" || name == "index-title" ||
             name == "numbered-paragraph" ||
             odf::nameIn(node, odf::kStyle).rfind("region", 0) == 0) {
    readBlocks(node, joined, tableDepth);
  } else if (isIndex(name)) {
    // Only the generated entries; the *-source child holds templates, not text.
    if (const xmlNode* body = firstChild(node, kText, "index-body")) {
      readBlocks(body, joined, tableDepth);
    }
  } else if (odf::nameIn(node, kTable) == "table") {
    if (joined != nullptr && joined->splitsOnTables()) joined->flushInto(blocks_, part_);
    readTable(node, joined, tableDepth + 1);
  } else if (!odf::nameIn(node, kDraw).empty()) {
    std::vector<const xmlNode*> containers;
    collectTextContainers(node, containers);
    for (const xmlNode* container : containers) readBlocks(container, joined, tableDepth);
  }
  // Anything else (tracked-change records, declarations, forms) holds no text of the document.
}

void OdtStory::readParagraph(const xmlNode* p, Paragraph paragraph, JoinedBlock* joined,
                             int tableDepth) {
  InlineReader reader(notes_);
  reader.readChildren(p);
  paragraph.index = elementNumber(p);
  paragraph.text = trimmed(reader.text);
  if (!reader.number.empty()) paragraph.label = reader.number;
  if (joined != nullptr) {
    joined->add(paragraph);
  } else {
    addParagraphBlock(std::move(paragraph), part_, blocks_);
  }
  for (const xmlNode* container : reader.containers) readBlocks(container, joined, tableDepth);
}

void OdtStory::readHeading(const xmlNode* h, JoinedBlock* joined, int tableDepth) {
  Paragraph paragraph;
  paragraph.kind = core::BlockKind::Heading;
  paragraph.level = std::clamp(ooxml::toInt(attribute(h, kText, "outline-level")).value_or(1), 1,
                               OdfListStyle::kLevels);
  const OdfListStyle* outline = context_.styles.outline();
  const bool unnumbered = attribute(h, kText, "is-list-header").value_or("") == "true";
  if (outline != nullptr && !unnumbered) {
    const int index = paragraph.level - 1;
    const std::optional<OdfListLevel>& level = outline->levels[index];
    int& value = outlineCounters_[index];
    const std::optional<int> restart =
        attribute(h, kText, "restart-numbering").value_or("") == "true"
            ? ooxml::toInt(attribute(h, kText, "start-value"))
            : std::nullopt;
    value = restart      ? std::clamp(*restart, 0, 1'000'000)
            : value == 0 ? (level ? level->start : 1)
                         : std::min(value + 1, 2'000'000);
    resetDeeper(outlineCounters_, index);
    paragraph.label = odfLabel(*outline, paragraph.level, outlineCounters_);
  }
  readParagraph(h, std::move(paragraph), joined, tableDepth);
}

void OdtStory::readList(const xmlNode* list, const ListFrame* parent, JoinedBlock* joined,
                        int tableDepth) {
  ListFrame frame;
  frame.styleName = attribute(list, kText, "style-name").value_or("");
  if (frame.styleName.empty() && parent != nullptr) frame.styleName = parent->styleName;
  frame.style = context_.styles.listStyle(frame.styleName);
  frame.level = parent != nullptr ? std::min(parent->level + 1, OdfListStyle::kLevels) : 1;
  frame.counter = parent != nullptr ? parent->counter : countersFor(list, frame.styleName);
  for (const xmlNode* item : ChildElements(list)) {
    if (odf::isText(item, "list-item") || odf::isText(item, "list-header")) {
      readListItem(item, frame, joined, tableDepth);
    }
  }
}

// A top-level list counts afresh unless it continues an earlier one (text:continue-list names
// it; text:continue-numbering continues the last list of the same style).
std::size_t OdtStory::countersFor(const xmlNode* list, const std::string& styleName) {
  std::optional<std::size_t> counter;
  if (auto id = attribute(list, kText, "continue-list")) {
    const auto it = listsById_.find(std::string(*id));
    if (it != listsById_.end()) counter = it->second;
  } else if (attribute(list, kText, "continue-numbering").value_or("") == "true") {
    const auto it = lastListByStyle_.find(styleName);
    if (it != lastListByStyle_.end()) counter = it->second;
  }
  if (!counter) {
    counter = listCounters_.size();
    listCounters_.emplace_back();
  }
  if (auto id = attribute(list, odf::kXml, "id")) listsById_[std::string(*id)] = *counter;
  lastListByStyle_[styleName] = *counter;
  return *counter;
}

void OdtStory::readListItem(const xmlNode* item, const ListFrame& frame, JoinedBlock* joined,
                            int tableDepth) {
  std::string label;
  const int index = frame.level - 1;
  if (odf::isText(item, "list-item") && hasParagraph(item)) {
    auto& values = listCounters_[frame.counter];
    const std::optional<OdfListLevel>* level = frame.style ? &frame.style->levels[index] : nullptr;
    const int start = level != nullptr && *level ? (*level)->start : 1;
    if (auto override = ooxml::toInt(attribute(item, kText, "start-value"))) {
      values[index] = std::clamp(*override, 0, 1'000'000);
    } else {
      values[index] = values[index] == 0 ? start : std::min(values[index] + 1, 2'000'000);
    }
    resetDeeper(values, index);
    if (frame.style != nullptr) label = odfLabel(*frame.style, frame.level, values);
  }
  bool first = true;
  for (const xmlNode* child : ChildElements(item)) {
    const bool heading = odf::isText(child, "h");
    if (odf::isText(child, "p") || heading) {
      Paragraph paragraph;
      paragraph.kind = heading ? core::BlockKind::Heading : core::BlockKind::ListItem;
      paragraph.level =
          heading ? std::clamp(ooxml::toInt(attribute(child, kText, "outline-level")).value_or(1),
                               1, OdfListStyle::kLevels)
                  : index;
      if (first) paragraph.label = label;
      first = false;
      readParagraph(child, std::move(paragraph), joined, tableDepth);
    } else if (odf::isText(child, "list")) {
      readList(child, &frame, joined, tableDepth);
    } else {
      readBlock(child, joined, tableDepth);
    }
  }
}

void OdtStory::readTable(const xmlNode* table, JoinedBlock* joined, int tableDepth) {
  const bool tooDeep = tableDepth > static_cast<int>(context_.limits.maxNestingDepth);
  if (tooDeep) {
    warnOnce("Tables nested more than " + std::to_string(context_.limits.maxNestingDepth) +
             " deep were read as plain text.");
  }
  if (!tooDeep && (joined == nullptr || joined->splitsOnTables())) {
    readRows(table, nullptr, tableDepth);
    return;
  }
  JoinedBlock whole(core::BlockKind::TableCell, {}, false);
  JoinedBlock& target = joined != nullptr ? *joined : whole;
  const bool split = target.splitsOnTables();
  target.setSplitOnTables(false);
  readRows(table, &target, tableDepth);
  target.setSplitOnTables(split);
  whole.flushInto(blocks_, part_);
}

// Rows may sit in header-rows, rows and row-group wrappers. Each cell becomes its own block
// unless `joined` collects the whole table. Repeated rows and cells are read once.
void OdtStory::readRows(const xmlNode* parent, JoinedBlock* joined, int tableDepth) {
  for (const xmlNode* node : ChildElements(parent)) {
    const std::string_view name = odf::nameIn(node, kTable);
    if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
      readRows(node, joined, tableDepth);
      continue;
    }
    if (name != "table-row") continue;
    for (const xmlNode* cell : ChildElements(node)) {
      if (odf::nameIn(cell, kTable) != "table-cell") continue;
      if (joined != nullptr) {
        readBlocks(cell, joined, tableDepth);
        continue;
      }
      JoinedBlock block(core::BlockKind::TableCell, {}, true);
      readBlocks(cell, &block, tableDepth);
      block.flushInto(blocks_, part_);
    }
  }
}

void OdtStory::warnOnce(const std::string& warning) {
  auto& warnings = context_.warnings;
  if (std::find(warnings.begin(), warnings.end(), warning) == warnings.end()) {
    warnings.push_back(warning);
  }
}

}  // namespace mkrp::extract::detail
