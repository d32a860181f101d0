// The web tests' harness: the real HTTPServer on 127.0.0.1 with port 0, over the workflow test
// fixture, and a small client that keeps the session cookie and the CSRF token.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>

#include <map>
#include <string>
#include <string_view>

#include "web/server.h"
#include "workflow/pdf_annotator.h"
#include "workflow_testing.h"

namespace mkrp::web::testing {

struct Reply {
  int status = 0;
  std::string body;
  Poco::Net::HTTPResponse response;

  Poco::JSON::Object::Ptr object() const;
  Poco::JSON::Array::Ptr array() const;
  // The "error" of an error reply.
  std::string error() const;
  std::string header(const std::string& name) const { return response.get(name, ""); }
};

class Client {
 public:
  explicit Client(std::uint16_t port) : port_(port) {}

  Reply get(const std::string& path);
  Reply post(const std::string& path, const std::string& json = "{}");
  Reply put(const std::string& path, const std::string& json);
  Reply remove(const std::string& path);
  // A multipart/form-data upload with the file in `field`.
  Reply upload(const std::string& path, const std::string& filename, const std::string& bytes,
               const std::string& field = "file");
  Reply send(const std::string& method, const std::string& path, const std::string& body,
             const std::string& contentType,
             const std::map<std::string, std::string>& headers = {});

  // Signs in; on success keeps the cookie and the CSRF token for the following requests.
  Reply login(const std::string& email, const std::string& password);

  std::string cookie;  // the session token, sent as the mkrp_session cookie
  std::string csrf;    // sent as X-CSRF-Token on state-changing requests when sendCsrf
  bool sendCsrf = true;

 private:
  std::uint16_t port_;
};

web::ServerOptions testServerOptions(std::uint64_t maxUploadBytes);

struct Service : workflow::testing::Fixture {
  explicit Service(std::uint64_t maxUploadBytes = 1 << 20);
  // The same with `extract` reading the documents in the jobs (e.g. the real readers).
  Service(workflow::ExtractFunction extract, std::uint64_t maxUploadBytes);

  Client client() { return Client(server.port()); }
  // What the server is wired with (the annotator included).
  Services services();
  // A client signed in as `email` (with the test password).
  Client signedIn(const std::string& email);

  workflow::PdfAnnotator annotator;  // runs the built `mkrp` as its sandboxed child
  Server server;
};

// "/api/v1" + rest.
std::string api(const std::string& rest);

// Two agencies with a staff account each, Harlow's signed in as `c`: for tests of what agency
// staff do and of what another agency may not see.
struct TwoAgencies : Service {
  explicit TwoAgencies(std::uint64_t maxUploadBytes = 1 << 20) : Service(maxUploadBytes) {}

  // A new draft of Harlow's, created through the API; returns its path under /api/v1.
  std::string created();

  store::Agency harlow = addAgency("Harlow PD");
  workflow::Actor staff = addStaff(harlow.id, "a@harlow.test");
  store::Agency calder = addAgency("Calder County SO");
  workflow::Actor otherStaff = addStaff(calder.id, "a@calder.test");
  Client c = signedIn("a@harlow.test");
};

}  // namespace mkrp::web::testing
