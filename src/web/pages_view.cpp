#include "web/pages_view.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include "render/templates.h"

namespace mkrp::web::detail {
namespace {

std::string plural(std::int64_t count, std::string_view unit) {
  return std::to_string(count) + " " + std::string(unit) + (count == 1 ? "" : "s");
}

std::string errorHeading(int status) {
  switch (status) {
    case 400:
      return "Something in the request was not right";
    case 401:
      return "Please sign in";
    case 403:
      return "This page is not for your account";
    case 404:
      return "We could not find that page";
    case 405:
      return "That does not work here";
    case 409:
      return "That cannot be done right now";
    case 413:
      return "That is too large";
    case 415:
      return "That kind of file is not accepted";
    case 429:
      return "Too many attempts";
    default:
      return "Something went wrong";
  }
}

}  // namespace

std::string renderTemplate(std::string_view name, const mustache::data& data) {
  const std::string path = "web/" + std::string(name) + ".html.mustache";
  mustache::mustache view{std::string(render::templateText(path))};
  if (!view.is_valid()) {
    throw Poco::DataFormatException("the page template " + path +
                                    " is broken: " + view.error_message());
  }
  return view.render(data);
}

void setText(mustache::data& data, const std::string& name, const std::string& value) {
  if (!value.empty()) data.set(name, value);
}

std::string renderPage(std::string_view name, std::string_view title, const mustache::data& data,
                       const std::optional<workflow::Session>& session) {
  mustache::data layout;
  layout.set("title", std::string(title));
  layout.set("content", renderTemplate(name, data));
  layout.set("page", std::string(name));
  if (session) {
    layout.set("signedIn", true);
    layout.set("email", session->email);
    layout.set("csrf", session->csrf);
    const bool agency = session->actor.role == store::Role::Agency;
    layout.set("agency", agency);
    layout.set("reviewer", !agency);
  }
  return renderTemplate("layout", layout);
}

std::string errorPage(int status, std::string_view message,
                      const std::optional<workflow::Session>& session) {
  mustache::data data;
  data.set("heading", errorHeading(status));
  data.set("message", std::string(message));
  data.set("status", std::to_string(status));
  data.set("signedIn", session.has_value());
  return renderPage("error", errorHeading(status), data, session);
}

std::string findingStatusLabel(std::string_view status) {
  if (status == "met") return "Found";
  if (status == "partial") return "Partly there";
  if (status == "missing") return "Not found";
  if (status == "contradicted") return "Conflicts with the requirement";
  if (status == "not_applicable") return "Does not apply";
  if (status == "could_not_check") return "Could not check";
  return std::string(status);
}

std::string applicationStatusLabel(store::ApplicationStatus status) {
  using S = store::ApplicationStatus;
  switch (status) {
    case S::Draft:
      return "Draft: not yet sent to the program";
    case S::Submitted:
      return "Submitted: waiting for a reviewer";
    case S::InReview:
      return "In review";
    case S::Returned:
      return "Returned: changes are needed";
    case S::Approved:
      return "Approved";
    case S::Withdrawn:
      return "Withdrawn";
  }
  return "";
}

std::string ageText(std::int64_t seconds) {
  if (seconds < 60) return "less than a minute";
  if (seconds < 3600) return plural(seconds / 60, "minute");
  if (seconds < 2 * 86400) return plural(seconds / 3600, "hour");
  return plural(seconds / 86400, "day");
}

std::string dateText(store::TimePoint at) {
  const Poco::Timestamp timestamp(at.time_since_epoch().count() * 1000);
  return Poco::DateTimeFormatter::format(timestamp, "%Y-%m-%d %H:%M UTC");
}

std::string agencyKindLabel(store::AgencyKind kind) {
  return kind == store::AgencyKind::Psap ? "9-1-1 center (PSAP)" : "Law enforcement";
}

}  // namespace mkrp::web::detail
