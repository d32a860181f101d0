#include "web/upload.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/PartHandler.h>

#include <istream>

#include "core/errors.h"
#include "web/exchange.h"
#include "workflow/errors.h"

namespace mkrp::web::detail {
namespace {

// What multipart framing may add around the file: boundaries, part headers, other small fields.
constexpr std::uint64_t kFramingAllowance = 64 << 10;
constexpr std::string_view kFieldName = "file";

std::string tooLargeMessage(std::uint64_t maxBytes, std::string_view advice) {
  return "The file is larger than the " + std::to_string((maxBytes + (1 << 20) - 1) >> 20) +
         " MiB allowed. " + std::string(advice);
}

// Keeps the first part named "file", reading at most maxBytes of it.
class FilePartHandler : public Poco::Net::PartHandler {
 public:
  FilePartHandler(std::uint64_t maxBytes, std::string_view advice)
      : maxBytes_(maxBytes), advice_(advice) {}

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                              parameters);
    if (found_ || parameters.get("name", "") != kFieldName) return;  // the reader skips it
    found_ = true;
    file_.filename = parameters.get("filename", "");
    char buffer[16384];
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      file_.bytes.append(buffer, static_cast<std::size_t>(stream.gcount()));
      if (file_.bytes.size() > maxBytes_) {
        throw core::LimitExceededException(tooLargeMessage(maxBytes_, advice_));
      }
    }
  }

  bool found() const { return found_; }
  UploadedFile take() { return std::move(file_); }

 private:
  std::uint64_t maxBytes_;
  std::string_view advice_;
  bool found_ = false;
  UploadedFile file_;
};

}  // namespace

bool drainBody(std::istream& body, std::uint64_t limit) {
  char buffer[16384];
  std::uint64_t total = 0;
  while (total <= limit) {
    body.read(buffer, sizeof buffer);
    total += static_cast<std::uint64_t>(body.gcount());
    if (!body) return body.eof();
  }
  return false;
}

UploadedFile readUpload(Exchange& exchange, std::uint64_t maxBytes,
                        std::string_view tooLargeAdvice) {
  Poco::Net::HTTPServerRequest& request = exchange.request;
  if (!request.has("Content-Type") ||
      !Poco::Net::MediaType(request.getContentType()).matches("multipart", "form-data")) {
    throw core::UnsupportedFormatException(
        "Send the document as multipart/form-data, in a field named \"file\".");
  }
  if (request.hasContentLength() &&
      static_cast<std::uint64_t>(request.getContentLength64()) > maxBytes + kFramingAllowance) {
    throw core::LimitExceededException(tooLargeMessage(maxBytes, tooLargeAdvice));
  }
  if (!exchange.hasBody()) {
    throw workflow::InvalidRequestException(
        "Send the document as a file in the form field named \"file\".");
  }
  FilePartHandler handler(maxBytes, tooLargeAdvice);
  Poco::Net::HTMLForm form;
  form.setFieldLimit(20);
  form.setValueLengthLimit(4096);
  try {
    form.load(request, request.stream(), handler);
  } catch (const Poco::Net::HTMLFormException&) {
    throw workflow::InvalidRequestException("The form has too many or too long fields.");
  } catch (const Poco::Net::MessageException&) {
    throw workflow::InvalidRequestException("The form data is damaged. Try the upload again.");
  }
  if (!handler.found()) {
    throw workflow::InvalidRequestException(
        "Send the document as a file in the form field named \"file\".");
  }
  return handler.take();
}

}  // namespace mkrp::web::detail
