#include "web/exchange.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MediaType.h>
#include <Poco/URI.h>

#include <charconv>
#include <typeinfo>

#include "core/errors.h"
#include "workflow/errors.h"

namespace mkrp::web::detail {

POCO_IMPLEMENT_EXCEPTION(MethodNotAllowedException, Poco::RuntimeException, "Method not allowed")

Exchange::Exchange(Poco::Net::HTTPServerRequest& request_, Poco::Net::HTTPServerResponse& response_,
                   const ServerOptions& options_)
    : request(request_), response(response_), options(options_) {}

const workflow::Actor& Exchange::actor() const {
  if (!session) throw workflow::NotSignedInException("Sign in first.");
  return session->actor;
}

const std::string& Exchange::param(const std::string& name) const { return params.at(name); }

store::Id Exchange::id(const std::string& name) const {
  const std::string& text = param(name);
  store::Id value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
    throw core::NotFoundException("There is no " + name + " '" + text + "'.");
  }
  return value;
}

std::optional<std::string> Exchange::query(std::string_view name) const {
  const Poco::URI uri(request.getURI());
  for (const auto& [key, value] : uri.getQueryParameters()) {
    if (key == name) return value;
  }
  return std::nullopt;
}

Poco::JSON::Object::Ptr Exchange::jsonBody() {
  if (!request.has("Content-Type") ||
      !Poco::Net::MediaType(request.getContentType()).matches("application", "json")) {
    throw core::UnsupportedFormatException("Send the request body as JSON (application/json).");
  }
  std::string text;
  char buffer[8192];
  std::istream& in = request.stream();
  while (hasBody() && (in.read(buffer, sizeof buffer) || in.gcount() > 0)) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > options.maxJsonBytes) {
      throw core::LimitExceededException("The request body is too large.");
    }
  }
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(text);
  } catch (const Poco::Exception&) {
    throw workflow::InvalidRequestException("The request body is not valid JSON.");
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw workflow::InvalidRequestException("The request body must be a JSON object.");
  }
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

bool Exchange::hasBody() const {
  return request.hasContentLength() || request.getChunkedTransferEncoding();
}

void Exchange::send(Poco::Net::HTTPResponse::HTTPStatus status, std::string_view contentType,
                    std::string_view body) {
  response.setStatusAndReason(status);
  response.setContentType(std::string(contentType));
  response.sendBuffer(body.data(), body.size());
  sent_ = true;
}

void Exchange::sendDownload(std::string_view filename, std::string_view contentType,
                            std::string_view body, bool privateCopy) {
  std::string fallback;
  for (const char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    fallback += (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') ? '_' : c;
  }
  std::string encoded;
  Poco::URI::encode(std::string(filename), "!#$&+,/:;=?@[]\"'()*<>\\%{}|^` ", encoded);
  response.set("Content-Disposition",
               "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded);
  if (privateCopy) response.set("Cache-Control", "private, no-store");
  send(Poco::Net::HTTPResponse::HTTP_OK, contentType, body);
}

void Exchange::sendJson(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& json) {
  send(status, "application/json; charset=utf-8", json);
}

std::string stringField(const Poco::JSON::Object::Ptr& body, const std::string& name,
                        bool required) {
  if (!body->has(name) || body->isNull(name)) {
    if (!required) return {};
    throw workflow::InvalidRequestException("The request needs the field \"" + name + "\".");
  }
  const Poco::Dynamic::Var value = body->get(name);
  if (!value.isString()) {
    throw workflow::InvalidRequestException("The field \"" + name + "\" must be text.");
  }
  return value.extract<std::string>();
}

}  // namespace mkrp::web::detail
