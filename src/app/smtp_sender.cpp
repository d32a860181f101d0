#include "app/smtp_sender.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Timespan.h>

namespace mkrp::app {

SmtpSender::SmtpSender(SmtpSettings settings) : settings_(std::move(settings)) {}

void SmtpSender::send(const store::OutboxMessage& message) {
  Poco::Net::MailMessage mail;
  mail.setSender(settings_.from);
  mail.addRecipient(
      Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, message.recipient));
  mail.setSubject(Poco::Net::MailMessage::encodeWord(message.subject, "UTF-8"));
  mail.setContentType("text/plain; charset=UTF-8");
  mail.setContent(message.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);

  Poco::Net::SMTPClientSession session(settings_.host,
                                       static_cast<Poco::UInt16>(settings_.port));
  session.setTimeout(Poco::Timespan(settings_.timeoutSeconds, 0));
  try {
    if (settings_.user.empty()) {
      session.login();
    } else {
      session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, settings_.user,
                    settings_.password);
    }
    session.sendMessage(mail);
    session.close();
  } catch (...) {
    try {
      session.close();
    } catch (...) {
      // The connection is gone already; the first failure is the one to report.
    }
    throw;
  }
}

}  // namespace mkrp::app
