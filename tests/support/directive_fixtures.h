// Reads the labelled directives of tests/fixtures/directives (format: that folder's README.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/checklist.h"
#include "core/document.h"
#include "core/report.h"

namespace mkrp::testing {

// A fixture file as the document a reader would give: blocks with kind, level, label and text.
// Throws std::runtime_error when the file cannot be read.
core::Document loadFixtureDocument(const std::string& path);

// One submission: its id, the agency kind and its files, read into documents.
struct FixtureSubmission {
  std::string id;
  core::AgencyKind kind = core::AgencyKind::LawEnforcement;
  std::vector<core::SubmittedFile> files;
};

// Every submission listed in DIR/submissions.tsv, with its files loaded.
std::vector<FixtureSubmission> loadFixtureSubmissions(const std::string& dir);

// DIR/labels.tsv: submission id -> item id -> labelled status.
std::map<std::string, std::map<std::string, core::Status>> loadFixtureLabels(const std::string& dir);

// The folder of the labelled directives in this source tree.
std::string fixtureDirectivesDir();

}  // namespace mkrp::testing
