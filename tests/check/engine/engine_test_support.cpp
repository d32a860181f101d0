#include "engine_test_support.h"

#include <regex>

#include "check/precheck.h"

namespace mkrp::check::testing {

core::Matcher phrase(std::string text, bool exactCase) {
  return {core::Phrase{std::move(text), exactCase}};
}
core::Matcher conceptRef(std::string id) { return {core::ConceptRef{std::move(id)}}; }
core::Matcher anyOf(std::vector<core::Matcher> options) {
  return {core::AnyOf{std::move(options)}};
}

core::Matcher allWithin(std::string scope, std::vector<core::Matcher> parts,
                        std::vector<core::Matcher> without) {
  core::AllOf all;
  all.parts = std::move(parts);
  all.without = std::move(without);
  if (scope == "sentence") {
    all.scope.kind = core::Scope::Kind::Sentence;
  } else if (scope == "block") {
    all.scope.kind = core::Scope::Kind::Block;
  } else if (scope == "section") {
    all.scope.kind = core::Scope::Kind::Section;
  } else if (scope == "document") {
    all.scope.kind = core::Scope::Kind::Document;
  } else {
    all.scope.kind = core::Scope::Kind::Words;
    all.scope.words = std::stoi(scope);
  }
  return {std::move(all)};
}

core::Matcher negated(std::vector<core::Matcher> options) {
  return {core::Negated{std::move(options)}};
}
core::Matcher affirmed(std::vector<core::Matcher> options) {
  return {core::Affirmed{std::move(options)}};
}
core::Matcher durationAtMost(double amount, core::TimeUnit unit) {
  core::DurationBound bound;
  bound.atMost = core::Duration{amount, unit};
  return {bound};
}
core::Matcher durationOver(double amount, core::TimeUnit unit) {
  core::DurationBound bound;
  bound.over = core::Duration{amount, unit};
  return {bound};
}
core::Matcher ageBound(std::optional<int> covers, std::optional<int> stopsBelow) {
  return {core::AgeBound{covers, stopsBelow}};
}

core::Matcher completeList(std::string scope, std::string name, int partialFrom,
                           std::vector<std::pair<std::string, core::Matcher>> members) {
  core::CompleteList list;
  list.name = std::move(name);
  list.scope = std::get<core::AllOf>(allWithin(scope, {}).node).scope;
  list.partialFrom = partialFrom;
  for (auto& [memberName, matcher] : members) {
    list.members.push_back({memberName, {std::move(matcher)}});
  }
  return {std::move(list)};
}

core::Pattern pattern(std::string reason, std::vector<core::Matcher> options,
                      core::Hedging hedging) {
  core::Pattern result;
  result.reason = std::move(reason);
  result.options = std::move(options);
  result.hedging = hedging;
  return result;
}

core::Item evidenceItem(std::string id, std::vector<core::Pattern> meets,
                        std::vector<core::Pattern> partial,
                        std::vector<core::Pattern> contradicts) {
  core::Item item;
  item.id = std::move(id);
  item.title = "title of " + item.id;
  item.rule = core::EvidenceRule{std::move(meets), std::move(partial), std::move(contradicts)};
  return item;
}

core::Concept makeConcept(std::string id, std::vector<std::string> phrases, std::string label) {
  core::Concept made;
  made.id = std::move(id);
  made.label = label.empty() ? made.id : std::move(label);
  for (std::string& text : phrases) made.phrases.push_back({std::move(text), false});
  made.expanded = made.phrases;
  return made;
}

core::ChecklistSet checklistSet(std::vector<core::Item> items, core::AgencyKind kind,
                                std::vector<core::Concept> extra) {
  core::ChecklistSet set;
  core::Checklist checklist;
  checklist.id = "test-checklist";
  checklist.edition = "test edition";
  checklist.appliesTo = {kind};
  checklist.items = std::move(items);
  set.checklists.push_back(std::move(checklist));
  core::Concept hedge = makeConcept("hedge", {"should", "may", "if available", "as appropriate"});
  hedge.exceptions.push_back({"may be at risk", false});
  hedge.expandedExceptions = hedge.exceptions;
  extra.push_back(std::move(hedge));
  for (core::Concept& made : extra) set.concepts.emplace(made.id, std::move(made));
  return set;
}

core::Document document(const std::vector<std::string>& blocks) {
  static const std::regex labelled(R"(^(\d+(\.\d+)*\.?|\([a-z0-9]+\))\s+(.*)$)");
  core::Document doc;
  for (const std::string& line : blocks) {
    core::Block block;
    std::string text = line;
    auto take = [&](std::string_view prefix, core::BlockKind kind, int level) {
      if (text.rfind(prefix, 0) != 0) return false;
      text = text.substr(prefix.size());
      block.kind = kind;
      block.level = level;
      return true;
    };
    take("### ", core::BlockKind::Heading, 3) || take("## ", core::BlockKind::Heading, 2) ||
        take("# ", core::BlockKind::Heading, 1) || take("- ", core::BlockKind::ListItem, 0) ||
        take("[header] ", core::BlockKind::Header, 0) ||
        take("[footer] ", core::BlockKind::Footer, 0) ||
        take("[footnote] ", core::BlockKind::Footnote, 0) ||
        take("| ", core::BlockKind::TableCell, 0);
    std::smatch match;
    if (std::regex_match(text, match, labelled)) {
      block.label = match[1];
      text = match[3];
    }
    block.text = text;
    doc.blocks.push_back(std::move(block));
  }
  return doc;
}

core::SubmittedFile file(std::string name, const std::vector<std::string>& blocks) {
  return {std::move(name), document(blocks)};
}

core::Finding checkOne(const core::ChecklistSet& set, const std::string& item,
                       const std::vector<std::string>& blocks, core::AgencyKind kind) {
  const core::Report report = precheck(set, kind, {file("directive.docx", blocks)});
  const core::Finding* finding = report.findFinding(item);
  if (!finding) throw std::logic_error("no finding for " + item);
  return *finding;
}

}  // namespace mkrp::check::testing
