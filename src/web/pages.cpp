#include "web/pages.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <map>

#include "core/errors.h"
#include "render/html_escape.h"
#include "render/templates.h"
#include "web/exchange.h"
#include "web/pages_precheck.h"
#include "web/pages_view.h"
#include "web/router.h"
#include "workflow/applications.h"
#include "workflow/errors.h"

namespace mkrp::web::detail {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;
using store::ApplicationStatus;

constexpr int kQueuePageSize = 50;

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// A local path to return to after signing in; anything else (another site, "//host") is dropped.
// Browsers drop tabs and line breaks from addresses and read a backslash as "/", so a tab or a
// backslash after the first "/" would lead away too.
std::string safeNext(const std::optional<std::string>& next) {
  const auto unsafe = [](char c) {
    return c == '\\' || static_cast<unsigned char>(c) <= ' ' || c == '\x7f';
  };
  if (!next || !startsWith(*next, "/") || startsWith(*next, "//") ||
      std::any_of(next->begin(), next->end(), unsafe)) {
    return "";
  }
  return *next;
}

void redirect(Exchange& ex, const std::string& location) {
  ex.response.set("Location", location);
  std::string body = "<!DOCTYPE html><title>Moved</title><a href=\"";
  render::appendEscaped(body, location);
  body += "\">Continue</a>";
  ex.send(Status::HTTP_SEE_OTHER, "text/html; charset=utf-8", body);
}

void sendPage(Exchange& ex, const std::string& html) {
  ex.send(Status::HTTP_OK, "text/html; charset=utf-8", html);
}

std::string homeFor(const workflow::Actor& actor) {
  return actor.role == store::Role::Agency ? "/agency" : "/review";
}

const workflow::Actor& agencyStaff(const Exchange& ex) {
  const workflow::Actor& actor = ex.actor();
  if (actor.role != store::Role::Agency) {
    throw workflow::ForbiddenException(
        "This page is for agency staff. Reviewers work from the review queue.");
  }
  return actor;
}

const workflow::Actor& reviewer(const Exchange& ex) {
  const workflow::Actor& actor = ex.actor();
  if (actor.role == store::Role::Agency) {
    throw workflow::ForbiddenException(
        "This page is for program reviewers. Your agency's applications are under "
        "\"Your applications\".");
  }
  return actor;
}

bool isEditable(ApplicationStatus status) {
  return status == ApplicationStatus::Draft || status == ApplicationStatus::Returned;
}

bool isOpen(ApplicationStatus status) {
  return status != ApplicationStatus::Approved && status != ApplicationStatus::Withdrawn;
}

std::string typeLabel(store::ApplicationType type) {
  return type == store::ApplicationType::Renewal ? "Renewal" : "First application";
}

std::string documentStatusLabel(store::DocumentStatus status) {
  switch (status) {
    case store::DocumentStatus::Queued:
      return "Waiting to be read";
    case store::DocumentStatus::Extracting:
      return "Being read and checked";
    case store::DocumentStatus::Checked:
      return "Checked";
    case store::DocumentStatus::Unreadable:
      return "Could not be read";
  }
  return "";
}

bool isPending(const store::DocumentRecord& document) {
  return document.status == store::DocumentStatus::Queued ||
         document.status == store::DocumentStatus::Extracting;
}

mustache::data documentsData(const std::vector<store::DocumentRecord>& documents, bool editable) {
  mustache::data list{mustache::data::type::list};
  for (const store::DocumentRecord& document : documents) {
    mustache::data entry;
    entry.set("id", std::to_string(document.id));
    entry.set("filename", document.filename);
    entry.set("status", std::string(toString(document.status)));
    entry.set("statusLabel", documentStatusLabel(document.status));
    setText(entry, "message", document.message);
    entry.set("removable", editable);
    list.push_back(entry);
  }
  return list;
}

// Why the application cannot be submitted yet, in words; empty when it can.
std::string submitBlocker(const std::vector<store::DocumentRecord>& documents) {
  if (documents.empty()) return "Upload at least one directive first.";
  for (const store::DocumentRecord& document : documents) {
    if (isPending(document)) return "Wait until every document has been checked.";
    if (document.status == store::DocumentStatus::Unreadable) {
      return "Remove the document that could not be read, or upload a readable copy.";
    }
  }
  return "";
}

ItemNotes notesOf(const workflow::ApplicationView& view) {
  ItemNotes notes;
  for (const store::ItemDecision& decision : view.decisions) {
    notes.decisions[decision.itemId] = decision;
  }
  for (const workflow::ItemChange& change : view.changes) notes.changes[change.itemId] = change;
  return notes;
}

mustache::data option(const std::string& value, const std::string& label, bool selected) {
  mustache::data entry;
  entry.set("value", value);
  entry.set("label", label);
  entry.set("selected", selected);
  return entry;
}

mustache::data options(const std::vector<std::pair<std::string, std::string>>& choices,
                       const std::string& current) {
  mustache::data list{mustache::data::type::list};
  for (const auto& [value, label] : choices) list.push_back(option(value, label, value == current));
  return list;
}

// A filter value from the query: empty when absent.
std::string filter(const Exchange& ex, std::string_view name) {
  return ex.query(name).value_or("");
}

template <typename Parse>
auto parseFilter(Parse parse, const std::string& text, std::string_view what) {
  try {
    return parse(text);
  } catch (const Poco::DataFormatException&) {
    throw workflow::InvalidRequestException("The queue has no filter " + std::string(what) + " \"" +
                                            text + "\". Clear the filters and try again.");
  }
}

int offsetFilter(const Exchange& ex) {
  const std::string text = filter(ex, "offset");
  int offset = 0;
  if (!text.empty() && (!Poco::NumberParser::tryParse(text, offset) || offset < 0)) {
    throw workflow::InvalidRequestException("The queue position must be a whole number from 0 up.");
  }
  return offset;
}

store::QueueQuery queueQuery(const Exchange& ex, const workflow::Actor& actor) {
  store::QueueQuery query;
  if (const std::string kind = filter(ex, "kind"); !kind.empty()) {
    query.kind = parseFilter(store::parseAgencyKind, kind, "kind");
  }
  if (const std::string state = filter(ex, "state"); !state.empty()) {
    query.state = Poco::toUpper(state);
  }
  if (const std::string type = filter(ex, "type"); !type.empty()) {
    query.type = parseFilter(store::parseApplicationType, type, "type");
  }
  if (const std::string round = filter(ex, "round"); !round.empty()) {
    int value = 0;
    if (!Poco::NumberParser::tryParse(round, value) || value < 1) {
      throw workflow::InvalidRequestException("The round must be a whole number from 1 up.");
    }
    query.round = value;
  }
  const std::string show = filter(ex, "show");
  if (show == "mine") query.assigneeId = actor.userId;
  query.unassignedOnly = show == "unassigned";
  query.limit = kQueuePageSize;
  query.offset = offsetFilter(ex);
  return query;
}

// The query string of the queue with the same filters at another offset.
std::string queueLink(const Exchange& ex, int offset) {
  std::string query;
  for (const char* name : {"kind", "state", "type", "round", "show"}) {
    const std::string value = filter(ex, name);
    if (value.empty()) continue;
    std::string encoded;
    Poco::URI::encode(value, "&=+#?/", encoded);
    query += std::string(name) + "=" + encoded + "&";
  }
  return query + "offset=" + std::to_string(offset);
}

void addPaging(mustache::data& data, const Exchange& ex, std::int64_t total) {
  const int offset = offsetFilter(ex);
  data.set("paged", offset > 0 || total > offset + kQueuePageSize);
  data.set("pageSize", std::to_string(kQueuePageSize));
  if (offset > 0) data.set("previous", queueLink(ex, std::max(0, offset - kQueuePageSize)));
  if (total > offset + kQueuePageSize) data.set("next", queueLink(ex, offset + kQueuePageSize));
}

mustache::data queueRow(const workflow::QueueRow& row, const workflow::Actor& actor) {
  const store::QueueEntry& entry = row.entry;
  mustache::data data;
  data.set("id", std::to_string(entry.applicationId));
  data.set("agency", entry.agencyName);
  data.set("kind", agencyKindLabel(entry.kind));
  data.set("state", entry.state);
  data.set("type", typeLabel(entry.type));
  data.set("round", std::to_string(entry.round));
  data.set("submitted", dateText(entry.submittedAt));
  data.set("age", ageText(row.waitingSeconds));
  data.set("status", applicationStatusLabel(entry.status));
  const bool mine = entry.assigneeId && *entry.assigneeId == actor.userId;
  data.set("assignee", mine                          ? std::string("You")
                       : entry.assigneeEmail.empty() ? std::string("Nobody yet")
                                                     : entry.assigneeEmail);
  return data;
}

mustache::data changesData(const std::vector<workflow::ItemChange>& changes,
                           const std::map<std::string, std::string>& titles) {
  mustache::data list{mustache::data::type::list};
  for (const workflow::ItemChange& change : changes) {
    mustache::data entry;
    entry.set("item", change.itemId);
    if (auto title = titles.find(change.itemId); title != titles.end()) {
      setText(entry, "title", title->second);
    }
    entry.set("before", change.previousStatus.empty() ? std::string("not checked")
                                                      : findingStatusLabel(change.previousStatus));
    entry.set("now", change.status.empty() ? std::string("no longer checked")
                                           : findingStatusLabel(change.status));
    entry.set("evidenceChanged", change.evidenceChanged);
    list.push_back(entry);
  }
  return list;
}

// The checked PDFs of the round, each with the address of its copy with the passages highlighted
// (web/annotated_api.cpp).
mustache::data annotatedPdfs(const workflow::ApplicationView& view) {
  mustache::data list{mustache::data::type::list};
  for (const store::DocumentRecord& document : view.documents) {
    if (document.format != "pdf" || document.status != store::DocumentStatus::Checked) continue;
    mustache::data entry;
    entry.set("filename", document.filename);
    entry.set("href", "/api/v1/applications/" + std::to_string(view.application.id) +
                          "/documents/" + std::to_string(document.id) + "/annotated.pdf");
    list.push_back(entry);
  }
  return list;
}

void addApplicationFields(mustache::data& data, const workflow::ApplicationView& view) {
  const store::Application& application = view.application;
  data.set("id", std::to_string(application.id));
  data.set("agency", view.agency.name);
  data.set("kind", agencyKindLabel(view.agency.kind));
  data.set("state", view.agency.state);
  setText(data, "city", view.agency.city);
  data.set("type", typeLabel(application.type));
  data.set("round", std::to_string(application.round));
  data.set("status", std::string(toString(application.status)));
  data.set("statusLabel", applicationStatusLabel(application.status));
  setText(data, "reviewerMessage", view.reviewerMessage);
  data.set("returned", application.status == ApplicationStatus::Returned);
  data.set("approved", application.status == ApplicationStatus::Approved);
  if (application.submittedAt) data.set("submitted", dateText(*application.submittedAt));
  // The training roster of the round shown, and where its template is.
  if (view.roster) {
    mustache::data roster;
    roster.set("filename", view.roster->filename);
    roster.set("uploaded", dateText(view.roster->uploadedAt));
    data.set("roster", roster);
  }
  data.set("rosterTemplate",
           "/api/v1/roster-template.csv?kind=" + std::string(toString(view.agency.kind)));
}

class Pages {
 public:
  explicit Pages(const Services& services) : services_(services) {}

  void home(Exchange& ex) {
    if (!ex.session) return redirect(ex, "/sign-in");
    redirect(ex, homeFor(ex.actor()));
  }

  void signIn(Exchange& ex) {
    if (ex.session) return redirect(ex, homeFor(ex.actor()));
    mustache::data data;
    data.set("next", safeNext(ex.query("next")));
    sendPage(ex, renderPage("sign_in", "Sign in", data, ex.session));
  }

  void agencyHome(Exchange& ex) {
    const workflow::Actor& actor = agencyStaff(ex);
    const std::vector<store::Application> applications = services_.applications.listOwn(actor);
    mustache::data list{mustache::data::type::list};
    bool hasOpen = false;
    for (const store::Application& application : applications) {
      hasOpen = hasOpen || isOpen(application.status);
      mustache::data entry;
      entry.set("id", std::to_string(application.id));
      entry.set("type", typeLabel(application.type));
      entry.set("status", std::string(toString(application.status)));
      entry.set("statusLabel", applicationStatusLabel(application.status));
      entry.set("round", std::to_string(application.round));
      entry.set("created", dateText(application.createdAt));
      list.push_back(entry);
    }
    mustache::data data;
    data.set("applications", list);
    data.set("hasApplications", !applications.empty());
    data.set("canStart", !hasOpen);
    sendPage(ex, renderPage("agency_home", "Your applications", data, ex.session));
  }

  void agencyApplication(Exchange& ex) {
    const workflow::Actor& actor = agencyStaff(ex);
    const store::Id id = ex.id("id");
    const workflow::ApplicationView view = services_.applications.view(actor, id);
    const bool editable = isEditable(view.application.status);
    mustache::data data;
    addApplicationFields(data, view);
    data.set("editable", editable);
    data.set("documents", documentsData(view.documents, editable));
    data.set("hasDocuments", !view.documents.empty());
    data.set("pending", std::any_of(view.documents.begin(), view.documents.end(), isPending));
    const std::string blocker = submitBlocker(view.documents);
    data.set("canSubmit", editable && blocker.empty());
    data.set("submitBlocker", editable ? blocker : std::string());
    data.set("nextRound", std::to_string(view.documentsRound));
    if (view.precheckJson) {
      data.set("precheck",
               precheckData(*view.precheckJson, services_.applications.documentTexts(actor, id),
                            notesOf(view), ItemOrder::AttentionFirst));
    }
    sendPage(ex, renderPage("agency_application", "Application " + std::to_string(id), data,
                            ex.session));
  }

  void queue(Exchange& ex) {
    const workflow::Actor& actor = reviewer(ex);
    const workflow::QueueResult result = services_.applications.queue(actor, queueQuery(ex, actor));
    mustache::data rows{mustache::data::type::list};
    for (const workflow::QueueRow& row : result.rows) rows.push_back(queueRow(row, actor));
    mustache::data data;
    data.set("rows", rows);
    data.set("hasRows", !result.rows.empty());
    data.set("shown", std::to_string(result.rows.size()));
    data.set("total", std::to_string(result.total));
    addPaging(data, ex, result.total);
    data.set("kindOptions",
             options({{"", "Any"}, {"le", "Law enforcement"}, {"psap", "9-1-1 center (PSAP)"}},
                     filter(ex, "kind")));
    data.set("typeOptions",
             options({{"", "Any"}, {"initial", "First application"}, {"renewal", "Renewal"}},
                     filter(ex, "type")));
    data.set("showOptions", options({{"", "Everything waiting"},
                                     {"unassigned", "Not claimed by anyone"},
                                     {"mine", "Claimed by me"}},
                                    filter(ex, "show")));
    data.set("stateFilter", filter(ex, "state"));
    data.set("roundFilter", filter(ex, "round"));
    sendPage(ex, renderPage("queue", "Review queue", data, ex.session));
  }

  void review(Exchange& ex) {
    const workflow::Actor& actor = reviewer(ex);
    const store::Id id = ex.id("id");
    const workflow::ApplicationView view = services_.applications.view(actor, id);
    const store::Application& application = view.application;
    const bool inProgress = application.status == ApplicationStatus::Submitted ||
                            application.status == ApplicationStatus::InReview;
    const bool mine = application.assigneeId && *application.assigneeId == actor.userId;
    mustache::data data;
    addApplicationFields(data, view);
    data.set("claimedByMe", inProgress && mine);
    data.set("claimedByOther", inProgress && application.assigneeId && !mine);
    // Administrators may read the queue and the review screen, but only reviewers decide.
    const bool isReviewer = actor.role == store::Role::Reviewer;
    data.set("claimable", isReviewer && inProgress && !application.assigneeId);
    data.set("canDecide", application.status == ApplicationStatus::InReview && mine);
    data.set("decided", !inProgress);
    const auto titles =
        view.precheckJson ? itemTitles(*view.precheckJson) : std::map<std::string, std::string>();
    data.set("changes", changesData(view.changes, titles));
    if (services_.annotator) data.set("annotatedPdfs", annotatedPdfs(view));
    data.set("hasChanges", !view.changes.empty());
    data.set("laterRound", application.round > 1);
    data.set("previousRound", std::to_string(application.round - 1));
    if (view.precheckJson) {
      data.set("precheck",
               precheckData(*view.precheckJson, services_.applications.documentTexts(actor, id),
                            notesOf(view)));
    }
    sendPage(ex, renderPage("review", "Review: " + view.agency.name, data, ex.session));
  }

  void staticFile(Exchange& ex) {
    const std::string& name = ex.param("file");
    std::string_view type;
    if (name.ends_with(".css")) type = "text/css; charset=utf-8";
    if (name.ends_with(".js")) type = "text/javascript; charset=utf-8";
    std::string_view text;
    try {
      if (!type.empty()) text = render::templateText("web/static/" + name);
    } catch (const Poco::NotFoundException&) {
      type = {};
    }
    if (type.empty()) throw core::NotFoundException("There is no file \"" + name + "\".");
    ex.response.set("Cache-Control", "no-cache");
    ex.send(Status::HTTP_OK, type, text);
  }

 private:
  Services services_;
};

// Runs a page handler; a visitor who is not signed in (or whose session ended) is sent to the
// sign-in page and brought back afterwards.
Handler page(std::shared_ptr<Pages> pages, void (Pages::*handler)(Exchange&)) {
  return [pages, handler](Exchange& ex) {
    try {
      ((*pages).*handler)(ex);
    } catch (const workflow::NotSignedInException&) {
      std::string next;
      Poco::URI::encode(ex.request.getURI(), "?#&=+/", next);
      redirect(ex, "/sign-in?next=" + next);
    }
  };
}

}  // namespace

void addPageRoutes(Router& router, const Services& services) {
  auto pages = std::make_shared<Pages>(services);
  router.add("GET", "/", page(pages, &Pages::home));
  router.add("GET", "/sign-in", page(pages, &Pages::signIn));
  router.add("GET", "/agency", page(pages, &Pages::agencyHome));
  router.add("GET", "/agency/applications/{id}", page(pages, &Pages::agencyApplication));
  router.add("GET", "/review", page(pages, &Pages::queue));
  router.add("GET", "/review/applications/{id}", page(pages, &Pages::review));
  router.add("GET", "/static/{file}", page(pages, &Pages::staticFile));
}

bool wantsPage(const Poco::Net::HTTPServerRequest& request) {
  const std::string& uri = request.getURI();
  if (startsWith(uri, "/api/") || startsWith(uri, "/static/")) return false;
  return request.get("Accept", "").find("text/html") != std::string::npos;
}

std::string errorPageFor(int status, std::string_view message,
                         const std::optional<workflow::Session>& session) {
  return errorPage(status, message, session);
}

}  // namespace mkrp::web::detail
