#include "web/annotated_api.h"

#include "web/exchange.h"
#include "web/router.h"
#include "workflow/pdf_annotator.h"

namespace mkrp::web::detail {

void addAnnotatedPdfRoute(Router& router, const Services& services) {
  workflow::PdfAnnotator* annotator = services.annotator;
  if (annotator == nullptr) return;
  router.add("GET", "/api/v1/applications/{id}/documents/{doc}/annotated.pdf",
             [annotator](Exchange& ex) {
               const workflow::AnnotatedPdf pdf =
                   annotator->annotate(ex.actor(), ex.id("id"), ex.id("doc"));
               ex.sendDownload(pdf.filename, "application/pdf", pdf.bytes);
             });
}

}  // namespace mkrp::web::detail
