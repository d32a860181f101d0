// The checklists compiled for matching: every phrase in one PhraseMatcher, every concept a set of
// phrase ids, every rule a tree of Nodes over them. Built once by Precheck, then read-only.
// Internal to the check engine.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "check/engine/phrase_matcher.h"
#include "core/checklist.h"
#include "core/report.h"

namespace mkrp::check::engine {

enum class NodeKind { Phrases, Any, All, Negated, Affirmed, Duration, Age, List };

// One matcher of the rule tree (core::Matcher), with concepts resolved to phrase sets.
struct Node {
  NodeKind kind = NodeKind::Any;
  int id = 0;  // nodes that say the same thing share an id, so a document evaluates them once
  int phraseSet = -1;          // Phrases: index into Program::phraseSets
  std::vector<Node> children;  // Any, Negated, Affirmed: options; All: parts; List: members
  std::vector<Node> without;   // All
  core::Scope scope;           // All, List
  std::vector<std::string> memberNames;        // List, one per child
  std::string listName;                        // List
  std::size_t partialFrom = 1;                 // List
  std::optional<std::chrono::seconds> atMost;  // Duration
  std::optional<std::chrono::seconds> over;
  std::string atMostText;  // the bounds as written, for reasons ("2 hours")
  std::string overText;
  std::optional<int> covers;  // Age
  std::optional<int> stopsBelow;
};

// A concept (or one inline phrase): the phrase ids it matches and how a reason names it.
struct PhraseSet {
  std::vector<std::uint32_t> phrases;
  std::vector<std::uint32_t> exceptions;  // a match inside one of these does not count
  std::string label;
};

struct CompiledPattern {
  std::string reason;
  core::Hedging hedging = core::Hedging::Weakens;
  Node root;  // Any of the pattern's options
};

enum class RuleKind { Evidence, Derived, SameAs };

struct CompiledItem {
  std::string id;
  std::string title;
  core::Severity severity = core::Severity::Critical;
  std::size_t checklist = 0;  // index into Program::editions
  bool appliesToLe = false;
  bool appliesToPsap = false;
  RuleKind kind = RuleKind::Evidence;
  std::vector<CompiledPattern> meets;
  std::vector<CompiledPattern> partial;
  std::vector<CompiledPattern> contradicts;
  std::vector<std::string> from;  // Derived
  std::string required;           // Derived; may be empty
  std::string sameAs;             // SameAs

  bool appliesTo(core::AgencyKind agency) const {
    return agency == core::AgencyKind::LawEnforcement ? appliesToLe : appliesToPsap;
  }
};

class Program {
 public:
  // Compiles every checklist of `checklists`. Throws std::bad_alloc only.
  explicit Program(const core::ChecklistSet& checklists);

  PhraseMatcher matcher;
  std::vector<PhraseSet> phraseSets;
  std::vector<CompiledItem> items;  // in checklist order
  std::vector<core::ChecklistEdition> editions;
  // The phrase sets that match phrase `id` (not the ones it is an exception of), so that one
  // pass over a document's occurrences gives every set its matches.
  std::span<const std::uint32_t> setsOfPhrase(std::uint32_t id) const {
    return {phraseSetIds_.data() + phraseSetStart_[id],
            phraseSetStart_[id + 1] - phraseSetStart_[id]};
  }
  int hedgeSet = -1;  // the concept `hedge`, or -1
  int nodeCount = 0;  // distinct node ids

  // The index of the item with this id in `items`, or -1.
  int findItem(const std::string& id) const;

 private:
  Node compile(const core::Matcher& rule);
  Node compileNode(const core::Matcher& rule);
  // Gives `node` the id of every node with the same meaning.
  void identify(Node& node);
  Node compileOptions(const std::vector<core::Matcher>& options, NodeKind kind);
  int conceptSet(const std::string& id);
  int phraseSet(const core::Phrase& phrase);

  // setsOfPhrase, flat: the sets of phrase `id` are phraseSetIds_[phraseSetStart_[id] ..
  // phraseSetStart_[id + 1]).
  std::vector<std::uint32_t> phraseSetStart_;
  std::vector<std::uint32_t> phraseSetIds_;
  void indexSetsOfPhrases();

  const core::ChecklistSet* checklists_ = nullptr;  // only while compiling
  std::map<std::string, int, std::less<>> conceptSets_;
  std::map<std::string, int, std::less<>> phraseSets_;
  std::map<std::string, int, std::less<>> itemIndex_;
  std::map<std::string, int, std::less<>> nodeIds_;  // by signature
};

}  // namespace mkrp::check::engine
