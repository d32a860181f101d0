// What an approval issues (certificate, media release, membership) and the membership's life
// after it under the fake clock: reminders, renewal, lapse, reinstatement, the public list.
#include "workflow/recognition.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <thread>

#include "core/document.h"
#include "core/errors.h"
#include "extract/extract.h"
#include "render/certificate_dates.h"
#include "store/sqlite/sqlite_store.h"
#include "workflow/membership.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using namespace std::chrono_literals;
using store::ApplicationType;
using store::MembershipStatus;
using testing::Fixture;

constexpr std::chrono::days kYear{365};

struct Recognized : Fixture {
  Recognized()
      : agency(addAgency("Ashford Police Department", store::AgencyKind::LawEnforcement, "VA")),
        staff(addStaff(agency.id, "chief@ashford.gov")),
        reviewer(addReviewer("reviewer@program.org")),
        lifecycle(store, clock) {}

  // A submitted application of `type`, claimed and approved by the reviewer.
  store::Application approve(ApplicationType type) {
    const store::Application draft = applications.create(staff, type);
    applications.upload(staff, draft.id, "directive.pdf", testing::fakePdf("Policy text."));
    runJobs();
    applications.submit(staff, draft.id);
    return approveSubmitted(draft.id);
  }
  store::Application approveSubmitted(store::Id id) {
    applications.claim(reviewer, id);
    return applications.decide(reviewer, id, FinalDecision::Approve, "Welcome.");
  }
  store::Membership membership() { return *store.memberships().latestForAgency(agency.id); }
  // Moves the clock to `before` ahead of the membership's expiry.
  void moveTo(std::chrono::milliseconds before) {
    clock.advance(std::chrono::duration_cast<std::chrono::milliseconds>(membership().expiresAt -
                                                                        clock.now() - before));
  }
  std::vector<std::string> membershipActions() {
    std::vector<std::string> actions;
    for (const auto& entry : store.audit().forEntity("membership", membership().id)) {
      actions.push_back(entry.action);
    }
    return actions;
  }
  std::vector<std::string> memberNames() {
    std::vector<std::string> names;
    for (const auto& m : applications.recognition().members({})) names.push_back(m.agency.name);
    return names;
  }

  store::Agency agency;
  Actor staff;
  Actor reviewer;
  MembershipLifecycle lifecycle;
};

std::string longDateOf(store::TimePoint at) {
  return render::longDate(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(at)});
}

// pdftotext's reading of `pdf`, or nothing when pdftotext is not installed.
std::optional<std::string> pdfText(const std::string& pdf) {
  if (!Poco::File("/usr/bin/pdftotext").exists()) return std::nullopt;
  Poco::TemporaryFile file;
  std::ofstream(file.path(), std::ios::binary) << pdf;
  const std::string command = "pdftotext '" + file.path() + "' - 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string text;
  char buffer[4096];
  while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe.get())) {
    text.append(buffer, read);
  }
  return text;
}

TEST_CASE("an approval's certificate read back shows the agency and its dates",
          "[workflow][recognition]") {
  Recognized f;
  const auto started = std::chrono::steady_clock::now();
  const store::Application approved = f.approve(ApplicationType::Initial);
  const Download pdf = f.applications.recognition().certificatePdf(f.staff, approved.id);
  const Download docx = f.applications.recognition().mediaReleaseDocx(f.staff, approved.id);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  WARN("submit, approve and both downloads took " << elapsed.count() << " ms");
  CHECK(pdf.contentType == "application/pdf");
  CHECK(docx.bytes.rfind("PK", 0) == 0);
  const std::optional<std::string> text = pdfText(pdf.bytes);
  if (!text) {
    WARN("pdftotext is not installed (poppler-utils); the certificate's text is not checked");
    return;
  }
  const store::Membership m = f.membership();
  CHECK_THAT(*text, Catch::Contains("Ashford Police Department"));
  CHECK_THAT(*text, Catch::Contains("Springfield"));
  CHECK_THAT(*text, Catch::Contains(longDateOf(m.startedAt)));
  CHECK_THAT(*text, Catch::Contains(longDateOf(m.expiresAt)));
  const auto certificate = f.store.certificates().forApplication(approved.id);
  REQUIRE(certificate);
  CHECK_THAT(*text, Catch::Contains(certificate->code));
}

TEST_CASE("an approval's media release read back has its placeholders filled",
          "[workflow][recognition]") {
  Recognized f;
  const store::Application approved = f.approve(ApplicationType::Initial);
  const Download docx = f.applications.recognition().mediaReleaseDocx(f.reviewer, approved.id);
  const std::string text = core::plainText(extract::extractBytes(docx.bytes));
  CHECK_THAT(text, Catch::Contains("Ashford Police Department"));
  CHECK_THAT(text, Catch::Contains("Springfield"));
  CHECK_THAT(text, Catch::Contains(longDateOf(f.membership().expiresAt)));
  CHECK_THAT(text, !Catch::Contains("{{"));
}

TEST_CASE("an approval starts a five-year membership, audited and announced with links",
          "[workflow][recognition]") {
  Recognized f;
  const store::TimePoint approvedAt = f.clock.now();
  const store::Application approved = f.approve(ApplicationType::Initial);
  const store::Membership m = f.membership();
  CHECK(m.status == MembershipStatus::Active);
  CHECK(m.startedAt == approvedAt);
  CHECK(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(m.expiresAt)} ==
        std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(approvedAt)} +
            std::chrono::years(5));
  CHECK(f.membershipActions() ==
        std::vector<std::string>{"membership.started", "certificate.issued"});
  std::optional<store::OutboxMessage> notice;
  while (auto next = f.store.outbox().claim("test", f.clock.now(), f.policy)) {
    if (next->subject.find("is approved") != std::string::npos) notice = next;
  }
  REQUIRE(notice);
  CHECK_THAT(notice->body, Catch::Contains("/api/v1/applications/" + std::to_string(approved.id) +
                                           "/certificate.pdf"));
  CHECK_THAT(notice->body, Catch::Contains("/media-release.docx"));
  CHECK(f.memberNames() == std::vector<std::string>{"Ashford Police Department"});
}

TEST_CASE("the downloads are refused to another agency as if there were none",
          "[workflow][recognition]") {
  Recognized f;
  const store::Application approved = f.approve(ApplicationType::Initial);
  const store::Agency other = f.addAgency("Bexley PD");
  const Actor stranger = f.addStaff(other.id, "chief@bexley.gov");
  const auto& recognition = f.applications.recognition();
  const std::string message = "Application " + std::to_string(approved.id) +
                              " has no certificate: there is one only after an approval.";
  REQUIRE_THROWS_AS(recognition.certificatePdf(stranger, approved.id), core::NotFoundException);
  REQUIRE_THROWS_WITH(recognition.certificatePdf(stranger, approved.id), message);
  REQUIRE_THROWS_WITH(recognition.mediaReleaseDocx(stranger, approved.id), message);
  CHECK_FALSE(recognition.certificatePdf(f.reviewer, approved.id).bytes.empty());
}

TEST_CASE("an application not approved has no certificate", "[workflow][recognition]") {
  Recognized f;
  const store::Application submitted = f.submitted(f.staff);
  REQUIRE_THROWS_WITH(f.applications.recognition().certificatePdf(f.staff, submitted.id),
                      "Application " + std::to_string(submitted.id) +
                          " has no certificate: there is one only after an approval.");
}

TEST_CASE("an agency without a city is not approved, with what to fix", "[workflow][recognition]") {
  Recognized f;
  const store::Agency cityless =
      f.accounts.addAgency({"Nowhere PD", store::AgencyKind::LawEnforcement, "VA", "", ""});
  const Actor staff = f.addStaff(cityless.id, "chief@nowhere.gov");
  const store::Application submitted = f.submitted(staff);
  f.applications.claim(f.reviewer, submitted.id);
  const auto approve = [&] {
    f.applications.decide(f.reviewer, submitted.id, FinalDecision::Approve, "");
  };
  REQUIRE_THROWS_AS(approve(), core::ConflictException);
  REQUIRE_THROWS_WITH(approve(),
                      "The agency record of Nowhere PD has no city or state, which its "
                      "certificate and media release print. Add them to the agency, then "
                      "approve again.");
  CHECK(f.store.applications().get(submitted.id).status == store::ApplicationStatus::InReview);
}

TEST_CASE("a certificate's code is verified, ignoring case and spaces", "[workflow][recognition]") {
  Recognized f;
  const store::Application approved = f.approve(ApplicationType::Initial);
  const std::string code = f.store.certificates().forApplication(approved.id)->code;
  std::string typed = " " + code + " ";
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto verified = f.applications.recognition().verify(typed);
  REQUIRE(verified);
  CHECK(verified->status == "valid");
  CHECK(verified->agency.name == "Ashford Police Department");
  CHECK_FALSE(f.applications.recognition().verify("NOPE-NOPE-NOPE").has_value());
}

TEST_CASE("reminders go out when the window opens and at 90, 30 and 7 days, each once",
          "[workflow][recognition]") {
  Recognized f;
  f.approve(ApplicationType::Initial);
  f.clock.advance(kYear * 3);
  CHECK(f.lifecycle.runDaily().reminders == 0);  // the fourth year: no window yet
  for (const auto before : {std::chrono::days(365), std::chrono::days(90), std::chrono::days(30),
                            std::chrono::days(7)}) {
    f.moveTo(before - 1h);
    CHECK(f.lifecycle.runDaily().reminders == 1);
    CHECK(f.lifecycle.runDaily().reminders == 0);
  }
  CHECK(f.membershipActions() ==
        std::vector<std::string>{"membership.started", "certificate.issued",
                                 "membership.reminder_sent", "membership.reminder_sent",
                                 "membership.reminder_sent", "membership.reminder_sent"});
}

TEST_CASE("two instances running the daily job at once send each reminder and lapse once",
          "[workflow][recognition]") {
  Recognized f;
  f.approve(ApplicationType::Initial);
  store::sqlite::Options options;
  options.path = Poco::Path(f.directory, "mkrp.db").toString();
  const std::unique_ptr<store::Store> other = store::sqlite::open(options);
  const MembershipLifecycle second(*other, f.clock);
  const auto runBoth = [&] {
    DailyResult a, b;
    std::thread thread([&] { b = second.runDaily(); });
    a = f.lifecycle.runDaily();
    thread.join();
    return std::make_pair(a, b);
  };
  f.moveTo(std::chrono::days(30) - 1h);
  const auto [remindedA, remindedB] = runBoth();
  CHECK(remindedA.reminders + remindedB.reminders == 1);
  f.moveTo(0ms);
  const auto [lapsedA, lapsedB] = runBoth();
  CHECK(lapsedA.lapsed + lapsedB.lapsed == 1);
  CHECK(f.membershipActions() ==
        std::vector<std::string>{"membership.started", "certificate.issued",
                                 "membership.reminder_sent", "membership.lapsed"});
}

TEST_CASE("a submitted renewal stops the reminders", "[workflow][recognition]") {
  Recognized f;
  f.approve(ApplicationType::Initial);
  f.moveTo(std::chrono::days(200));
  CHECK(f.lifecycle.runDaily().reminders == 1);
  const store::Application renewal = f.applications.create(f.staff, ApplicationType::Renewal);
  f.applications.upload(f.staff, renewal.id, "directive.pdf", testing::fakePdf("Policy text."));
  f.runJobs();
  f.applications.submit(f.staff, renewal.id);
  f.moveTo(std::chrono::days(30) - 1h);
  CHECK(f.lifecycle.runDaily().reminders == 0);
}

TEST_CASE("an approved renewal extends the membership five years from the old expiry",
          "[workflow][recognition]") {
  Recognized f;
  f.approve(ApplicationType::Initial);
  const store::Membership before = f.membership();
  f.moveTo(std::chrono::days(100));
  f.approve(ApplicationType::Renewal);
  const store::Membership after = f.membership();
  CHECK(after.id == before.id);
  CHECK(after.startedAt == before.startedAt);
  CHECK(after.expiresAt == before.expiresAt + std::chrono::days(365 * 5 + 1));  // one 29 Feb
  CHECK(f.membershipActions().back() == "certificate.issued");
  CHECK(f.membershipActions().at(2) == "membership.renewed");
}

TEST_CASE("a membership lapses at expiry, leaves the list, and a renewal reinstates it",
          "[workflow][recognition]") {
  Recognized f;
  f.approve(ApplicationType::Initial);
  const store::Membership before = f.membership();
  f.moveTo(1ms);
  CHECK(f.lifecycle.runDaily().lapsed == 0);
  f.clock.advance(1ms);
  const DailyResult first = f.lifecycle.runDaily();
  const DailyResult second = f.lifecycle.runDaily();
  CHECK(first.lapsed == 1);
  CHECK(second.lapsed == 0);
  CHECK(f.membership().status == MembershipStatus::Lapsed);
  CHECK(f.memberNames().empty());
  f.clock.advance(std::chrono::days(20));
  f.approve(ApplicationType::Renewal);
  const store::Membership after = f.membership();
  CHECK(after.status == MembershipStatus::Active);
  CHECK(after.id == before.id);
  CHECK(after.expiresAt == before.expiresAt + std::chrono::days(365 * 5 + 1));
  CHECK(f.membershipActions().at(3) == "membership.lapsed");
  CHECK(f.membershipActions().at(4) == "membership.reinstated");
  CHECK(f.memberNames() == std::vector<std::string>{"Ashford Police Department"});
}

TEST_CASE("the public list never shows a lapsed or withdrawn agency", "[workflow][recognition]") {
  Recognized f;
  f.approve(ApplicationType::Initial);
  const store::Agency psap = f.addAgency("Bexley 9-1-1", store::AgencyKind::Psap, "MD");
  const Actor psapStaff = f.addStaff(psap.id, "director@bexley.gov");
  const store::Application submitted = f.submitted(psapStaff);
  f.approveSubmitted(submitted.id);
  CHECK(f.memberNames() == std::vector<std::string>{"Bexley 9-1-1", "Ashford Police Department"});
  f.store.memberships().withdraw(f.store.memberships().activeForAgency(psap.id)->id, f.clock.now());
  CHECK(f.memberNames() == std::vector<std::string>{"Ashford Police Department"});
  f.moveTo(0ms);
  CHECK(f.memberNames().empty());  // expired, even before the daily job lapses it
}

TEST_CASE("the term of an approval follows the newest membership", "[workflow][recognition]") {
  const store::TimePoint now{std::chrono::milliseconds(1'700'000'000'000)};
  const auto years = [](store::TimePoint at, int n) { return detail::addYears(at, n); };
  store::Membership m{
      7, 1, 2, now - kYear * 5, now + std::chrono::days(10), MembershipStatus::Active};
  CHECK(termFor(std::nullopt, now, 5) ==
        Term{TermChange::Start, std::nullopt, now, now, years(now, 5)});
  CHECK(termFor(m, now, 5) ==
        Term{TermChange::Extend, 7, m.startedAt, m.expiresAt, years(m.expiresAt, 5)});
  m.status = MembershipStatus::Lapsed;
  CHECK(termFor(m, now, 5) ==
        Term{TermChange::Reinstate, 7, m.startedAt, m.expiresAt, years(m.expiresAt, 5)});
  m.expiresAt = now - kYear * 6;  // lapsed so long that old expiry + 5 years has passed too
  CHECK(termFor(m, now, 5) == Term{TermChange::Reinstate, 7, m.startedAt, now, years(now, 5)});
  m.status = MembershipStatus::Withdrawn;
  CHECK(termFor(m, now, 5).change == TermChange::Start);
}

TEST_CASE("the reminder due is the latest stage reached", "[workflow][recognition]") {
  const store::TimePoint expiry{std::chrono::milliseconds(1'900'000'000'000)};
  const auto due = [&](std::chrono::days before) {
    const auto stage = dueStage(expiry, expiry - before, kYear);
    return stage ? std::string(stage->key) : std::string("none");
  };
  CHECK(due(std::chrono::days(366)) == "none");
  CHECK(due(std::chrono::days(365)) == "window");
  CHECK(due(std::chrono::days(91)) == "window");
  CHECK(due(std::chrono::days(90)) == "90d");
  CHECK(due(std::chrono::days(30)) == "30d");
  CHECK(due(std::chrono::days(8)) == "30d");
  CHECK(due(std::chrono::days(7)) == "7d");
  CHECK(due(std::chrono::days(1)) == "7d");
  CHECK(due(std::chrono::days(0)) == "none");
}

}  // namespace
}  // namespace mkrp::workflow
