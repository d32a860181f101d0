#include "workflow/recognition.h"

#include <Poco/Exception.h>
#include <sodium.h>

#include <cctype>
#include <chrono>
#include <cstdio>

#include "core/errors.h"
#include "render/certificate.h"
#include "render/certificate_dates.h"
#include "render/media_release.h"
#include "store/blob_store.h"
#include "workflow/audit.h"
#include "workflow/clock.h"
#include "workflow/rules.h"

namespace mkrp::workflow {
namespace {

// No 0/O, 1/I/L, so a code read aloud or copied by hand survives.
constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr int kCodeGroups = 3;
constexpr int kCodeGroupLength = 4;

core::AgencyKind coreKind(store::AgencyKind kind) {
  return kind == store::AgencyKind::Psap ? core::AgencyKind::Psap
                                         : core::AgencyKind::LawEnforcement;
}

std::chrono::year_month_day dayOf(store::TimePoint at) {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(at)};
}

std::string certificateNumber(const store::Application& application, store::TimePoint now) {
  char number[40];
  std::snprintf(number, sizeof number, "MKRP-%d-%06lld", static_cast<int>(dayOf(now).year()),
                static_cast<long long>(application.id));
  return number;
}

std::string_view changeName(TermChange change) {
  switch (change) {
    case TermChange::Start:
      return "membership.started";
    case TermChange::Extend:
      return "membership.renewed";
    case TermChange::Reinstate:
      return "membership.reinstated";
  }
  return "membership.changed";
}

render::CertificateData certificateData(const store::Agency& agency,
                                        const PreparedRecognition& prepared,
                                        const std::string& publicUrl) {
  render::CertificateData data;
  data.agencyName = agency.name;
  data.city = agency.city;
  data.state = agency.state;
  data.kind = coreKind(agency.kind);
  data.recognizedOn = dayOf(prepared.term.termStart);
  data.validThrough = dayOf(prepared.term.validThrough);
  data.certificateNumber = prepared.number;
  data.verificationCode = prepared.code;
  data.verifyUrl = publicUrl + "/verify/" + prepared.code;
  return data;
}

render::MediaReleaseData mediaReleaseData(const store::Agency& agency,
                                          const PreparedRecognition& prepared,
                                          store::TimePoint now) {
  render::MediaReleaseData data;
  data.agencyName = agency.name;
  data.city = agency.city;
  data.state = agency.state;
  data.kind = coreKind(agency.kind);
  data.releaseDate = dayOf(now);
  data.recognizedOn = dayOf(prepared.term.recognizedSince);
  data.validThrough = dayOf(prepared.term.validThrough);
  return data;
}

// Applies the term to the store; false when the membership is no longer as it was planned.
bool applyTerm(store::Store& tx, const store::Application& approved, const Term& term,
               store::Id& membershipId) {
  switch (term.change) {
    case TermChange::Start:
      membershipId = tx.memberships()
                         .start(approved.agencyId, approved.id, term.termStart, term.validThrough)
                         .id;
      return true;
    case TermChange::Extend:
      membershipId = *term.membershipId;
      return tx.memberships().extend(membershipId, term.validThrough);
    case TermChange::Reinstate:
      membershipId = *term.membershipId;
      return tx.memberships().reinstate(membershipId, term.validThrough);
  }
  return false;
}

// The certificate and the media release name the agency's city and state; a blank there would
// be printed on a document the agency frames, so the approval stops and says what to fix.
void requireLocation(const store::Agency& agency) {
  if (agency.city.empty() || agency.state.empty()) {
    throw core::ConflictException("The agency record of " + agency.name +
                                  " has no city or state, which its certificate and media release "
                                  "print. Add them to the agency, then approve again.");
  }
}

[[noreturn]] void noCertificate(store::Id applicationId) {
  throw core::NotFoundException("Application " + std::to_string(applicationId) +
                                " has no certificate: there is one only after an approval.");
}

std::string verificationStatus(const store::Certificate& certificate,
                               const store::Membership& membership, store::TimePoint now) {
  switch (membership.status) {
    case store::MembershipStatus::Withdrawn:
      return "withdrawn";
    case store::MembershipStatus::Lapsed:
      return "lapsed";
    case store::MembershipStatus::Active:
      break;
  }
  if (now >= membership.expiresAt) return "lapsed";  // the daily job has not run yet
  return now < certificate.validThrough ? "valid" : "expired";
}

}  // namespace

Term termFor(const std::optional<store::Membership>& latest, store::TimePoint now, int years) {
  using store::MembershipStatus;
  if (!latest || latest->status == MembershipStatus::Withdrawn) {
    return {TermChange::Start, std::nullopt, now, now, detail::addYears(now, years)};
  }
  const store::TimePoint renewed = detail::addYears(latest->expiresAt, years);
  if (latest->status == MembershipStatus::Active) {
    return {TermChange::Extend, latest->id, latest->startedAt, latest->expiresAt, renewed};
  }
  if (renewed > now) {
    return {TermChange::Reinstate, latest->id, latest->startedAt, latest->expiresAt, renewed};
  }
  return {TermChange::Reinstate, latest->id, latest->startedAt, now, detail::addYears(now, years)};
}

Recognition::Recognition(store::Store& store, const store::BlobStore& blobs, const Clock& clock,
                         RecognitionOptions options)
    : store_(store), blobs_(blobs), clock_(clock), options_(std::move(options)) {}

PreparedRecognition Recognition::prepare(const store::Application& application,
                                         store::TimePoint now) const {
  const store::Agency agency = store_.agencies().get(application.agencyId);
  requireLocation(agency);
  PreparedRecognition prepared;
  prepared.term = termFor(store_.memberships().latestForAgency(application.agencyId), now,
                          options_.membershipYears);
  prepared.number = certificateNumber(application, now);
  prepared.code = newVerificationCode();
  prepared.pdfSha256 = blobs_.put(
      render::renderCertificatePdf(certificateData(agency, prepared, options_.publicUrl)));
  prepared.docxSha256 =
      blobs_.put(render::renderMediaReleaseDocx(mediaReleaseData(agency, prepared, now)));
  return prepared;
}

store::Certificate Recognition::record(store::Store& tx, const store::Application& approved,
                                       const PreparedRecognition& prepared, store::TimePoint now,
                                       store::Id actorId) const {
  const Term current =
      termFor(tx.memberships().latestForAgency(approved.agencyId), now, options_.membershipYears);
  store::Id membershipId = 0;
  if (current != prepared.term || !applyTerm(tx, approved, prepared.term, membershipId)) {
    throw core::ConflictException(
        "The agency's membership changed while the approval was being "
        "prepared. Approve the application again.");
  }
  const store::Certificate certificate =
      tx.certificates().add({approved.id, membershipId, approved.agencyId, prepared.number,
                             prepared.code, prepared.term.termStart, prepared.term.validThrough,
                             now, prepared.pdfSha256, prepared.docxSha256});
  const std::string through = render::isoDate(dayOf(prepared.term.validThrough));
  detail::audit(tx, now, actorId, changeName(prepared.term.change), "membership", membershipId,
                detail::Details().add("application", approved.id).add("valid_through", through));
  detail::audit(tx, now, actorId, "certificate.issued", "membership", membershipId,
                detail::Details().add("application", approved.id).add("number", prepared.number));
  return certificate;
}

std::string Recognition::approvalLinks(store::Id applicationId, std::string_view code) const {
  const std::string base =
      options_.publicUrl + "/api/v1/applications/" + std::to_string(applicationId);
  return "Your certificate: " + base + "/certificate.pdf\nYour media release: " + base +
         "/media-release.docx\nAnyone can confirm the certificate at " + options_.publicUrl +
         "/verify/" + std::string(code) + "\n";
}

store::Certificate Recognition::ownCertificate(const Actor& actor, store::Id applicationId) const {
  const std::optional<store::Application> application = store_.applications().find(applicationId);
  if (!application) noCertificate(applicationId);
  const bool staff = actor.role == store::Role::Agency;
  if (staff && actor.agencyId != application->agencyId) noCertificate(applicationId);
  const std::optional<store::Certificate> certificate =
      store_.certificates().forApplication(applicationId);
  if (!certificate) noCertificate(applicationId);
  return *certificate;
}

Download Recognition::certificatePdf(const Actor& actor, store::Id applicationId) const {
  const store::Certificate certificate = ownCertificate(actor, applicationId);
  return {"mkrp-certificate-" + certificate.number + ".pdf", "application/pdf",
          blobs_.get(certificate.pdfSha256)};
}

Download Recognition::mediaReleaseDocx(const Actor& actor, store::Id applicationId) const {
  const store::Certificate certificate = ownCertificate(actor, applicationId);
  return {"mkrp-media-release-" + certificate.number + ".docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          blobs_.get(certificate.docxSha256)};
}

std::optional<Verification> Recognition::verify(std::string_view code) const {
  const std::string wanted = normalizedCode(code);
  if (wanted.empty()) return std::nullopt;
  const std::optional<store::Certificate> certificate = store_.certificates().findByCode(wanted);
  if (!certificate) return std::nullopt;
  const std::optional<store::Membership> membership =
      store_.memberships().find(certificate->membershipId);
  if (!membership) return std::nullopt;
  return Verification{verificationStatus(*certificate, *membership, clock_.now()), *certificate,
                      store_.agencies().get(certificate->agencyId), *membership};
}

std::vector<store::Member> Recognition::members(const store::MemberQuery& query) const {
  store::MemberQuery normalized = query;
  if (normalized.state) {
    for (char& c : *normalized.state)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return store_.memberships().members(normalized, clock_.now());
}

std::string newVerificationCode() {
  // sodium_init is idempotent and thread-safe.
  if (sodium_init() < 0) throw Poco::SystemException("libsodium could not be initialised");
  std::string code;
  for (int group = 0; group < kCodeGroups; ++group) {
    if (group > 0) code += '-';
    for (int i = 0; i < kCodeGroupLength; ++i) {
      code += kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
    }
  }
  return code;
}

std::string normalizedCode(std::string_view typed) {
  std::string code;
  for (const char c : typed) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return code;
}

}  // namespace mkrp::workflow
