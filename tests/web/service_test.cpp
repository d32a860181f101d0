// /healthz, /metrics, the OpenAPI description and what an unknown address gets.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <catch2/catch.hpp>

#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

TEST_CASE("GET /healthz answers ok", "[web]") {
  Service s;
  const Reply reply = s.client().get("/healthz");
  CHECK(reply.status == 200);
  CHECK(reply.object()->getValue<std::string>("status") == "ok");
}

TEST_CASE("GET /metrics counts requests by route and shows the queue depth", "[web]") {
  Service s;
  s.client().get("/healthz");
  s.client().get(api("/applications/7"));
  const Reply reply = s.client().get("/metrics");
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.header("Content-Type"), Catch::StartsWith("text/plain; version=0.0.4"));
  CHECK_THAT(reply.body,
             Catch::Contains("mkrp_http_requests_total{route=\"/healthz\",method=\"GET\","
                             "status=\"200\"} 1"));
  CHECK_THAT(reply.body, Catch::Contains("mkrp_http_requests_total{route=\"/api/v1/applications/"
                                         "{id}\",method=\"GET\",status=\"401\"} 1"));
  CHECK_THAT(reply.body, Catch::Contains("mkrp_http_request_duration_seconds_count{route="
                                         "\"/healthz\"} 1"));
  CHECK_THAT(reply.body, Catch::Contains("mkrp_jobs{state=\"queued\"} 0"));
  CHECK_THAT(reply.body, Catch::Contains("mkrp_job_outcomes_total{outcome=\"checked\"} 0"));
}

TEST_CASE("the metrics count job outcomes and queued jobs", "[web]") {
  Service s;
  const store::Agency agency = s.addAgency("Harlow PD");
  const workflow::Actor staff = s.addStaff(agency.id, "a@harlow.test");
  const store::Application draft = s.applications.create(staff, store::ApplicationType::Initial);
  s.applications.upload(staff, draft.id, "a.pdf", workflow::testing::fakePdf("x"));
  CHECK_THAT(s.client().get("/metrics").body, Catch::Contains("mkrp_jobs{state=\"queued\"} 1"));
  s.runJobs();
  const std::string body = s.client().get("/metrics").body;
  CHECK_THAT(body, Catch::Contains("mkrp_jobs{state=\"done\"} 1"));
  CHECK_THAT(body, Catch::Contains("mkrp_job_outcomes_total{outcome=\"checked\"} 1"));
}

TEST_CASE("an unknown address is a JSON 404", "[web]") {
  Service s;
  const Reply reply = s.client().get("/api/v1/nothing/here");
  CHECK(reply.status == 404);
  CHECK(reply.error() == "There is nothing at this address.");
  CHECK_THAT(reply.header("Content-Type"), Catch::StartsWith("application/json"));
}

TEST_CASE("a known address with the wrong method is 405", "[web]") {
  Service s;
  const Reply reply = s.client().send("PATCH", api("/queue"), "", "");
  CHECK(reply.status == 405);
  CHECK(reply.error() == "This address does not take PATCH.");
}

TEST_CASE("a POST without Content-Length has no body and is answered at once", "[web]") {
  Service s;
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", s.server.port()));
  socket.setReceiveTimeout(Poco::Timespan(10, 0));
  const std::string request =
      "POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\r\n";
  socket.sendBytes(request.data(), static_cast<int>(request.size()));
  char buffer[4096];
  const int received = socket.receiveBytes(buffer, sizeof buffer);  // throws on the timeout
  const std::string response(buffer, static_cast<std::size_t>(std::max(received, 0)));
  CHECK_THAT(response, Catch::StartsWith("HTTP/1.1 400"));
  CHECK_THAT(response, Catch::Contains("The request body is not valid JSON."));
}

// Every route of the API, as "METHOD path" in OpenAPI spelling (under /api/v1).
const std::vector<std::pair<std::string, std::string>> kRoutes = {
    {"post", "/login"},
    {"post", "/logout"},
    {"get", "/session"},
    {"get", "/applications"},
    {"post", "/applications"},
    {"get", "/applications/{id}"},
    {"post", "/applications/{id}/documents"},
    {"delete", "/applications/{id}/documents/{doc}"},
    {"get", "/applications/{id}/documents/{doc}/annotated.pdf"},
    {"put", "/applications/{id}/roster"},
    {"post", "/applications/{id}/roster"},
    {"get", "/applications/{id}/roster"},
    {"delete", "/applications/{id}/roster"},
    {"get", "/roster-template.csv"},
    {"post", "/applications/{id}/submit"},
    {"post", "/applications/{id}/withdraw"},
    {"get", "/queue"},
    {"post", "/applications/{id}/claim"},
    {"post", "/applications/{id}/release"},
    {"put", "/applications/{id}/items/{item}"},
    {"post", "/applications/{id}/decision"},
    {"get", "/applications/{id}/certificate.pdf"},
    {"get", "/applications/{id}/media-release.docx"},
    {"get", "/verify/{code}"},
    {"get", "/members"},
    {"get", "/members.csv"},
    {"get", "/members/recognized"},
    {"get", "/members/recognized.csv"},
    {"post", "/agencies/{id}/membership/withdraw"},
    {"get", "/openapi.json"},
};

TEST_CASE("GET /api/v1/openapi.json describes every route", "[web]") {
  Service s;
  const Reply reply = s.client().get(api("/openapi.json"));
  REQUIRE(reply.status == 200);
  const Poco::JSON::Object::Ptr paths = reply.object()->getObject("paths");
  std::size_t operations = 0;
  for (const auto& [path, item] : *paths) {
    operations += item.extract<Poco::JSON::Object::Ptr>()->size();
  }
  CHECK(operations == kRoutes.size());
  for (const auto& [method, path] : kRoutes) {
    INFO(method << " " << path);
    REQUIRE(paths->has(path));
    CHECK(paths->getObject(path)->has(method));
  }
}

TEST_CASE("every route in the description exists on the server", "[web]") {
  Service s;
  for (const auto& [method, path] : kRoutes) {
    std::string concrete = path;
    for (const auto& [name, value] :
         {std::pair{"{id}", "1"}, {"{doc}", "1"}, {"{item}", "LE-01"}}) {
      if (const auto at = concrete.find(name); at != std::string::npos) {
        concrete.replace(at, std::string(name).size(), value);
      }
    }
    std::string upper = method;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const Reply reply = s.client().send(upper, api(concrete), "", "");
    INFO(upper << " " << concrete << " -> " << reply.status << " " << reply.body);
    CHECK(reply.status != 405);
    CHECK(reply.body.find("nothing at this address") == std::string::npos);
  }
}

}  // namespace
}  // namespace mkrp::web::testing
