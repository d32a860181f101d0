// The server-rendered pages: who may see which page, and what each page shows.
#include <Poco/Logger.h>

#include <catch2/catch.hpp>

#include "extract/extract.h"
#include "service_fixture.h"
#include "workflow/pdf_annotator.h"

namespace mkrp::web::testing {
namespace {

using Catch::Contains;
using workflow::testing::fakePdf;

// A passage the pre-check finds (LE-05, no waiting period), so pages have evidence to mark.
constexpr std::string_view kDirective =
    "Missing Children\nThere is no waiting period before a report of a missing child is accepted.";

struct Pages : Service {
  store::Agency harlow = addAgency("Harlow PD");
  store::Agency calder = addAgency("Calder County SO", store::AgencyKind::Psap, "TX");
  workflow::Actor staff = addStaff(harlow.id, "a@harlow.test");
  workflow::Actor other = addStaff(calder.id, "a@calder.test");
  workflow::Actor reviewer = addReviewer("reviewer@mkrp.test");
  Client agency = signedIn("a@harlow.test");
  Client otherAgency = signedIn("a@calder.test");
  Client review = signedIn("reviewer@mkrp.test");
};

// A GET as a browser sends it.
Reply page(Client& client, const std::string& path) {
  return client.send("GET", path, "", "", {{"Accept", "text/html,application/xhtml+xml"}});
}

std::string appPath(std::string_view prefix, store::Id id) {
  return std::string(prefix) + "/applications/" + std::to_string(id);
}

TEST_CASE("a visitor who is not signed in is sent to sign in and brought back", "[web][pages]") {
  Pages s;
  Client visitor = s.client();
  const Reply reply = page(visitor, "/agency/applications/7");
  CHECK(reply.status == 303);
  CHECK(reply.header("Location") == "/sign-in?next=%2Fagency%2Fapplications%2F7");
  CHECK(page(visitor, "/").header("Location") == "/sign-in");
}

TEST_CASE("the sign-in page has labelled fields, no inline script and the security headers",
          "[web][pages]") {
  Pages s;
  Client visitor = s.client();
  const Reply reply = page(visitor, "/sign-in?next=/review");
  REQUIRE(reply.status == 200);
  CHECK(reply.header("Content-Type") == "text/html; charset=utf-8");
  CHECK_THAT(reply.header("Content-Security-Policy"), Contains("default-src 'self'"));
  CHECK_THAT(reply.body, Contains("<label for=\"email\">Email address</label>"));
  CHECK_THAT(reply.body, Contains("<label for=\"password\">Password</label>"));
  CHECK_THAT(reply.body, Contains("data-next=\"/review\""));
  CHECK(reply.body.find("<script>") == std::string::npos);
  CHECK(reply.body.find("style=") == std::string::npos);
}

TEST_CASE("the sign-in page drops a return address on another site", "[web][pages]") {
  Pages s;
  Client visitor = s.client();
  CHECK_THAT(page(visitor, "/sign-in?next=//evil.test/x").body, Contains("data-next=\"\""));
  CHECK_THAT(page(visitor, "/sign-in?next=https://evil.test").body, Contains("data-next=\"\""));
  CHECK_THAT(page(visitor, "/sign-in?next=/%09/evil.test").body, Contains("data-next=\"\""));
  CHECK_THAT(page(visitor, "/sign-in?next=/%5Cevil.test").body, Contains("data-next=\"\""));
}

TEST_CASE("the start page sends agency staff to their applications and reviewers to the queue",
          "[web][pages]") {
  Pages s;
  CHECK(page(s.agency, "/").header("Location") == "/agency");
  CHECK(page(s.review, "/").header("Location") == "/review");
  CHECK(page(s.agency, "/sign-in").header("Location") == "/agency");
}

TEST_CASE("agency staff see their applications and may start one when none is open",
          "[web][pages]") {
  Pages s;
  Reply reply = page(s.agency, "/agency");
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains("id=\"start-form\""));
  CHECK_THAT(reply.body, Contains("Signed in as <strong>a@harlow.test</strong>"));
  const store::Application draft = s.checkedDraft(s.staff);
  reply = page(s.agency, "/agency");
  CHECK_THAT(reply.body, Contains("href=\"" + appPath("/agency", draft.id) + "\""));
  CHECK_THAT(reply.body, Contains("Draft: not yet sent to the program"));
  CHECK(reply.body.find("id=\"start-form\"") == std::string::npos);
}

TEST_CASE("the application page shows documents, the pre-check with marked passages and submit",
          "[web][pages]") {
  Pages s;
  const store::Application draft = s.checkedDraft(s.staff, kDirective);
  const Reply reply = page(s.agency, appPath("/agency", draft.id));
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains("directive.pdf"));
  CHECK_THAT(reply.body, Contains("<span class=\"doc-status\">Checked</span>"));
  CHECK_THAT(reply.body, Contains("What the automatic pre-check found"));
  CHECK_THAT(reply.body, Contains("id=\"item-LE-05\""));
  CHECK_THAT(reply.body, Contains("<a class=\"hl meets\" href=\"#item-LE-05\""));
  CHECK_THAT(reply.body, Contains("id=\"submit-application\""));
  CHECK_THAT(reply.body, Contains("<meta name=\"csrf-token\" content=\"" + s.agency.csrf + "\">"));
}

TEST_CASE("the agency's checklist lists what needs attention first and hides what does not apply",
          "[web][pages]") {
  Pages s;
  const store::Application draft = s.checkedDraft(s.staff, kDirective);
  const std::string body = page(s.agency, appPath("/agency", draft.id)).body;
  const auto firstMissing = body.find("class=\"item status-missing\"");
  const auto firstMet = body.find("class=\"item status-met\"");
  REQUIRE(firstMissing != std::string::npos);
  REQUIRE(firstMet != std::string::npos);
  CHECK(firstMissing < firstMet);
  CHECK_THAT(body, Contains("<input type=\"checkbox\" value=\"missing\" checked>"));
  CHECK_THAT(body, Contains("<input type=\"checkbox\" value=\"not_applicable\">"));
}

TEST_CASE("the application page says why it cannot be submitted while a document is read",
          "[web][pages]") {
  Pages s;
  const store::Application draft = s.applications.create(s.staff, store::ApplicationType::Initial);
  s.applications.upload(s.staff, draft.id, "directive.pdf", fakePdf("Policy."));
  const Reply reply = page(s.agency, appPath("/agency", draft.id));
  CHECK_THAT(reply.body, Contains("Waiting to be read"));
  CHECK_THAT(reply.body, Contains("data-pending=\"1\""));
  CHECK_THAT(reply.body, Contains("Wait until every document has been checked."));
  CHECK(reply.body.find("id=\"submit-application\"") == std::string::npos);
}

TEST_CASE("another agency's application is the friendly not-found page", "[web][pages]") {
  Pages s;
  const store::Application draft = s.checkedDraft(s.staff);
  const Reply reply = page(s.otherAgency, appPath("/agency", draft.id));
  CHECK(reply.status == 404);
  CHECK(reply.header("Content-Type") == "text/html; charset=utf-8");
  CHECK_THAT(reply.body, Contains("We could not find that page"));
  CHECK_THAT(reply.body, Contains("There is no application " + std::to_string(draft.id) + "."));
}

TEST_CASE("reviewers get the 403 page from agency pages and agency staff from reviewer pages",
          "[web][pages]") {
  Pages s;
  const store::Application application = s.submitted(s.staff);
  for (const std::string& path : {std::string("/agency"), appPath("/agency", application.id)}) {
    const Reply reply = page(s.review, path);
    CHECK(reply.status == 403);
    CHECK_THAT(reply.body, Contains("This page is not for your account"));
  }
  for (const std::string& path : {std::string("/review"), appPath("/review", application.id)}) {
    const Reply reply = page(s.agency, path);
    CHECK(reply.status == 403);
    CHECK_THAT(reply.body, Contains("This page is for program reviewers."));
  }
}

TEST_CASE("the queue lists submissions oldest first with their age", "[web][pages]") {
  Pages s;
  const store::Application first = s.submitted(s.staff);
  s.clock.advance(std::chrono::hours(26));
  const store::Application second = s.submitted(s.other);
  s.clock.advance(std::chrono::minutes(5));
  Client reviewer = s.signedIn("reviewer@mkrp.test");  // the first session has expired by now
  const Reply reply = page(reviewer, "/review");
  REQUIRE(reply.status == 200);
  const auto firstAt = reply.body.find(appPath("/review", first.id) + "\">Harlow PD");
  const auto secondAt = reply.body.find(appPath("/review", second.id) + "\">Calder County SO");
  REQUIRE(firstAt != std::string::npos);
  REQUIRE(secondAt != std::string::npos);
  CHECK(firstAt < secondAt);
  CHECK_THAT(reply.body, Contains("26 hours"));
  CHECK_THAT(reply.body, Contains("5 minutes"));
  CHECK_THAT(reply.body, Contains("Showing 2 of 2."));
}

TEST_CASE("the queue filters keep their values and narrow the list", "[web][pages]") {
  Pages s;
  s.submitted(s.staff);
  s.submitted(s.other);
  const Reply reply = page(s.review, "/review?kind=psap&state=tx");
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains("Calder County SO"));
  CHECK(reply.body.find("Harlow PD") == std::string::npos);
  CHECK_THAT(reply.body, Contains("<option value=\"psap\" selected>"));
  CHECK_THAT(reply.body, Contains("Showing 1 of 1."));
}

TEST_CASE("a later page of the queue keeps the filters and links back", "[web][pages]") {
  Pages s;
  s.submitted(s.staff);
  const store::Application second = s.submitted(s.other);
  const Reply reply = page(s.review, "/review?show=unassigned&offset=1");
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains(appPath("/review", second.id) + "\">Calder County SO"));
  CHECK(reply.body.find("Harlow PD") == std::string::npos);
  CHECK_THAT(reply.body, Contains("href=\"/review?show=unassigned&amp;offset=0\">Previous 50"));
  CHECK(reply.body.find(">Next 50") == std::string::npos);
}

TEST_CASE("an administrator reads the review screen without a claim button", "[web][pages]") {
  Pages s;
  s.addReviewer("admin@mkrp.test", store::Role::Admin);
  Client admin = s.signedIn("admin@mkrp.test");
  const store::Application application = s.submitted(s.staff);
  const Reply reply = page(admin, appPath("/review", application.id));
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains("Harlow PD"));
  CHECK(reply.body.find("id=\"claim\"") == std::string::npos);
}

TEST_CASE("a queue filter that does not exist is the 400 page", "[web][pages]") {
  Pages s;
  const Reply reply = page(s.review, "/review?kind=fire");
  CHECK(reply.status == 400);
  CHECK_THAT(reply.body,
             Contains("The queue has no filter kind &quot;fire&quot;. Clear the filters"));
}

TEST_CASE("a draft is not found on the review screen", "[web][pages]") {
  Pages s;
  const store::Application draft = s.checkedDraft(s.staff);
  CHECK(page(s.review, appPath("/review", draft.id)).status == 404);
}

TEST_CASE("the review screen links each item to its highlight in the document text",
          "[web][pages]") {
  Pages s;
  const store::Application application = s.checkedDraft(s.staff, kDirective);
  s.applications.submit(s.staff, application.id);
  const Reply reply = page(s.review, appPath("/review", application.id));
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains("id=\"claim\""));
  CHECK_THAT(reply.body, Contains("<h3>directive.pdf</h3>"));
  CHECK_THAT(reply.body, Contains("There is <span class=\"anchor\" id=\"ev-"));
  CHECK_THAT(reply.body, Contains("<a class=\"jump\" href=\"#ev-"));
  CHECK_THAT(reply.body, Contains("<a class=\"item-title jump\" href=\"#ev-"));
  CHECK(reply.body.find("class=\"item-decision\"") == std::string::npos);
}

TEST_CASE("the reviewer holding an application gets the item and final decision forms",
          "[web][pages]") {
  Pages s;
  const store::Application application = s.submitted(s.staff);
  s.applications.claim(s.reviewer, application.id);
  const Reply reply = page(s.review, appPath("/review", application.id));
  CHECK_THAT(reply.body, Contains("You hold this application."));
  CHECK_THAT(reply.body, Contains("<form class=\"item-decision\" data-item=\"LE-01\">"));
  CHECK_THAT(reply.body, Contains("id=\"decision-form\""));
}

TEST_CASE("a returned application shows the agency the message and the items to fix",
          "[web][pages]") {
  Pages s;
  const store::Application application = s.returned(s.staff, s.reviewer);
  const Reply reply = page(s.agency, appPath("/agency", application.id));
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains("The reviewer returned this application"));
  CHECK_THAT(reply.body, Contains("Please fix LE-01."));
  CHECK_THAT(reply.body,
             Contains("<strong>Reviewer:</strong> Needs changes: Write the policy down."));
  CHECK_THAT(reply.body, Contains("(LE-01)</a>: Write the policy down.</li>"));
  CHECK_THAT(reply.body, Contains("Submit again (round 2)"));
}

TEST_CASE("a resubmitted round shows the reviewer what changed since the last one",
          "[web][pages]") {
  Pages s;
  const store::Application application = s.returned(s.staff, s.reviewer);
  const store::DocumentRecord old = s.applications.view(s.staff, application.id).documents.at(0);
  s.applications.removeDocument(s.staff, application.id, old.id);
  s.applications.upload(s.staff, application.id, "fixed.pdf", fakePdf(kDirective));
  s.runJobs();
  s.applications.submit(s.staff, application.id);
  const Reply reply = page(s.review, appPath("/review", application.id));
  REQUIRE(reply.status == 200);
  CHECK_THAT(reply.body, Contains("What changed since round 1"));
  CHECK_THAT(reply.body, Contains("<a href=\"#item-LE-05\">"));
  CHECK_THAT(reply.body, Contains(" (LE-05)</a></td><td>Not found</td><td>Found</td>"));
  CHECK_THAT(reply.body, Contains("class=\"item status-met changed\" id=\"item-LE-05\""));
}

// A roster whose officer on row 3 lacks MECPAT; its file name is also the directive's, so the
// page must not look for roster rows in the directive's text.
constexpr std::string_view kRoster =
    "name,position,assigned,MECINTRO,MECPAT,CEOMEC\n"
    "Dana Chief,Sheriff,2015-01-05,,,2016-03-01\n"
    "Officer Partway,Deputy,2021-05-01,2021-06-01,,\n";

TEST_CASE("the application page has the training roster section with the template and upload",
          "[web][pages]") {
  Pages s;
  const store::Application draft = s.checkedDraft(s.staff, kDirective);
  std::string body = page(s.agency, appPath("/agency", draft.id)).body;
  CHECK_THAT(body, Contains("<h2 id=\"roster-heading\">Training roster</h2>"));
  CHECK_THAT(body, Contains("href=\"/api/v1/roster-template.csv?kind=le\" download"));
  CHECK_THAT(body,
             Contains("<label for=\"roster-input\">Upload the training roster (CSV)</label>"));
  CHECK_THAT(body, Contains("id=\"no-roster\""));
  CHECK_THAT(body, Contains("id=\"roster-problems\" role=\"alert\" hidden"));
  CHECK_THAT(body, Contains("id=\"item-TRN-LE-01\""));
  s.applications.uploadRoster(s.staff, draft.id, "roster.csv", kRoster);
  body = page(s.agency, appPath("/agency", draft.id)).body;
  CHECK_THAT(body, Contains("<span class=\"filename\">roster.csv</span>"));
  CHECK_THAT(body, Contains("aria-label=\"Remove the training roster roster.csv\""));
  CHECK_THAT(body, Contains("Replace the training roster (CSV)"));
}

TEST_CASE("a roster uploaded before any directive says when its items will show", "[web][pages]") {
  Pages s;
  const store::Application draft = s.applications.create(s.staff, store::ApplicationType::Initial);
  s.applications.uploadRoster(s.staff, draft.id, "roster.csv", kRoster);
  const std::string body = page(s.agency, appPath("/agency", draft.id)).body;
  CHECK_THAT(body, Contains("<span class=\"filename\">roster.csv</span>"));
  CHECK_THAT(body, Contains("id=\"roster-waits\""));
  CHECK(body.find("id=\"checklist\"") == std::string::npos);
}

TEST_CASE("training items show their roster rows beside the directive items", "[web][pages]") {
  Pages s;
  const store::Application draft = s.checkedDraft(s.staff, kDirective);
  s.applications.uploadRoster(s.staff, draft.id, "directive.pdf", kRoster);
  const std::string body = page(s.agency, appPath("/agency", draft.id)).body;
  const auto item = body.find("id=\"item-TRN-LE-01\"");
  REQUIRE(item != std::string::npos);
  const std::string training = body.substr(item, body.find("</li>", item) - item);
  CHECK_THAT(training, Contains("Training: sworn officers have completed MECINTRO and MECPAT"));
  CHECK_THAT(training, Contains("<figcaption>directive.pdf, row 3: this passage conflicts"));
  CHECK_THAT(training, Contains("<mark class=\"hl contradicts\">row 3: Officer Partway"));
  s.applications.submit(s.staff, draft.id);
  s.applications.claim(s.reviewer, draft.id);
  const std::string review = page(s.review, appPath("/review", draft.id)).body;
  CHECK_THAT(review, Contains("<form class=\"item-decision\" data-item=\"TRN-LE-01\">"));
  CHECK_THAT(review, Contains("<li class=\"role-contradicts\">directive.pdf, row 3: <q>row 3: "
                              "Officer Partway"));
  CHECK_THAT(review, Contains("Training roster: <a href=\"/api/v1/applications/" +
                              std::to_string(draft.id) + "/roster\" download>directive.pdf</a>"));
}

TEST_CASE("static files are served with their type and unknown ones are not found",
          "[web][pages]") {
  Pages s;
  Client visitor = s.client();
  const Reply css = visitor.get("/static/site.css");
  CHECK(css.status == 200);
  CHECK(css.header("Content-Type") == "text/css; charset=utf-8");
  CHECK(visitor.get("/static/site.js").header("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(visitor.get("/static/secret.txt").status == 404);
  CHECK(visitor.get("/static/missing.js").status == 404);
}

TEST_CASE("an unknown address is the not-found page for a browser and JSON for the API",
          "[web][pages]") {
  Pages s;
  Client visitor = s.client();
  const Reply browser = page(visitor, "/nowhere");
  CHECK(browser.status == 404);
  CHECK_THAT(browser.body, Contains("We could not find that page"));
  const Reply api = page(visitor, "/api/v1/nowhere");
  CHECK(api.status == 404);
  CHECK(api.error() == "There is nothing at this address.");
}

}  // namespace
}  // namespace mkrp::web::testing

namespace mkrp::web::testing {
namespace {

// A service with the annotated-PDF endpoint wired, reading real PDFs.
struct AnnotatingPages : workflow::testing::Fixture {
  AnnotatingPages()
      : Fixture([](std::string_view bytes) { return extract::extractBytes(bytes); }),
        annotator(applications, store, blobs, workflow::testing::sharedPrechecker(),
                  annotatorOptions()),
        server(services(), testServerOptions(1 << 20), Poco::Logger::get("test.web")) {
    server.start();
  }

  static workflow::AnnotatorOptions annotatorOptions() {
    workflow::AnnotatorOptions options;
    options.executable = MKRP_BINARY;
    return options;
  }

  Services services() {
    Services wired{accounts, applications, &runner};
    wired.annotator = &annotator;
    return wired;
  }

  workflow::PdfAnnotator annotator;
  Server server;
};

TEST_CASE("the review screen links each checked PDF to its copy with the passages highlighted",
          "[web][pages]") {
  AnnotatingPages s;
  const store::Agency harlow = s.addAgency("Harlow PD");
  const workflow::Actor staff = s.addStaff(harlow.id, "a@harlow.test");
  s.addReviewer("reviewer@mkrp.test");
  const store::Application draft = s.applications.create(staff, store::ApplicationType::Initial);
  const store::DocumentRecord document = s.applications.upload(
      staff, draft.id, "policy.pdf",
      workflow::testing::realPdf({"Missing Children", std::string(kDirective.substr(17))}));
  s.runJobs();
  s.applications.submit(staff, draft.id);
  Client reviewer(s.server.port());
  REQUIRE(reviewer.login("reviewer@mkrp.test", std::string(workflow::testing::kPassword)).status ==
          200);
  const std::string href = api("/applications/" + std::to_string(draft.id) + "/documents/" +
                               std::to_string(document.id) + "/annotated.pdf");
  const Reply reply = page(reviewer, appPath("/review", draft.id));
  CHECK_THAT(reply.body, Contains("<a href=\"" + href + "\" download>Download policy.pdf"));
  const Reply pdf = reviewer.get(href);
  CHECK(pdf.status == 200);
  CHECK(pdf.header("Content-Type") == "application/pdf");
}

}  // namespace
}  // namespace mkrp::web::testing
