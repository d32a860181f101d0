// Internal: the one table from exceptions to HTTP status. Every handler's error goes through it.
#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <exception>
#include <string>

namespace mkrp::web::detail {

struct ErrorReply {
  Poco::Net::HTTPResponse::HTTPStatus status;
  std::string message;  // safe to show: the exception's own message for the errors we know
  bool expected;        // false: an internal error, whose detail is only logged
  // The JSON body for API clients: {"error": message}, plus "problems" for a refused training
  // roster ([{"row","column","message"}]).
  std::string json;
};

// The reply for `error`: a known class gets its status and its message (written for people);
// anything else is a 500 with a general message.
ErrorReply replyFor(const std::exception& error);

}  // namespace mkrp::web::detail
