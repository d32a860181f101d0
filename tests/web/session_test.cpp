// Signing in and out, the session cookie, CSRF, rate limiting and the security headers.
#include <Poco/Logger.h>

#include <catch2/catch.hpp>

#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

using workflow::testing::kPassword;

struct People : Service {
  store::Agency harlow = addAgency("Harlow PD");
  workflow::Actor staff = addStaff(harlow.id, "a@harlow.test");
  workflow::Actor reviewer = addReviewer("reviewer@mkrp.test");
};

std::string loginBody(const std::string& email, std::string_view password) {
  return R"({"email":")" + email + R"(","password":")" + std::string(password) + R"("})";
}

TEST_CASE("signing in sets an HttpOnly SameSite=Strict cookie and returns the CSRF token",
          "[web]") {
  People s;
  Client c = s.client();
  const Reply reply = c.login("a@harlow.test", std::string(kPassword));
  REQUIRE(reply.status == 200);
  const std::string setCookie = reply.header("Set-Cookie");
  CHECK_THAT(setCookie, Catch::StartsWith("mkrp_session=" + c.cookie));
  CHECK_THAT(setCookie, Catch::Contains("HttpOnly"));
  CHECK_THAT(setCookie, Catch::Contains("SameSite=Strict"));
  CHECK_THAT(setCookie, Catch::Contains("path=/"));
  CHECK_THAT(setCookie, !Catch::Contains("secure", Catch::CaseSensitive::No));
  CHECK(c.csrf.size() == 64);
  const Poco::JSON::Object::Ptr user = reply.object()->getObject("user");
  CHECK(user->getValue<std::string>("role") == "agency");
  CHECK(user->getValue<store::Id>("agency_id") == s.harlow.id);
}

TEST_CASE("the cookie is Secure when the service is configured for TLS", "[web]") {
  workflow::testing::Fixture f;
  f.addReviewer("reviewer@mkrp.test");
  ServerOptions options = testServerOptions(1 << 20);
  options.secureCookies = true;
  Server server(Services{f.accounts, f.applications, nullptr}, options,
                Poco::Logger::get("test.web"));
  server.start();
  Client c(server.port());
  const Reply reply = c.login("reviewer@mkrp.test", std::string(kPassword));
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.header("Set-Cookie"), Catch::Contains("secure", Catch::CaseSensitive::No));
}

TEST_CASE("a wrong password is 401 with a message that names neither part", "[web]") {
  People s;
  Client c = s.client();
  const Reply reply = c.post(api("/login"), loginBody("a@harlow.test", "not the password"));
  CHECK(reply.status == 401);
  CHECK(reply.error() == "The email address or the password is not right. Try again.");
  CHECK(reply.header("Set-Cookie").empty());
}

TEST_CASE("repeated failed sign-ins are refused with 429", "[web]") {
  People s;
  Client c = s.client();
  for (int i = 0; i < 5; ++i) {
    REQUIRE(c.post(api("/login"), loginBody("a@harlow.test", "not the password")).status == 401);
  }
  const Reply reply = c.post(api("/login"), loginBody("a@harlow.test", kPassword));
  CHECK(reply.status == 429);
  CHECK_THAT(reply.error(), Catch::StartsWith("Too many failed sign-ins."));
}

TEST_CASE("a sign-in body that is not JSON is 400", "[web]") {
  People s;
  const Reply reply = s.client().post(api("/login"), "{\"email\": ");
  CHECK(reply.status == 400);
  CHECK(reply.error() == "The request body is not valid JSON.");
}

TEST_CASE("a sign-in body that is a JSON array is 400", "[web]") {
  People s;
  const Reply reply = s.client().post(api("/login"), "[1,2]");
  CHECK(reply.status == 400);
  CHECK(reply.error() == "The request body must be a JSON object.");
}

TEST_CASE("a sign-in without a password is 400 naming the field", "[web]") {
  People s;
  const Reply reply = s.client().post(api("/login"), R"({"email":"a@harlow.test"})");
  CHECK(reply.status == 400);
  CHECK(reply.error() == "The request needs the field \"password\".");
}

TEST_CASE("a sign-in sent as a form is 415", "[web]") {
  People s;
  const Reply reply = s.client().send("POST", api("/login"), "email=a&password=b",
                                      "application/x-www-form-urlencoded");
  CHECK(reply.status == 415);
  CHECK(reply.error() == "Send the request body as JSON (application/json).");
}

TEST_CASE("the session endpoint tells who is signed in", "[web]") {
  People s;
  Client c = s.signedIn("reviewer@mkrp.test");
  const Reply reply = c.get(api("/session"));
  REQUIRE(reply.status == 200);
  CHECK(reply.object()->getValue<std::string>("csrf") == c.csrf);
  CHECK(reply.object()->getObject("user")->getValue<std::string>("email") == "reviewer@mkrp.test");
}

TEST_CASE("without a session the API answers 401", "[web]") {
  People s;
  const Reply reply = s.client().get(api("/applications"));
  CHECK(reply.status == 401);
  CHECK(reply.error() == "Sign in first.");
}

TEST_CASE("a state-changing request without the CSRF token is 403", "[web]") {
  People s;
  Client c = s.signedIn("a@harlow.test");
  c.sendCsrf = false;
  const Reply reply = c.post(api("/applications"), R"({"type":"initial"})");
  CHECK(reply.status == 403);
  CHECK(reply.error() ==
        "The request lacks its security token (X-CSRF-Token). Reload the page and try again.");
  CHECK(s.store.applications().listForAgency(s.harlow.id).empty());
}

TEST_CASE("a state-changing request with a wrong CSRF token is 403", "[web]") {
  People s;
  Client c = s.signedIn("a@harlow.test");
  c.csrf = std::string(64, 'a');
  CHECK(c.post(api("/applications"), R"({"type":"initial"})").status == 403);
}

TEST_CASE("reading needs no CSRF token", "[web]") {
  People s;
  Client c = s.signedIn("a@harlow.test");
  c.sendCsrf = false;
  CHECK(c.get(api("/applications")).status == 200);
}

TEST_CASE("signing out ends the session and clears the cookie", "[web]") {
  People s;
  Client c = s.signedIn("a@harlow.test");
  const Reply reply = c.post(api("/logout"));
  CHECK(reply.status == 204);
  CHECK_THAT(reply.header("Set-Cookie"), Catch::Contains("expires="));
  CHECK(c.get(api("/applications")).status == 401);
}

TEST_CASE("an expired session is 401", "[web]") {
  People s;
  Client c = s.signedIn("a@harlow.test");
  s.clock.advance(std::chrono::hours(3));
  CHECK(c.get(api("/applications")).status == 401);
}

TEST_CASE("every response carries the security headers", "[web]") {
  People s;
  for (const std::string& path : {std::string("/healthz"), api("/applications"), api("/nowhere")}) {
    const Reply reply = s.client().get(path);
    INFO(path);
    CHECK_THAT(reply.header("Content-Security-Policy"), Catch::Contains("frame-ancestors 'none'"));
    CHECK_THAT(reply.header("Content-Security-Policy"), Catch::Contains("default-src 'self'"));
    CHECK(reply.header("X-Content-Type-Options") == "nosniff");
    CHECK(reply.header("Referrer-Policy") == "no-referrer");
    CHECK(reply.header("X-Frame-Options") == "DENY");
  }
}

}  // namespace
}  // namespace mkrp::web::testing
