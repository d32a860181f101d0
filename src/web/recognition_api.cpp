#include "web/recognition_api.h"

#include <Poco/Net/HTTPServerResponse.h>

#include <chrono>
#include <cstdio>
#include <kainjow/mustache.hpp>

#include "core/errors.h"
#include "render/templates.h"
#include "web/exchange.h"
#include "web/json_out.h"
#include "web/router.h"
#include "workflow/applications.h"
#include "workflow/errors.h"
#include "workflow/recognition.h"

namespace mkrp::web::detail {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;
using workflow::InvalidRequestException;

constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
constexpr std::string_view kHtmlType = "text/html; charset=utf-8";

std::chrono::year_month_day dayOf(store::TimePoint at) {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(at)};
}

std::string isoDay(store::TimePoint at) {
  const auto day = dayOf(at);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

// A YYYY-MM-DD query parameter as the start of that day (UTC); nothing when absent.
std::optional<store::TimePoint> dayQuery(const Exchange& ex, std::string_view name) {
  const std::optional<std::string> text = ex.query(name);
  if (!text || text->empty()) return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  char rest = 0;
  const bool parsed = std::sscanf(text->c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &rest) == 3;
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m),
                                         std::chrono::day(d)};
  if (!parsed || !date.ok()) {
    throw InvalidRequestException("The query parameter \"" + std::string(name) +
                                  "\" must be a date written YYYY-MM-DD, such as 2026-01-31.");
  }
  return std::chrono::sys_days(date);
}

store::MemberQuery memberQuery(const Exchange& ex) {
  store::MemberQuery query;
  if (auto kind = ex.query("kind"); kind && !kind->empty()) {
    if (*kind != "le" && *kind != "psap") {
      throw InvalidRequestException("\"kind\" must be one of le, psap, not \"" + *kind + "\".");
    }
    query.kind = store::parseAgencyKind(*kind);
  }
  if (auto state = ex.query("state"); state && !state->empty()) query.state = *state;
  return query;
}

// The recognized-in-a-range query: from and to are days, both included.
store::MemberQuery recognizedQuery(const Exchange& ex) {
  store::MemberQuery query = memberQuery(ex);
  query.startedFrom = dayQuery(ex, "from");
  if (const auto to = dayQuery(ex, "to")) query.startedBefore = *to + std::chrono::days(1);
  return query;
}

std::string membersJson(const std::vector<store::Member>& members) {
  JsonOut out;
  out.beginArray();
  for (const store::Member& m : members) {
    out.beginObject()
        .field("agency_id", m.agency.id)
        .field("name", m.agency.name)
        .field("kind", toString(m.agency.kind))
        .field("city", m.agency.city)
        .field("state", m.agency.state)
        .field("recognized_since", isoDay(m.membership.startedAt))
        .field("valid_through", isoDay(m.membership.expiresAt))
        .endObject();
  }
  out.endArray();
  return out.text();
}

std::string csvCell(const std::string& value) {
  std::string cell = value;
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string verificationJson(const workflow::Verification& v) {
  JsonOut out;
  out.beginObject()
      .field("code", v.certificate.code)
      .field("status", v.status)
      .field("valid", v.status == "valid")
      .field("agency", v.agency.name)
      .field("kind", toString(v.agency.kind))
      .field("city", v.agency.city)
      .field("state", v.agency.state)
      .field("certificate_number", v.certificate.number)
      .field("recognized_on", isoDay(v.certificate.recognizedOn))
      .field("valid_through", isoDay(v.certificate.validThrough))
      .field("membership_status", toString(v.membership.status))
      .field("membership_valid_through", isoDay(v.membership.expiresAt))
      .endObject();
  return out.text();
}

std::string verdictOf(const workflow::Verification& v) {
  if (v.status == "valid") return "This certificate is valid.";
  if (v.status == "expired") return "This certificate's term has ended; a later one replaced it.";
  if (v.status == "withdrawn") return "This agency's membership was withdrawn.";
  return "This agency's membership has lapsed.";
}

std::string renderPage(std::string_view path, const kainjow::mustache::data& data) {
  kainjow::mustache::mustache view{std::string(render::templateText(path))};
  if (!view.is_valid()) {
    throw Poco::DataFormatException("the page template " + std::string(path) +
                                    " is broken: " + view.error_message());
  }
  return view.render(data);
}

std::string kindLabel(store::AgencyKind kind) {
  return kind == store::AgencyKind::Psap ? "PSAP" : "Law enforcement";
}

class RecognitionApi {
 public:
  explicit RecognitionApi(const Services& services)
      : recognition_(services.applications.recognition()) {}

  void certificate(Exchange& ex) { send(ex, recognition_.certificatePdf(ex.actor(), ex.id("id"))); }

  void mediaRelease(Exchange& ex) {
    send(ex, recognition_.mediaReleaseDocx(ex.actor(), ex.id("id")));
  }

  void verifyJson(Exchange& ex) {
    const auto verified = recognition_.verify(ex.param("code"));
    if (!verified) {
      throw core::NotFoundException("No certificate has the code " + ex.param("code") + ".");
    }
    ex.sendJson(Status::HTTP_OK, verificationJson(*verified));
  }

  void verifyPage(Exchange& ex) {
    const auto verified = recognition_.verify(ex.param("code"));
    kainjow::mustache::data data;
    data.set("code", ex.param("code"));
    data.set("found", verified.has_value());
    if (verified) {
      data.set("status", verified->status);
      data.set("verdict", verdictOf(*verified));
      data.set("agency", verified->agency.name);
      data.set("city", verified->agency.city);
      data.set("state", verified->agency.state);
      data.set("number", verified->certificate.number);
      data.set("recognizedOn", isoDay(verified->certificate.recognizedOn));
      data.set("validThrough", isoDay(verified->certificate.validThrough));
      data.set("membership", std::string(toString(verified->membership.status)) + ", through " +
                                 isoDay(verified->membership.expiresAt));
    }
    ex.send(verified ? Status::HTTP_OK : Status::HTTP_NOT_FOUND, kHtmlType,
            renderPage("web/members_verify.html", data));
  }

  // Admins: POST {"reason": "..."}.
  void withdrawMembership(Exchange& ex) {
    const workflow::Actor& actor = ex.actor();
    const Poco::JSON::Object::Ptr body = ex.jsonBody();
    const store::Membership withdrawn =
        recognition_.withdrawMembership(actor, ex.id("id"), stringField(body, "reason"));
    JsonOut out;
    out.beginObject()
        .field("membership_id", withdrawn.id)
        .field("agency_id", withdrawn.agencyId)
        .field("status", toString(withdrawn.status))
        .field("recognized_since", isoDay(withdrawn.startedAt))
        .field("valid_through", isoDay(withdrawn.expiresAt))
        .endObject();
    ex.sendJson(Status::HTTP_OK, out.text());
  }

  void membersJsonList(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK, membersJson(recognition_.members(memberQuery(ex))));
  }

  void membersCsvList(Exchange& ex) {
    sendCsv(ex, "mkrp-members.csv", recognition_.members(memberQuery(ex)));
  }

  void recognizedJson(Exchange& ex) {
    ex.sendJson(Status::HTTP_OK, membersJson(recognition_.members(recognizedQuery(ex))));
  }

  void recognizedCsv(Exchange& ex) {
    sendCsv(ex, "mkrp-recognized.csv", recognition_.members(recognizedQuery(ex)));
  }

  void membersPage(Exchange& ex) {
    const store::MemberQuery query = memberQuery(ex);
    const std::vector<store::Member> members = recognition_.members(query);
    kainjow::mustache::data list{kainjow::mustache::data::type::list};
    for (const store::Member& m : members) {
      kainjow::mustache::data row;
      row.set("name", m.agency.name);
      row.set("kindLabel", kindLabel(m.agency.kind));
      row.set("city", m.agency.city);
      row.set("state", m.agency.state);
      row.set("recognizedSince", isoDay(m.membership.startedAt));
      row.set("validThrough", isoDay(m.membership.expiresAt));
      list.push_back(row);
    }
    kainjow::mustache::data data;
    data.set("members", list);
    data.set("hasMembers", !members.empty());
    data.set("count", std::to_string(members.size()));
    data.set("one", members.size() == 1);
    const std::string kind = query.kind ? std::string(toString(*query.kind)) : "";
    data.set("kind", !kind.empty());
    data.set("kindLe", kind == "le");
    data.set("kindPsap", kind == "psap");
    data.set("state", query.state.value_or(""));
    data.set("query", csvQuery(kind, query.state.value_or("")));
    ex.send(Status::HTTP_OK, kHtmlType, renderPage("web/members.html", data));
  }

 private:
  static void send(Exchange& ex, const workflow::Download& download) {
    ex.sendDownload(download.filename, download.contentType, download.bytes);
  }

  static void sendCsv(Exchange& ex, const std::string& filename,
                      const std::vector<store::Member>& members) {
    ex.sendDownload(filename, kCsvType, membersCsv(members), false);
  }

  // The page's filters as the CSV link's query string. Only le/psap and the state, which the
  // template escapes, reach it.
  static std::string csvQuery(const std::string& kind, const std::string& state) {
    std::string query;
    if (!kind.empty()) query += "kind=" + kind;
    if (!state.empty()) query += (query.empty() ? "" : "&") + ("state=" + state);
    return query.empty() ? "" : "?" + query;
  }

  const workflow::Recognition& recognition_;
};

}  // namespace

std::string membersCsv(const std::vector<store::Member>& members) {
  std::string csv = "name,kind,city,state,recognized_since,valid_through\r\n";
  for (const store::Member& m : members) {
    csv += csvCell(m.agency.name) + "," + std::string(toString(m.agency.kind)) + "," +
           csvCell(m.agency.city) + "," + csvCell(m.agency.state) + "," +
           isoDay(m.membership.startedAt) + "," + isoDay(m.membership.expiresAt) + "\r\n";
  }
  return csv;
}

void addRecognitionRoutes(Router& router, const Services& services) {
  auto api = std::make_shared<RecognitionApi>(services);
  const auto bind = [&](std::string pattern, void (RecognitionApi::*handler)(Exchange&)) {
    router.add("GET", std::move(pattern), [api, handler](Exchange& ex) { ((*api).*handler)(ex); });
  };
  bind("/api/v1/applications/{id}/certificate.pdf", &RecognitionApi::certificate);
  bind("/api/v1/applications/{id}/media-release.docx", &RecognitionApi::mediaRelease);
  bind("/api/v1/verify/{code}", &RecognitionApi::verifyJson);
  bind("/api/v1/members", &RecognitionApi::membersJsonList);
  bind("/api/v1/members.csv", &RecognitionApi::membersCsvList);
  bind("/api/v1/members/recognized", &RecognitionApi::recognizedJson);
  bind("/api/v1/members/recognized.csv", &RecognitionApi::recognizedCsv);
  bind("/verify/{code}", &RecognitionApi::verifyPage);
  bind("/members", &RecognitionApi::membersPage);
  router.add("POST", "/api/v1/agencies/{id}/membership/withdraw",
             [api](Exchange& ex) { api->withdrawMembership(ex); });
}

}  // namespace mkrp::web::detail
