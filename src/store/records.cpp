#include "store/records.h"

#include <Poco/Exception.h>

#include <array>
#include <utility>

namespace mkrp::store {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<AgencyKind, 2> kAgencyKinds{{
    {AgencyKind::LawEnforcement, "le"},
    {AgencyKind::Psap, "psap"},
}};
constexpr Names<Role, 3> kRoles{{
    {Role::Agency, "agency"},
    {Role::Reviewer, "reviewer"},
    {Role::Admin, "admin"},
}};
constexpr Names<ApplicationType, 2> kApplicationTypes{{
    {ApplicationType::Initial, "initial"},
    {ApplicationType::Renewal, "renewal"},
}};
constexpr Names<ApplicationStatus, 6> kApplicationStatuses{{
    {ApplicationStatus::Draft, "draft"},
    {ApplicationStatus::Submitted, "submitted"},
    {ApplicationStatus::InReview, "in_review"},
    {ApplicationStatus::Returned, "returned"},
    {ApplicationStatus::Approved, "approved"},
    {ApplicationStatus::Withdrawn, "withdrawn"},
}};
constexpr Names<Decision, 2> kDecisions{{
    {Decision::Accepted, "accepted"},
    {Decision::Deficient, "deficient"},
}};
constexpr Names<DocumentStatus, 4> kDocumentStatuses{{
    {DocumentStatus::Queued, "queued"},
    {DocumentStatus::Extracting, "extracting"},
    {DocumentStatus::Checked, "checked"},
    {DocumentStatus::Unreadable, "unreadable"},
}};
constexpr Names<JobState, 4> kJobStates{{
    {JobState::Queued, "queued"},
    {JobState::Leased, "leased"},
    {JobState::Done, "done"},
    {JobState::Failed, "failed"},
}};
constexpr Names<OutboxState, 4> kOutboxStates{{
    {OutboxState::Pending, "pending"},
    {OutboxState::Sending, "sending"},
    {OutboxState::Sent, "sent"},
    {OutboxState::Failed, "failed"},
}};
constexpr Names<MembershipStatus, 3> kMembershipStatuses{{
    {MembershipStatus::Active, "active"},
    {MembershipStatus::Lapsed, "lapsed"},
    {MembershipStatus::Withdrawn, "withdrawn"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  throw Poco::BugcheckException("enum value without a name");
}

template <typename E, std::size_t N>
E valueOf(const Names<E, N>& names, std::string_view text, std::string_view what) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  throw Poco::DataFormatException("\"" + std::string(text) + "\" is not a known " +
                                  std::string(what) + ".");
}

}  // namespace

std::string_view toString(AgencyKind kind) { return nameOf(kAgencyKinds, kind); }
std::string_view toString(Role role) { return nameOf(kRoles, role); }
std::string_view toString(ApplicationType type) { return nameOf(kApplicationTypes, type); }
std::string_view toString(ApplicationStatus status) { return nameOf(kApplicationStatuses, status); }
std::string_view toString(Decision decision) { return nameOf(kDecisions, decision); }
std::string_view toString(DocumentStatus status) { return nameOf(kDocumentStatuses, status); }
std::string_view toString(JobState state) { return nameOf(kJobStates, state); }
std::string_view toString(OutboxState state) { return nameOf(kOutboxStates, state); }
std::string_view toString(MembershipStatus status) { return nameOf(kMembershipStatuses, status); }

AgencyKind parseAgencyKind(std::string_view text) {
  return valueOf(kAgencyKinds, text, "agency kind (le or psap)");
}
Role parseRole(std::string_view text) {
  return valueOf(kRoles, text, "role (agency, reviewer or admin)");
}
ApplicationType parseApplicationType(std::string_view text) {
  return valueOf(kApplicationTypes, text, "application type (initial or renewal)");
}
ApplicationStatus parseApplicationStatus(std::string_view text) {
  return valueOf(kApplicationStatuses, text, "application status");
}
Decision parseDecision(std::string_view text) {
  return valueOf(kDecisions, text, "decision (accepted or deficient)");
}
DocumentStatus parseDocumentStatus(std::string_view text) {
  return valueOf(kDocumentStatuses, text, "document status");
}
JobState parseJobState(std::string_view text) { return valueOf(kJobStates, text, "job state"); }
OutboxState parseOutboxState(std::string_view text) {
  return valueOf(kOutboxStates, text, "outbox state");
}
MembershipStatus parseMembershipStatus(std::string_view text) {
  return valueOf(kMembershipStatuses, text, "membership status");
}

std::string emailKey(std::string_view email) {
  const auto first = email.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = email.find_last_not_of(" \t\r\n");
  std::string key(email.substr(first, last - first + 1));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

}  // namespace mkrp::store
