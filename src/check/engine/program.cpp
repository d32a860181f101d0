#include "check/engine/program.h"

#include <cmath>
#include <type_traits>

#include "check/engine/grouping.h"

namespace mkrp::check::engine {
namespace {

std::chrono::seconds secondsOf(const core::Duration& duration) {
  return std::chrono::seconds(std::llround(duration.inMinutes() * 60));
}

// "2 hours", "1 day": a bound as a reason writes it.
std::string describe(const core::Duration& duration) {
  static constexpr const char* kUnits[] = {"minute", "hour", "day", "week", "month", "year"};
  std::string amount = std::to_string(duration.amount);
  amount.erase(amount.find_last_not_of('0') + 1);
  if (!amount.empty() && amount.back() == '.') amount.pop_back();
  std::string text = amount + " " + kUnits[static_cast<int>(duration.unit)];
  if (duration.amount != 1) text += 's';
  return text;
}

}  // namespace

Program::Program(const core::ChecklistSet& checklists) : checklists_(&checklists) {
  hedgeSet = checklists.findConcept("hedge") ? conceptSet("hedge") : -1;
  for (const core::Checklist& checklist : checklists.checklists) {
    editions.push_back({checklist.id, checklist.edition});
    for (const core::Item& item : checklist.items) {
      CompiledItem compiled;
      compiled.id = item.id;
      compiled.title = item.title;
      compiled.severity = item.severity;
      compiled.checklist = editions.size() - 1;
      // An item without kinds of its own applies to its checklist's kinds.
      auto applies = [&](core::AgencyKind kind) {
        return checklist.appliesToKind(kind) &&
               (item.appliesTo.empty() || item.appliesToKind(kind));
      };
      compiled.appliesToLe = applies(core::AgencyKind::LawEnforcement);
      compiled.appliesToPsap = applies(core::AgencyKind::Psap);
      auto compilePatterns = [&](const std::vector<core::Pattern>& patterns) {
        std::vector<CompiledPattern> out;
        for (const core::Pattern& pattern : patterns) {
          out.push_back(
              {pattern.reason, pattern.hedging, compileOptions(pattern.options, NodeKind::Any)});
        }
        return out;
      };
      if (const auto* rule = std::get_if<core::EvidenceRule>(&item.rule)) {
        compiled.kind = RuleKind::Evidence;
        compiled.meets = compilePatterns(rule->meets);
        compiled.partial = compilePatterns(rule->partial);
        compiled.contradicts = compilePatterns(rule->contradicts);
      } else if (const auto* derived = std::get_if<core::DerivedRule>(&item.rule)) {
        compiled.kind = RuleKind::Derived;
        compiled.from = derived->from;
        compiled.required = derived->required;
      } else if (const auto* same = std::get_if<core::SameAsRule>(&item.rule)) {
        compiled.kind = RuleKind::SameAs;
        compiled.sameAs = same->item;
      }
      itemIndex_.emplace(compiled.id, static_cast<int>(items.size()));
      items.push_back(std::move(compiled));
    }
  }
  indexSetsOfPhrases();
  checklists_ = nullptr;
}

void Program::indexSetsOfPhrases() {
  groupByKey<std::uint32_t>(
      matcher.size(),
      [&](auto emit) {
        for (std::size_t set = 0; set < phraseSets.size(); ++set) {
          for (const std::uint32_t phrase : phraseSets[set].phrases) {
            emit(phrase, static_cast<std::uint32_t>(set));
          }
        }
      },
      phraseSetStart_, phraseSetIds_);
}

int Program::findItem(const std::string& id) const {
  const auto found = itemIndex_.find(id);
  return found == itemIndex_.end() ? -1 : found->second;
}

int Program::conceptSet(const std::string& id) {
  if (const auto found = conceptSets_.find(id); found != conceptSets_.end()) return found->second;
  PhraseSet set;
  const core::Concept* named = checklists_->findConcept(id);
  set.label = named && !named->label.empty() ? named->label : id;
  if (named) {
    for (const core::Phrase& phrase : named->expanded) {
      const int phraseId = matcher.add(phrase);
      if (phraseId >= 0) set.phrases.push_back(static_cast<std::uint32_t>(phraseId));
    }
    for (const core::Phrase& phrase : named->expandedExceptions) {
      const int phraseId = matcher.add(phrase);
      if (phraseId >= 0) set.exceptions.push_back(static_cast<std::uint32_t>(phraseId));
    }
  }
  const int index = static_cast<int>(phraseSets.size());
  phraseSets.push_back(std::move(set));
  conceptSets_.emplace(id, index);
  return index;
}

int Program::phraseSet(const core::Phrase& phrase) {
  const std::string key = (phrase.exactCase ? "=" : "~") + phrase.text;
  if (const auto found = phraseSets_.find(key); found != phraseSets_.end()) return found->second;
  PhraseSet set;
  set.label = "'" + phrase.text + "'";
  const int phraseId = matcher.add(phrase);
  if (phraseId >= 0) set.phrases.push_back(static_cast<std::uint32_t>(phraseId));
  const int index = static_cast<int>(phraseSets.size());
  phraseSets.push_back(std::move(set));
  phraseSets_.emplace(key, index);
  return index;
}

Node Program::compileOptions(const std::vector<core::Matcher>& options, NodeKind kind) {
  Node node;
  node.kind = kind;
  for (const core::Matcher& option : options) node.children.push_back(compile(option));
  identify(node);
  return node;
}

Node Program::compile(const core::Matcher& rule) {
  Node node = compileNode(rule);
  identify(node);
  return node;
}

void Program::identify(Node& node) {
  std::string signature =
      std::to_string(static_cast<int>(node.kind)) + ":" + std::to_string(node.phraseSet) + ":" +
      std::to_string(static_cast<int>(node.scope.kind)) + ":" + std::to_string(node.scope.words) +
      ":" + std::to_string(node.partialFrom) + ":" + node.listName + ":";
  for (const auto* bound : {&node.atMost, &node.over}) {
    signature += (*bound ? std::to_string(bound->value().count()) : "-") + ":";
  }
  for (const auto* age : {&node.covers, &node.stopsBelow}) {
    signature += (*age ? std::to_string(**age) : "-") + ":";
  }
  for (const std::string& name : node.memberNames) signature += name + "|";
  signature += "(";
  for (const Node& child : node.children) signature += std::to_string(child.id) + ",";
  signature += ")(";
  for (const Node& without : node.without) signature += std::to_string(without.id) + ",";
  signature += ")";
  const auto [found, added] = nodeIds_.try_emplace(std::move(signature), nodeCount);
  if (added) ++nodeCount;
  node.id = found->second;
}

Node Program::compileNode(const core::Matcher& rule) {
  return std::visit(
      [&](const auto& element) -> Node {
        using Rule = std::decay_t<decltype(element)>;
        Node node;
        if constexpr (std::is_same_v<Rule, core::Phrase>) {
          node.kind = NodeKind::Phrases;
          node.phraseSet = phraseSet(element);
        } else if constexpr (std::is_same_v<Rule, core::ConceptRef>) {
          node.kind = NodeKind::Phrases;
          node.phraseSet = conceptSet(element.id);
        } else if constexpr (std::is_same_v<Rule, core::AnyOf>) {
          node = compileOptions(element.options, NodeKind::Any);
        } else if constexpr (std::is_same_v<Rule, core::AllOf>) {
          node = compileOptions(element.parts, NodeKind::All);
          node.scope = element.scope;
          for (const core::Matcher& without : element.without)
            node.without.push_back(compile(without));
        } else if constexpr (std::is_same_v<Rule, core::Negated>) {
          node = compileOptions(element.options, NodeKind::Negated);
        } else if constexpr (std::is_same_v<Rule, core::Affirmed>) {
          node = compileOptions(element.options, NodeKind::Affirmed);
        } else if constexpr (std::is_same_v<Rule, core::DurationBound>) {
          node.kind = NodeKind::Duration;
          if (element.atMost) {
            node.atMost = secondsOf(*element.atMost);
            node.atMostText = describe(*element.atMost);
          }
          if (element.over) {
            node.over = secondsOf(*element.over);
            node.overText = describe(*element.over);
          }
        } else if constexpr (std::is_same_v<Rule, core::AgeBound>) {
          node.kind = NodeKind::Age;
          node.covers = element.covers;
          node.stopsBelow = element.stopsBelow;
        } else if constexpr (std::is_same_v<Rule, core::CompleteList>) {
          node.kind = NodeKind::List;
          node.scope = element.scope;
          node.listName = element.name;
          node.partialFrom = static_cast<std::size_t>(std::max(1, element.partialFrom));
          for (const core::ListMember& member : element.members) {
            node.memberNames.push_back(member.name);
            node.children.push_back(compileOptions(member.options, NodeKind::Any));
          }
        }
        return node;
      },
      rule.node);
}

}  // namespace mkrp::check::engine
