// Recognition::withdrawMembership: the program ends a membership before its term is over.
#include <chrono>
#include <string>

#include "core/errors.h"
#include "render/certificate_dates.h"
#include "workflow/audit.h"
#include "workflow/clock.h"
#include "workflow/errors.h"
#include "workflow/notifications.h"
#include "workflow/recognition.h"

namespace mkrp::workflow {
namespace {

// Long enough for a sentence or two; the agency reads it in the notice.
constexpr std::size_t kMaxReasonLength = 2000;

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

void withdrawalNotice(store::Store& tx, const store::Agency& agency,
                      const store::Membership& membership, const std::string& reason,
                      store::TimePoint now) {
  const std::string day = render::longDate(
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now)});
  detail::notifyAgencyStaff(
      tx, agency.id, "membership:" + std::to_string(membership.id) + ":withdrawn",
      "MKRP membership of " + agency.name + " was withdrawn",
      "Hello,\n\nThe MKRP membership of " + agency.name + " was withdrawn on " + day +
          ". The agency is no longer on the list of members, and its certificates no longer "
          "verify as valid.\n\nThe reason given:\n\n" +
          reason +
          "\n\nTo be recognized again, submit a new application with your directives and your "
          "training roster.\n\nMissing Kids Readiness Program\n",
      now);
}

}  // namespace

store::Membership Recognition::withdrawMembership(const Actor& actor, store::Id agencyId,
                                                  std::string_view reason) const {
  if (actor.role != store::Role::Admin) {
    throw ForbiddenException("Only an administrator may withdraw a membership.");
  }
  const std::string why = trimmed(reason);
  if (why.empty()) {
    throw InvalidRequestException(
        "Say why the membership is withdrawn: the agency receives the reason, and the audit log "
        "keeps it.");
  }
  if (why.size() > kMaxReasonLength) {
    throw InvalidRequestException("The reason is too long: keep it under " +
                                  std::to_string(kMaxReasonLength) + " characters.");
  }
  return store::inTransaction(store_, [&](store::Store& tx) {
    const std::optional<store::Agency> agency = tx.agencies().find(agencyId);
    const std::optional<store::Membership> membership =
        agency ? tx.memberships().latestForAgency(agencyId) : std::nullopt;
    if (!membership) {
      throw core::NotFoundException("Agency " + std::to_string(agencyId) +
                                    " has no membership to withdraw.");
    }
    const store::TimePoint now = clock_.now();
    if (!tx.memberships().withdraw(membership->id, now)) {
      throw core::ConflictException("The membership of " + agency->name +
                                    " was withdrawn already.");
    }
    detail::audit(tx, now, actor.userId, "membership.withdrawn", "membership", membership->id,
                  detail::Details().add("agency", agencyId).add("reason", why));
    withdrawalNotice(tx, *agency, *membership, why, now);
    return tx.memberships().find(membership->id).value();
  });
}

}  // namespace mkrp::workflow
