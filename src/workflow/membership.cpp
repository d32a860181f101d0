#include "workflow/membership.h"

#include "render/certificate_dates.h"
#include "workflow/audit.h"
#include "workflow/clock.h"
#include "workflow/notifications.h"

namespace mkrp::workflow {
namespace {

std::chrono::year_month_day dayOf(store::TimePoint at) {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(at)};
}

std::string expiryKey(const store::Membership& membership) {
  return std::to_string(membership.expiresAt.time_since_epoch().count());
}

// Whether the agency has submitted a renewal since the window of this term opened.
bool renewalSubmitted(store::Store& store, const store::Membership& membership,
                      store::TimePoint windowOpened) {
  for (const store::Application& application :
       store.applications().listForAgency(membership.agencyId)) {
    if (application.type == store::ApplicationType::Renewal && application.submittedAt &&
        *application.submittedAt >= windowOpened &&
        application.status != store::ApplicationStatus::Withdrawn) {
      return true;
    }
  }
  return false;
}

struct Notice {
  std::string key;  // unique per membership term and event
  std::string subject;
  std::string body;
};

// Queues `notice` once for each staff account of the membership's agency.
void notifyStaff(store::Store& tx, const store::Membership& membership, const Notice& notice,
                 store::TimePoint now) {
  detail::notifyAgencyStaff(tx, membership.agencyId, notice.key, notice.subject, notice.body, now);
}

Notice reminderNotice(const store::Agency& agency, const store::Membership& membership,
                      const ReminderStage& stage, const std::string& publicUrl) {
  const std::string through = render::longDate(dayOf(membership.expiresAt));
  const std::string opening =
      stage.key == "window"
          ? "The renewal window of your MKRP membership is open."
          : "Your MKRP membership ends in " + std::to_string(stage.before.count()) + " days.";
  return {"membership:" + std::to_string(membership.id) + ":" + expiryKey(membership) + ":" +
              std::string(stage.key),
          "MKRP membership of " + agency.name + ": renew before " + through,
          "Hello,\n\n" + opening + " The membership of " + agency.name + " is valid through " +
              through +
              ". To remain a member, submit a renewal application with your directives and your "
              "training roster: " +
              publicUrl + "\n\nMissing Kids Readiness Program\n"};
}

Notice lapseNotice(const store::Agency& agency, const store::Membership& membership) {
  return {"membership:" + std::to_string(membership.id) + ":" + expiryKey(membership) + ":lapsed",
          "MKRP membership of " + agency.name + " has lapsed",
          "Hello,\n\nThe MKRP membership of " + agency.name + " ended on " +
              render::longDate(dayOf(membership.expiresAt)) +
              " without an approved renewal, and the agency is no longer on the list of members. "
              "An approved renewal application reinstates it.\n\nMissing Kids Readiness "
              "Program\n"};
}

}  // namespace

std::vector<ReminderStage> reminderStages(std::chrono::days renewalWindow) {
  return {{"window", renewalWindow},
          {"90d", std::chrono::days(90)},
          {"30d", std::chrono::days(30)},
          {"7d", std::chrono::days(7)}};
}

std::optional<ReminderStage> dueStage(store::TimePoint expiresAt, store::TimePoint now,
                                      std::chrono::days renewalWindow) {
  if (now >= expiresAt) return std::nullopt;
  std::optional<ReminderStage> due;
  for (const ReminderStage& stage : reminderStages(renewalWindow)) {
    if (now >= expiresAt - stage.before) due = stage;
  }
  return due;
}

MembershipLifecycle::MembershipLifecycle(store::Store& store, const Clock& clock,
                                         MembershipOptions options)
    : store_(store), clock_(clock), options_(std::move(options)) {}

DailyResult MembershipLifecycle::runDaily() const {
  const store::TimePoint now = clock_.now();
  DailyResult result;
  for (const store::Membership& membership : store_.memberships().activeExpiringBefore(
           now + options_.renewalWindow + std::chrono::days(1))) {
    if (lapseIfExpired(membership, now)) {
      ++result.lapsed;
    } else if (remindIfDue(membership, now)) {
      ++result.reminders;
    }
  }
  return result;
}

bool MembershipLifecycle::lapseIfExpired(const store::Membership& membership,
                                         store::TimePoint now) const {
  if (now < membership.expiresAt) return false;
  return store::inTransaction(store_, [&](store::Store& tx) {
    if (!tx.memberships().lapseExpired(membership.id, now)) return false;
    detail::audit(tx, now, std::nullopt, "membership.lapsed", "membership", membership.id,
                  detail::Details().add("expired", render::isoDate(dayOf(membership.expiresAt))));
    notifyStaff(tx, membership, lapseNotice(tx.agencies().get(membership.agencyId), membership),
                now);
    return true;
  });
}

bool MembershipLifecycle::remindIfDue(const store::Membership& membership,
                                      store::TimePoint now) const {
  const std::optional<ReminderStage> stage =
      dueStage(membership.expiresAt, now, options_.renewalWindow);
  if (!stage ||
      renewalSubmitted(store_, membership, membership.expiresAt - options_.renewalWindow)) {
    return false;
  }
  return store::inTransaction(store_, [&](store::Store& tx) {
    if (!tx.memberships().recordReminder(
            membership.id, expiryKey(membership) + ":" + std::string(stage->key), now)) {
      return false;
    }
    detail::audit(tx, now, std::nullopt, "membership.reminder_sent", "membership", membership.id,
                  detail::Details().add("reminder", stage->key));
    notifyStaff(tx, membership,
                reminderNotice(tx.agencies().get(membership.agencyId), membership, *stage,
                               options_.publicUrl),
                now);
    return true;
  });
}

}  // namespace mkrp::workflow
