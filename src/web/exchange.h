// Internal: one request and its response as a handler sees them, with the helpers every handler
// needs (the signed-in actor, path parameters, the JSON body, sending JSON).
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPResponse.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "store/records.h"
#include "web/server.h"
#include "workflow/accounts.h"

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
}  // namespace Poco::Net

namespace mkrp::web::detail {

// The 405 of a path that exists but not with this method.
POCO_DECLARE_EXCEPTION(, MethodNotAllowedException, Poco::RuntimeException)

class Exchange {
 public:
  Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
           const ServerOptions& options);

  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;
  const ServerOptions& options;
  std::map<std::string, std::string> params;  // path parameters, decoded
  std::optional<workflow::Session> session;   // when a valid session cookie came with it
  std::string sessionToken;                   // the cookie's token, as sent

  // The signed-in person. Throws workflow::NotSignedInException when there is none.
  const workflow::Actor& actor() const;

  // The path parameter `name` as an id. Throws core::NotFoundException when it is not a positive
  // whole number (no such record can exist).
  store::Id id(const std::string& name) const;
  const std::string& param(const std::string& name) const;

  // A query parameter, or nothing when absent.
  std::optional<std::string> query(std::string_view name) const;

  // The request body as a JSON object. Throws core::UnsupportedFormatException when it is not
  // sent as application/json, core::LimitExceededException when larger than
  // options.maxJsonBytes, workflow::InvalidRequestException when it is not a JSON object.
  Poco::JSON::Object::Ptr jsonBody();

  // Whether the request says it has a body (Content-Length or chunked). A request with neither
  // has none: its stream must not be read, as Poco would read until the client closes.
  bool hasBody() const;

  void sendJson(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& json);
  // 200 with `body` as a file to save as `filename`, whatever characters it has (an ASCII
  // fallback and the exact name percent-encoded, RFC 6266 / RFC 5987). A private download (an
  // agency's document or roster) is kept by no cache on the way.
  void sendDownload(std::string_view filename, std::string_view contentType, std::string_view body,
                    bool privateCopy = true);
  void send(Poco::Net::HTTPResponse::HTTPStatus status, std::string_view contentType,
            std::string_view body);
  bool sent() const { return sent_; }

 private:
  bool sent_ = false;
};

// A string field of a JSON body. Throws workflow::InvalidRequestException naming the field when
// it is missing (and required) or not a string.
std::string stringField(const Poco::JSON::Object::Ptr& body, const std::string& name,
                        bool required = true);

}  // namespace mkrp::web::detail
