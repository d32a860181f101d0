// Internal: what every page shares: rendering a template from templates/web/ inside the common
// layout, the friendly error page, and the words pages use for statuses, ages and dates.
#pragma once

#include <cstdint>
#include <kainjow/mustache.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "store/records.h"
#include "workflow/accounts.h"

namespace mkrp::web::detail {

namespace mustache = kainjow::mustache;

// `web/<name>.html.mustache` rendered with `data`. Throws Poco::DataFormatException when the
// template is broken, Poco::NotFoundException when it is not built in.
std::string renderTemplate(std::string_view name, const mustache::data& data);

// Sets `name` only when `value` is not empty: mustache treats an empty string as true, so a
// {{#name}} section around an optional text must not see one.
void setText(mustache::data& data, const std::string& name, const std::string& value);

// A whole page: the template `name` rendered with `data`, inside the layout (header, navigation
// for the signed-in person's role, sign-out, and the CSRF token for the page's script).
std::string renderPage(std::string_view name, std::string_view title, const mustache::data& data,
                       const std::optional<workflow::Session>& session);

// The friendly page for an error reply: a heading for the status, the message, and a way on.
std::string errorPage(int status, std::string_view message,
                      const std::optional<workflow::Session>& session);

// A finding's status in words for agency staff ("Found", "Not found", ...).
std::string findingStatusLabel(std::string_view status);

// An application's status in words ("Submitted, waiting for a reviewer", ...).
std::string applicationStatusLabel(store::ApplicationStatus status);

// How long something has waited, rounded down: "5 minutes", "3 hours", "2 days".
std::string ageText(std::int64_t seconds);

// "2025-01-31 09:30 UTC"
std::string dateText(store::TimePoint at);

// "Law enforcement" or "9-1-1 center (PSAP)".
std::string agencyKindLabel(store::AgencyKind kind);

}  // namespace mkrp::web::detail
