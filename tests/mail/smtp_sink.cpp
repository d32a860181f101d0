#include "smtp_sink.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>

#include <cctype>
#include <sstream>

namespace mkrp::testing {
namespace {

// Reads one CRLF-terminated line (without the CRLF). False when the peer closed.
bool readLine(Poco::Net::StreamSocket& socket, std::string& buffer, std::string& line) {
  for (;;) {
    const std::size_t end = buffer.find("\r\n");
    if (end != std::string::npos) {
      line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return true;
    }
    char chunk[4096];
    const int n = socket.receiveBytes(chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

void reply(Poco::Net::StreamSocket& socket, const std::string& text) {
  const std::string line = text + "\r\n";
  socket.sendBytes(line.data(), static_cast<int>(line.size()));
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The address between < and > of "MAIL FROM:<a@b>" / "RCPT TO:<a@b>".
std::string address(const std::string& command) {
  const std::size_t open = command.find('<');
  const std::size_t close = command.find('>', open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return command.substr(open + 1, close - open - 1);
}

std::string base64Decode(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  std::string out;
  char c;
  while (decoder.get(c)) out += c;
  return out;
}

}  // namespace

SmtpSink::SmtpSink() : listener_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
  thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
  stopping_ = true;
  thread_.join();
  listener_.close();
}

std::uint16_t SmtpSink::port() const { return listener_.address().port(); }

std::vector<ReceivedMail> SmtpSink::received() const {
  const std::lock_guard lock(mutex_);
  return received_;
}

void SmtpSink::serve() {
  while (!stopping_) {
    if (!listener_.poll(Poco::Timespan(0, 50'000), Poco::Net::Socket::SELECT_READ)) continue;
    Poco::Net::StreamSocket socket = listener_.acceptConnection();
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    try {
      converse(socket);
    } catch (const Poco::Exception&) {
      // The client went away mid-conversation; that is its business.
    }
    socket.close();
  }
}

void SmtpSink::converse(Poco::Net::StreamSocket& socket) {
  std::string buffer, line;
  ReceivedMail mail;
  std::string user;
  reply(socket, "220 sink.test ESMTP");
  while (readLine(socket, buffer, line)) {
    const std::string verb = upper(line.substr(0, 4));
    if (verb == "EHLO") {
      reply(socket, "250-sink.test");
      reply(socket, "250 AUTH LOGIN");
    } else if (verb == "HELO" || verb == "NOOP") {
      reply(socket, "250 ok");
    } else if (upper(line) == "AUTH LOGIN") {
      reply(socket, "334 VXNlcm5hbWU6");
      if (!readLine(socket, buffer, line)) return;
      user = base64Decode(line);
      reply(socket, "334 UGFzc3dvcmQ6");
      if (!readLine(socket, buffer, line)) return;
      reply(socket, "235 authenticated");
    } else if (verb == "MAIL") {
      if (refusals_ > 0) {
        --refusals_;
        reply(socket, "451 try again later");
        continue;
      }
      mail = ReceivedMail{address(line), {}, "", user};
      reply(socket, "250 ok");
    } else if (verb == "RCPT") {
      mail.recipients.push_back(address(line));
      reply(socket, "250 ok");
    } else if (verb == "DATA") {
      reply(socket, "354 end with .");
      while (readLine(socket, buffer, line) && line != ".") {
        mail.data += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\r\n";
      }
      {
        const std::lock_guard lock(mutex_);
        received_.push_back(mail);
      }
      reply(socket, "250 queued");
    } else if (verb == "RSET") {
      mail = ReceivedMail{};
      reply(socket, "250 ok");
    } else if (verb == "QUIT") {
      reply(socket, "221 bye");
      return;
    } else {
      reply(socket, "502 not implemented");
    }
  }
}

}  // namespace mkrp::testing
