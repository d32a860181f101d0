// Word's automatic numbering (word/numbering.xml), rebuilt so that each paragraph gets the label
// Word shows in front of it ("4.2.1", "b.", "IV."). The label is not in the text runs.
#pragma once

#include <libxml/tree.h>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mkrp::extract::detail {

class DocxStyles;

// The label of one numbered paragraph.
struct ListLabel {
  std::string text;  // empty for bullets and for levels with no number
  bool bullet = false;
};

// Where the counting of one story (the body, one header, ...) stands.
struct NumberingCounters {
  // Per abstract numbering definition: the current value of each level; empty = not yet used.
  std::map<std::string, std::array<std::optional<int>, 9>> values;
  std::set<std::string> startedInstances;  // w:num ids whose start overrides were applied
};

class DocxNumbering {
 public:
  static constexpr int kLevels = 9;

  // No numbering part: every list reference points at nothing.
  DocxNumbering() = default;
  // Reads the w:numbering element; `styles` resolves w:numStyleLink.
  DocxNumbering(const xmlNode* numberingRoot, const DocxStyles& styles);

  // The level of list `numId` that is tied to paragraph style `styleId` (w:lvl/w:pStyle).
  std::optional<int> levelForStyle(std::string_view numId, std::string_view styleId) const;

  // Counts one paragraph of list `numId` at `level` and returns its label; nullopt when `numId`
  // is "0" (numbering switched off) or names no list. Deeper levels restart as Word restarts
  // them.
  std::optional<ListLabel> next(std::string_view numId, int level,
                                NumberingCounters& counters) const;

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    bool legal = false;
    std::optional<int> restartAfter;  // w:lvlRestart; nullopt = after any higher level
    std::string styleId;
  };
  struct Definition {  // w:abstractNum
    std::array<std::optional<Level>, kLevels> levels;
    std::string numStyleLink;
  };
  struct Instance {  // w:num
    std::string abstractId;
    std::array<std::optional<int>, kLevels> startOverride;
    std::array<std::optional<Level>, kLevels> levelOverride;
  };

  static Level readLevel(const xmlNode* lvl);
  const Instance* instance(std::string_view numId) const;
  // The abstract definition behind `numId`, following w:numStyleLink; its id in `abstractId`.
  const Definition* definition(const Instance& instance, std::string& abstractId) const;
  const Level* level(const Instance& instance, const Definition& definition, int index) const;
  std::string labelText(const Instance& instance, const Definition& definition, int level,
                        const std::array<std::optional<int>, kLevels>& values) const;

  std::unordered_map<std::string, Definition> definitions_;
  std::unordered_map<std::string, Instance> instances_;
  std::unordered_map<std::string, std::string> styleLinks_;  // numbering style -> num id
};

}  // namespace mkrp::extract::detail
