// The HTTP service: Poco's HTTPServer with the JSON API under /api/v1, /healthz and /metrics.
// Pages (templates/web/) are added as further routes of the same router.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace Poco {
class Logger;
}

namespace mkrp::workflow {
class Accounts;
class Applications;
class PrecheckRunner;
class PdfAnnotator;
}  // namespace mkrp::workflow

namespace mkrp::web {

struct ServerOptions {
  std::string host = "127.0.0.1";  // the address to listen on
  std::uint16_t port = 8080;       // 0: any free port (see Server::port)
  int threads = 8;                 // requests served at once
  int maxQueued = 64;              // connections waiting for a thread before new ones are refused
  std::uint64_t maxUploadBytes = 20ull << 20;  // the largest document a request may carry
  std::uint64_t maxJsonBytes = 64 << 10;       // the largest JSON request body
  std::uint64_t maxRosterBytes = 2ull << 20;   // the largest training roster (CSV) upload
  // Mark the session cookie Secure: set it when clients reach the service over TLS (directly or
  // through a TLS proxy).
  bool secureCookies = false;
  // Reverse proxies (their IP addresses) whose X-Forwarded-For names the client, so that the
  // sign-in rate limit counts people rather than the proxy.
  std::vector<std::string> trustedProxies;
  std::chrono::seconds timeout{60};  // a connection idle this long is closed
};

// What the handlers work with. The referenced objects must outlive the Server.
struct Services {
  workflow::Accounts& accounts;
  workflow::Applications& applications;
  workflow::PrecheckRunner* jobs = nullptr;  // for /metrics; may be null
  workflow::PdfAnnotator* annotator = nullptr;  // for annotated.pdf; may be null
};

class Server {
 public:
  // Binds the listening socket. Throws Poco::Net::NetException when the address is in use or
  // cannot be bound.
  Server(Services services, ServerOptions options, Poco::Logger& logger);
  // Stops the server when it still runs.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Starts accepting connections on their own threads; returns at once.
  void start();
  // Stops accepting and waits (up to a few seconds) for requests in progress.
  void stop();
  // The port actually bound (useful with port 0).
  std::uint16_t port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mkrp::web
