// Loading the checklist files (checklists/*.xml) into core::ChecklistSet. Every file is validated
// against checklists/checklist.xsd with libxml2 (no network, no entities, no DOCTYPE), then
// checked for mistakes the schema cannot see: an unknown concept or item, a duplicate ID, a
// duration or scope that is not understood, a rule that can never match. Each mistake is reported
// with its file, line and item, so the person who edited the file can find it.
// The format is specified in docs/checklist-format.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/checklist.h"

namespace mkrp::check {

// One mistake in a checklist file.
struct LoadProblem {
  std::string file;     // as given: "checklists/le-model-policy.xml"
  int line = 0;         // 1-based; 0 when the mistake is not on one line
  std::string item;     // the item it is in ("LE-07", or "#3" for an item without ID); may be empty
  std::string message;  // what is wrong and what to do

  // "checklists/le-model-policy.xml:123: item LE-07: <message>"; parts that are unknown are left
  // out.
  std::string toString() const;
};

// What a load found: the checklists and concepts that were read, and every mistake. When
// `problems` is not empty, `checklists` is incomplete and must not be used to check documents.
struct LoadResult {
  core::ChecklistSet checklists;
  std::vector<LoadProblem> problems;

  bool ok() const { return problems.empty(); }
};

// A checklist file held in memory: its name (used in messages) and its text.
struct ChecklistFile {
  std::string name;
  std::string text;
};

// Reads `files` (checklists and concept files, in any order), validating each against the schema
// text `schema`. Never throws for a mistake in the files: each one becomes a LoadProblem.
// Thread-safe; does no I/O.
LoadResult readChecklists(const std::vector<ChecklistFile>& files, std::string_view schema);

// Reads `directory`/checklist.xsd and every other `directory`/*.xml file (in name order) as
// readChecklists does. A directory that cannot be read, or has no schema or no checklist, is
// reported as a LoadProblem too.
LoadResult readChecklistDirectory(const std::string& directory);

// As readChecklistDirectory, for the service: returns the checklists, or throws
// core::InvalidChecklistException whose message lists every problem, one per line.
core::ChecklistSet loadChecklistDirectory(const std::string& directory);

// Reads a duration as written in a checklist ("2 hours", "30 days", "90 minutes").
// Throws Poco::DataFormatException saying what is wrong ("'2 parsecs': unknown unit ...").
core::Duration parseDuration(std::string_view text);

// Reads a scope as written in a checklist ("sentence", "block", "section", "12 words").
// Throws Poco::DataFormatException saying what is wrong.
core::Scope parseScope(std::string_view text);

}  // namespace mkrp::check
