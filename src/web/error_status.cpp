#include "web/error_status.h"

#include <Poco/Exception.h>

#include "core/errors.h"
#include "web/exchange.h"
#include "web/json_out.h"
#include "workflow/errors.h"

namespace mkrp::web::detail {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

template <typename Error>
bool is(const std::exception& error) {
  return dynamic_cast<const Error*>(&error) != nullptr;
}

struct Rule {
  bool (*matches)(const std::exception&);
  Status status;
};

// First match wins; more specific classes come before their bases.
constexpr Rule kRules[] = {
    // A roster is refused with every problem in it (before InvalidRequestException, its base).
    {is<workflow::RosterRejectedException>, Status::HTTP_UNPROCESSABLE_ENTITY},
    {is<core::NotFoundException>, Status::HTTP_NOT_FOUND},
    {is<core::ConflictException>, Status::HTTP_CONFLICT},
    {is<workflow::InvalidRequestException>, Status::HTTP_BAD_REQUEST},
    {is<workflow::NotSignedInException>, Status::HTTP_UNAUTHORIZED},
    {is<workflow::ForbiddenException>, Status::HTTP_FORBIDDEN},
    {is<core::LimitExceededException>, Status::HTTP_REQUEST_ENTITY_TOO_LARGE},
    {is<core::UnsupportedFormatException>, Status::HTTP_UNSUPPORTED_MEDIA_TYPE},
    // A file we accepted but cannot work on (e.g. adding highlights to it): its message says why.
    {is<core::MalformedDocumentException>, Status::HTTP_UNPROCESSABLE_ENTITY},
    {is<core::ExtractionFailedException>, Status::HTTP_UNPROCESSABLE_ENTITY},
    {is<workflow::TooManyAttemptsException>, Status::HTTP_TOO_MANY_REQUESTS},
    {is<MethodNotAllowedException>, Status::HTTP_METHOD_NOT_ALLOWED},
};

// {"error": message, "problems": [{"row","column","message"}]} for a refused roster.
std::string bodyFor(const std::exception& error, const std::string& message) {
  const auto* rejected = dynamic_cast<const workflow::RosterRejectedException*>(&error);
  if (rejected == nullptr) return errorJson(message);
  JsonOut out;
  out.beginObject().field("error", message).key("problems").beginArray();
  for (const workflow::RosterFileProblem& problem : rejected->problems()) {
    out.beginObject()
        .field("row", problem.row)
        .field("column", problem.column)
        .field("message", problem.message)
        .endObject();
  }
  out.endArray().endObject();
  return out.text();
}

constexpr const char* kInternalMessage =
    "Something went wrong on our side. Try again in a moment; if it keeps happening, contact "
    "the program.";

}  // namespace

ErrorReply replyFor(const std::exception& error) {
  for (const Rule& rule : kRules) {
    if (rule.matches(error)) {
      const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
      std::string message = poco ? poco->message() : std::string(error.what());
      std::string json = bodyFor(error, message);
      return {rule.status, std::move(message), true, std::move(json)};
    }
  }
  return {Status::HTTP_INTERNAL_SERVER_ERROR, kInternalMessage, false, errorJson(kInternalMessage)};
}

}  // namespace mkrp::web::detail
