// The hand-written description of the JSON API. Keep it in step with api.cpp and api_json.h;
// a test checks that every route is described.
#include "web/api.h"

namespace mkrp::web::detail {
namespace {

constexpr std::string_view kOpenApi = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "MKRP Review API",
    "version": "1",
    "description": "Agencies submit directives, the pre-check runs, reviewers approve or return. Sign in with POST /login; the session cookie then identifies you, and every POST, PUT and DELETE must carry the returned csrf value in the X-CSRF-Token header. Errors are {\"error\": message} with 400 bad input, 401 not signed in, 403 wrong role or missing CSRF token, 404 not found (also for another agency's records), 409 not allowed in the current state, 413 too large, 415 unsupported file or body type, 422 a training roster with mistakes (the body adds \"problems\": every one, by row and column), 429 too many sign-in failures."
  },
  "servers": [{"url": "/api/v1"}],
  "components": {
    "securitySchemes": {
      "session": {"type": "apiKey", "in": "cookie", "name": "mkrp_session"},
      "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
    },
    "parameters": {
      "MemberKind": {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["le", "psap"]}},
      "MemberState": {"name": "state", "in": "query", "schema": {"type": "string", "description": "two-letter postal code"}}
    },
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "string"}}},
      "RosterRejected": {"type": "object", "description": "a refused training roster: nothing was stored", "properties": {
        "error": {"type": "string"},
        "problems": {"type": "array", "items": {"type": "object", "properties": {
          "row": {"type": "integer", "description": "as a spreadsheet shows it (the header is row 1); 0 for the whole file"},
          "column": {"type": "string", "description": "the column header as written; empty for the whole row or file"},
          "message": {"type": "string"}}}}}},
      "Roster": {"type": "object", "properties": {
        "filename": {"type": "string"}, "size": {"type": "integer"}, "round": {"type": "integer"},
        "uploaded_at": {"type": "string", "format": "date-time"}}},
      "Member": {"type": "object", "properties": {
        "agency_id": {"type": "integer"}, "name": {"type": "string"},
        "kind": {"type": "string", "enum": ["le", "psap"]}, "city": {"type": "string"}, "state": {"type": "string"},
        "recognized_since": {"type": "string", "format": "date"}, "valid_through": {"type": "string", "format": "date"}}},
      "Verification": {"type": "object", "properties": {
        "code": {"type": "string"}, "status": {"type": "string", "enum": ["valid", "expired", "lapsed", "withdrawn"]},
        "valid": {"type": "boolean"}, "agency": {"type": "string"}, "kind": {"type": "string"},
        "city": {"type": "string"}, "state": {"type": "string"}, "certificate_number": {"type": "string"},
        "recognized_on": {"type": "string", "format": "date"}, "valid_through": {"type": "string", "format": "date"},
        "membership_status": {"type": "string", "enum": ["active", "lapsed", "withdrawn"]},
        "membership_valid_through": {"type": "string", "format": "date"}}},
      "Session": {"type": "object", "properties": {
        "csrf": {"type": "string"}, "expires_at": {"type": "string", "format": "date-time"},
        "user": {"type": "object", "properties": {
          "id": {"type": "integer"}, "email": {"type": "string"},
          "role": {"type": "string", "enum": ["agency", "reviewer", "admin"]},
          "agency_id": {"type": "integer", "nullable": true}}}}},
      "Application": {"type": "object", "properties": {
        "id": {"type": "integer"}, "agency_id": {"type": "integer"},
        "type": {"type": "string", "enum": ["initial", "renewal"]},
        "status": {"type": "string", "enum": ["draft", "submitted", "in_review", "returned", "approved", "withdrawn"]},
        "round": {"type": "integer"},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "submitted_at": {"type": "string", "format": "date-time", "nullable": true},
        "decided_at": {"type": "string", "format": "date-time", "nullable": true},
        "assignee": {"type": "integer", "nullable": true, "description": "the reviewer holding the claim"}}},
      "Document": {"type": "object", "properties": {
        "id": {"type": "integer"}, "filename": {"type": "string"},
        "format": {"type": "string", "enum": ["pdf", "docx", "odt"]}, "size": {"type": "integer"},
        "status": {"type": "string", "enum": ["queued", "extracting", "checked", "unreadable"]},
        "message": {"type": "string", "nullable": true, "description": "why it is unreadable"},
        "round": {"type": "integer"},
        "uploaded_at": {"type": "string", "format": "date-time"},
        "checked_at": {"type": "string", "format": "date-time", "nullable": true}}},
      "Decision": {"type": "object", "properties": {
        "item": {"type": "string"}, "decision": {"type": "string", "enum": ["accepted", "deficient"]},
        "comment": {"type": "string"},
        "overridden_status": {"type": "string", "nullable": true, "description": "the pre-check status this decision goes against"},
        "round": {"type": "integer"}, "decided_at": {"type": "string", "format": "date-time"}}},
      "Precheck": {"type": "object", "description": "the same object `mkrp check --format json` prints", "properties": {
        "kind": {"type": "string"},
        "checklists": {"type": "array", "items": {"type": "object"}},
        "items": {"type": "array", "items": {"type": "object", "properties": {
          "id": {"type": "string"}, "title": {"type": "string"}, "severity": {"type": "string"},
          "status": {"type": "string", "enum": ["met", "partial", "missing", "contradicted", "not_applicable", "could_not_check"]},
          "confidence": {"type": "number"}, "reason": {"type": "string"},
          "evidence": {"type": "array", "items": {"type": "object"}}}}},
        "summary": {"type": "object"}}},
      "ApplicationView": {"allOf": [{"$ref": "#/components/schemas/Application"}, {"type": "object", "properties": {
        "agency": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "kind": {"type": "string", "enum": ["le", "psap"]}, "state": {"type": "string"}, "city": {"type": "string"}}},
        "documents_round": {"type": "integer", "description": "the round of the documents listed: for the agency, the next round while returned"},
        "documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}},
        "roster": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/Roster"}], "description": "the training roster of that round; null when none was uploaded"},
        "precheck": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/Precheck"}], "description": "null until every document is checked; then the directive items followed by the training items (TRN-LE-01.., TRN-PSAP-01.., TRN-REN-..), whose evidence objects name roster rows (\"document\": -1, \"row\", \"label\": \"row N\") and which are missing, asking for the roster, while none is uploaded"},
        "reviewer_message": {"type": "string", "nullable": true},
        "decisions": {"type": "array", "items": {"$ref": "#/components/schemas/Decision"}},
        "changes_since_previous_round": {"type": "array", "description": "from round 2 on: the items whose pre-check status or evidence changed since the previous round", "items": {"type": "object", "properties": {
          "item": {"type": "string"}, "previous_status": {"type": "string", "nullable": true},
          "status": {"type": "string", "nullable": true}, "evidence_changed": {"type": "boolean"}}}}}}]},
      "QueueEntry": {"type": "object", "properties": {
        "id": {"type": "integer"}, "agency": {"type": "string"}, "agency_id": {"type": "integer"},
        "kind": {"type": "string"}, "state": {"type": "string"}, "type": {"type": "string"},
        "status": {"type": "string"}, "round": {"type": "integer"},
        "submitted_at": {"type": "string", "format": "date-time"},
        "waiting_seconds": {"type": "integer"},
        "assignee": {"type": "string", "nullable": true, "description": "the email of the reviewer holding the claim"}}}
    }
  },
  "security": [{"session": [], "csrf": []}],
  "paths": {
    "/login": {"post": {"summary": "Sign in", "security": [],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["email", "password"], "properties": {"email": {"type": "string"}, "password": {"type": "string"}}}}}},
      "responses": {"200": {"description": "signed in; sets the mkrp_session cookie (HttpOnly, SameSite=Strict)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}},
        "401": {"description": "wrong email or password"}, "429": {"description": "too many failures; wait"}}}},
    "/logout": {"post": {"summary": "Sign out", "responses": {"204": {"description": "signed out"}}}},
    "/session": {"get": {"summary": "Who is signed in, and the CSRF token", "responses": {"200": {"description": "the session", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}}, "401": {"description": "not signed in"}}}},
    "/applications": {
      "get": {"summary": "Agency staff: the agency's applications, newest first", "responses": {"200": {"description": "applications", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Application"}}}}}, "403": {"description": "not agency staff"}}},
      "post": {"summary": "Agency staff: start a draft", "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"type": {"type": "string", "enum": ["initial", "renewal"], "default": "initial"}}}}}},
        "responses": {"201": {"description": "the draft", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}}, "409": {"description": "the agency already has an open application"}}}},
    "/applications/{id}": {"get": {"summary": "An application with its documents, pre-check and (once decided) the reviewer's message and item decisions",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "the application", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApplicationView"}}}}, "404": {"description": "no such application, or another agency's"}}}},
    "/applications/{id}/documents": {"post": {"summary": "Agency staff: upload a directive (PDF, DOCX or ODT; the type is read from the content) while draft or returned; its pre-check is queued",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}},
      "responses": {"201": {"description": "stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}}, "409": {"description": "not a draft or returned"}, "413": {"description": "too large"}, "415": {"description": "not a PDF, DOCX or ODT"}}}},
    "/applications/{id}/documents/{doc}": {"delete": {"summary": "Agency staff: remove a document while draft or returned",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, {"name": "doc", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"204": {"description": "removed"}, "409": {"description": "not a draft or returned"}}}},
    "/applications/{id}/documents/{doc}/annotated.pdf": {"get": {"summary": "The submitted PDF with the pre-check's passages highlighted (annotations carry the item and reason); same access as the application",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, {"name": "doc", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "the highlighted PDF, as a download", "content": {"application/pdf": {}}}, "404": {"description": "no such document for you, or not a PDF"}, "409": {"description": "not checked yet"}, "422": {"description": "the file cannot be annotated; the message says why"}}}},
    "/applications/{id}/roster": {
      "put": {"summary": "Agency staff: upload the training roster (CSV, UTF-8 with or without BOM, comma or semicolon, one row per person) while draft or returned; it replaces the roster uploaded before. A file with any mistake is refused whole (422) with every problem",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}},
        "responses": {"200": {"description": "stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Roster"}}}}, "404": {"description": "no such application, or another agency's"}, "409": {"description": "not a draft or returned"}, "413": {"description": "larger than 2 MiB"},
          "422": {"description": "mistakes in the file; nothing was stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RosterRejected"}}}}}},
      "post": {"summary": "The same as PUT, for HTML forms",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}},
        "responses": {"200": {"description": "stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Roster"}}}},
          "422": {"description": "mistakes in the file; nothing was stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RosterRejected"}}}}}},
      "get": {"summary": "The training roster as uploaded: the agency's staff (the round being prepared) and reviewers (the submitted round)",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "the CSV, as a download", "content": {"text/csv": {}}}, "404": {"description": "no roster, or not your agency's"}}},
      "delete": {"summary": "Agency staff: remove the training roster while draft or returned",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"204": {"description": "removed"}, "404": {"description": "no roster"}, "409": {"description": "not a draft or returned"}}}},
    "/roster-template.csv": {"get": {"summary": "Public: the training roster template (columns name, position, assigned and every module code, with example rows for the kind of agency in the accepted forms)", "security": [],
      "parameters": [{"name": "kind", "in": "query", "required": true, "schema": {"type": "string", "enum": ["le", "psap"]}}],
      "responses": {"200": {"description": "the template, as a download", "content": {"text/csv": {}}}, "400": {"description": "kind missing or not le or psap"}}}},
    "/applications/{id}/submit": {"post": {"summary": "Agency staff: submit a draft, or resubmit a returned application as the next round",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "submitted", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}}, "409": {"description": "no documents, a document not checked yet or unreadable, or not a draft or returned"}}}},
    "/applications/{id}/withdraw": {"post": {"summary": "Agency staff: withdraw a draft or a returned application",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "withdrawn", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}}, "409": {"description": "not a draft or returned"}}}},
    "/queue": {"get": {"summary": "Reviewers: submitted and in-review applications, oldest first (total in X-Total-Count)",
      "parameters": [
        {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["le", "psap"]}},
        {"name": "state", "in": "query", "schema": {"type": "string"}},
        {"name": "type", "in": "query", "schema": {"type": "string", "enum": ["initial", "renewal"]}},
        {"name": "round", "in": "query", "schema": {"type": "integer"}},
        {"name": "mine", "in": "query", "schema": {"type": "boolean"}},
        {"name": "unassigned", "in": "query", "schema": {"type": "boolean"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 50, "maximum": 500}},
        {"name": "offset", "in": "query", "schema": {"type": "integer", "default": 0}}],
      "responses": {"200": {"description": "the queue", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/QueueEntry"}}}}}, "403": {"description": "not a reviewer"}}}},
    "/applications/{id}/claim": {"post": {"summary": "Reviewers: claim an application (it goes in review)",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "claimed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}}, "409": {"description": "claimed by another reviewer, or not submitted"}}}},
    "/applications/{id}/release": {"post": {"summary": "Reviewers: give a claim back",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "released", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}}, "409": {"description": "not claimed by you"}}}},
    "/applications/{id}/items/{item}": {"put": {"summary": "Reviewers holding the claim: decide one checklist item",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, {"name": "item", "in": "path", "required": true, "schema": {"type": "string"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["decision"], "properties": {"decision": {"type": "string", "enum": ["accepted", "deficient"]}, "comment": {"type": "string", "description": "required when deficient"}}}}}},
      "responses": {"200": {"description": "recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}}, "404": {"description": "no such item in the pre-check"}, "409": {"description": "not claimed by you"}}}},
    "/applications/{id}/decision": {"post": {"summary": "Reviewers holding the claim: approve, or return with a message (at least one item deficient)",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["decision"], "properties": {"decision": {"type": "string", "enum": ["approve", "return"]}, "message": {"type": "string", "description": "required to return"}}}}}},
      "responses": {"200": {"description": "decided", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Application"}}}}, "400": {"description": "a return without message or deficient item, or an approval with deficient items"}, "409": {"description": "not claimed by you"}}}},
    "/applications/{id}/certificate.pdf": {"get": {"summary": "The certificate of an approved application: the agency's staff, reviewers and admins",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "the certificate", "content": {"application/pdf": {}}}, "404": {"description": "not approved, or not your agency's"}}}},
    "/applications/{id}/media-release.docx": {"get": {"summary": "The media-release template of an approved application: the agency's staff, reviewers and admins",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "the media release", "content": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}, "404": {"description": "not approved, or not your agency's"}}}},
    "/verify/{code}": {"get": {"summary": "Public: whether the certificate with this verification code is valid, for whom, through when (the page is /verify/{code})", "security": [],
      "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "the certificate", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Verification"}}}}, "404": {"description": "no certificate has this code"}}}},
    "/members": {"get": {"summary": "Public: the recognized agencies (active memberships), by state and name", "security": [],
      "parameters": [{"$ref": "#/components/parameters/MemberKind"}, {"$ref": "#/components/parameters/MemberState"}],
      "responses": {"200": {"description": "the members", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Member"}}}}}, "400": {"description": "a bad filter"}}}},
    "/members.csv": {"get": {"summary": "Public: the recognized agencies as CSV (name, kind, city, state, recognized_since, valid_through)", "security": [],
      "parameters": [{"$ref": "#/components/parameters/MemberKind"}, {"$ref": "#/components/parameters/MemberState"}],
      "responses": {"200": {"description": "the members", "content": {"text/csv": {}}}, "400": {"description": "a bad filter"}}}},
    "/members/recognized": {"get": {"summary": "Public: the agencies first recognized between from and to (days, both included) that are members now", "security": [],
      "parameters": [{"$ref": "#/components/parameters/MemberKind"}, {"$ref": "#/components/parameters/MemberState"}, {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
      "responses": {"200": {"description": "the members", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Member"}}}}}, "400": {"description": "a bad filter or date"}}}},
    "/members/recognized.csv": {"get": {"summary": "Public: the same as CSV", "security": [],
      "parameters": [{"$ref": "#/components/parameters/MemberKind"}, {"$ref": "#/components/parameters/MemberState"}, {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
      "responses": {"200": {"description": "the members", "content": {"text/csv": {}}}, "400": {"description": "a bad filter or date"}}}},
    "/agencies/{id}/membership/withdraw": {"post": {"summary": "Admins: end the agency's membership for good; it leaves the public list, its certificates verify as withdrawn, its staff get the reason",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}}}}},
      "responses": {"200": {"description": "withdrawn: membership_id, agency_id, status, recognized_since, valid_through"}, "400": {"description": "no reason"}, "403": {"description": "not an admin"}, "404": {"description": "the agency has no membership"}, "409": {"description": "withdrawn already"}}}},
    "/openapi.json": {"get": {"summary": "This description", "security": [], "responses": {"200": {"description": "OpenAPI 3 JSON"}}}}
  }
})json";

}  // namespace

std::string_view openApiJson() { return kOpenApi; }

}  // namespace mkrp::web::detail
