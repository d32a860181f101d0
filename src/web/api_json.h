// Internal: the JSON shapes of the API (described in openapi.cpp), from workflow values.
#pragma once

#include <string>

#include "store/records.h"
#include "web/json_out.h"

namespace mkrp::workflow {
struct ApplicationView;
struct QueueResult;
struct Session;
struct SignedIn;
}  // namespace mkrp::workflow

namespace mkrp::web::detail {

// "2025-01-31T09:30:00.000Z"
std::string isoTime(store::TimePoint at);

// {"id","agency_id","type","status","round","created_at","updated_at","submitted_at",
//  "decided_at","assignee"}
void writeApplication(JsonOut& out, const store::Application& application);
std::string applicationJson(const store::Application& application);
// [application, ...]
std::string applicationsJson(const std::vector<store::Application>& applications);

// {"id","filename","format","size","status","message","round","uploaded_at","checked_at"}
void writeDocument(JsonOut& out, const store::DocumentRecord& document);
std::string documentJson(const store::DocumentRecord& document);

// {"filename","size","round","uploaded_at"}: a stored training roster.
void writeRoster(JsonOut& out, const store::RosterRecord& roster);
std::string rosterJson(const store::RosterRecord& roster);

// {"item","decision","comment","overridden_status","round","decided_at"}
void writeDecision(JsonOut& out, const store::ItemDecision& decision);
std::string decisionJson(const store::ItemDecision& decision);

// The application fields plus "agency", "documents_round", "documents", "roster" (or null),
// "precheck" (with the training items),
// "reviewer_message", "decisions" and "changes_since_previous_round"
// ([{"item","previous_status","status","evidence_changed"}]).
std::string viewJson(const workflow::ApplicationView& view);

// [{"id","agency","agency_id","kind","state","type","status","round","submitted_at",
//   "waiting_seconds","assignee"}]
std::string queueJson(const workflow::QueueResult& queue);

// {"csrf","expires_at","user":{"id","email","role","agency_id"}}
std::string sessionJson(const workflow::Session& session);

}  // namespace mkrp::web::detail
