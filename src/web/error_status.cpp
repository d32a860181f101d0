#include "web/error_status.h"

#include <Poco/Exception.h>

#include "core/errors.h"
#include "web/exchange.h"
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

constexpr const char* kInternalMessage =
    "Something went wrong on our side. Try again in a moment; if it keeps happening, contact "
    "the program.";

}  // namespace

ErrorReply replyFor(const std::exception& error) {
  for (const Rule& rule : kRules) {
    if (rule.matches(error)) {
      const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
      return {rule.status, poco ? poco->message() : std::string(error.what()), true};
    }
  }
  return {Status::HTTP_INTERNAL_SERVER_ERROR, kInternalMessage, false};
}

}  // namespace mkrp::web::detail
