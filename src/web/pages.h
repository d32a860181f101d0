// Internal: the server-rendered pages for agency staff and reviewers (templates/web/), their
// static files, and the friendly HTML form of error replies. The pages read through the same
// workflow use cases as the JSON API, so they apply the same rules: agency staff see only their
// own agency's applications (any other id is "not found"), reviewers only the reviewer pages.
// Actions on a page call the JSON API from templates/web/static/site.js with the CSRF token.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/server.h"

namespace Poco::Net {
class HTTPServerRequest;
}

namespace mkrp::workflow {
struct Session;
}

namespace mkrp::web::detail {

class Router;

// Adds "/", "/sign-in", "/agency…", "/review…" and "/static/{file}". The handlers keep a copy
// of `services`.
void addPageRoutes(Router& router, const Services& services);

// Whether an error for `request` should be answered with a page rather than JSON: a browser
// asking for HTML at an address outside /api/.
bool wantsPage(const Poco::Net::HTTPServerRequest& request);

// The page for an error reply with `status` and `message` (see pages_view.h).
std::string errorPageFor(int status, std::string_view message,
                         const std::optional<workflow::Session>& session);

}  // namespace mkrp::web::detail
