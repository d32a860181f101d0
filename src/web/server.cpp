#include "web/server.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Thread.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <functional>

#include "core/errors.h"
#include "web/annotated_api.h"
#include "web/api.h"
#include "web/error_status.h"
#include "web/exchange.h"
#include "web/json_out.h"
#include "web/metrics.h"
#include "web/pages.h"
#include "web/recognition_api.h"
#include "web/router.h"
#include "web/security.h"
#include "web/upload.h"
#include "workflow/accounts.h"
#include "workflow/errors.h"
#include "workflow/precheck_jobs.h"
#include "workflow/secrets.h"

namespace mkrp::web {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

// What is left of a request body after its handler is drained up to this much, so the
// connection can serve the next request; a larger rest closes the connection instead.
constexpr std::uint64_t kDrainLimit = 256 << 10;
// How long stop() lets requests in progress finish before it closes their connections.
constexpr std::chrono::seconds kStopGrace{5};

// The path of a request URI, still percent-encoded (the router decodes each segment).
std::string_view rawPath(std::string_view uri) { return uri.substr(0, uri.find_first_of("?#")); }

}  // namespace

struct Server::Impl {
  Impl(Services services_, ServerOptions options_, Poco::Logger& logger_)
      : services(services_), options(std::move(options_)), logger(logger_) {}

  void handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
  void dispatch(detail::Exchange& exchange, std::string& label);
  void authenticate(detail::Exchange& exchange);
  void replyWithError(detail::Exchange& exchange, const std::exception& error);
  void addServiceRoutes();

  Services services;
  ServerOptions options;
  Poco::Logger& logger;
  detail::Router router;
  detail::Metrics metrics;
  std::unique_ptr<Poco::ThreadPool> threads;  // the server's own, sized by options.threads
  std::unique_ptr<Poco::Net::HTTPServer> server;
  bool running = false;
};

namespace {

using HandleFunction =
    std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)>;

class RequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RequestHandler(const HandleFunction& handle) : handle_(handle) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    handle_(request, response);
  }

 private:
  const HandleFunction& handle_;
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit HandlerFactory(HandleFunction handle) : handle_(std::move(handle)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new RequestHandler(handle_);
  }

 private:
  HandleFunction handle_;
};

}  // namespace

void Server::Impl::authenticate(detail::Exchange& exchange) {
  exchange.sessionToken = detail::sessionToken(exchange.request);
  if (exchange.sessionToken.empty()) return;
  exchange.session = services.accounts.session(exchange.sessionToken);
  if (!exchange.session || !detail::isStateChanging(exchange.request.getMethod())) return;
  const std::string sent = exchange.request.get(std::string(detail::kCsrfHeader), "");
  if (!workflow::constantTimeEquals(sent, exchange.session->csrf)) {
    throw workflow::ForbiddenException(
        "The request lacks its security token (X-CSRF-Token). Reload the page and try again.");
  }
}

void Server::Impl::dispatch(detail::Exchange& exchange, std::string& label) {
  const std::string& method = exchange.request.getMethod();
  detail::RouteMatch match = router.match(method, rawPath(exchange.request.getURI()));
  if (!match.route) {
    if (match.pathKnown) {
      throw detail::MethodNotAllowedException("This address does not take " + method + ".");
    }
    throw core::NotFoundException("There is nothing at this address.");
  }
  label = match.route->pattern;
  exchange.params = std::move(match.params);
  authenticate(exchange);
  match.route->handler(exchange);
}

void Server::Impl::replyWithError(detail::Exchange& exchange, const std::exception& error) {
  const detail::ErrorReply reply = detail::replyFor(error);
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  const std::string detail = poco ? poco->displayText() : std::string(error.what());
  if (!reply.expected) {
    logger.error("%s %s: %s", exchange.request.getMethod(), exchange.request.getURI(), detail);
  } else {
    logger.debug("%s %s: %d %s", exchange.request.getMethod(), exchange.request.getURI(),
                 static_cast<int>(reply.status), detail);
  }
  if (exchange.sent()) return;  // too late to tell the client; the detail is logged
  // Read what the client is still sending, so that it sees the answer; give up on a huge rest.
  const bool tooLarge = reply.status == Status::HTTP_REQUEST_ENTITY_TOO_LARGE;
  if (tooLarge ||
      (exchange.hasBody() && !detail::drainBody(exchange.request.stream(), kDrainLimit))) {
    exchange.response.setKeepAlive(false);
  }
  if (detail::wantsPage(exchange.request)) {
    exchange.send(reply.status, "text/html; charset=utf-8",
                  detail::errorPageFor(static_cast<int>(reply.status), reply.message,
                                       exchange.session));
    return;
  }
  exchange.sendJson(reply.status, reply.json);
}

void Server::Impl::handle(Poco::Net::HTTPServerRequest& request,
                          Poco::Net::HTTPServerResponse& response) {
  const auto started = std::chrono::steady_clock::now();
  detail::Exchange exchange(request, response, options);
  detail::addSecurityHeaders(response);
  std::string label = "unmatched";
  try {
    dispatch(exchange, label);
    if (exchange.hasBody() && !detail::drainBody(request.stream(), kDrainLimit)) {
      response.setKeepAlive(false);
    }
  } catch (const std::exception& error) {
    try {
      replyWithError(exchange, error);
    } catch (const std::exception& failure) {
      logger.error("could not send an error reply: %s", std::string(failure.what()));
    }
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  const int status = static_cast<int>(response.getStatus());
  metrics.record(label, request.getMethod(), status, elapsed);
  poco_debug_f4(logger, "%s %s %d %Ldus", request.getMethod(), request.getURI(), status,
                static_cast<Poco::Int64>(elapsed.count()));
}

void Server::Impl::addServiceRoutes() {
  router.add("GET", "/healthz", [this](detail::Exchange& ex) {
    if (services.jobs) services.jobs->queueCounts();  // the database answers
    ex.sendJson(Status::HTTP_OK, R"({"status":"ok"})");
  });
  router.add("GET", "/metrics", [this](detail::Exchange& ex) {
    ex.send(Status::HTTP_OK, "text/plain; version=0.0.4; charset=utf-8",
            metrics.render(services.jobs));
  });
  detail::addApiRoutes(router, services);
  detail::addRecognitionRoutes(router, services);
  detail::addAnnotatedPdfRoute(router, services);
  detail::addPageRoutes(router, services);
}

Server::Server(Services services, ServerOptions options, Poco::Logger& logger)
    : impl_(std::make_unique<Impl>(services, std::move(options), logger)) {
  impl_->addServiceRoutes();
  Poco::Net::ServerSocket socket(
      Poco::Net::SocketAddress(impl_->options.host, impl_->options.port));
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(impl_->options.threads);
  params->setMaxQueued(impl_->options.maxQueued);
  params->setTimeout(Poco::Timespan(impl_->options.timeout.count(), 0));
  params->setKeepAlive(true);
  // An idle connection thread leaves the pool this soon; it also bounds how long stop() waits
  // for a thread that was started just before the stop.
  params->setThreadIdleTime(Poco::Timespan(1, 0));
  params->setServerName("mkrp");
  impl_->threads = std::make_unique<Poco::ThreadPool>(2, impl_->options.threads + 1);
  auto* factory = new HandlerFactory(
      [impl = impl_.get()](auto& request, auto& response) { impl->handle(request, response); });
  impl_->server = std::make_unique<Poco::Net::HTTPServer>(factory, *impl_->threads, socket, params);
}

Server::~Server() { stop(); }

void Server::start() {
  impl_->server->start();
  impl_->running = true;
}

void Server::stop() {
  if (!impl_->running) return;
  impl_->running = false;
  impl_->server->stopAll(false);  // no new connections; requests in progress may finish
  const auto deadline = std::chrono::steady_clock::now() + kStopGrace;
  while (impl_->server->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline) {
    Poco::Thread::sleep(20);
  }
  impl_->server->stopAll(true);  // close what is left, such as idle keep-alive connections
  // A connection thread the server started just before the stop holds a reference to the
  // server's dispatcher until that thread has run; wait for all of them, so none outlives the
  // server and the dispatcher is freed with it.
  impl_->threads->joinAll();
}

std::uint16_t Server::port() const { return impl_->server->port(); }

}  // namespace mkrp::web
