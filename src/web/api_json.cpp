#include "web/api_json.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include "workflow/accounts.h"
#include "workflow/applications.h"

namespace mkrp::web::detail {
namespace {

void timeField(JsonOut& out, std::string_view name, const std::optional<store::TimePoint>& at) {
  out.key(name);
  if (at) {
    out.string(isoTime(*at));
  } else {
    out.null();
  }
}

void textOrNull(JsonOut& out, std::string_view name, std::string_view text) {
  out.key(name);
  if (text.empty()) {
    out.null();
  } else {
    out.string(text);
  }
}

void writeAgency(JsonOut& out, const store::Agency& agency) {
  out.beginObject()
      .field("id", agency.id)
      .field("name", agency.name)
      .field("kind", toString(agency.kind))
      .field("state", agency.state)
      .field("city", agency.city)
      .endObject();
}

void writeApplicationFields(JsonOut& out, const store::Application& application) {
  out.field("id", application.id)
      .field("agency_id", application.agencyId)
      .field("type", toString(application.type))
      .field("status", toString(application.status))
      .field("round", application.round);
  timeField(out, "created_at", application.createdAt);
  timeField(out, "updated_at", application.updatedAt);
  timeField(out, "submitted_at", application.submittedAt);
  timeField(out, "decided_at", application.decidedAt);
  out.field("assignee", application.assigneeId);
}

void writeChange(JsonOut& out, const workflow::ItemChange& change) {
  out.beginObject().field("item", change.itemId);
  textOrNull(out, "previous_status", change.previousStatus);
  textOrNull(out, "status", change.status);
  out.field("evidence_changed", change.evidenceChanged).endObject();
}

}  // namespace

std::string isoTime(store::TimePoint at) {
  const Poco::Timestamp timestamp(at.time_since_epoch().count() * 1000);
  return Poco::DateTimeFormatter::format(timestamp, "%Y-%m-%dT%H:%M:%S.%iZ");
}

void writeApplication(JsonOut& out, const store::Application& application) {
  out.beginObject();
  writeApplicationFields(out, application);
  out.endObject();
}

std::string applicationJson(const store::Application& application) {
  JsonOut out;
  writeApplication(out, application);
  return out.text();
}

std::string applicationsJson(const std::vector<store::Application>& applications) {
  JsonOut out;
  out.beginArray();
  for (const store::Application& application : applications) writeApplication(out, application);
  out.endArray();
  return out.text();
}

void writeDocument(JsonOut& out, const store::DocumentRecord& document) {
  out.beginObject()
      .field("id", document.id)
      .field("filename", document.filename)
      .field("format", document.format)
      .field("size", document.size)
      .field("status", toString(document.status));
  textOrNull(out, "message", document.message);
  out.field("round", document.round);
  timeField(out, "uploaded_at", document.uploadedAt);
  timeField(out, "checked_at", document.checkedAt);
  out.endObject();
}

std::string documentJson(const store::DocumentRecord& document) {
  JsonOut out;
  writeDocument(out, document);
  return out.text();
}

void writeRoster(JsonOut& out, const store::RosterRecord& roster) {
  out.beginObject()
      .field("filename", roster.filename)
      .field("size", roster.size)
      .field("round", roster.round);
  timeField(out, "uploaded_at", roster.uploadedAt);
  out.endObject();
}

std::string rosterJson(const store::RosterRecord& roster) {
  JsonOut out;
  writeRoster(out, roster);
  return out.text();
}

void writeDecision(JsonOut& out, const store::ItemDecision& decision) {
  out.beginObject()
      .field("item", decision.itemId)
      .field("decision", toString(decision.decision))
      .field("comment", decision.comment);
  textOrNull(out, "overridden_status", decision.overriddenStatus);
  out.field("round", decision.round);
  timeField(out, "decided_at", decision.decidedAt);
  out.endObject();
}

std::string decisionJson(const store::ItemDecision& decision) {
  JsonOut out;
  writeDecision(out, decision);
  return out.text();
}

std::string viewJson(const workflow::ApplicationView& view) {
  JsonOut out;
  out.beginObject();
  writeApplicationFields(out, view.application);
  out.key("agency");
  writeAgency(out, view.agency);
  out.field("documents_round", view.documentsRound);
  out.key("documents").beginArray();
  for (const store::DocumentRecord& document : view.documents) writeDocument(out, document);
  out.endArray();
  out.key("roster");
  if (view.roster) {
    writeRoster(out, *view.roster);
  } else {
    out.null();
  }
  out.key("precheck");
  if (view.precheckJson) {
    out.raw(*view.precheckJson);
  } else {
    out.null();
  }
  textOrNull(out, "reviewer_message", view.reviewerMessage);
  out.key("decisions").beginArray();
  for (const store::ItemDecision& decision : view.decisions) writeDecision(out, decision);
  out.endArray();
  out.key("changes_since_previous_round").beginArray();
  for (const workflow::ItemChange& change : view.changes) writeChange(out, change);
  out.endArray();
  out.endObject();
  return out.text();
}

std::string queueJson(const workflow::QueueResult& queue) {
  JsonOut out;
  out.beginArray();
  for (const workflow::QueueRow& row : queue.rows) {
    const store::QueueEntry& entry = row.entry;
    out.beginObject()
        .field("id", entry.applicationId)
        .field("agency", entry.agencyName)
        .field("agency_id", entry.agencyId)
        .field("kind", toString(entry.kind))
        .field("state", entry.state)
        .field("type", toString(entry.type))
        .field("status", toString(entry.status))
        .field("round", entry.round)
        .field("submitted_at", isoTime(entry.submittedAt))
        .field("waiting_seconds", row.waitingSeconds);
    textOrNull(out, "assignee", entry.assigneeEmail);
    out.endObject();
  }
  out.endArray();
  return out.text();
}

std::string sessionJson(const workflow::Session& session) {
  JsonOut out;
  out.beginObject().field("csrf", session.csrf).field("expires_at", isoTime(session.expiresAt));
  out.key("user")
      .beginObject()
      .field("id", session.actor.userId)
      .field("email", session.email)
      .field("role", toString(session.actor.role))
      .field("agency_id", session.actor.agencyId)
      .endObject();
  out.endObject();
  return out.text();
}

}  // namespace mkrp::web::detail
