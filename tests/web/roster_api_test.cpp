// The training roster endpoints: upload (every problem of a bad file by row and column), the CSV
// back, removal, the template, and the training items in the application's pre-check.
#include <catch2/catch.hpp>

#include "check/roster/roster.h"
#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

using workflow::testing::fakePdf;

// The fixture's clock starts on 2023-11-14; every date below is before it.
const std::string kGoodRoster =
    "name;position;assigned;MECINTRO;MECPAT;CEOMEC\r\n"
    "Dana Chief;Sheriff;2015-01-05;;;2016-03-01\r\n"
    "Officer Partway;Deputy;2021-05-01;2021-06-01;;\r\n";

const std::string kBadRoster =
    "name,position,assigned,MECINTRO,MECPAT\n"
    "Ann Able,janitor,,2020-01-01,\n"
    "Bob Baker,officer,2021-02-30,,\n"
    "Ann Able,officer,,,\n";

struct Roster : TwoAgencies {
  // A multipart PUT, as a script would send it.
  Reply putFile(const std::string& path, const std::string& filename, const std::string& bytes) {
    const std::string boundary = "----mkrp-roster-boundary";
    const std::string body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
        filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    return c.send("PUT", path, body, "multipart/form-data; boundary=" + boundary);
  }
};

TEST_CASE("PUT /applications/{id}/roster stores the roster and GET returns it", "[web]") {
  Roster s;
  const std::string path = s.created();
  const Reply stored = s.putFile(api(path + "/roster"), "roster.csv", kGoodRoster);
  REQUIRE(stored.status == 200);
  CHECK(stored.object()->getValue<std::string>("filename") == "roster.csv");
  CHECK(stored.object()->getValue<int>("round") == 1);
  CHECK(stored.object()->getValue<int>("size") == static_cast<int>(kGoodRoster.size()));
  const Reply back = s.c.get(api(path + "/roster"));
  REQUIRE(back.status == 200);
  CHECK(back.body == kGoodRoster);
  CHECK_THAT(back.header("Content-Type"), Catch::StartsWith("text/csv"));
  CHECK(back.header("Content-Disposition") ==
        "attachment; filename=\"roster.csv\"; filename*=UTF-8''roster.csv");
  CHECK(back.header("Cache-Control") == "private, no-store");
  const Reply view = s.c.get(api(path));
  CHECK(view.object()->getObject("roster")->getValue<std::string>("filename") == "roster.csv");
}

TEST_CASE("POST /applications/{id}/roster takes the same upload as a form", "[web]") {
  Roster s;
  const std::string path = s.created();
  const Reply stored = s.c.upload(api(path + "/roster"), "staff \u00e4.csv", kGoodRoster);
  REQUIRE(stored.status == 200);
  CHECK(stored.object()->getValue<std::string>("filename") == "staff \u00e4.csv");
  // The plain fallback has only ASCII (other bytes become '_'); the exact name is encoded.
  CHECK(s.c.get(api(path + "/roster")).header("Content-Disposition") ==
        "attachment; filename=\"staff __.csv\"; filename*=UTF-8''staff%20%C3%A4.csv");
}

TEST_CASE("a roster with mistakes is 422 with every problem by row and column", "[web]") {
  Roster s;
  const std::string path = s.created();
  const Reply reply = s.c.upload(api(path + "/roster"), "roster.csv", kBadRoster);
  REQUIRE(reply.status == 422);
  CHECK_THAT(reply.error(), Catch::StartsWith("The training roster was not stored: it has 3 "
                                              "problems."));
  const Poco::JSON::Array::Ptr problems = reply.object()->getArray("problems");
  REQUIRE(problems->size() == 3);
  const auto problem = [&](unsigned i) { return problems->getObject(i); };
  CHECK(problem(0)->getValue<int>("row") == 2);
  CHECK(problem(0)->getValue<std::string>("column") == "position");
  CHECK_THAT(problem(0)->getValue<std::string>("message"),
             Catch::StartsWith("unknown role 'janitor'"));
  CHECK(problem(1)->getValue<int>("row") == 3);
  CHECK(problem(1)->getValue<std::string>("column") == "assigned");
  CHECK_THAT(problem(1)->getValue<std::string>("message"),
             Catch::StartsWith("bad date '2021-02-30'"));
  CHECK(problem(2)->getValue<int>("row") == 4);
  CHECK(problem(2)->getValue<std::string>("column") == "name");
  CHECK_THAT(problem(2)->getValue<std::string>("message"),
             Catch::StartsWith("duplicate person: 'Ann Able'"));
  CHECK(s.c.get(api(path)).object()->isNull("roster"));
  CHECK(s.c.get(api(path + "/roster")).status == 404);
}

TEST_CASE("DELETE /applications/{id}/roster removes it", "[web]") {
  Roster s;
  const std::string path = s.created();
  REQUIRE(s.c.upload(api(path + "/roster"), "roster.csv", kGoodRoster).status == 200);
  CHECK(s.c.remove(api(path + "/roster")).status == 204);
  CHECK(s.c.get(api(path)).object()->isNull("roster"));
  const Reply again = s.c.remove(api(path + "/roster"));
  CHECK(again.status == 404);
  CHECK_THAT(again.error(), Catch::EndsWith(" has no training roster to remove."));
}

TEST_CASE("another agency's roster is 404", "[web]") {
  Roster s;
  const std::string path = s.created();
  REQUIRE(s.c.upload(api(path + "/roster"), "roster.csv", kGoodRoster).status == 200);
  Client other = s.signedIn("a@calder.test");
  CHECK(other.get(api(path + "/roster")).status == 404);
  CHECK(other.upload(api(path + "/roster"), "roster.csv", kGoodRoster).status == 404);
  CHECK(other.remove(api(path + "/roster")).status == 404);
  CHECK(s.c.get(api(path + "/roster")).body == kGoodRoster);
}

TEST_CASE("a roster larger than the limit is 413", "[web]") {
  Roster s;
  const std::string path = s.created();
  const Reply reply =
      s.c.upload(api(path + "/roster"), "roster.csv", std::string((2u << 20) + 1, 'a'));
  CHECK(reply.status == 413);
  CHECK(reply.error() ==
        "The file is larger than the 2 MiB allowed. A training roster is a CSV file with one row "
        "per person: check that this is the roster, saved as CSV.");
}

TEST_CASE("the training items appear in the pre-check with roster rows as evidence", "[web]") {
  Roster s;
  const std::string path = s.created();
  REQUIRE(s.c.upload(api(path + "/documents"), "GO 41.pdf", fakePdf("Policy.")).status == 201);
  REQUIRE(s.c.upload(api(path + "/roster"), "roster.csv", kGoodRoster).status == 200);
  s.runJobs();
  const Poco::JSON::Array::Ptr items =
      s.c.get(api(path)).object()->getObject("precheck")->getArray("items");
  Poco::JSON::Object::Ptr officers;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
    if (item->getValue<std::string>("id") == "TRN-LE-01") officers = item;
  }
  REQUIRE(officers);
  CHECK(officers->getValue<std::string>("status") == "missing");
  const Poco::JSON::Object::Ptr row = officers->getArray("evidence")->getObject(0);
  CHECK(row->getValue<int>("row") == 3);
  CHECK(row->getValue<int>("document") == -1);
  CHECK(row->getValue<std::string>("label") == "row 3");
}

TEST_CASE("GET /roster-template.csv gives a template whose rows the parser accepts", "[web]") {
  Roster s;
  Client anonymous = s.client();
  for (const std::string kind : {"le", "psap"}) {
    const Reply reply = anonymous.get(api("/roster-template.csv?kind=" + kind));
    REQUIRE(reply.status == 200);
    CHECK_THAT(reply.header("Content-Type"), Catch::StartsWith("text/csv"));
    CHECK(reply.header("Content-Disposition") == "attachment; filename=\"training-roster-" + kind +
                                                     ".csv\"; filename*=UTF-8''training-roster-" +
                                                     kind + ".csv");
    CHECK_THAT(reply.body, Catch::StartsWith("name,position,assigned,MECINTRO,"));
    const auto parsed = check::roster::parseRoster(
        reply.body, kind == "le" ? core::AgencyKind::LawEnforcement : core::AgencyKind::Psap,
        *check::roster::parseDate("2023-11-14"));
    CHECK(parsed.problems.empty());
    CHECK(parsed.roster.people.size() == 3);
  }
}

TEST_CASE("the roster template of an unknown kind is 400", "[web]") {
  Roster s;
  const Reply reply = s.client().get(api("/roster-template.csv?kind=fire"));
  CHECK(reply.status == 400);
  CHECK(reply.error() ==
        "Say which kind of agency the roster is for: ?kind=le (law enforcement) or ?kind=psap "
        "(9-1-1 center), not \"fire\".");
  CHECK(s.client().get(api("/roster-template.csv")).error() ==
        "Say which kind of agency the roster is for: ?kind=le (law enforcement) or ?kind=psap "
        "(9-1-1 center).");
}

}  // namespace
}  // namespace mkrp::web::testing
