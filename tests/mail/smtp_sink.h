// A local SMTP server for tests: accepts connections on 127.0.0.1 (any free port), speaks just
// enough SMTP (EHLO/HELO, AUTH LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps every message
// it accepted. It can be told to refuse the next messages, as a mail server that is down does.
#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mkrp::testing {

struct ReceivedMail {
  std::string from;                     // MAIL FROM address
  std::vector<std::string> recipients;  // RCPT TO addresses
  std::string data;                     // headers and body as sent, CRLF line ends, no final "."
  std::string user;                     // the AUTH LOGIN user name, if any
};

class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const;
  // The messages accepted so far.
  std::vector<ReceivedMail> received() const;
  // Answers "451" to the next `count` MAIL commands (a temporary failure).
  void refuseNext(int count) { refusals_ = count; }

 private:
  void serve();
  void converse(Poco::Net::StreamSocket& socket);

  Poco::Net::ServerSocket listener_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> refusals_{0};
  mutable std::mutex mutex_;
  std::vector<ReceivedMail> received_;
};

}  // namespace mkrp::testing
