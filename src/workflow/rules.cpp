#include "workflow/rules.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>

#include "core/errors.h"
#include "extract/sniff.h"

namespace mkrp::workflow::detail {
namespace {

constexpr std::size_t kMaxFilenameBytes = 255;

// The OpenDocument mimetype entry comes first, stored uncompressed, right after the 30-byte local
// header of a ZIP file and its name "mimetype".
bool isOpenDocumentText(std::string_view bytes) {
  constexpr std::string_view kMarker = "mimetypeapplication/vnd.oasis.opendocument.text";
  return bytes.size() >= 30 + kMarker.size() && bytes.substr(30, kMarker.size()) == kMarker;
}

void trim(std::string& text) {
  const auto notSpace = [](unsigned char c) { return c != ' '; };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), notSpace));
  text.erase(std::find_if(text.rbegin(), text.rend(), notSpace).base(), text.end());
}

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
void truncateUtf8(std::string& text, std::size_t limit) {
  if (text.size() <= limit) return;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
}

}  // namespace

std::string displayFilename(std::string_view submitted) {
  const std::size_t slash = submitted.find_last_of("/\\");
  if (slash != std::string_view::npos) submitted.remove_prefix(slash + 1);
  std::string name;
  for (const char c : submitted) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) name += c;
  }
  trim(name);
  truncateUtf8(name, kMaxFilenameBytes);
  if (name.empty() || name == "." || name == "..") return "document";
  return name;
}

std::string uploadFormat(std::string_view bytes) {
  const extract::FileKind kind = extract::sniffMagic(bytes);
  if (kind == extract::FileKind::Pdf) return "pdf";
  if (kind == extract::FileKind::Zip) return isOpenDocumentText(bytes) ? "odt" : "docx";
  if (kind == extract::FileKind::OleCompound && extract::isEncryptedOoxml(bytes)) {
    throw core::UnsupportedFormatException(
        "This Word file is protected by a password. Save a copy without the password and "
        "upload that.");
  }
  throw core::UnsupportedFormatException(
      "This file is " + std::string(extract::describe(kind)) +
      ". Upload the directive as a PDF, a Word document (.docx) or an OpenDocument text (.odt).");
}

std::string overriddenStatus(store::Decision decision, std::string_view precheckStatus) {
  const bool suggestsAccepting = precheckStatus == "met" || precheckStatus == "not_applicable";
  const bool accepted = decision == store::Decision::Accepted;
  return accepted == suggestsAccepting ? std::string() : std::string(precheckStatus);
}

std::map<std::string, ItemOutcome> itemOutcomes(const std::string& reportJson) {
  Poco::JSON::Parser parser;
  const auto report = parser.parse(reportJson).extract<Poco::JSON::Object::Ptr>();
  std::map<std::string, ItemOutcome> outcomes;
  const Poco::JSON::Array::Ptr items = report->getArray("items");
  if (!items) return outcomes;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
    if (!item) continue;
    ItemOutcome& outcome = outcomes[item->getValue<std::string>("id")];
    outcome.status = item->getValue<std::string>("status");
    const Poco::JSON::Array::Ptr evidence = item->getArray("evidence");
    for (std::size_t j = 0; evidence && j < evidence->size(); ++j) {
      const Poco::JSON::Object::Ptr span = evidence->getObject(static_cast<unsigned>(j));
      if (span) outcome.evidence += span->optValue<std::string>("text", "") + "\n";
    }
  }
  return outcomes;
}

std::vector<ItemChange> changedItems(const std::map<std::string, ItemOutcome>& previous,
                                     const std::map<std::string, ItemOutcome>& current) {
  std::map<std::string, ItemChange> changes;
  for (const auto& [id, before] : previous) {
    const auto after = current.find(id);
    if (after != current.end() && after->second == before) continue;
    ItemChange& change = changes[id];
    change.itemId = id;
    change.previousStatus = before.status;
    if (after != current.end()) {
      change.status = after->second.status;
      change.evidenceChanged = after->second.evidence != before.evidence;
    }
  }
  for (const auto& [id, after] : current) {
    if (previous.count(id) != 0) continue;
    changes[id] = ItemChange{id, "", after.status, !after.evidence.empty()};
  }
  std::vector<ItemChange> list;
  for (auto& [id, change] : changes) list.push_back(std::move(change));
  return list;
}

store::TimePoint addYears(store::TimePoint at, int years) {
  using namespace std::chrono;
  const sys_days day = floor<days>(at);
  const auto timeOfDay = at - day;
  year_month_day date{day};
  date += std::chrono::years(years);
  if (!date.ok()) date = date.year() / date.month() / last;
  return sys_days(date) + timeOfDay;
}

}  // namespace mkrp::workflow::detail
