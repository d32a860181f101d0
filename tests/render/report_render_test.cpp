#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include "core/checklist.h"
#include "core/document.h"
#include "core/report.h"
#include "render/report_html.h"
#include "render/report_json.h"
#include "render/report_text.h"

using namespace mkrp;

namespace {

core::ChecklistSet checklists() {
  core::Checklist list;
  list.id = "le-model-policy";
  list.edition = "rev. October 2011";
  for (const char* id : {"LE-05", "LE-07", "LE-09"}) {
    core::Item item;
    item.id = id;
    item.title = std::string("Title of ") + id;
    item.requirement = "Requirement <b> text";
    list.items.push_back(item);
  }
  core::ChecklistSet set;
  set.checklists.push_back(list);
  return set;
}

std::vector<core::SubmittedFile> files() {
  core::Document document;
  document.format = core::Format::Pdf;
  core::Block block;
  block.label = "4.2.1";
  block.text = "Officers shall enter the child into NCIC within 24 hours.";
  block.source.page = 3;
  document.blocks.push_back(block);
  return {core::SubmittedFile{"order.pdf", document}};
}

core::Report report() {
  core::Report r;
  r.kind = core::AgencyKind::LawEnforcement;
  r.checklists.push_back({"le-model-policy", "rev. October 2011"});
  core::Finding met{"LE-05", core::Severity::Critical, core::Status::Met, 0.9, "stated duty", {}};
  core::Finding contra{"LE-07", core::Severity::Critical, core::Status::Contradicted, 0.8,
                       "'within 24 hours' is longer than the 2 hours required, in 4.2.1", {}};
  contra.evidence.push_back(core::EvidenceSpan{0, "order.pdf", 0, 43, 57, "4.2.1", 3,
                                               "within 24 hours", core::EvidenceRole::Contradicts});
  core::Finding missing{"LE-09", core::Severity::Recommended, core::Status::Missing, 0.7, "", {}};
  r.findings = {met, contra, missing};
  return r;
}

}  // namespace

TEST_CASE("report JSON follows the check contract", "[render]") {
  const std::string json = render::reportToJson(report(), checklists());
  Poco::JSON::Parser parser;
  auto root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  REQUIRE(root->getValue<std::string>("kind") == "le");
  REQUIRE(root->getArray("checklists")->getObject(0)->getValue<std::string>("edition") ==
          "rev. October 2011");
  auto item = root->getArray("items")->getObject(1);
  REQUIRE(item->getValue<std::string>("id") == "LE-07");
  REQUIRE(item->getValue<std::string>("title") == "Title of LE-07");
  REQUIRE(item->getValue<std::string>("severity") == "critical");
  REQUIRE(item->getValue<std::string>("status") == "contradicted");
  REQUIRE(item->getValue<double>("confidence") == Approx(0.8));
  auto evidence = item->getArray("evidence")->getObject(0);
  REQUIRE(evidence->getValue<std::string>("file") == "order.pdf");
  REQUIRE(evidence->getValue<int>("page") == 3);
  REQUIRE(evidence->getValue<int>("block") == 0);
  REQUIRE(evidence->getValue<std::string>("label") == "4.2.1");
  REQUIRE(evidence->getValue<int>("start") == 43);
  REQUIRE(evidence->getValue<int>("end") == 57);
  REQUIRE(evidence->getValue<std::string>("text") == "within 24 hours");
  auto summary = root->getObject("summary");
  REQUIRE(summary->getValue<int>("met") == 1);
  REQUIRE(summary->getValue<int>("contradicted") == 1);
  REQUIRE(summary->getValue<int>("missing") == 1);
  REQUIRE(summary->getValue<int>("could_not_check") == 0);
}

TEST_CASE("a roster row in the report JSON says it is a row, not a passage", "[render]") {
  core::Finding training{"TRN-LE-01", core::Severity::Critical, core::Status::Missing, 1,
                         "officers: 1 of 1 without the required training", {}};
  training.evidence.push_back(core::EvidenceSpan{-1, "roster.csv", 4, 0, 0, "row 4", 0,
                                                 "row 4: Bob (officer): missing MECPAT",
                                                 core::EvidenceRole::Contradicts});
  Poco::JSON::Parser parser;
  const auto item = parser.parse(render::findingToJson(training, "Training: sworn officers"))
                        .extract<Poco::JSON::Object::Ptr>();
  CHECK(item->getValue<std::string>("title") == "Training: sworn officers");
  const auto row = item->getArray("evidence")->getObject(0);
  CHECK(row->getValue<int>("document") == -1);
  CHECK(row->getValue<int>("row") == 4);
  CHECK(row->getValue<std::string>("file") == "roster.csv");
  const std::string directive = render::reportToJson(report(), checklists());
  CHECK(directive.find("\"document\"") == std::string::npos);
  CHECK(directive.find("\"row\"") == std::string::npos);
}

TEST_CASE("text report puts contradictions and critical gaps before what is met", "[render]") {
  const std::string text = render::reportToText(report(), checklists(), files());
  const auto contradicted = text.find("Contradicted (1)");
  const auto missing = text.find("Missing (recommended) (1)");
  const auto met = text.find("Met (1)");
  REQUIRE(contradicted != std::string::npos);
  REQUIRE(missing != std::string::npos);
  REQUIRE(met != std::string::npos);
  REQUIRE(contradicted < missing);
  REQUIRE(missing < met);
  REQUIRE(text.find("order.pdf, page 3, 4.2.1: \"within 24 hours\"") != std::string::npos);
  REQUIRE(text.find("1 met, 0 partial, 1 missing, 1 contradicted") != std::string::npos);
}

TEST_CASE("HTML report marks the evidence in the document and links item and passage",
          "[render]") {
  const std::string html = render::reportToHtml(report(), checklists(), files());
  REQUIRE(html.find("<!DOCTYPE html>") == 0);
  REQUIRE(html.find("id=\"item-LE-07\"") != std::string::npos);
  REQUIRE(html.find("href=\"#ev-0\"") != std::string::npos);
  REQUIRE(html.find("<span class=\"anchor\" id=\"ev-0\"></span><a class=\"hl contradicts\" "
                    "href=\"#item-LE-07\"") != std::string::npos);
  REQUIRE(html.find("Requirement &lt;b&gt; text") != std::string::npos);
  REQUIRE(html.find("Page 3") != std::string::npos);
  REQUIRE(html.find("{{") == std::string::npos);
}
