// Notifications leave the outbox by SMTP: delivered once, retried with backoff while the mail
// server refuses, failed for good after the last attempt; tested against a local SMTP sink.
#include <Poco/Logger.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <catch2/catch.hpp>

#include "app/smtp_sender.h"
#include "smtp_sink.h"
#include "workflow/mail_delivery.h"
#include "workflow_testing.h"

namespace mkrp::app {
namespace {

using testing::SmtpSink;

SmtpSettings settingsFor(const SmtpSink& sink) {
  SmtpSettings settings;
  settings.host = "127.0.0.1";
  settings.port = sink.port();
  settings.from = "MKRP Review <no-reply@mkrp.test>";
  settings.timeoutSeconds = 10;
  return settings;
}

store::OutboxMessage message(std::string recipient, std::string subject, std::string body) {
  store::OutboxMessage out;
  out.recipient = std::move(recipient);
  out.subject = std::move(subject);
  out.body = std::move(body);
  return out;
}

TEST_CASE("the SMTP sender delivers a message with its recipient, subject and body", "[mail]") {
  SmtpSink sink;
  SmtpSender sender(settingsFor(sink));
  sender.send(message("a@harlow.test", "Your application was returned",
                      "A reviewer returned your application.\nSign in to read why."));
  const auto received = sink.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].from == "no-reply@mkrp.test");
  CHECK(received[0].recipients == std::vector<std::string>{"a@harlow.test"});
  CHECK_THAT(received[0].data, Catch::Contains("Subject: Your application was returned"));
  CHECK_THAT(received[0].data, Catch::Contains("A reviewer returned your application."));
  CHECK_THAT(received[0].data, Catch::Contains("charset=UTF-8"));
  CHECK(received[0].user.empty());
}

TEST_CASE("the SMTP sender signs in when a user is configured", "[mail]") {
  SmtpSink sink;
  SmtpSettings settings = settingsFor(sink);
  settings.user = "mailer";
  settings.password = "secret";
  SmtpSender(settings).send(message("a@harlow.test", "Subject", "Body"));
  REQUIRE(sink.received().size() == 1);
  CHECK(sink.received()[0].user == "mailer");
}

TEST_CASE("a message the mail server refuses throws, so the outbox keeps it", "[mail]") {
  SmtpSink sink;
  sink.refuseNext(1);
  SmtpSender sender(settingsFor(sink));
  REQUIRE_THROWS_AS(sender.send(message("a@harlow.test", "Subject", "Body")),
                    Poco::Net::SMTPException);
  CHECK(sink.received().empty());
}

TEST_CASE("an unreachable mail server throws", "[mail]") {
  std::uint16_t closedPort = 0;
  {
    Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
    closedPort = probe.address().port();
  }
  SmtpSettings settings;
  settings.host = "127.0.0.1";
  settings.port = closedPort;
  settings.from = "no-reply@mkrp.test";
  REQUIRE_THROWS_AS(SmtpSender(settings).send(message("a@harlow.test", "Subject", "Body")),
                    Poco::Net::NetException);
}

// The outbox of a fresh store, delivered through the sink.
struct Delivering : workflow::testing::Fixture {
  Delivering() : sender(settingsFor(sink)) {
    mailPolicy.maxAttempts = 3;
    mailPolicy.baseDelay = std::chrono::seconds(30);
  }

  store::Id enqueue(std::string recipient, std::string subject) {
    return *store.outbox().enqueue(message(std::move(recipient), std::move(subject), "Body"),
                                   clock.now());
  }

  workflow::DeliveryCounts deliver() {
    workflow::MailDelivery delivery(store, sender, clock, mailPolicy, "test-mail",
                                    Poco::Logger::get("test.mail"));
    return delivery.deliverDue();
  }

  SmtpSink sink;
  SmtpSender sender;
  store::JobPolicy mailPolicy;
};

TEST_CASE("due messages are delivered once each", "[mail]") {
  Delivering s;
  const store::Id first = s.enqueue("a@harlow.test", "One");
  s.enqueue("b@harlow.test", "Two");
  CHECK(s.deliver() == workflow::DeliveryCounts{2, 0, 0});
  CHECK(s.deliver() == workflow::DeliveryCounts{0, 0, 0});
  CHECK(s.sink.received().size() == 2);
  CHECK(s.store.outbox().find(first)->state == store::OutboxState::Sent);
}

TEST_CASE("a refused message is retried after the backoff and then delivered", "[mail]") {
  Delivering s;
  const store::Id id = s.enqueue("a@harlow.test", "Retry me");
  s.sink.refuseNext(1);
  CHECK(s.deliver() == workflow::DeliveryCounts{0, 1, 0});
  CHECK(s.deliver() == workflow::DeliveryCounts{0, 0, 0});  // not due before the backoff
  s.clock.advance(std::chrono::seconds(30));
  CHECK(s.deliver() == workflow::DeliveryCounts{1, 0, 0});
  REQUIRE(s.sink.received().size() == 1);
  CHECK(s.store.outbox().find(id)->state == store::OutboxState::Sent);
}

TEST_CASE("a message refused on every attempt fails for good with the server's answer",
          "[mail]") {
  Delivering s;
  const store::Id id = s.enqueue("a@harlow.test", "Never");
  s.sink.refuseNext(100);
  workflow::DeliveryCounts total;
  for (int attempt = 0; attempt < 5; ++attempt) {
    const workflow::DeliveryCounts counts = s.deliver();
    total.retrying += counts.retrying;
    total.failed += counts.failed;
    s.clock.advance(std::chrono::hours(1));
  }
  CHECK(total.retrying == 2);
  CHECK(total.failed == 1);
  const store::OutboxMessage failed = *s.store.outbox().find(id);
  CHECK(failed.state == store::OutboxState::Failed);
  CHECK_THAT(failed.lastError, Catch::Contains("451"));
}

TEST_CASE("submitting an application mails the agency's staff", "[mail]") {
  Delivering s;
  const store::Agency harlow = s.addAgency("Harlow PD");
  const workflow::Actor staff = s.addStaff(harlow.id, "a@harlow.test");
  s.submitted(staff);
  CHECK(s.deliver().sent == 1);
  const auto received = s.sink.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].recipients == std::vector<std::string>{"a@harlow.test"});
}

}  // namespace
}  // namespace mkrp::app
