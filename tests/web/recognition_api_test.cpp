// The recognition endpoints: downloads after an approval, verification, the public list.
#include <catch2/catch.hpp>
#include <chrono>

#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

struct Recognition : Service {
  store::Agency harlow = addAgency("Harlow PD");
  workflow::Actor staff = addStaff(harlow.id, "a@harlow.test");
  workflow::Actor reviewer = addReviewer("reviewer@mkrp.test");
  Client agency = signedIn("a@harlow.test");
  Client r1 = signedIn("reviewer@mkrp.test");

  // Approves a submitted application of `owner` through the API; returns its API path.
  std::string approvedPath(const workflow::Actor& owner) {
    const std::string path = "/applications/" + std::to_string(submitted(owner).id);
    REQUIRE(r1.post(api(path + "/claim")).status == 200);
    REQUIRE(r1.post(api(path + "/decision"), R"({"decision":"approve"})").status == 200);
    return path;
  }
  std::string code(const std::string& path) {
    const store::Id id = std::stoll(path.substr(path.rfind('/') + 1));
    return store.certificates().forApplication(id)->code;
  }
};

TEST_CASE("after an approval the agency downloads its certificate and media release", "[web]") {
  Recognition s;
  const auto started = std::chrono::steady_clock::now();
  const std::string path = s.approvedPath(s.staff);
  const Reply pdf = s.agency.get(api(path + "/certificate.pdf"));
  const Reply docx = s.agency.get(api(path + "/media-release.docx"));
  WARN("approve through HTTP and download both: "
       << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                started)
              .count()
       << " ms");
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("Content-Type") == "application/pdf");
  CHECK(pdf.body.rfind("%PDF-", 0) == 0);
  CHECK_THAT(pdf.header("Content-Disposition"), Catch::StartsWith("attachment; filename="));
  REQUIRE(docx.status == 200);
  CHECK(docx.body.rfind("PK", 0) == 0);
  CHECK(s.r1.get(api(path + "/certificate.pdf")).status == 200);
}

TEST_CASE("another agency gets 404 for the downloads, a stranger 401", "[web]") {
  Recognition s;
  const std::string path = s.approvedPath(s.staff);
  const store::Agency other = s.addAgency("Other PD");
  s.addStaff(other.id, "a@other.test");
  Client stranger = s.signedIn("a@other.test");
  const Reply reply = stranger.get(api(path + "/certificate.pdf"));
  CHECK(reply.status == 404);
  CHECK_THAT(reply.error(), Catch::Contains("has no certificate"));
  CHECK(stranger.get(api(path + "/media-release.docx")).status == 404);
  CHECK(s.client().get(api(path + "/certificate.pdf")).status == 401);
}

TEST_CASE("GET /verify/{code} confirms a certificate, as a page and as JSON", "[web]") {
  Recognition s;
  const std::string code = s.code(s.approvedPath(s.staff));
  Client anyone = s.client();
  const Reply json = anyone.get(api("/verify/" + code));
  REQUIRE(json.status == 200);
  CHECK(json.object()->getValue<std::string>("status") == "valid");
  CHECK(json.object()->getValue<bool>("valid"));
  CHECK(json.object()->getValue<std::string>("agency") == "Harlow PD");
  const Reply page = anyone.get("/verify/" + code);
  REQUIRE(page.status == 200);
  CHECK_THAT(page.body,
             Catch::Contains("This certificate is valid.") && Catch::Contains("Harlow PD"));
  CHECK(anyone.get("/verify/NOPE-NOPE-NOPE").status == 404);
  CHECK(anyone.get(api("/verify/NOPE-NOPE-NOPE")).status == 404);
}

TEST_CASE("the public list in JSON, CSV and as a page, filtered by kind and state", "[web]") {
  Recognition s;
  s.approvedPath(s.staff);
  const store::Agency psap = s.addAgency("Bexley 9-1-1", store::AgencyKind::Psap, "MD");
  s.approvedPath(s.addStaff(psap.id, "d@bexley.test"));
  Client anyone = s.client();
  const Reply all = anyone.get(api("/members"));
  REQUIRE(all.status == 200);
  REQUIRE(all.array()->size() == 2);
  CHECK(all.array()->getObject(0)->getValue<std::string>("name") == "Bexley 9-1-1");
  CHECK(all.array()->getObject(0)->getValue<std::string>("city") == "Springfield");
  CHECK(anyone.get(api("/members?kind=psap")).array()->size() == 1);
  CHECK(anyone.get(api("/members?state=va")).array()->size() == 1);
  CHECK(anyone.get(api("/members?kind=fire")).status == 400);
  const Reply csv = anyone.get(api("/members.csv?kind=le"));
  REQUIRE(csv.status == 200);
  CHECK_THAT(csv.header("Content-Type"), Catch::StartsWith("text/csv"));
  CHECK_THAT(csv.body, Catch::StartsWith("name,kind,city,state,recognized_since,valid_through\r\n"
                                         "Harlow PD,le,Springfield,VA,"));
  const Reply page = anyone.get("/members?kind=psap");
  REQUIRE(page.status == 200);
  CHECK_THAT(page.body, Catch::Contains("Bexley 9-1-1") && !Catch::Contains("Harlow PD"));
}

TEST_CASE("GET /members/recognized lists agencies recognized in a date range", "[web]") {
  Recognition s;
  s.approvedPath(s.staff);  // the fake clock's day: 2023-11-14
  Client anyone = s.client();
  CHECK(anyone.get(api("/members/recognized?from=2023-11-14&to=2023-11-14")).array()->size() == 1);
  CHECK(anyone.get(api("/members/recognized?from=2023-11-15")).array()->size() == 0);
  CHECK(anyone.get(api("/members/recognized?kind=psap&from=2023-01-01&to=2023-12-31"))
            .array()
            ->size() == 0);
  const Reply csv = anyone.get(api("/members/recognized.csv?from=2023-01-01&to=2023-12-31"));
  CHECK_THAT(csv.body, Catch::Contains("Harlow PD,le,"));
  const Reply bad = anyone.get(api("/members/recognized?from=2023-02-30"));
  CHECK(bad.status == 400);
  CHECK(bad.error() ==
        "The query parameter \"from\" must be a date written YYYY-MM-DD, such as 2026-01-31.");
}

TEST_CASE("an admin withdraws a membership: off the list, verified as withdrawn", "[web]") {
  Recognition s;
  const std::string code = s.code(s.approvedPath(s.staff));
  s.addReviewer("admin@mkrp.test", store::Role::Admin);
  Client admin = s.signedIn("admin@mkrp.test");
  const std::string withdraw =
      api("/agencies/" + std::to_string(s.harlow.id) + "/membership/withdraw");
  const Reply done = admin.post(withdraw, R"({"reason":"The agency asked to leave the program."})");
  REQUIRE(done.status == 200);
  CHECK(done.object()->getValue<std::string>("status") == "withdrawn");
  Client anyone = s.client();
  CHECK(anyone.get(api("/members")).array()->size() == 0);
  CHECK(anyone.get(api("/verify/" + code)).object()->getValue<std::string>("status") ==
        "withdrawn");
  CHECK_THAT(anyone.get("/verify/" + code).body,
             Catch::Contains("This agency&apos;s membership was withdrawn."));
  const Reply again = admin.post(withdraw, R"({"reason":"Again."})");
  CHECK(again.status == 409);
  CHECK(again.error() == "The membership of Harlow PD was withdrawn already.");
}

TEST_CASE("a withdrawal by a reviewer is 403, without a reason 400", "[web]") {
  Recognition s;
  s.approvedPath(s.staff);
  const std::string withdraw =
      api("/agencies/" + std::to_string(s.harlow.id) + "/membership/withdraw");
  const Reply byReviewer = s.r1.post(withdraw, R"({"reason":"Because."})");
  CHECK(byReviewer.status == 403);
  CHECK(byReviewer.error() == "Only an administrator may withdraw a membership.");
  s.addReviewer("admin@mkrp.test", store::Role::Admin);
  const Reply noReason = s.signedIn("admin@mkrp.test").post(withdraw, "{}");
  CHECK(noReason.status == 400);
  CHECK_THAT(noReason.error(), Catch::Contains("reason"));
  CHECK(s.client().get(api("/members")).array()->size() == 1);
}

}  // namespace
}  // namespace mkrp::web::testing
