#include "service_fixture.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

namespace mkrp::web::testing {

Poco::JSON::Object::Ptr Reply::object() const {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr Reply::array() const {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Array::Ptr>();
}

std::string Reply::error() const { return object()->getValue<std::string>("error"); }

Reply Client::send(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& contentType,
                   const std::map<std::string, std::string>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!cookie.empty()) {
    Poco::Net::NameValueCollection cookies;
    cookies.add("mkrp_session", cookie);
    request.setCookies(cookies);
  }
  const bool changes = method != "GET" && method != "HEAD";
  if (changes && sendCsrf && !csrf.empty()) request.set("X-CSRF-Token", csrf);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!contentType.empty()) request.setContentType(contentType);
  if (changes || !body.empty()) request.setContentLength(static_cast<std::streamsize>(body.size()));
  session.sendRequest(request) << body;
  Reply reply;
  std::istream& in = session.receiveResponse(reply.response);
  Poco::StreamCopier::copyToString(in, reply.body);
  reply.status = static_cast<int>(reply.response.getStatus());
  return reply;
}

Reply Client::get(const std::string& path) { return send("GET", path, "", ""); }

Reply Client::post(const std::string& path, const std::string& json) {
  return send("POST", path, json, "application/json");
}

Reply Client::put(const std::string& path, const std::string& json) {
  return send("PUT", path, json, "application/json");
}

Reply Client::remove(const std::string& path) { return send("DELETE", path, "", ""); }

Reply Client::upload(const std::string& path, const std::string& filename, const std::string& bytes,
                     const std::string& field) {
  const std::string boundary = "----mkrp-test-boundary-7d1f";
  std::string body = "--" + boundary + "\r\n";
  body += "Content-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + boundary + "\r\n";
  body += "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
  body += bytes + "\r\n--" + boundary + "--\r\n";
  return send("POST", path, body, "multipart/form-data; boundary=" + boundary);
}

Reply Client::login(const std::string& email, const std::string& password) {
  Reply reply =
      post(api("/login"), R"({"email":")" + email + R"(","password":")" + password + R"("})");
  if (reply.status == 200) {
    std::vector<Poco::Net::HTTPCookie> cookies;
    reply.response.getCookies(cookies);
    for (const Poco::Net::HTTPCookie& c : cookies) {
      if (c.getName() == "mkrp_session") cookie = c.getValue();
    }
    csrf = reply.object()->getValue<std::string>("csrf");
  }
  return reply;
}

web::ServerOptions testServerOptions(std::uint64_t maxUploadBytes) {
  web::ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 4;
  options.maxUploadBytes = maxUploadBytes;
  return options;
}

namespace {

workflow::AnnotatorOptions mkrpAnnotator() {
  workflow::AnnotatorOptions options;
  options.executable = MKRP_BINARY;
  return options;
}

}  // namespace

Service::Service(std::uint64_t maxUploadBytes)
    : Service(workflow::testing::fakeExtract, maxUploadBytes) {}

Service::Service(workflow::ExtractFunction extract, std::uint64_t maxUploadBytes)
    : Fixture(std::move(extract), maxUploadBytes),
      annotator(applications, store, blobs, workflow::testing::sharedPrechecker(),
                mkrpAnnotator()),
      server(services(), testServerOptions(maxUploadBytes), Poco::Logger::get("test.web")) {
  server.start();
}

Services Service::services() {
  Services wired{accounts, applications, &runner};
  wired.annotator = &annotator;
  return wired;
}

Client Service::signedIn(const std::string& email) {
  Client c = client();
  const Reply reply = c.login(email, std::string(workflow::testing::kPassword));
  if (reply.status != 200) throw Poco::RuntimeException("sign-in failed: " + reply.body);
  return c;
}

std::string api(const std::string& rest) { return "/api/v1" + rest; }

std::string TwoAgencies::created() {
  const Reply reply = c.post(api("/applications"), R"({"type":"initial"})");
  REQUIRE(reply.status == 201);
  return "/applications/" + std::to_string(reply.object()->getValue<store::Id>("id"));
}

}  // namespace mkrp::web::testing
