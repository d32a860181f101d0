// The checks that need every checklist file at once: IDs are unique, every concept and item a
// rule names exists, concepts do not include themselves, derived items do not go round in a
// circle. Concepts get their expanded phrase lists here.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include "check/checklist_xml.h"

namespace mkrp::check::detail {
namespace {

// Where an earlier definition is, as seen from `here` (the file being reported).
std::string where(const std::string& file, int line, const std::string& here) {
  const std::string at = line > 0 ? "line " + std::to_string(line) : "";
  if (file == here) return "at " + at;
  return "in " + file + (at.empty() ? "" : " " + at);
}

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

using ConceptMap = std::map<std::string, core::Concept, std::less<>>;

// Phrases that differ only in case are one phrase, unless case matters for them.
std::string keyOf(const core::Phrase& phrase) {
  return phrase.exactCase ? phrase.text : lowerCase(phrase.text);
}

ConceptMap uniqueConcepts(std::vector<core::Concept> concepts, std::vector<LoadProblem>& problems) {
  ConceptMap byId;
  for (core::Concept& definition : concepts) {
    const auto [at, inserted] = byId.try_emplace(definition.id, definition);
    if (!inserted) {
      problems.push_back({definition.file, definition.line, "",
                          "concept " + definition.id + " is defined twice (first " +
                              where(at->second.file, at->second.line, definition.file) +
                              "): give one of them another id, or merge them"});
    }
  }
  return byId;
}

// Fills each concept's expanded phrases through its includes; reports unknown includes and
// include cycles.
class ConceptExpander {
 public:
  ConceptExpander(ConceptMap& concepts, std::vector<LoadProblem>& problems)
      : concepts_(concepts), problems_(problems) {}

  void expandAll() {
    for (auto& [id, definition] : concepts_) expand(definition);
  }

 private:
  enum class State { Expanding, Done };

  void expand(core::Concept& definition) {
    if (state_.count(definition.id) != 0) return;
    state_[definition.id] = State::Expanding;
    path_.push_back(definition.id);
    std::set<std::string> seen;
    std::set<std::string> seenExceptions;
    auto add = [&](const core::Phrase& phrase) {
      if (seen.insert(keyOf(phrase)).second) definition.expanded.push_back(phrase);
    };
    auto addException = [&](const core::Phrase& phrase) {
      if (seenExceptions.insert(keyOf(phrase)).second) {
        definition.expandedExceptions.push_back(phrase);
      }
    };
    for (const core::Phrase& phrase : definition.phrases) add(phrase);
    for (const core::Phrase& phrase : definition.exceptions) addException(phrase);
    for (const std::string& included : definition.includes) {
      const auto found = concepts_.find(included);
      if (found == concepts_.end()) {
        problems_.push_back({definition.file, definition.line, "",
                             "concept " + definition.id + " includes unknown concept \"" +
                                 included + "\": define it in concepts.xml or fix the name"});
        continue;
      }
      if (state_.count(included) != 0 && state_[included] == State::Expanding) {
        reportCycle(definition, included);
        continue;
      }
      expand(found->second);
      for (const core::Phrase& phrase : found->second.expanded) add(phrase);
      for (const core::Phrase& phrase : found->second.expandedExceptions) addException(phrase);
    }
    path_.pop_back();
    state_[definition.id] = State::Done;
  }

  void reportCycle(const core::Concept& definition, const std::string& included) {
    std::string cycle;
    const auto start = std::find(path_.begin(), path_.end(), included);
    for (auto it = start; it != path_.end(); ++it) cycle += *it + " -> ";
    problems_.push_back({definition.file, definition.line, "",
                         "concept " + definition.id + " is part of an include circle (" + cycle +
                             included + "): remove one of the includes"});
  }

  ConceptMap& concepts_;
  std::vector<LoadProblem>& problems_;
  std::map<std::string, State> state_;
  std::vector<std::string> path_;
};

void checkConceptReferences(const ConceptMap& concepts, const std::vector<ReadContext>& contexts,
                            std::vector<LoadProblem>& problems) {
  bool usesHedges = false;
  for (const ReadContext& context : contexts) {
    usesHedges = usesHedges || context.usesHedges;
    for (const Reference& ref : context.conceptRefs) {
      if (concepts.count(ref.id) == 0) {
        problems.push_back(
            {ref.file, ref.line, ref.item,
             "unknown concept \"" + ref.id + "\": define it in concepts.xml or fix the name"});
      }
    }
  }
  if (usesHedges && concepts.count("hedge") == 0) {
    problems.push_back({"concepts.xml", 0, "",
                        "the concept \"hedge\" is not defined, but <meets> rules need it to tell "
                        "hedged text (\"should\", \"may\") from duties: define it"});
  }
}

struct ItemPlace {
  const core::Checklist* checklist;
  const core::Item* item;
};

std::map<std::string, ItemPlace> uniqueItems(const core::ChecklistSet& set,
                                             std::vector<LoadProblem>& problems) {
  std::map<std::string, ItemPlace> byId;
  std::map<std::string, const core::Checklist*> checklists;
  for (const core::Checklist& checklist : set.checklists) {
    const auto [first, fresh] = checklists.try_emplace(checklist.id, &checklist);
    if (!fresh) {
      problems.push_back({checklist.file, 0, "",
                          "checklist id \"" + checklist.id + "\" is also used by " +
                              first->second->file + ": each checklist needs its own id"});
    }
    for (const core::Item& item : checklist.items) {
      const auto [at, inserted] = byId.try_emplace(item.id, ItemPlace{&checklist, &item});
      if (!inserted) {
        problems.push_back(
            {checklist.file, item.line, item.id,
             "the id " + item.id + " is used twice (first " +
                 where(at->second.checklist->file, at->second.item->line, checklist.file) +
                 "): each item needs its own id"});
      }
    }
  }
  return byId;
}

// The items an item's status is taken from (derived or same-as); empty for text rules.
std::vector<std::string> sourcesOf(const core::Item& item) {
  if (const auto* derived = std::get_if<core::DerivedRule>(&item.rule)) {
    std::vector<std::string> sources = derived->from;
    if (!derived->required.empty()) sources.push_back(derived->required);
    return sources;
  }
  if (const auto* same = std::get_if<core::SameAsRule>(&item.rule)) return {same->item};
  return {};
}

void checkItemReferences(const std::map<std::string, ItemPlace>& items,
                         std::vector<LoadProblem>& problems) {
  for (const auto& [id, place] : items) {
    for (const std::string& source : sourcesOf(*place.item)) {
      if (source == id) {
        problems.push_back({place.checklist->file, place.item->line, id,
                            "the item takes its status from itself: name other items"});
      } else if (items.count(source) == 0) {
        problems.push_back({place.checklist->file, place.item->line, id,
                            "unknown item \"" + source + "\": fix the id"});
      }
    }
  }
}

// Derived and same-as items must not depend on each other in a circle.
void checkItemCycles(const std::map<std::string, ItemPlace>& items,
                     std::vector<LoadProblem>& problems) {
  std::map<std::string, int> state;  // 1 visiting, 2 done
  std::function<bool(const std::string&)> visit = [&](const std::string& id) {
    const auto found = items.find(id);
    if (found == items.end() || state[id] == 2) return false;
    if (state[id] == 1) return true;
    state[id] = 1;
    bool cycle = false;
    for (const std::string& source : sourcesOf(*found->second.item)) {
      if (source != id) cycle = visit(source) || cycle;
    }
    state[id] = 2;
    return cycle;
  };
  for (const auto& [id, place] : items) {
    if (state[id] == 0 && visit(id)) {
      problems.push_back({place.checklist->file, place.item->line, id,
                          "derived and same-as items take their status from each other in a "
                          "circle: one of them needs rules of its own"});
    }
  }
}

}  // namespace

void linkChecklists(core::ChecklistSet& set, std::vector<core::Concept> concepts,
                    const std::vector<ReadContext>& contexts, std::vector<LoadProblem>& problems) {
  ConceptMap byId = uniqueConcepts(std::move(concepts), problems);
  ConceptExpander(byId, problems).expandAll();
  checkConceptReferences(byId, contexts, problems);
  set.concepts = std::move(byId);
  const std::map<std::string, ItemPlace> items = uniqueItems(set, problems);
  checkItemReferences(items, problems);
  checkItemCycles(items, problems);
}

}  // namespace mkrp::check::detail
