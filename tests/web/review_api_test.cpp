// The reviewer's endpoints, and one application from draft to approval through the API.
#include <catch2/catch.hpp>

#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

using workflow::testing::fakePdf;

struct Review : Service {
  store::Agency harlow = addAgency("Harlow PD");
  workflow::Actor staff = addStaff(harlow.id, "a@harlow.test");
  workflow::Actor reviewer = addReviewer("reviewer@mkrp.test");
  workflow::Actor second = addReviewer("second@mkrp.test");
  Client agency = signedIn("a@harlow.test");
  Client r1 = signedIn("reviewer@mkrp.test");
  Client r2 = signedIn("second@mkrp.test");

  std::string submittedPath() {
    const store::Application application = submitted(staff);
    return "/applications/" + std::to_string(application.id);
  }
};

std::string status(const Reply& reply) { return reply.object()->getValue<std::string>("status"); }

TEST_CASE("GET /queue lists submissions with agency, kind, type, round and age", "[web]") {
  Review s;
  const std::string path = s.submittedPath();
  s.clock.advance(std::chrono::minutes(3));
  const Reply reply = s.r1.get(api("/queue"));
  REQUIRE(reply.status == 200);
  CHECK(reply.header("X-Total-Count") == "1");
  const Poco::JSON::Object::Ptr entry = reply.array()->getObject(0);
  CHECK("/applications/" + std::to_string(entry->getValue<store::Id>("id")) == path);
  CHECK(entry->getValue<std::string>("agency") == "Harlow PD");
  CHECK(entry->getValue<std::string>("kind") == "le");
  CHECK(entry->getValue<std::string>("type") == "initial");
  CHECK(entry->getValue<int>("round") == 1);
  CHECK(entry->getValue<int>("waiting_seconds") == 180);
  CHECK(entry->isNull("assignee"));
  CHECK(s.r1.get(api("/queue?kind=psap")).array()->size() == 0);
  CHECK(s.r1.get(api("/queue?kind=le&round=1")).array()->size() == 1);
}

TEST_CASE("GET /queue with a bad filter is 400", "[web]") {
  Review s;
  const Reply reply = s.r1.get(api("/queue?kind=fire"));
  CHECK(reply.status == 400);
  CHECK(reply.error() == "\"kind\" must be one of le, psap, not \"fire\".");
  CHECK(s.r1.get(api("/queue?limit=ten")).status == 400);
}

TEST_CASE("agency staff get 403 from the queue and the reviewer actions", "[web]") {
  Review s;
  const std::string path = s.submittedPath();
  CHECK(s.agency.get(api("/queue")).status == 403);
  CHECK(s.agency.post(api(path + "/claim")).status == 403);
  CHECK(s.agency.post(api(path + "/release")).status == 403);
  CHECK(s.agency.put(api(path + "/items/LE-01"), R"({"decision":"accepted"})").status == 403);
  CHECK(s.agency.post(api(path + "/decision"), R"({"decision":"approve"})").status == 403);
}

TEST_CASE("reviewers get 403 from the agency actions", "[web]") {
  Review s;
  const std::string path = s.submittedPath();
  CHECK(s.r1.post(api("/applications"), R"({"type":"initial"})").status == 403);
  CHECK(s.r1.post(api(path + "/submit")).status == 403);
  CHECK(s.r1.upload(api(path + "/documents"), "a.pdf", fakePdf("x")).status == 403);
  CHECK(s.r1.get(api("/applications")).status == 403);
}

TEST_CASE("a double claim is 409 and a release frees the application", "[web]") {
  Review s;
  const std::string path = s.submittedPath();
  const Reply claimed = s.r1.post(api(path + "/claim"));
  REQUIRE(claimed.status == 200);
  CHECK(status(claimed) == "in_review");
  CHECK(claimed.object()->getValue<store::Id>("assignee") == s.reviewer.userId);
  const Reply second = s.r2.post(api(path + "/claim"));
  CHECK(second.status == 409);
  CHECK_FALSE(second.error().empty());
  CHECK(s.r2.post(api(path + "/release")).status == 409);
  CHECK(s.r1.post(api(path + "/release")).status == 200);
  CHECK(s.r2.post(api(path + "/claim")).status == 200);
}

TEST_CASE("PUT items needs the claim, a known item, and a comment when deficient", "[web]") {
  Review s;
  const std::string path = s.submittedPath();
  CHECK(s.r1.put(api(path + "/items/LE-01"), R"({"decision":"accepted"})").status == 409);
  s.r1.post(api(path + "/claim"));
  CHECK(s.r1.put(api(path + "/items/LE-01"), R"({"decision":"deficient"})").status == 400);
  CHECK(s.r1.put(api(path + "/items/NOPE-1"), R"({"decision":"accepted"})").status == 404);
  CHECK(s.r1.put(api(path + "/items/LE-01"), R"({"decision":"maybe"})").status == 400);
  CHECK(s.r1.put(api(path + "/items/LE-01"), R"({"decision": 3})").status == 400);
  const Reply accepted = s.r1.put(api(path + "/items/LE-01"), R"({"decision":"accepted"})");
  REQUIRE(accepted.status == 200);
  CHECK(accepted.object()->getValue<std::string>("overridden_status") == "missing");
}

TEST_CASE("a return without a message is 400", "[web]") {
  Review s;
  const std::string path = s.submittedPath();
  s.r1.post(api(path + "/claim"));
  s.r1.put(api(path + "/items/LE-01"), R"({"decision":"deficient","comment":"Missing."})");
  const Reply reply = s.r1.post(api(path + "/decision"), R"({"decision":"return"})");
  CHECK(reply.status == 400);
  CHECK(reply.error() ==
        "Write a message to the agency saying what to change before returning "
        "the application.");
}

TEST_CASE("a decision that is neither approve nor return is 400", "[web]") {
  Review s;
  const std::string path = s.submittedPath();
  s.r1.post(api(path + "/claim"));
  const Reply reply = s.r1.post(api(path + "/decision"), R"({"decision":"reject"})");
  CHECK(reply.status == 400);
  CHECK(reply.error() == "\"decision\" must be one of approve, return, not \"reject\".");
}

TEST_CASE("an application goes from draft to approval through the API", "[web]") {
  Review s;
  // The agency prepares and submits.
  const Reply created = s.agency.post(api("/applications"), R"({"type":"initial"})");
  const std::string path =
      "/applications/" + std::to_string(created.object()->getValue<store::Id>("id"));
  REQUIRE(s.agency.upload(api(path + "/documents"), "GO 41.pdf", fakePdf("Policy.")).status == 201);
  s.runJobs();
  REQUIRE(s.agency.post(api(path + "/submit")).status == 200);
  // The reviewer returns it with one deficient item.
  REQUIRE(s.r1.post(api(path + "/claim")).status == 200);
  REQUIRE(s.r1.put(api(path + "/items/LE-01"),
                   R"({"decision":"deficient","comment":"Say who is notified."})")
              .status == 200);
  const Reply returned =
      s.r1.post(api(path + "/decision"), R"({"decision":"return","message":"See LE-01."})");
  REQUIRE(returned.status == 200);
  CHECK(status(returned) == "returned");
  // The agency reads the return and resubmits a new document.
  const Poco::JSON::Object::Ptr view = s.agency.get(api(path)).object();
  CHECK(view->getValue<std::string>("reviewer_message") == "See LE-01.");
  CHECK(view->getArray("decisions")->getObject(0)->getValue<std::string>("comment") ==
        "Say who is notified.");
  CHECK(view->getValue<int>("documents_round") == 2);
  const std::string kept =
      std::to_string(view->getArray("documents")->getObject(0)->getValue<store::Id>("id"));
  REQUIRE(s.agency.remove(api(path + "/documents/" + kept)).status == 204);
  REQUIRE(s.agency.upload(api(path + "/documents"), "GO 41 rev.pdf", fakePdf("Revised.")).status ==
          201);
  s.runJobs();
  const Reply resubmitted = s.agency.post(api(path + "/submit"));
  REQUIRE(resubmitted.status == 200);
  CHECK(resubmitted.object()->getValue<int>("round") == 2);
  CHECK(s.r2.get(api(path)).object()->getArray("changes_since_previous_round"));
  // Another reviewer approves round 2.
  REQUIRE(s.r2.post(api(path + "/claim")).status == 200);
  REQUIRE(s.r2.put(api(path + "/items/LE-01"), R"({"decision":"accepted"})").status == 200);
  const Reply approved = s.r2.post(api(path + "/decision"), R"({"decision":"approve"})");
  REQUIRE(approved.status == 200);
  CHECK(status(approved) == "approved");
  CHECK(status(s.agency.get(api(path))) == "approved");
  CHECK(s.store.memberships().activeForAgency(s.harlow.id));
}

}  // namespace
}  // namespace mkrp::web::testing
