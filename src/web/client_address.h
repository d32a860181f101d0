// Internal: the network address a request comes from, as the sign-in rate limit counts it. Behind
// a reverse proxy every connection comes from the proxy, so for a proxy the configuration trusts
// the address it appended to X-Forwarded-For is taken instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace mkrp::web::detail {

// `peer` (the connection's address) unless it is one of `trustedProxies`; then the last entry of
// `forwardedFor` (the one that proxy added; entries before it are the client's word and are
// ignored) when it is a valid IP address, else `peer`.
std::string clientAddressOf(std::string_view peer, std::string_view forwardedFor,
                            const std::vector<std::string>& trustedProxies);

// clientAddressOf for a request.
std::string clientAddress(const Poco::Net::HTTPServerRequest& request,
                          const std::vector<std::string>& trustedProxies);

}  // namespace mkrp::web::detail
