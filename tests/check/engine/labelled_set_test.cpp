// The pre-check over the labelled directives (tests/fixtures/directives) with the real
// checklists: per-status precision and recall, and the acceptance bars of the pre-check.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

#include "check/checklist_loader.h"
#include "check/precheck.h"
#include "directive_fixtures.h"

namespace {

using mkrp::core::Status;

constexpr Status kStatuses[] = {Status::Met,          Status::Partial,       Status::Missing,
                                Status::Contradicted, Status::NotApplicable, Status::CouldNotCheck};

struct Disagreement {
  std::string submission;
  std::string item;
  Status label;
  Status got;
  mkrp::core::Severity severity;
  std::string reason;
};

// Every submission checked once; what the labels say and what the pre-check said.
struct Outcome {
  std::map<Status, std::map<Status, int>> confusion;  // label -> got -> count
  std::vector<Disagreement> disagreements;

  int count(Status label, Status got) const {
    const auto row = confusion.find(label);
    if (row == confusion.end()) return 0;
    const auto cell = row->second.find(got);
    return cell == row->second.end() ? 0 : cell->second;
  }
  int labelled(Status label) const {
    int total = 0;
    for (const Status got : kStatuses) total += count(label, got);
    return total;
  }
  int reported(Status got) const {
    int total = 0;
    for (const Status label : kStatuses) total += count(label, got);
    return total;
  }
  double recall(Status status) const {
    const int all = labelled(status);
    return all == 0 ? 1.0 : static_cast<double>(count(status, status)) / all;
  }
  double precision(Status status) const {
    const int all = reported(status);
    return all == 0 ? 1.0 : static_cast<double>(count(status, status)) / all;
  }
};

const Outcome& outcome() {
  static const Outcome result = [] {
    Outcome out;
    const std::string dir = mkrp::testing::fixtureDirectivesDir();
    const auto checklists =
        mkrp::check::loadChecklistDirectory(std::string(MKRP_SOURCE_DIR) + "/checklists");
    const mkrp::check::Precheck precheck(checklists);
    const auto labels = mkrp::testing::loadFixtureLabels(dir);
    for (const auto& submission : mkrp::testing::loadFixtureSubmissions(dir)) {
      const mkrp::core::Report report = precheck.run(submission.kind, submission.files);
      for (const auto& [item, label] : labels.at(submission.id)) {
        const mkrp::core::Finding* finding = report.findFinding(item);
        const Status got = finding ? finding->status : Status::CouldNotCheck;
        ++out.confusion[label][got];
        if (got != label) {
          out.disagreements.push_back({submission.id, item, label, got,
                                       finding ? finding->severity : mkrp::core::Severity::Critical,
                                       finding ? finding->reason : "no finding"});
        }
      }
    }
    return out;
  }();
  return result;
}

std::string confusionTable(const Outcome& out) {
  std::ostringstream text;
  text << "label \\ got      ";
  for (const Status got : kStatuses) text << std::setw(9) << mkrp::core::toString(got).substr(0, 8);
  text << "   recall precision\n";
  for (const Status label : kStatuses) {
    if (out.labelled(label) == 0) continue;
    text << std::left << std::setw(17) << mkrp::core::toString(label) << std::right;
    for (const Status got : kStatuses) text << std::setw(9) << out.count(label, got);
    text << std::fixed << std::setprecision(3) << std::setw(9) << out.recall(label) << std::setw(10)
         << out.precision(label) << '\n';
  }
  return text.str();
}

std::string disagreementList(const Outcome& out) {
  std::ostringstream text;
  for (const Disagreement& d : out.disagreements) {
    text << d.submission << '\t' << d.item << "\tlabel " << mkrp::core::toString(d.label)
         << "\tgot " << mkrp::core::toString(d.got) << '\t' << d.reason << '\n';
  }
  return text.str();
}

}  // namespace

TEST_CASE("labelled set: the confusion matrix and every disagreement are shown",
          "[check][engine][labelled]") {
  const Outcome& out = outcome();
  WARN("pre-check against the labels (rows: label, columns: pre-check)\n" << confusionTable(out));
  INFO("disagreements (submission, item, label, got, reason):\n" << disagreementList(out));
  WARN(out.disagreements.size() << " disagreements:\n" << disagreementList(out));
  // Catch wraps its messages at 80 columns; MKRP_LABELLED_OUT=FILE writes them unwrapped.
  if (const char* path = std::getenv("MKRP_LABELLED_OUT")) {
    std::ofstream(path) << confusionTable(out) << disagreementList(out);
  }
  REQUIRE(out.labelled(Status::Met) > 0);
}

TEST_CASE("labelled set: met is found with recall and precision of at least 0.95",
          "[check][engine][labelled][bars]") {
  const Outcome& out = outcome();
  INFO(confusionTable(out));
  CHECK(out.recall(Status::Met) >= 0.95);
  CHECK(out.precision(Status::Met) >= 0.95);
}

TEST_CASE("labelled set: every planted contradiction is found",
          "[check][engine][labelled][bars]") {
  std::ostringstream unfound;
  for (const Disagreement& d : outcome().disagreements) {
    if (d.label == Status::Contradicted) {
      unfound << d.submission << ' ' << d.item << " reported " << mkrp::core::toString(d.got)
              << ": " << d.reason << '\n';
    }
  }
  INFO("contradictions not found:\n" << unfound.str());
  CHECK(unfound.str().empty());
  CHECK(outcome().labelled(Status::Contradicted) > 0);
}

TEST_CASE("labelled set: no critical item is reported met where it is missing",
          "[check][engine][labelled][bars]") {
  std::ostringstream wrong;
  for (const Disagreement& d : outcome().disagreements) {
    if (d.label == Status::Missing && d.got == Status::Met &&
        d.severity == mkrp::core::Severity::Critical) {
      wrong << d.submission << ' ' << d.item << ": " << d.reason << '\n';
    }
  }
  INFO("critical items reported met where the label is missing:\n" << wrong.str());
  CHECK(wrong.str().empty());
}
