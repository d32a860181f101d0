#include "extract/package/docx_styles.h"

#include "extract/package/ooxml_names.h"

namespace mkrp::extract::detail {
namespace {

using namespace ooxml;

// Longest w:basedOn chain followed; Word itself stops far earlier, and a loop stops here too.
constexpr int kMaxInheritance = 32;

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// "heading 3" (the built-in name Word always writes, whatever the UI language) gives 3,
// "Title" gives 1.
int headingLevelFromName(std::string_view name) {
  const std::string lower = lowerAscii(name);
  if (lower == "title") return 1;
  if (lower.size() == 9 && lower.rfind("heading ", 0) == 0 && lower[8] >= '1' && lower[8] <= '9') {
    return lower[8] - '0';
  }
  return 0;
}

}  // namespace

NumberingReference readNumberingReference(const xmlNode* numPr) {
  NumberingReference reference;
  if (numPr == nullptr) return reference;
  if (auto numId = childValue(numPr, "numId")) reference.numId = std::string(*numId);
  reference.level = toInt(childValue(numPr, "ilvl"));
  return reference;
}

DocxStyles::DocxStyles(const xmlNode* stylesRoot) {
  for (const xmlNode* style : ChildElements(stylesRoot)) {
    if (!isWord(style, "style")) continue;
    const std::string id(wordAttribute(style, "styleId").value_or(""));
    RawStyle raw;
    raw.type = wordAttribute(style, "type").value_or("paragraph");
    raw.name = childValue(style, "name").value_or("");
    raw.basedOn = childValue(style, "basedOn").value_or("");
    if (const xmlNode* pPr = wordChild(style, "pPr")) {
      raw.outlineLevel = toInt(childValue(pPr, "outlineLvl"));
      raw.numbering = readNumberingReference(wordChild(pPr, "numPr"));
    }
    const bool isDefault = wordAttribute(style, "default").value_or("0") == "1" ||
                           wordAttribute(style, "default").value_or("") == "true";
    if (raw.type == "paragraph" && isDefault && defaultParagraphStyle_.empty()) {
      defaultParagraphStyle_ = id;
    }
    raw_.emplace(id, std::move(raw));
  }
  for (const auto& [id, raw] : raw_) {
    if (raw.type == "paragraph") resolved_.emplace(id, resolve(id));
  }
}

const DocxStyles::RawStyle* DocxStyles::raw(std::string_view id) const {
  const auto it = raw_.find(std::string(id));
  return it == raw_.end() ? nullptr : &it->second;
}

ParagraphStyle DocxStyles::resolve(const std::string& id) const {
  ParagraphStyle style;
  style.id = id;
  bool headingKnown = false;
  std::string current = id;
  for (int depth = 0; depth < kMaxInheritance && !current.empty(); ++depth) {
    const RawStyle* raw = this->raw(current);
    if (raw == nullptr) break;
    if (!headingKnown && raw->outlineLevel) {
      style.headingLevel =
          *raw->outlineLevel >= 0 && *raw->outlineLevel < 9 ? *raw->outlineLevel + 1 : 0;
      headingKnown = true;
    } else if (!headingKnown && headingLevelFromName(raw->name) > 0) {
      style.headingLevel = headingLevelFromName(raw->name);
      headingKnown = true;
    }
    if (!style.numbering.numId && raw->numbering.numId)
      style.numbering.numId = raw->numbering.numId;
    if (!style.numbering.level && raw->numbering.level)
      style.numbering.level = raw->numbering.level;
    current = raw->basedOn;
  }
  return style;
}

const ParagraphStyle& DocxStyles::paragraphStyle(std::string_view id) const {
  if (!id.empty()) {
    const auto it = resolved_.find(std::string(id));
    if (it != resolved_.end()) return it->second;
  }
  const auto fallback = resolved_.find(defaultParagraphStyle_);
  return fallback == resolved_.end() ? none_ : fallback->second;
}

std::optional<std::string> DocxStyles::numberingStyleNumId(std::string_view id) const {
  const RawStyle* style = raw(id);
  return style == nullptr ? std::nullopt : style->numbering.numId;
}

}  // namespace mkrp::extract::detail
