// Sends the notification outbox's messages through an SMTP server (plain SMTP on the configured
// port, with AUTH LOGIN when a user is set). A local relay such as Postfix adds TLS towards the
// world; see docs/deployment.md.
#pragma once

#include <string>

#include "workflow/mail_delivery.h"

namespace mkrp::app {

struct SmtpSettings {
  std::string host;
  int port = 25;
  std::string from;  // "Name <address>"
  std::string user;  // empty: no authentication
  std::string password;
  int timeoutSeconds = 30;  // per SMTP exchange
};

class SmtpSender final : public workflow::MailSender {
 public:
  explicit SmtpSender(SmtpSettings settings);
  // One SMTP session per message: connect, EHLO/HELO (and AUTH), MAIL, RCPT, DATA, QUIT.
  // Throws Poco::Net::NetException (or SMTPException) when the server is unreachable or
  // refuses; the outbox retries the message then.
  void send(const store::OutboxMessage& message) override;

 private:
  SmtpSettings settings_;
};

}  // namespace mkrp::app
