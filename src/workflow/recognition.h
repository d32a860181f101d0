// What an approval gives an agency, and what the public may see of it: the certificate PDF and
// the media-release DOCX (rendered once, kept in the BlobStore), the five-year membership they
// belong to, the verification of a certificate's code, and the list of recognized agencies.
//
// An approval prepares its documents before its transaction (rendering takes a moment and must
// not hold the write lock) and records them inside it, with the membership, the audit entries
// and the approval notice; see Applications::decide.
//
// An admin may withdraw a membership (membership_withdrawal.cpp).
//
// Errors: core::NotFoundException (no such certificate, or not the actor's to see),
// core::ConflictException (the membership changed between preparing and recording: approve
// again), InvalidRequestException (a bad filter).
//
// Thread-safe: one Recognition serves every request.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"
#include "store/store.h"
#include "workflow/actor.h"

namespace mkrp::store {
class BlobStore;
}

namespace mkrp::workflow {

class Clock;

struct RecognitionOptions {
  // How long a membership runs from an approval, or a renewal from the old expiry.
  int membershipYears = 5;
  // The address people reach the service at: links in notices, the verify address printed on
  // certificates. No trailing slash.
  std::string publicUrl = "http://localhost:8080";
};

// How an approval changes the agency's membership.
enum class TermChange { Start, Extend, Reinstate };

// The term an approval grants: the pure decision, made from the agency's newest membership.
struct Term {
  TermChange change = TermChange::Start;
  std::optional<store::Id> membershipId;  // the membership extended or reinstated
  store::TimePoint recognizedSince;       // when the membership began (kept by renewals)
  store::TimePoint termStart;             // approval, or the old expiry for a renewal
  store::TimePoint validThrough;
  bool operator==(const Term&) const = default;
};

// The term an approval at `now` grants: a new membership for an agency without one (or whose
// last one was withdrawn); five years from the old expiry for an active membership; the same for
// a lapsed one, reinstated, unless that end has passed too (then five years from `now`).
Term termFor(const std::optional<store::Membership>& latest, store::TimePoint now, int years);

// What an approval issues, prepared before its transaction.
struct PreparedRecognition {
  Term term;
  std::string number;  // "MKRP-2026-000042"
  std::string code;    // "K7QD-3MFA-9XWE"
  std::string pdfSha256;
  std::string docxSha256;
};

// A stored document ready to send.
struct Download {
  std::string filename;
  std::string contentType;
  std::string bytes;
};

// What /verify/{code} tells the public.
struct Verification {
  std::string
      status;  // "valid", "expired" (a later certificate replaced it), "lapsed", "withdrawn"
  store::Certificate certificate;
  store::Agency agency;
  store::Membership membership;
};

class Recognition {
 public:
  // Keeps references; all must outlive it.
  Recognition(store::Store& store, const store::BlobStore& blobs, const Clock& clock,
              RecognitionOptions options = {});

  // Renders the certificate and the media release of approving `application` at `now` and
  // stores them in the BlobStore. Throws what render and the BlobStore throw.
  PreparedRecognition prepare(const store::Application& application, store::TimePoint now) const;

  // Inside the approval's transaction: records the term, the certificate, their audit entries.
  // Throws core::ConflictException when the membership changed since prepare().
  store::Certificate record(store::Store& tx, const store::Application& approved,
                            const PreparedRecognition& prepared, store::TimePoint now,
                            store::Id actorId) const;

  // The links an approval notice carries for `applicationId` and certificate `code`.
  std::string approvalLinks(store::Id applicationId, std::string_view code) const;

  // The certificate PDF / media release of an approved application: for its agency's staff,
  // reviewers and admins; anyone else gets core::NotFoundException, as for one without any.
  Download certificatePdf(const Actor& actor, store::Id applicationId) const;
  Download mediaReleaseDocx(const Actor& actor, store::Id applicationId) const;

  // The certificate with this code (case and spaces ignored), if any. Public.
  std::optional<Verification> verify(std::string_view code) const;

  // Recognized agencies now: active, unexpired memberships. Public.
  std::vector<store::Member> members(const store::MemberQuery& query) const;

  // Admins: ends the agency's membership for good, at the agency's request or the program's
  // decision. The agency leaves the public list at once, its certificates verify as withdrawn,
  // its staff are told why, and the audit log keeps who did it and why. A later approved
  // application starts a new membership. Throws ForbiddenException for anyone but an admin,
  // InvalidRequestException without a reason, core::NotFoundException when the agency has never
  // been a member, core::ConflictException when its membership was withdrawn already.
  store::Membership withdrawMembership(const Actor& actor, store::Id agencyId,
                                       std::string_view reason) const;

  const RecognitionOptions& options() const { return options_; }

 private:
  store::Certificate ownCertificate(const Actor& actor, store::Id applicationId) const;

  store::Store& store_;
  const store::BlobStore& blobs_;
  const Clock& clock_;
  RecognitionOptions options_;
};

// A fresh verification code: 12 characters from an alphabet without look-alikes, in three
// groups ("K7QD-3MFA-9XWE"). Thread-safe.
std::string newVerificationCode();

// The code as typed by a person, made comparable: upper case, spaces removed.
std::string normalizedCode(std::string_view typed);

}  // namespace mkrp::workflow
