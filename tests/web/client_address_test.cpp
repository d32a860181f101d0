// Behind a trusted reverse proxy the sign-in rate limit counts the client's address, which the
// proxy appends to X-Forwarded-For; anyone else's X-Forwarded-For is ignored.
#include <catch2/catch.hpp>

#include "web/client_address.h"

namespace mkrp::web::detail {
namespace {

const std::vector<std::string> kProxy = {"127.0.0.1"};

TEST_CASE("without trusted proxies the connection's address counts", "[web][proxy]") {
  CHECK(clientAddressOf("198.51.100.7", "203.0.113.9", {}) == "198.51.100.7");
}

TEST_CASE("a trusted proxy's forwarded address counts", "[web][proxy]") {
  CHECK(clientAddressOf("127.0.0.1", "203.0.113.9", kProxy) == "203.0.113.9");
}

TEST_CASE("only the entry the proxy appended counts, not what the client claimed before it",
          "[web][proxy]") {
  CHECK(clientAddressOf("127.0.0.1", "10.9.9.9, 203.0.113.9", kProxy) == "203.0.113.9");
  CHECK(clientAddressOf("127.0.0.1", " 2001:db8::1 ", kProxy) == "2001:db8::1");
}

TEST_CASE("an untrusted peer cannot choose its address with X-Forwarded-For", "[web][proxy]") {
  CHECK(clientAddressOf("198.51.100.7", "203.0.113.9", kProxy) == "198.51.100.7");
}

TEST_CASE("a missing or malformed forwarded address leaves the proxy's", "[web][proxy]") {
  CHECK(clientAddressOf("127.0.0.1", "", kProxy) == "127.0.0.1");
  CHECK(clientAddressOf("127.0.0.1", "203.0.113.9, not-an-address", kProxy) == "127.0.0.1");
}

}  // namespace
}  // namespace mkrp::web::detail
