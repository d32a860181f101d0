#include "web/client_address.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/IPAddress.h>

#include <algorithm>

namespace mkrp::web::detail {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string clientAddressOf(std::string_view peer, std::string_view forwardedFor,
                            const std::vector<std::string>& trustedProxies) {
  const bool trusted =
      std::find(trustedProxies.begin(), trustedProxies.end(), peer) != trustedProxies.end();
  if (!trusted) return std::string(peer);
  const std::string_view last = trimmed(forwardedFor.substr(forwardedFor.rfind(',') + 1));
  Poco::Net::IPAddress address;
  if (last.empty() || !Poco::Net::IPAddress::tryParse(std::string(last), address)) {
    return std::string(peer);
  }
  return address.toString();
}

std::string clientAddress(const Poco::Net::HTTPServerRequest& request,
                          const std::vector<std::string>& trustedProxies) {
  return clientAddressOf(request.clientAddress().host().toString(),
                         request.get("X-Forwarded-For", ""), trustedProxies);
}

}  // namespace mkrp::web::detail
