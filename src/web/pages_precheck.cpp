#include "web/pages_precheck.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <iterator>
#include <utility>

#include "render/highlight.h"
#include "render/html_escape.h"

namespace mkrp::web::detail {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Highlights keyed by (document index, block index).
using HighlightMap = std::map<std::pair<int, int>, std::vector<render::Highlight>>;

// The order the summary lists statuses in: what needs attention first.
constexpr const char* kSummaryOrder[] = {"contradicted",    "missing", "partial",
                                         "could_not_check", "met",     "not_applicable"};

std::string text(const Object::Ptr& object, const std::string& name) {
  return object->has(name) && !object->isNull(name) ? object->getValue<std::string>(name) : "";
}

// The place of a status in kSummaryOrder (unknown ones last).
std::size_t attentionRank(const std::string& status) {
  const auto* found = std::find(std::begin(kSummaryOrder), std::end(kSummaryOrder), status);
  return static_cast<std::size_t>(found - std::begin(kSummaryOrder));
}

int number(const Object::Ptr& object, const std::string& name) {
  return object->has(name) && !object->isNull(name) ? object->getValue<int>(name) : -1;
}

// The index of the document named `name`, or -1.
int documentIndex(const std::vector<core::SubmittedFile>& files, const std::string& name) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string roleLabel(const std::string& role) {
  if (role == "contradicts") return "conflicts with the requirement";
  if (role == "partial") return "partly meets the requirement";
  return "meets the requirement";
}

std::string whereOf(const std::string& file, int page, const std::string& label) {
  std::string where = file;
  if (page > 0) where += (where.empty() ? "" : ", ") + std::string("page ") + std::to_string(page);
  if (!label.empty()) where += (where.empty() ? "" : ", ") + std::string("section ") + label;
  return where;
}

class Builder {
 public:
  Builder(const std::vector<core::SubmittedFile>& files, const ItemNotes& notes)
      : files_(files), notes_(notes) {}

  mustache::data item(const Object::Ptr& finding) {
    const std::string id = text(finding, "id");
    const std::string status = text(finding, "status");
    mustache::data data;
    data.set("id", id);
    data.set("title", text(finding, "title"));
    data.set("severity", text(finding, "severity"));
    data.set("status", status);
    data.set("statusLabel", findingStatusLabel(status));
    setText(data, "reason", text(finding, "reason"));
    mustache::data passages{mustache::data::type::list};
    const Array::Ptr evidence = finding->getArray("evidence");
    std::string firstAnchor;
    for (std::size_t i = 0; evidence && i < evidence->size(); ++i) {
      const int anchorBefore = nextAnchor_;
      passages.push_back(passage(id, evidence->getObject(static_cast<unsigned>(i))));
      if (firstAnchor.empty() && nextAnchor_ != anchorBefore) {
        firstAnchor = "ev-" + std::to_string(anchorBefore);
      }
    }
    setText(data, "firstAnchor", firstAnchor);
    data.set("hasPassages", !passages.is_empty_list());
    data.set("passages", passages);
    addNotes(data, id);
    addIfDeficient(id, text(finding, "title"));
    return data;
  }

  // The items the reviewer marked deficient, in the order they were listed.
  const mustache::data& deficient() const { return deficient_; }

  mustache::data documents() {
    mustache::data list{mustache::data::type::list};
    for (std::size_t i = 0; i < files_.size(); ++i) {
      mustache::data document;
      document.set("name", files_[i].name);
      document.set("body", documentHtml(files_[i].document, static_cast<int>(i)));
      list.push_back(document);
    }
    return list;
  }

 private:
  mustache::data passage(const std::string& itemId, const Object::Ptr& span) {
    const std::string file = text(span, "file");
    const std::string role = text(span, "role");
    mustache::data data;
    data.set("where", whereOf(file, number(span, "page"), text(span, "label")));
    data.set("text", text(span, "text"));
    data.set("role", role);
    data.set("roleLabel", roleLabel(role));
    // A training roster row ("document": -1) is no passage of the directives, even when the
    // roster's file name is also a directive's: it is shown as the row, never matched to text.
    if (span->has("document") && number(span, "document") < 0) {
      data.set("where", file.empty() ? text(span, "label") : file + ", " + text(span, "label"));
      return data;
    }
    const int document = documentIndex(files_, file);
    const int block = number(span, "block");
    const int start = number(span, "start");
    const int end = number(span, "end");
    if (document < 0 || block < 0 || start < 0 || end < start) return data;
    const auto& blocks = files_[static_cast<std::size_t>(document)].document.blocks;
    if (block >= static_cast<int>(blocks.size())) return data;
    const std::string anchor = "ev-" + std::to_string(nextAnchor_++);
    const render::Highlight highlight{static_cast<std::uint32_t>(start),
                                      static_cast<std::uint32_t>(end), role, itemId, anchor};
    highlights_[{document, block}].push_back(highlight);
    render::Highlight inContext = highlight;
    inContext.anchor.clear();
    data.set("anchor", anchor);
    data.set("context",
             render::highlightBlock(blocks[static_cast<std::size_t>(block)].text, {inContext}));
    return data;
  }

  void addNotes(mustache::data& data, const std::string& id) const {
    if (auto found = notes_.decisions.find(id); found != notes_.decisions.end()) {
      const store::ItemDecision& decision = found->second;
      const bool deficient = decision.decision == store::Decision::Deficient;
      data.set("hasDecision", true);
      data.set("accepted", !deficient);
      data.set("deficient", deficient);
      data.set("decisionLabel", std::string(deficient ? "Needs changes" : "Accepted"));
      setText(data, "comment", decision.comment);
    }
    if (auto found = notes_.changes.find(id); found != notes_.changes.end()) {
      const workflow::ItemChange& change = found->second;
      data.set("changed", true);
      data.set("previousStatusLabel", change.previousStatus.empty()
                                          ? std::string("not checked")
                                          : findingStatusLabel(change.previousStatus));
      data.set("evidenceChanged", change.evidenceChanged);
    }
  }

  void addIfDeficient(const std::string& id, const std::string& title) {
    const auto found = notes_.decisions.find(id);
    if (found == notes_.decisions.end() || found->second.decision != store::Decision::Deficient) {
      return;
    }
    mustache::data entry;
    entry.set("id", id);
    entry.set("title", title);
    setText(entry, "comment", found->second.comment);
    deficient_.push_back(entry);
  }

  std::string blockHtml(const core::Block& block, int document, int index) {
    std::string html = "<p class=\"block " + std::string(core::toString(block.kind)) + "\" id=\"d" +
                       std::to_string(document) + "-b" + std::to_string(index) + "\">";
    if (!block.label.empty()) {
      html += "<span class=\"label\">";
      render::appendEscaped(html, block.label);
      html += "</span> ";
    }
    const auto found = highlights_.find({document, index});
    if (found == highlights_.end()) {
      render::appendEscaped(html, block.text);
    } else {
      html += render::highlightBlock(block.text, found->second);
    }
    return html + "</p>\n";
  }

  std::string documentHtml(const core::Document& document, int index) {
    std::string html;
    int page = 0;
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
      const core::Block& block = document.blocks[i];
      if (block.source.page > page) {
        page = block.source.page;
        html += "<div class=\"page-mark\">Page " + std::to_string(page) + "</div>\n";
      }
      html += blockHtml(block, index, static_cast<int>(i));
    }
    return html;
  }

  const std::vector<core::SubmittedFile>& files_;
  const ItemNotes& notes_;
  HighlightMap highlights_;
  int nextAnchor_ = 0;
  mustache::data deficient_{mustache::data::type::list};
};

mustache::data summaryData(const Object::Ptr& summary) {
  mustache::data list{mustache::data::type::list};
  for (const char* status : kSummaryOrder) {
    const int count = summary ? number(summary, status) : -1;
    if (count <= 0) continue;
    mustache::data entry;
    entry.set("status", std::string(status));
    entry.set("label", findingStatusLabel(status));
    entry.set("count", std::to_string(count));
    // Items that do not apply to this kind of agency are many and need nobody's attention.
    entry.set("hiddenAtFirst", std::string_view(status) == "not_applicable");
    list.push_back(entry);
  }
  return list;
}

}  // namespace

mustache::data precheckData(const std::string& reportJson,
                            const std::vector<core::SubmittedFile>& files, const ItemNotes& notes,
                            ItemOrder order) {
  const Object::Ptr report = Poco::JSON::Parser().parse(reportJson).extract<Object::Ptr>();
  std::vector<Object::Ptr> findings;
  const Array::Ptr list = report->getArray("items");
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    findings.push_back(list->getObject(static_cast<unsigned>(i)));
  }
  if (order == ItemOrder::AttentionFirst) {
    std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
      return attentionRank(text(a, "status")) < attentionRank(text(b, "status"));
    });
  }
  Builder builder(files, notes);
  mustache::data items{mustache::data::type::list};
  for (const Object::Ptr& finding : findings) items.push_back(builder.item(finding));
  mustache::data data;
  data.set("items", items);
  data.set("summary", summaryData(report->getObject("summary")));
  data.set("documents", builder.documents());
  data.set("deficientItems", builder.deficient());
  data.set("hasDeficientItems", builder.deficient().is_non_empty_list());
  return data;
}

std::map<std::string, std::string> itemTitles(const std::string& reportJson) {
  const Object::Ptr report = Poco::JSON::Parser().parse(reportJson).extract<Object::Ptr>();
  std::map<std::string, std::string> titles;
  const Array::Ptr list = report->getArray("items");
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    const Object::Ptr item = list->getObject(static_cast<unsigned>(i));
    titles[text(item, "id")] = text(item, "title");
  }
  return titles;
}

}  // namespace mkrp::web::detail
