// Internal to the checklist loader: turning a schema-valid XML tree into core types, and the
// checks that need every file at once. Not part of the check module's public surface.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "check/checklist_loader.h"
#include "core/checklist.h"

namespace mkrp::check::detail {

// A name a rule uses (a concept or an item), remembered where it was written so that an unknown
// one can be reported there once every file has been read.
struct Reference {
  std::string id;
  std::string file;
  int line = 0;
  std::string item;
};

// What reading one file needs and produces besides the checklist or concepts themselves.
struct ReadContext {
  std::string file;
  std::vector<LoadProblem>* problems = nullptr;
  std::vector<Reference> conceptRefs;
  bool usesHedges = false;  // some <meets> lets a hedge weaken it (needs the concept `hedge`)

  // Records a problem at `node` (its line and enclosing item).
  void report(const xmlNode* node, const std::string& message);
};

// The line of `node` (1-based) and the item around it ("LE-07", "#3" when it has no id, "" when
// not inside an item).
int lineOf(const xmlNode* node);
std::string itemAround(const xmlNode* node);

// Reads a schema-valid <checklist> root. Its local <concepts> go to `concepts`.
core::Checklist readChecklist(const xmlNode* root, ReadContext& context,
                              std::vector<core::Concept>& concepts);

// Reads a schema-valid <concepts> root.
std::vector<core::Concept> readConcepts(const xmlNode* root, ReadContext& context);

// The checks across files: unique IDs, known concepts and items, no include or derivation
// cycles, the `hedge` concept present when needed. Fills set.concepts (with expanded phrases).
void linkChecklists(core::ChecklistSet& set, std::vector<core::Concept> concepts,
                    const std::vector<ReadContext>& contexts, std::vector<LoadProblem>& problems);

}  // namespace mkrp::check::detail
