// Memberships through their lifecycle, the public list, and the certificates approvals issue.
#include <catch2/catch.hpp>

#include "backends.h"
#include "core/errors.h"

namespace mkrp::store {
namespace {

using testing::at;

const std::string kPdfHash(64, 'a');
const std::string kDocxHash(64, 'b');

struct RecognitionFixture : testing::Fixture {
  Agency addAgency(std::string name, AgencyKind kind, std::string state) {
    return store.agencies().add({std::move(name), kind, std::move(state), "Springfield", ""},
                                at(0));
  }
  // An approved-looking application and a membership for `agency` from `start` to `end`.
  Membership member(const Agency& agency, int start, int end) {
    const Application app = store.applications().create(agency.id, ApplicationType::Initial, at(0));
    return store.memberships().start(agency.id, app.id, at(start), at(end));
  }
  NewCertificate certificate(const Membership& m, std::string number, std::string code) {
    return {m.applicationId, m.id,        m.agencyId, std::move(number), std::move(code),
            m.startedAt,     m.expiresAt, at(1),      kPdfHash,          kDocxHash};
  }
};

std::vector<std::string> names(const std::vector<Member>& members) {
  std::vector<std::string> out;
  for (const Member& m : members) out.push_back(m.agency.name);
  return out;
}

TEST_CASE("a lapsed membership is reinstated with its new expiry", "[store]") {
  RecognitionFixture f;
  const Membership m =
      f.member(f.addAgency("Ashford PD", AgencyKind::LawEnforcement, "VA"), 0, 100);
  auto& members = f.store.memberships();
  CHECK_FALSE(members.reinstate(m.id, at(200)));  // active: nothing to reinstate
  CHECK(members.lapse(m.id));
  CHECK(members.reinstate(m.id, at(200)));
  CHECK_FALSE(members.reinstate(m.id, at(300)));
  const Membership back = *members.find(m.id);
  CHECK(back.status == MembershipStatus::Active);
  CHECK(back.expiresAt == at(200));
  CHECK(back.startedAt == at(0));
}

TEST_CASE("a membership lapses only once its expiry has come", "[store]") {
  RecognitionFixture f;
  const Membership m =
      f.member(f.addAgency("Ashford PD", AgencyKind::LawEnforcement, "VA"), 0, 100);
  auto second = f.database->open();
  CHECK_FALSE(f.store.memberships().lapseExpired(m.id, at(99)));
  CHECK(f.store.memberships().lapseExpired(m.id, at(100)));
  CHECK_FALSE(second->memberships().lapseExpired(m.id, at(100)));
  CHECK(f.store.memberships().find(m.id)->status == MembershipStatus::Lapsed);
}

TEST_CASE("a withdrawn membership reads as withdrawn and is never reinstated", "[store]") {
  RecognitionFixture f;
  const Agency agency = f.addAgency("Ashford PD", AgencyKind::LawEnforcement, "VA");
  const Membership m = f.member(agency, 0, 100);
  auto& members = f.store.memberships();
  CHECK(members.withdraw(m.id, at(10)));
  CHECK_FALSE(members.withdraw(m.id, at(11)));
  CHECK(members.find(m.id)->status == MembershipStatus::Withdrawn);
  CHECK(members.latestForAgency(agency.id)->id == m.id);
  CHECK_FALSE(members.activeForAgency(agency.id).has_value());
  CHECK_FALSE(members.reinstate(m.id, at(200)));
  CHECK_FALSE(members.lapseExpired(m.id, at(100)));
}

TEST_CASE("the public list holds active members only, filtered by kind and state", "[store]") {
  RecognitionFixture f;
  f.member(f.addAgency("Zeta PD", AgencyKind::LawEnforcement, "VA"), 0, 1000);
  f.member(f.addAgency("Alpha 911", AgencyKind::Psap, "VA"), 10, 1000);
  f.member(f.addAgency("Beta 911", AgencyKind::Psap, "MD"), 20, 1000);
  const Membership lapsed =
      f.member(f.addAgency("Lapsed PD", AgencyKind::LawEnforcement, "VA"), 0, 1000);
  const Membership withdrawn = f.member(f.addAgency("Gone 911", AgencyKind::Psap, "VA"), 0, 1000);
  f.member(f.addAgency("Expired PD", AgencyKind::LawEnforcement, "VA"), 0, 50);
  f.store.memberships().lapse(lapsed.id);
  f.store.memberships().withdraw(withdrawn.id, at(5));
  auto& members = f.store.memberships();
  CHECK(names(members.members({}, at(60))) ==
        std::vector<std::string>{"Beta 911", "Alpha 911", "Zeta PD"});
  CHECK(names(members.members({AgencyKind::Psap, std::nullopt, {}, {}}, at(60))) ==
        std::vector<std::string>{"Beta 911", "Alpha 911"});
  CHECK(names(members.members({std::nullopt, "VA", {}, {}}, at(60))) ==
        std::vector<std::string>{"Alpha 911", "Zeta PD"});
  CHECK(names(members.members({AgencyKind::Psap, std::nullopt, at(10), at(20)}, at(60))) ==
        std::vector<std::string>{"Alpha 911"});
  const Member first = members.members({std::nullopt, "MD", {}, {}}, at(60)).at(0);
  CHECK(first.agency.kind == AgencyKind::Psap);
  CHECK(first.agency.city == "Springfield");
  CHECK(first.membership.startedAt == at(20));
  CHECK(first.membership.expiresAt == at(1000));
}

TEST_CASE("a certificate is stored once per application and found by its code", "[store]") {
  RecognitionFixture f;
  const Membership m =
      f.member(f.addAgency("Ashford PD", AgencyKind::LawEnforcement, "VA"), 0, 100);
  const Certificate added = f.store.certificates().add(f.certificate(m, "MKRP-1", "ABCD-EFGH"));
  CHECK(added.id > 0);
  const auto byCode = f.store.certificates().findByCode("ABCD-EFGH");
  REQUIRE(byCode);
  CHECK(byCode->applicationId == m.applicationId);
  CHECK(byCode->number == "MKRP-1");
  CHECK(byCode->validThrough == at(100));
  CHECK(byCode->pdfSha256 == kPdfHash);
  CHECK(byCode->docxSha256 == kDocxHash);
  CHECK(f.store.certificates().forApplication(m.applicationId)->code == "ABCD-EFGH");
  CHECK_FALSE(f.store.certificates().findByCode("abcd-efgh").has_value());
  REQUIRE_THROWS_AS(f.store.certificates().add(f.certificate(m, "MKRP-2", "OTHER")),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(f.store.certificates().add(f.certificate(m, "MKRP-2", "OTHER")),
                      "Application " + std::to_string(m.applicationId) +
                          " has a certificate already, or its number or code is taken.");
}

}  // namespace
}  // namespace mkrp::store
