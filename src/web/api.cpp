#include "web/api.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/NumberParser.h>

#include "web/api_json.h"
#include "web/client_address.h"
#include "web/exchange.h"
#include "web/router.h"
#include "web/security.h"
#include "web/upload.h"
#include "workflow/accounts.h"
#include "workflow/applications.h"
#include "workflow/errors.h"

namespace mkrp::web::detail {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;
using workflow::InvalidRequestException;

constexpr std::string_view kPrefix = "/api/v1";
constexpr std::string_view kCsvType = "text/csv; charset=utf-8";

std::string path(std::string_view rest) { return std::string(kPrefix) + std::string(rest); }

// Parses an enum field with one of the store's parse functions, as a 400 when it is not known.
template <typename Parse>
auto parseChoice(Parse parse, const std::string& text, std::string_view field,
                 std::string_view choices) {
  try {
    return parse(text);
  } catch (const Poco::DataFormatException&) {
    throw InvalidRequestException("\"" + std::string(field) + "\" must be one of " +
                                  std::string(choices) + ", not \"" + text + "\".");
  }
}

int intQuery(const Exchange& exchange, std::string_view name, int fallback) {
  const std::optional<std::string> text = exchange.query(name);
  if (!text) return fallback;
  int value = 0;
  if (!Poco::NumberParser::tryParse(*text, value)) {
    throw InvalidRequestException("The query parameter \"" + std::string(name) +
                                  "\" must be a whole number.");
  }
  return value;
}

bool flagQuery(const Exchange& exchange, std::string_view name) {
  const std::optional<std::string> text = exchange.query(name);
  return text && (*text == "1" || *text == "true");
}

store::QueueQuery queueQuery(const Exchange& exchange) {
  store::QueueQuery query;
  if (auto kind = exchange.query("kind")) {
    query.kind = parseChoice(store::parseAgencyKind, *kind, "kind", "le, psap");
  }
  if (auto state = exchange.query("state")) query.state = *state;
  if (auto type = exchange.query("type")) {
    query.type = parseChoice(store::parseApplicationType, *type, "type", "initial, renewal");
  }
  if (exchange.query("round")) query.round = intQuery(exchange, "round", 1);
  if (flagQuery(exchange, "mine")) query.assigneeId = exchange.actor().userId;
  query.unassignedOnly = flagQuery(exchange, "unassigned");
  query.limit = intQuery(exchange, "limit", 50);
  query.offset = intQuery(exchange, "offset", 0);
  return query;
}

void sendNoContent(Exchange& exchange) {
  exchange.response.setStatusAndReason(Status::HTTP_NO_CONTENT);
  exchange.response.setContentLength(0);
  exchange.response.send();
}

// Each handler below is one endpoint; the rules are in the workflow.
class Api {
 public:
  explicit Api(const Services& services) : services_(services) {}

  void login(Exchange& ex) {
    const Poco::JSON::Object::Ptr body = ex.jsonBody();
    const std::string email = stringField(body, "email");
    const std::string password = stringField(body, "password");
    const std::string address = clientAddress(ex.request, ex.options.trustedProxies);
    const workflow::SignedIn in = services_.accounts.signIn(email, password, address);
    if (!ex.sessionToken.empty()) services_.accounts.signOut(ex.sessionToken);
    setSessionCookie(ex.response, in.token, secureCookies(ex));
    const workflow::Session session{workflow::actorOf(in.user), in.user.email, in.csrf,
                                    in.expiresAt};
    ex.sendJson(Status::HTTP_OK, sessionJson(session));
  }

  void logout(Exchange& ex) {
    services_.accounts.signOut(ex.sessionToken);
    clearSessionCookie(ex.response, secureCookies(ex));
    sendNoContent(ex);
  }

  void session(Exchange& ex) {
    ex.actor();
    ex.sendJson(Status::HTTP_OK, sessionJson(*ex.session));
  }

  void listApplications(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK, applicationsJson(services_.applications.listOwn(ex.actor())));
  }

  void createApplication(Exchange& ex) {
    const workflow::Actor& actor = ex.actor();
    const std::string typeText = stringField(ex.jsonBody(), "type", false);
    const store::ApplicationType type =
        typeText.empty()
            ? store::ApplicationType::Initial
            : parseChoice(store::parseApplicationType, typeText, "type", "initial, renewal");
    const store::Application created = services_.applications.create(actor, type);
    ex.response.set("Location", path("/applications/" + std::to_string(created.id)));
    ex.sendJson(Status::HTTP_CREATED, applicationJson(created));
  }

  void getApplication(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK, viewJson(services_.applications.view(ex.actor(), ex.id("id"))));
  }

  void uploadDocument(Exchange& ex) {
    const workflow::Actor& actor = ex.actor();
    const UploadedFile file = readUpload(ex, ex.options.maxUploadBytes);
    const store::DocumentRecord document =
        services_.applications.upload(actor, ex.id("id"), file.filename, file.bytes);
    ex.sendJson(Status::HTTP_CREATED, documentJson(document));
  }

  void removeDocument(Exchange& ex) {
    services_.applications.removeDocument(ex.actor(), ex.id("id"), ex.id("doc"));
    sendNoContent(ex);
  }

  void uploadRoster(Exchange& ex) {
    const workflow::Actor& actor = ex.actor();
    const UploadedFile file =
        readUpload(ex, ex.options.maxRosterBytes,
                   "A training roster is a CSV file with one row per person: check that this is "
                   "the roster, saved as CSV.");
    const store::RosterRecord roster =
        services_.applications.uploadRoster(actor, ex.id("id"), file.filename, file.bytes);
    ex.sendJson(Status::HTTP_OK, rosterJson(roster));
  }

  void getRoster(Exchange& ex) {
    const workflow::RosterDownload roster = services_.applications.roster(ex.actor(), ex.id("id"));
    ex.sendDownload(roster.filename, kCsvType, roster.bytes);
  }

  void removeRoster(Exchange& ex) {
    services_.applications.removeRoster(ex.actor(), ex.id("id"));
    sendNoContent(ex);
  }

  // Public: the template holds no one's data.
  void rosterTemplate(Exchange& ex) {
    const std::string kind = ex.query("kind").value_or("");
    if (kind != "le" && kind != "psap") {
      throw InvalidRequestException(
          "Say which kind of agency the roster is for: ?kind=le (law enforcement) or ?kind=psap "
          "(9-1-1 center)" +
          (kind.empty() ? std::string(".") : ", not \"" + kind + "\"."));
    }
    ex.sendDownload("training-roster-" + kind + ".csv", kCsvType,
                    workflow::rosterTemplate(store::parseAgencyKind(kind)), false);
  }

  void submit(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK,
                applicationJson(services_.applications.submit(ex.actor(), ex.id("id"))));
  }

  void withdraw(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK,
                applicationJson(services_.applications.withdraw(ex.actor(), ex.id("id"))));
  }

  void queue(Exchange& ex) {
    const workflow::Actor& actor = ex.actor();
    const workflow::QueueResult result = services_.applications.queue(actor, queueQuery(ex));
    ex.response.set("X-Total-Count", std::to_string(result.total));
    ex.sendJson(Status::HTTP_OK, queueJson(result));
  }

  void claim(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK,
                applicationJson(services_.applications.claim(ex.actor(), ex.id("id"))));
  }

  void release(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK,
                applicationJson(services_.applications.release(ex.actor(), ex.id("id"))));
  }

  void decideItem(Exchange& ex) {
    const workflow::Actor& actor = ex.actor();
    const Poco::JSON::Object::Ptr body = ex.jsonBody();
    const store::Decision decision = parseChoice(
        store::parseDecision, stringField(body, "decision"), "decision", "accepted, deficient");
    const store::ItemDecision recorded = services_.applications.decideItem(
        actor, ex.id("id"), ex.param("item"), decision, stringField(body, "comment", false));
    ex.sendJson(Status::HTTP_OK, decisionJson(recorded));
  }

  void decide(Exchange& ex) {
    const workflow::Actor& actor = ex.actor();
    const Poco::JSON::Object::Ptr body = ex.jsonBody();
    const std::string choice = stringField(body, "decision");
    if (choice != "approve" && choice != "return") {
      throw InvalidRequestException("\"decision\" must be one of approve, return, not \"" + choice +
                                    "\".");
    }
    const auto decision =
        choice == "approve" ? workflow::FinalDecision::Approve : workflow::FinalDecision::Return;
    const store::Application decided = services_.applications.decide(
        actor, ex.id("id"), decision, stringField(body, "message", false));
    ex.sendJson(Status::HTTP_OK, applicationJson(decided));
  }

  void openApi(Exchange& ex) {
    ex.send(Status::HTTP_OK, "application/json; charset=utf-8", openApiJson());
  }

 private:
  bool secureCookies(const Exchange& ex) const {
    return ex.options.secureCookies || ex.request.secure();
  }

  Services services_;
};

}  // namespace

void addApiRoutes(Router& router, const Services& services) {
  auto api = std::make_shared<Api>(services);
  const auto bind = [&](std::string method, std::string_view rest,
                        void (Api::*handler)(Exchange&)) {
    router.add(std::move(method), path(rest),
               [api, handler](Exchange& ex) { ((*api).*handler)(ex); });
  };
  bind("POST", "/login", &Api::login);
  bind("POST", "/logout", &Api::logout);
  bind("GET", "/session", &Api::session);
  bind("GET", "/applications", &Api::listApplications);
  bind("POST", "/applications", &Api::createApplication);
  bind("GET", "/applications/{id}", &Api::getApplication);
  bind("POST", "/applications/{id}/documents", &Api::uploadDocument);
  bind("DELETE", "/applications/{id}/documents/{doc}", &Api::removeDocument);
  bind("PUT", "/applications/{id}/roster", &Api::uploadRoster);
  bind("POST", "/applications/{id}/roster", &Api::uploadRoster);
  bind("GET", "/applications/{id}/roster", &Api::getRoster);
  bind("DELETE", "/applications/{id}/roster", &Api::removeRoster);
  bind("GET", "/roster-template.csv", &Api::rosterTemplate);
  bind("POST", "/applications/{id}/submit", &Api::submit);
  bind("POST", "/applications/{id}/withdraw", &Api::withdraw);
  bind("GET", "/queue", &Api::queue);
  bind("POST", "/applications/{id}/claim", &Api::claim);
  bind("POST", "/applications/{id}/release", &Api::release);
  bind("PUT", "/applications/{id}/items/{item}", &Api::decideItem);
  bind("POST", "/applications/{id}/decision", &Api::decide);
  bind("GET", "/openapi.json", &Api::openApi);
}

}  // namespace mkrp::web::detail
