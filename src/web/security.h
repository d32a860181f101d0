// Internal: what every response carries for the browser's protection, and the session cookie.
#pragma once

#include <string>
#include <string_view>

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
}  // namespace Poco::Net

namespace mkrp::web::detail {

inline constexpr std::string_view kSessionCookie = "mkrp_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Content-Security-Policy (no framing, own origin only), nosniff, Referrer-Policy, no caching.
void addSecurityHeaders(Poco::Net::HTTPServerResponse& response);

// The session token the request's cookie carries; empty when none.
std::string sessionToken(const Poco::Net::HTTPServerRequest& request);

// Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when `secure`.
void setSessionCookie(Poco::Net::HTTPServerResponse& response, const std::string& token,
                      bool secure);
// Tells the browser to forget the session cookie.
void clearSessionCookie(Poco::Net::HTTPServerResponse& response, bool secure);

// POST, PUT, PATCH and DELETE: the methods that need the CSRF token.
bool isStateChanging(std::string_view method);

}  // namespace mkrp::web::detail
