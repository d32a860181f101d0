// The agency's endpoints: applications, uploads, the view with its pre-check, submit, withdraw.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>

#include <catch2/catch.hpp>

#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

using workflow::testing::fakePdf;

using Agency = TwoAgencies;

TEST_CASE("POST /applications starts a draft", "[web]") {
  Agency s;
  const Reply reply = s.c.post(api("/applications"), R"({"type":"renewal"})");
  REQUIRE(reply.status == 201);
  const Poco::JSON::Object::Ptr application = reply.object();
  CHECK(application->getValue<std::string>("status") == "draft");
  CHECK(application->getValue<std::string>("type") == "renewal");
  CHECK(application->getValue<int>("round") == 1);
  CHECK(reply.header("Location") ==
        api("/applications/" + std::to_string(application->getValue<store::Id>("id"))));
}

TEST_CASE("POST /applications with an unknown type is 400", "[web]") {
  Agency s;
  const Reply reply = s.c.post(api("/applications"), R"({"type":"permanent"})");
  CHECK(reply.status == 400);
  CHECK(reply.error() == "\"type\" must be one of initial, renewal, not \"permanent\".");
}

TEST_CASE("a second open application is 409", "[web]") {
  Agency s;
  s.created();
  const Reply reply = s.c.post(api("/applications"), R"({"type":"initial"})");
  CHECK(reply.status == 409);
  CHECK_FALSE(reply.error().empty());
}

TEST_CASE("an upload is 201 and its pre-check shows once checked", "[web]") {
  Agency s;
  const std::string path = s.created();
  const Reply uploaded = s.c.upload(api(path + "/documents"), "../GO 41.pdf", fakePdf("Policy."));
  REQUIRE(uploaded.status == 201);
  CHECK(uploaded.object()->getValue<std::string>("filename") == "GO 41.pdf");
  CHECK(uploaded.object()->getValue<std::string>("status") == "queued");
  Reply view = s.c.get(api(path));
  REQUIRE(view.status == 200);
  CHECK(view.object()->isNull("precheck"));
  s.runJobs();
  view = s.c.get(api(path));
  const Poco::JSON::Object::Ptr application = view.object();
  CHECK(application->getArray("documents")->getObject(0)->getValue<std::string>("status") ==
        "checked");
  const Poco::JSON::Array::Ptr items = application->getObject("precheck")->getArray("items");
  REQUIRE(items->size() > 0);
  CHECK(items->getObject(0)->has("status"));
  CHECK(items->getObject(0)->has("evidence"));
}

TEST_CASE("an unreadable document shows its message", "[web]") {
  Agency s;
  const std::string path = s.created();
  s.c.upload(api(path + "/documents"), "bad.pdf", fakePdf("DAMAGED"));
  s.runJobs();
  const Poco::JSON::Object::Ptr document =
      s.c.get(api(path)).object()->getArray("documents")->getObject(0);
  CHECK(document->getValue<std::string>("status") == "unreadable");
  CHECK(document->getValue<std::string>("message") ==
        "The PDF is damaged. Save it again and upload it.");
}

TEST_CASE("an upload over the limit is 413", "[web]") {
  Agency s(4096);
  const std::string path = s.created();
  const Reply reply =
      s.c.upload(api(path + "/documents"), "big.pdf", fakePdf(std::string(5000, 'x')));
  CHECK(reply.status == 413);
  CHECK(reply.error() ==
        "The file is larger than the 1 MiB allowed. Remove scanned images or "
        "split the directive into smaller files.");
  CHECK(s.store.documents().listForRound(1, 1).empty());
}

TEST_CASE("an upload announcing a huge body is refused before it is sent", "[web]") {
  Agency s(4096);
  const std::string path = s.created();
  Poco::Net::HTTPClientSession session("127.0.0.1", s.server.port());
  Poco::Net::HTTPRequest request("POST", api(path + "/documents"), "HTTP/1.1");
  request.setContentType("multipart/form-data; boundary=x");
  request.setContentLength(1LL << 30);
  request.set("Cookie", "mkrp_session=" + s.c.cookie);
  request.set("X-CSRF-Token", s.c.csrf);
  session.sendRequest(request);  // the body never follows
  Poco::Net::HTTPResponse response;
  std::string body;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
  CHECK(response.getStatus() == Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
  CHECK_FALSE(response.getKeepAlive());
}

TEST_CASE("an upload of an image is 415 and says what to send", "[web]") {
  Agency s;
  const std::string path = s.created();
  const Reply reply =
      s.c.upload(api(path + "/documents"), "policy.pdf", workflow::testing::pngBytes());
  CHECK(reply.status == 415);
  CHECK(reply.error() ==
        "This file is an image. Upload the directive as a PDF, a Word document "
        "(.docx) or an OpenDocument text (.odt).");
}

TEST_CASE("an upload without the file field is 400", "[web]") {
  Agency s;
  const std::string path = s.created();
  const Reply reply = s.c.upload(api(path + "/documents"), "a.pdf", fakePdf("x"), "attachment");
  CHECK(reply.status == 400);
  CHECK(reply.error() == "Send the document as a file in the form field named \"file\".");
}

TEST_CASE("an upload sent as JSON is 415", "[web]") {
  Agency s;
  const std::string path = s.created();
  const Reply reply = s.c.post(api(path + "/documents"), R"({"file":"x"})");
  CHECK(reply.status == 415);
}

TEST_CASE("DELETE removes a draft's document", "[web]") {
  Agency s;
  const std::string path = s.created();
  const Reply uploaded = s.c.upload(api(path + "/documents"), "a.pdf", fakePdf("x"));
  const std::string doc = std::to_string(uploaded.object()->getValue<store::Id>("id"));
  CHECK(s.c.remove(api(path + "/documents/" + doc)).status == 204);
  CHECK(s.c.get(api(path)).object()->getArray("documents")->size() == 0);
  CHECK(s.c.remove(api(path + "/documents/" + doc)).status == 404);
}

TEST_CASE("submit before the checks finish is 409", "[web]") {
  Agency s;
  const std::string path = s.created();
  s.c.upload(api(path + "/documents"), "GO 41.pdf", fakePdf("x"));
  const Reply reply = s.c.post(api(path + "/submit"));
  CHECK(reply.status == 409);
  CHECK(reply.error() ==
        "'GO 41.pdf' is still being checked. Submit when every document shows its pre-check.");
}

TEST_CASE("submit after the checks is 200 and the documents are then fixed", "[web]") {
  Agency s;
  const std::string path = s.created();
  const Reply uploaded = s.c.upload(api(path + "/documents"), "a.pdf", fakePdf("x"));
  s.runJobs();
  const Reply reply = s.c.post(api(path + "/submit"));
  REQUIRE(reply.status == 200);
  CHECK(reply.object()->getValue<std::string>("status") == "submitted");
  const std::string doc = std::to_string(uploaded.object()->getValue<store::Id>("id"));
  CHECK(s.c.remove(api(path + "/documents/" + doc)).status == 409);
  CHECK(s.c.upload(api(path + "/documents"), "b.pdf", fakePdf("x")).status == 409);
}

TEST_CASE("withdraw ends a draft", "[web]") {
  Agency s;
  const std::string path = s.created();
  const Reply reply = s.c.post(api(path + "/withdraw"));
  REQUIRE(reply.status == 200);
  CHECK(reply.object()->getValue<std::string>("status") == "withdrawn");
}

TEST_CASE("another agency's application is 404 on every endpoint", "[web]") {
  Agency s;
  const std::string path = s.created();
  Client other = s.signedIn("a@calder.test");
  CHECK(other.get(api(path)).status == 404);
  CHECK(other.upload(api(path + "/documents"), "a.pdf", fakePdf("x")).status == 404);
  CHECK(other.post(api(path + "/submit")).status == 404);
  CHECK(other.post(api(path + "/withdraw")).status == 404);
  CHECK(other.remove(api(path + "/documents/1")).status == 404);
  // The same answer as for an application that does not exist at all.
  CHECK(other.get(api(path)).error() == "There is no application " + path.substr(14) + ".");
  CHECK(other.get(api("/applications/424242")).error() == "There is no application 424242.");
}

TEST_CASE("an id that is not a number is 404", "[web]") {
  Agency s;
  CHECK(s.c.get(api("/applications/abc")).status == 404);
  CHECK(s.c.get(api("/applications/-1")).status == 404);
}

TEST_CASE("GET /applications lists the agency's own", "[web]") {
  Agency s;
  s.created();
  Client other = s.signedIn("a@calder.test");
  CHECK(s.c.get(api("/applications")).array()->size() == 1);
  CHECK(other.get(api("/applications")).array()->size() == 0);
}

}  // namespace
}  // namespace mkrp::web::testing
