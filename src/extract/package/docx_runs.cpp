#include "extract/package/docx_runs.h"

#include "extract/package/block_builder.h"
#include "extract/package/docx_symbols.h"
#include "extract/package/ooxml_names.h"

namespace mkrp::extract::detail {
namespace {

using namespace ooxml;

bool isMath(const xmlNode* node, std::string_view name) {
  if (!isElement(node) || localName(node) != name) return false;
  const std::string_view uri = namespaceUri(node->ns);
  return uri == kMath || uri == kMathStrict;
}

bool isMarkupCompatibility(const xmlNode* node, std::string_view name) {
  return isElement(node, kMarkupCompatibility, name);
}

// True when some w:t below `node` has text; iterative, as it may look at a large subtree.
bool holdsText(const xmlNode* node) {
  const xmlNode* current = node->children;
  while (current != nullptr) {
    if (isWord(current, "t") && current->children != nullptr &&
        !trimmed(textContent(current)).empty()) {
      return true;
    }
    if (isElement(current) && current->children != nullptr) {
      current = current->children;
      continue;
    }
    while (current != nullptr && current->next == nullptr) {
      current = current->parent;
      if (current == node) return false;
    }
    if (current != nullptr) current = current->next;
  }
  return false;
}

// Walks the inline content of one paragraph. Recursion depth is bounded by the XML depth limit.
class RunReader {
 public:
  RunReader(FieldState& fields, NoteReferences& notes, ParagraphContent& content)
      : fields_(fields), notes_(notes), content_(content) {}

  void readChildren(const xmlNode* parent) {
    for (const xmlNode* child : ChildElements(parent)) read(child);
  }

 private:
  void read(const xmlNode* node) {
    const std::string_view name = wordName(node);
    if (name.empty()) {
      readForeign(node);
      return;
    }
    if (name == "t") {
      if (fields_.showing()) appendNormalized(content_.text, textContent(node));
    } else if (name == "tab" || name == "ptab") {
      show("\t");
    } else if (name == "br" || name == "cr") {
      show("\n");
    } else if (name == "noBreakHyphen") {
      show("-");
    } else if (name == "sym") {
      show(symbolCharacter(wordAttribute(node, "font").value_or(""),
                           wordAttribute(node, "char").value_or("")));
    } else if (name == "fldChar") {
      readFieldChar(node);
    } else if (name == "footnoteReference" || name == "endnoteReference") {
      if (fields_.showing()) {
        auto& ids = name == "footnoteReference" ? notes_.footnotes : notes_.endnotes;
        ids.emplace_back(wordAttribute(node, "id").value_or(""));
      }
    } else if (name == "txbxContent") {
      if (fields_.showing()) content_.textBoxes.push_back(node);
    } else if (name == "sdt") {
      if (const xmlNode* body = wordChild(node, "sdtContent")) readChildren(body);
    } else if (name == "ruby") {
      if (const xmlNode* base = wordChild(node, "rubyBase")) readChildren(base);
    } else if (!isSkipped(name)) {
      // Runs, hyperlinks, smart tags, custom XML, insertions, moves-to, simple fields (whose
      // children are their shown result), drawings and pictures (which may hold text boxes).
      readChildren(node);
    }
  }

  // Elements whose content is never shown: deleted text, field instructions, properties.
  static bool isSkipped(std::string_view name) {
    return name == "del" || name == "moveFrom" || name == "delText" || name == "instrText" ||
           name == "delInstrText" || name == "pPr" || name == "rPr" || name == "sdtPr" ||
           name == "sdtEndPr" || name == "softHyphen" || name == "rt" ||
           name == "commentReference" || name == "annotationRef" || name == "footnoteRef" ||
           name == "endnoteRef" || name == "separator" || name == "continuationSeparator";
  }

  void readForeign(const xmlNode* node) {
    if (isMarkupCompatibility(node, "AlternateContent")) {
      if (const xmlNode* branch = chooseAlternative(node)) readChildren(branch);
    } else if (isMath(node, "t")) {
      if (fields_.showing()) appendNormalized(content_.text, textContent(node));
    } else if (isElement(node)) {
      readChildren(node);
    }
  }

  void readFieldChar(const xmlNode* node) {
    const std::string_view type = wordAttribute(node, "fldCharType").value_or("");
    if (type == "begin") {
      fields_.begin();
    } else if (type == "separate") {
      fields_.separate();
    } else if (type == "end") {
      fields_.end();
    }
  }

  void show(std::string_view text) {
    if (fields_.showing()) content_.text += text;
  }

  FieldState& fields_;
  NoteReferences& notes_;
  ParagraphContent& content_;
};

}  // namespace

void FieldState::begin() {
  separated_.push_back(false);
  ++inInstructions_;
}

void FieldState::separate() {
  if (!separated_.empty() && !separated_.back()) {
    separated_.back() = true;
    --inInstructions_;
  }
}

void FieldState::end() {
  if (separated_.empty()) return;
  if (!separated_.back()) --inInstructions_;
  separated_.pop_back();
}

const xmlNode* chooseAlternative(const xmlNode* alternateContent) {
  const xmlNode* choice = nullptr;
  const xmlNode* fallback = nullptr;
  for (const xmlNode* child : ChildElements(alternateContent)) {
    if (choice == nullptr && isMarkupCompatibility(child, "Choice")) choice = child;
    if (fallback == nullptr && isMarkupCompatibility(child, "Fallback")) fallback = child;
  }
  if (choice != nullptr && (fallback == nullptr || holdsText(choice))) return choice;
  return fallback;
}

void readParagraphContent(const xmlNode* paragraph, FieldState& fields, NoteReferences& notes,
                          ParagraphContent& content) {
  RunReader(fields, notes, content).readChildren(paragraph);
}

}  // namespace mkrp::extract::detail
