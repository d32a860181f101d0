// The membership lifecycle after an approval, applied by a daily job: the renewal window opens
// at the start of the fifth year; reminders go to the outbox when it opens and at 90, 30 and 7
// days before expiry, until a renewal is submitted; at expiry without an approved renewal the
// membership lapses (and leaves the public list). An approved renewal (Recognition) extends or
// reinstates it.
//
// The job is idempotent and safe on several instances at once: a lapse is a conditional UPDATE
// on the status and the expiry, a reminder is sent only by whoever first records its key, and
// each happens in one transaction with its audit entry and its messages.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"
#include "store/store.h"

namespace mkrp::workflow {

class Clock;

struct MembershipOptions {
  // How long before expiry the renewal window opens (the start of the fifth year).
  std::chrono::days renewalWindow{365};
  // Where links in reminders point. No trailing slash.
  std::string publicUrl = "http://localhost:8080";
};

// One reminder stage: its key and how long before expiry it is due.
struct ReminderStage {
  std::string_view key;  // "window", "90d", "30d", "7d"
  std::chrono::days before;
};

// The stages in the order they fall due, given the window length.
std::vector<ReminderStage> reminderStages(std::chrono::days renewalWindow);

// The latest stage due at `now` for a membership expiring at `expiresAt`, or nothing before the
// window opens (or at expiry, when lapsing is what is due).
std::optional<ReminderStage> dueStage(store::TimePoint expiresAt, store::TimePoint now,
                                      std::chrono::days renewalWindow);

// What one run did.
struct DailyResult {
  int reminders = 0;  // reminder stages sent (one message per staff account each)
  int lapsed = 0;
};

class MembershipLifecycle {
 public:
  // Keeps references; both must outlive it.
  MembershipLifecycle(store::Store& store, const Clock& clock, MembershipOptions options = {});

  // Applies every transition due at the clock's now. Throws what the store throws; what was
  // applied before stays applied, and a second run completes the rest.
  DailyResult runDaily() const;

 private:
  bool lapseIfExpired(const store::Membership& membership, store::TimePoint now) const;
  bool remindIfDue(const store::Membership& membership, store::TimePoint now) const;

  store::Store& store_;
  const Clock& clock_;
  MembershipOptions options_;
};

}  // namespace mkrp::workflow
