// Delivery of the notification outbox (notifications.h): messages are leased like jobs, handed
// to a MailSender, marked sent, or retried with backoff until they fail for good. The transport
// itself (SMTP) is the caller's: this module knows no network type.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/store.h"
#include "workflow/clock.h"

namespace Poco {
class Logger;
}

namespace mkrp::workflow {

// Hands one message to the mail system.
class MailSender {
 public:
  virtual ~MailSender() = default;
  // Returns when the mail system accepted the message. Throws (any std::exception, with a
  // message for the log) when it did not; the message is then retried.
  virtual void send(const store::OutboxMessage& message) = 0;
};

// How many messages one deliverDue() call handled, by outcome.
struct DeliveryCounts {
  int sent = 0;
  int retrying = 0;  // failed this time; tried again after the backoff
  int failed = 0;    // failed for good after policy.maxAttempts
  bool operator==(const DeliveryCounts&) const = default;
};

class MailDelivery {
 public:
  // Keeps references to everything it is given; all must outlive it. `owner` names this
  // instance in the leases (unique among instances sharing the store).
  MailDelivery(store::Store& store, MailSender& sender, const Clock& clock,
               store::JobPolicy policy, std::string owner, Poco::Logger& logger);
  // Stops the thread (see stop()).
  ~MailDelivery();
  MailDelivery(const MailDelivery&) = delete;
  MailDelivery& operator=(const MailDelivery&) = delete;

  // Sends every message that is due now, one at a time, and returns what happened. A message
  // whose lease another instance holds is left to it. Thread-safe.
  DeliveryCounts deliverDue();

  // Runs deliverDue() on a thread of its own every `poll`, until stop().
  void start(std::chrono::milliseconds poll);
  // Asks the thread to stop and waits for it; a message being sent is finished first.
  void stop();

 private:
  void loop(std::chrono::milliseconds poll);

  store::Store& store_;
  MailSender& sender_;
  const Clock& clock_;
  store::JobPolicy policy_;
  std::string owner_;
  Poco::Logger& logger_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wakeUp_;
  bool stopping_ = false;
};

}  // namespace mkrp::workflow
