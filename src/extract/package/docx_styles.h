// The paragraph styles of a DOCX (word/styles.xml): which make headings, which carry numbering.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mkrp::extract::detail {

// A w:numPr: list instance and level, either of which may be left to the style.
struct NumberingReference {
  std::optional<std::string> numId;
  std::optional<int> level;
};

// What a paragraph style gives its paragraphs, after w:basedOn inheritance.
struct ParagraphStyle {
  std::string id;
  int headingLevel = 0;  // 1..9; 0 when the style does not make a heading
  NumberingReference numbering;
};

class DocxStyles {
 public:
  // No styles part: nothing is a heading, nothing is numbered by style.
  DocxStyles() = default;
  // Reads the w:styles element. A w:basedOn chain that loops or runs very deep is cut off.
  explicit DocxStyles(const xmlNode* stylesRoot);

  // The effective paragraph style `id`: the default paragraph style when `id` is empty or names
  // no paragraph style.
  const ParagraphStyle& paragraphStyle(std::string_view id) const;

  // The w:numId in the w:numPr of numbering style `id` (what w:numStyleLink points at).
  std::optional<std::string> numberingStyleNumId(std::string_view id) const;

 private:
  struct RawStyle {
    std::string type;
    std::string name;
    std::string basedOn;
    std::optional<int> outlineLevel;
    NumberingReference numbering;
  };

  ParagraphStyle resolve(const std::string& id) const;
  const RawStyle* raw(std::string_view id) const;

  std::unordered_map<std::string, RawStyle> raw_;
  std::unordered_map<std::string, ParagraphStyle> resolved_;
  std::string defaultParagraphStyle_;
  ParagraphStyle none_;
};

// The numbering a w:pPr names directly, if it has a w:numPr.
NumberingReference readNumberingReference(const xmlNode* numPr);

}  // namespace mkrp::extract::detail
