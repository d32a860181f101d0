#include "web/annotated_api.h"

#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include "web/exchange.h"
#include "web/router.h"
#include "workflow/pdf_annotator.h"

namespace mkrp::web::detail {
namespace {

// Content-Disposition for a file name people chose: an ASCII fallback without quotes or
// backslashes, and the exact name percent-encoded (RFC 6266 / RFC 5987).
std::string attachment(const std::string& filename) {
  std::string fallback;
  for (const char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    fallback += (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') ? '_' : c;
  }
  std::string encoded;
  Poco::URI::encode(filename, "!#$&+,/:;=?@[]\"'()*<>\\%{}|^` ", encoded);
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

void addAnnotatedPdfRoute(Router& router, const Services& services) {
  workflow::PdfAnnotator* annotator = services.annotator;
  if (annotator == nullptr) return;
  router.add("GET", "/api/v1/applications/{id}/documents/{doc}/annotated.pdf",
             [annotator](Exchange& ex) {
               const workflow::AnnotatedPdf pdf =
                   annotator->annotate(ex.actor(), ex.id("id"), ex.id("doc"));
               ex.response.set("Content-Disposition", attachment(pdf.filename));
               ex.response.set("Cache-Control", "private, no-store");
               ex.send(Poco::Net::HTTPResponse::HTTP_OK, "application/pdf", pdf.bytes);
             });
}

}  // namespace mkrp::web::detail
