#include "workflow/mail_delivery.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace mkrp::workflow {

MailDelivery::MailDelivery(store::Store& store, MailSender& sender, const Clock& clock,
                           store::JobPolicy policy, std::string owner, Poco::Logger& logger)
    : store_(store),
      sender_(sender),
      clock_(clock),
      policy_(policy),
      owner_(std::move(owner)),
      logger_(logger) {}

MailDelivery::~MailDelivery() { stop(); }

DeliveryCounts MailDelivery::deliverDue() {
  DeliveryCounts counts;
  while (const std::optional<store::OutboxMessage> message =
             store_.outbox().claim(owner_, clock_.now(), policy_)) {
    std::string error;
    try {
      sender_.send(*message);
    } catch (const Poco::Exception& failure) {
      error = failure.displayText();
    } catch (const std::exception& failure) {
      error = failure.what();
    }
    if (error.empty()) {
      if (store_.outbox().markSent(message->id, owner_, message->attempts, clock_.now())) {
        ++counts.sent;
      } else {
        // Sent, but the lease ran out meanwhile: another instance may send it again. Rare (the
        // lease is much longer than a delivery) and better than a notice never sent.
        logger_.warning("mail %Ld to %s was sent after its lease ran out",
                        static_cast<Poco::Int64>(message->id), message->recipient);
      }
      continue;
    }
    const store::FailOutcome outcome = store_.outbox().markFailed(
        message->id, owner_, message->attempts, error, clock_.now(), policy_);
    if (outcome == store::FailOutcome::Failed) {
      ++counts.failed;
      logger_.error("mail %Ld to %s failed for good after %d attempts: %s",
                    static_cast<Poco::Int64>(message->id), message->recipient,
                    message->attempts, error);
    } else if (outcome == store::FailOutcome::Retrying) {
      ++counts.retrying;
      logger_.warning("mail %Ld to %s not sent, will retry: %s",
                      static_cast<Poco::Int64>(message->id), message->recipient, error);
    }
  }
  return counts;
}

void MailDelivery::start(std::chrono::milliseconds poll) {
  const std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this, poll] { loop(poll); });
}

void MailDelivery::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeUp_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MailDelivery::loop(std::chrono::milliseconds poll) {
  for (;;) {
    try {
      deliverDue();
    } catch (const Poco::Exception& error) {
      logger_.error("mail delivery: %s", error.displayText());
    } catch (const std::exception& error) {
      logger_.error("mail delivery: %s", std::string(error.what()));
    }
    std::unique_lock lock(mutex_);
    if (wakeUp_.wait_for(lock, poll, [this] { return stopping_; })) return;
  }
}

}  // namespace mkrp::workflow
