// The agency's side of an application: draft, documents, pre-check, submit, withdraw.
#include <catch2/catch.hpp>

#include "core/errors.h"
#include "workflow/errors.h"
#include "workflow/roster_items.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using store::ApplicationStatus;
using store::ApplicationType;
using store::DocumentStatus;
using testing::fakePdf;
using testing::Fixture;

using Agencies = testing::TwoAgencies;

TEST_CASE("agency staff start a draft in round 1", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Renewal);
  CHECK(draft.status == ApplicationStatus::Draft);
  CHECK(draft.type == ApplicationType::Renewal);
  CHECK(draft.round == 1);
  CHECK(f.auditActions(draft.id) == std::vector<std::string>{"application.created"});
}

TEST_CASE("an agency has at most one open application", "[workflow]") {
  Agencies f;
  f.applications.create(f.staff, ApplicationType::Initial);
  REQUIRE_THROWS_AS(f.applications.create(f.staff, ApplicationType::Initial),
                    core::ConflictException);
}

TEST_CASE("reviewers cannot start applications", "[workflow]") {
  Agencies f;
  REQUIRE_THROWS_AS(f.applications.create(f.reviewer, ApplicationType::Initial),
                    ForbiddenException);
  REQUIRE_THROWS_WITH(f.applications.create(f.reviewer, ApplicationType::Initial),
                      "Only agency staff can do this; reviewers work from the queue.");
}

TEST_CASE("an upload is stored with its job and shown as queued", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  const store::DocumentRecord document =
      f.applications.upload(f.staff, draft.id, "C:\\policies\\GO 41.pdf", fakePdf("text"));
  CHECK(document.status == DocumentStatus::Queued);
  CHECK(document.filename == "GO 41.pdf");
  CHECK(document.format == "pdf");
  CHECK(f.blobs.get(document.blobSha256) == fakePdf("text"));
  REQUIRE(f.store.jobs().listForDocument(document.id).size() == 1);
  CHECK(f.auditActions(draft.id).back() == "document.uploaded");
}

TEST_CASE("the pre-check is in the view once the job has run", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  f.applications.upload(f.staff, draft.id, "a.pdf", fakePdf("Missing children policy."));
  CHECK_FALSE(f.applications.view(f.staff, draft.id).precheckJson);
  REQUIRE(f.runJobs() == 1);
  const ApplicationView view = f.applications.view(f.staff, draft.id);
  REQUIRE(view.documents.size() == 1);
  CHECK(view.documents[0].status == DocumentStatus::Checked);
  REQUIRE(view.precheckJson);
  CHECK_THAT(*view.precheckJson, Catch::Contains("\"id\":\"LE-01\""));
}

TEST_CASE("two documents are pre-checked together", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  f.applications.upload(f.staff, draft.id, "a.pdf", fakePdf("First part."));
  f.applications.upload(f.staff, draft.id, "b.pdf", fakePdf("Second part."));
  f.runJobs();
  const ApplicationView view = f.applications.view(f.staff, draft.id);
  REQUIRE(view.precheckJson);
  const std::string both = testing::sharedPrechecker().runJson(
      store::AgencyKind::LawEnforcement,
      {{"a.pdf", testing::fakeExtract(fakePdf("First part."))},
       {"b.pdf", testing::fakeExtract(fakePdf("Second part."))}});
  // The directives' report, followed by the training items (missing: no roster was uploaded).
  check::roster::CheckOptions training;
  training.today = detail::dayOf(f.clock.now());
  CHECK(*view.precheckJson ==
        detail::withTrainingItems(both, detail::trainingFindings(std::nullopt, training)));
  CHECK_THAT(*view.precheckJson, Catch::Contains("\"id\":\"LE-01\""));
}

TEST_CASE("an upload larger than the limit is refused before it is stored", "[workflow]") {
  Fixture f(testing::fakeExtract, 100);
  const store::Agency agency = f.addAgency("Harlow PD");
  const Actor staff = f.addStaff(agency.id, "a@harlow.test");
  const store::Application draft = f.applications.create(staff, ApplicationType::Initial);
  const std::string big = fakePdf(std::string(200, 'x'));
  REQUIRE_THROWS_AS(f.applications.upload(staff, draft.id, "a.pdf", big),
                    core::LimitExceededException);
  REQUIRE_THROWS_WITH(f.applications.upload(staff, draft.id, "a.pdf", big),
                      Catch::StartsWith("The file is 1 MiB, more than the 1 MiB allowed."));
  CHECK(f.store.documents().listForRound(draft.id, 1).empty());
}

TEST_CASE("an upload of an image is refused", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  REQUIRE_THROWS_AS(f.applications.upload(f.staff, draft.id, "scan.pdf", testing::pngBytes()),
                    core::UnsupportedFormatException);
}

TEST_CASE("another agency's application is not found, as if it did not exist", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  REQUIRE_THROWS_AS(f.applications.view(f.otherStaff, draft.id), core::NotFoundException);
  REQUIRE_THROWS_WITH(f.applications.view(f.otherStaff, draft.id),
                      "There is no application " + std::to_string(draft.id) + ".");
  REQUIRE_THROWS_WITH(f.applications.view(f.otherStaff, 9999), "There is no application 9999.");
  REQUIRE_THROWS_AS(f.applications.upload(f.otherStaff, draft.id, "a.pdf", fakePdf("x")),
                    core::NotFoundException);
  REQUIRE_THROWS_AS(f.applications.submit(f.otherStaff, draft.id), core::NotFoundException);
}

TEST_CASE("reviewers do not see drafts", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  REQUIRE_THROWS_AS(f.applications.view(f.reviewer, draft.id), core::NotFoundException);
}

TEST_CASE("a draft without documents cannot be submitted", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  REQUIRE_THROWS_AS(f.applications.submit(f.staff, draft.id), core::ConflictException);
  REQUIRE_THROWS_WITH(f.applications.submit(f.staff, draft.id),
                      "Upload at least one directive before submitting.");
}

TEST_CASE("a draft cannot be submitted before its checks finish", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  f.applications.upload(f.staff, draft.id, "GO 41.pdf", fakePdf("text"));
  REQUIRE_THROWS_AS(f.applications.submit(f.staff, draft.id), core::ConflictException);
  REQUIRE_THROWS_WITH(f.applications.submit(f.staff, draft.id),
                      "'GO 41.pdf' is still being checked. Submit when every document shows its "
                      "pre-check.");
}

TEST_CASE("a draft with an unreadable document cannot be submitted", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  f.applications.upload(f.staff, draft.id, "bad.pdf", fakePdf("DAMAGED"));
  f.runJobs();
  REQUIRE_THROWS_AS(f.applications.submit(f.staff, draft.id), core::ConflictException);
  REQUIRE_THROWS_WITH(f.applications.submit(f.staff, draft.id),
                      "'bad.pdf' could not be read (The PDF is damaged. Save it again and upload "
                      "it.). Remove it, or replace it with a readable copy, before submitting.");
}

TEST_CASE("removing the unreadable document lets the draft be submitted", "[workflow]") {
  Agencies f;
  const store::Application draft = f.checkedDraft(f.staff);
  const store::DocumentRecord bad =
      f.applications.upload(f.staff, draft.id, "bad.pdf", fakePdf("DAMAGED"));
  f.runJobs();
  f.applications.removeDocument(f.staff, draft.id, bad.id);
  CHECK(f.applications.submit(f.staff, draft.id).status == ApplicationStatus::Submitted);
}

TEST_CASE("submitting records the round, audits and notifies the agency", "[workflow]") {
  Agencies f;
  const store::Application submitted = f.submitted(f.staff);
  CHECK(submitted.status == ApplicationStatus::Submitted);
  CHECK(submitted.submittedAt == f.clock.now());
  CHECK(f.auditActions(submitted.id).back() == "application.submitted");
  const std::optional<store::OutboxMessage> notice = f.store.outbox().claim("t", f.clock.now(), {});
  REQUIRE(notice);
  CHECK(notice->recipient == "a@harlow.test");
  CHECK(notice->subject == "MKRP application " + std::to_string(submitted.id) + " was submitted");
}

TEST_CASE("documents cannot change after submission", "[workflow]") {
  Agencies f;
  const store::Application submitted = f.submitted(f.staff);
  const store::Id document = f.store.documents().listForRound(submitted.id, 1).at(0).id;
  REQUIRE_THROWS_AS(f.applications.upload(f.staff, submitted.id, "a.pdf", fakePdf("x")),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(f.applications.removeDocument(f.staff, submitted.id, document),
                      Catch::Contains("can be changed only while it is a draft"));
}

TEST_CASE("a submitted application cannot be submitted again", "[workflow]") {
  Agencies f;
  const store::Application submitted = f.submitted(f.staff);
  REQUIRE_THROWS_AS(f.applications.submit(f.staff, submitted.id), core::ConflictException);
}

TEST_CASE("a draft can be withdrawn and a new one started", "[workflow]") {
  Agencies f;
  const store::Application draft = f.applications.create(f.staff, ApplicationType::Initial);
  CHECK(f.applications.withdraw(f.staff, draft.id).status == ApplicationStatus::Withdrawn);
  CHECK(f.auditActions(draft.id).back() == "application.withdrawn");
  CHECK_NOTHROW(f.applications.create(f.staff, ApplicationType::Initial));
}

TEST_CASE("a submitted application cannot be withdrawn", "[workflow]") {
  Agencies f;
  const store::Application submitted = f.submitted(f.staff);
  REQUIRE_THROWS_AS(f.applications.withdraw(f.staff, submitted.id), core::ConflictException);
}

TEST_CASE("a returned application can be withdrawn", "[workflow]") {
  Agencies f;
  const store::Application returned = f.returned(f.staff, f.reviewer);
  CHECK(f.applications.withdraw(f.staff, returned.id).status == ApplicationStatus::Withdrawn);
}

TEST_CASE("agency staff list only their own applications", "[workflow]") {
  Agencies f;
  const store::Application own = f.applications.create(f.staff, ApplicationType::Initial);
  f.applications.create(f.otherStaff, ApplicationType::Initial);
  const std::vector<store::Application> listed = f.applications.listOwn(f.staff);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].id == own.id);
  REQUIRE_THROWS_AS(f.applications.listOwn(f.reviewer), ForbiddenException);
}

}  // namespace
}  // namespace mkrp::workflow
