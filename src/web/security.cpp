#include "web/security.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>

namespace mkrp::web::detail {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

Poco::Net::HTTPCookie sessionCookie(const std::string& value, bool secure) {
  Poco::Net::HTTPCookie cookie(std::string(kSessionCookie), value);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  cookie.setSecure(secure);
  return cookie;
}

}  // namespace

void addSecurityHeaders(Poco::Net::HTTPServerResponse& response) {
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Cache-Control", "no-store");
}

std::string sessionToken(const Poco::Net::HTTPServerRequest& request) {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  return cookies.get(std::string(kSessionCookie), "");
}

void setSessionCookie(Poco::Net::HTTPServerResponse& response, const std::string& token,
                      bool secure) {
  response.addCookie(sessionCookie(token, secure));
}

void clearSessionCookie(Poco::Net::HTTPServerResponse& response, bool secure) {
  Poco::Net::HTTPCookie cookie = sessionCookie("", secure);
  cookie.setMaxAge(0);
  response.addCookie(cookie);
}

bool isStateChanging(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace mkrp::web::detail
