#include "extract/package/docx_numbering.h"

#include "extract/package/block_builder.h"
#include "extract/package/docx_styles.h"
#include "extract/package/number_format.h"
#include "extract/package/ooxml_names.h"

namespace mkrp::extract::detail {
namespace {

using namespace ooxml;

// w:numStyleLink hops followed before giving up; real files need one.
constexpr int kMaxStyleLinks = 8;

// Word allows start values up to 32767; anything beyond is clamped so counting cannot overflow.
constexpr int kMaxStart = 1'000'000;

bool validLevel(int level) { return level >= 0 && level < DocxNumbering::kLevels; }

int clampStart(int value) { return value < 0 ? 0 : value > kMaxStart ? kMaxStart : value; }

}  // namespace

DocxNumbering::Level DocxNumbering::readLevel(const xmlNode* lvl) {
  Level level;
  level.start = clampStart(toInt(childValue(lvl, "start")).value_or(1));
  if (auto format = childValue(lvl, "numFmt")) level.format = *format;
  if (wordChild(lvl, "lvlPicBulletId") != nullptr) level.format = "bullet";
  level.text = childValue(lvl, "lvlText").value_or("");
  if (const xmlNode* legal = wordChild(lvl, "isLgl")) level.legal = isOn(legal);
  level.restartAfter = toInt(childValue(lvl, "lvlRestart"));
  level.styleId = childValue(lvl, "pStyle").value_or("");
  return level;
}

DocxNumbering::DocxNumbering(const xmlNode* numberingRoot, const DocxStyles& styles) {
  for (const xmlNode* node : ChildElements(numberingRoot)) {
    if (isWord(node, "abstractNum")) {
      Definition definition;
      for (const xmlNode* lvl : ChildElements(node)) {
        const int index = toInt(wordAttribute(lvl, "ilvl")).value_or(-1);
        if (isWord(lvl, "lvl") && validLevel(index)) definition.levels[index] = readLevel(lvl);
      }
      definition.numStyleLink = childValue(node, "numStyleLink").value_or("");
      if (!definition.numStyleLink.empty()) {
        if (auto numId = styles.numberingStyleNumId(definition.numStyleLink)) {
          styleLinks_.emplace(definition.numStyleLink, *numId);
        }
      }
      definitions_.emplace(wordAttribute(node, "abstractNumId").value_or(""),
                           std::move(definition));
    } else if (isWord(node, "num")) {
      Instance instance;
      instance.abstractId = childValue(node, "abstractNumId").value_or("");
      for (const xmlNode* override : ChildElements(node)) {
        const int index = toInt(wordAttribute(override, "ilvl")).value_or(-1);
        if (!isWord(override, "lvlOverride") || !validLevel(index)) continue;
        if (auto start = toInt(childValue(override, "startOverride"))) {
          instance.startOverride[index] = clampStart(*start);
        }
        if (const xmlNode* lvl = wordChild(override, "lvl")) {
          instance.levelOverride[index] = readLevel(lvl);
        }
      }
      instances_.emplace(wordAttribute(node, "numId").value_or(""), std::move(instance));
    }
  }
}

const DocxNumbering::Instance* DocxNumbering::instance(std::string_view numId) const {
  const auto it = instances_.find(std::string(numId));
  return it == instances_.end() ? nullptr : &it->second;
}

const DocxNumbering::Definition* DocxNumbering::definition(const Instance& instance,
                                                           std::string& abstractId) const {
  abstractId = instance.abstractId;
  for (int hop = 0; hop < kMaxStyleLinks; ++hop) {
    const auto it = definitions_.find(abstractId);
    if (it == definitions_.end()) return nullptr;
    const Definition& definition = it->second;
    if (definition.numStyleLink.empty()) return &definition;
    // The levels live in the definition that the numbering style's own list points at.
    const auto link = styleLinks_.find(definition.numStyleLink);
    const Instance* linked = link == styleLinks_.end() ? nullptr : this->instance(link->second);
    if (linked == nullptr || linked->abstractId == abstractId) return &definition;
    abstractId = linked->abstractId;
  }
  return nullptr;
}

const DocxNumbering::Level* DocxNumbering::level(const Instance& instance,
                                                 const Definition& definition, int index) const {
  if (instance.levelOverride[index]) return &*instance.levelOverride[index];
  return definition.levels[index] ? &*definition.levels[index] : nullptr;
}

std::optional<int> DocxNumbering::levelForStyle(std::string_view numId,
                                                std::string_view styleId) const {
  const Instance* instance = this->instance(numId);
  std::string abstractId;
  const Definition* definition = instance ? this->definition(*instance, abstractId) : nullptr;
  if (definition == nullptr || styleId.empty()) return std::nullopt;
  for (int index = 0; index < kLevels; ++index) {
    const Level* level = this->level(*instance, *definition, index);
    if (level != nullptr && level->styleId == styleId) return index;
  }
  return std::nullopt;
}

std::optional<ListLabel> DocxNumbering::next(std::string_view numId, int levelIndex,
                                             NumberingCounters& counters) const {
  if (numId == "0") return std::nullopt;
  const Instance* instance = this->instance(numId);
  if (instance == nullptr) return std::nullopt;
  std::string abstractId;
  const Definition* definition = this->definition(*instance, abstractId);
  if (definition == nullptr) return std::nullopt;
  if (!validLevel(levelIndex)) levelIndex = levelIndex < 0 ? 0 : kLevels - 1;

  auto& values = counters.values.try_emplace(abstractId).first->second;
  // A w:num that overrides its start restarts those levels the first time it is used; other
  // w:num entries of the same definition continue its count, as Word does.
  if (counters.startedInstances.insert(std::string(numId)).second) {
    for (int index = 0; index < kLevels; ++index) {
      if (instance->startOverride[index]) values[index] = *instance->startOverride[index] - 1;
    }
  }
  const Level* level = this->level(*instance, *definition, levelIndex);
  const int start = level != nullptr ? level->start : 1;
  std::optional<int>& value = values[levelIndex];
  value = !value ? start : *value < kMaxStart * 2 ? *value + 1 : *value;
  for (int deeper = levelIndex + 1; deeper < kLevels; ++deeper) {
    const Level* inner = this->level(*instance, *definition, deeper);
    const std::optional<int> after = inner != nullptr ? inner->restartAfter : std::nullopt;
    // w:lvlRestart names (1-based) the highest level whose use restarts this one; 0 = never.
    if (!after || (*after > 0 && levelIndex < *after)) values[deeper].reset();
  }
  ListLabel label;
  label.bullet = level != nullptr && level->format == "bullet";
  if (!label.bullet) label.text = labelText(*instance, *definition, levelIndex, values);
  return label;
}

std::string DocxNumbering::labelText(const Instance& instance, const Definition& definition,
                                     int levelIndex,
                                     const std::array<std::optional<int>, kLevels>& values) const {
  const Level* level = this->level(instance, definition, levelIndex);
  if (level == nullptr) return std::to_string(values[levelIndex].value_or(1)) + ".";
  std::string out;
  const std::string& pattern = level->text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const int referenced = pattern[++i] - '1';
      const Level* other = this->level(instance, definition, referenced);
      const int value = values[referenced].value_or(other != nullptr ? other->start : 1);
      // w:isLgl: every number in the label in decimal ("1.01" style legal numbering).
      const std::string format = level->legal       ? "decimal"
                                 : other != nullptr ? other->format
                                                    : "decimal";
      out += formatNumber(value, format);
    } else {
      out += pattern[i];
    }
  }
  std::string normalized;
  appendNormalized(normalized, out);
  return trimmed(normalized);
}

}  // namespace mkrp::extract::detail
