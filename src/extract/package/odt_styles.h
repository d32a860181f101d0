// OpenDocument list styles and the outline style: how list items and headings are numbered.
#pragma once

#include <libxml/tree.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mkrp::extract::detail {

// One level of a text:list-style or of the text:outline-style.
struct OdfListLevel {
  bool numbered = false;  // false for bullets and images
  std::string format;     // style:num-format: "1", "a", "A", "i", "I"; empty = no number
  std::string prefix;
  std::string suffix;
  int displayLevels = 1;  // text:display-levels: how many levels the label shows ("2.1.3")
  int start = 1;
  bool letterSync = false;
};

// Levels 1..10 (index 0..9).
struct OdfListStyle {
  static constexpr int kLevels = 10;
  std::array<std::optional<OdfListLevel>, kLevels> levels;
};

class OdfStyles {
 public:
  // Collects the list styles, the outline style and the paragraph styles' list styles found in
  // `container` (office:styles or office:automatic-styles). Later calls add to earlier ones.
  void addFrom(const xmlNode* container);

  // The list style `name`, or null.
  const OdfListStyle* listStyle(std::string_view name) const;

  // The text:outline-style that numbers headings, or null.
  const OdfListStyle* outline() const { return outline_ ? &*outline_ : nullptr; }

  // The list style paragraph style `name` applies (style:list-style-name, inherited through
  // style:parent-style-name); empty when none.
  std::string paragraphListStyle(std::string_view name) const;

 private:
  std::unordered_map<std::string, OdfListStyle> lists_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> paragraphs_;  // list, parent
  std::optional<OdfListStyle> outline_;
};

// The label of an item at `level` (1-based) given the counter `values` of every level (0 = not
// used yet): prefix, the shown levels joined with '.', suffix. Empty for bullets.
std::string odfLabel(const OdfListStyle& style, int level,
                     const std::array<int, OdfListStyle::kLevels>& values);

}  // namespace mkrp::extract::detail
