// Internal: GET /api/v1/applications/{id}/documents/{doc}/annotated.pdf, the submitted PDF with
// the pre-check's passages highlighted (workflow/pdf_annotator.h).
#pragma once

#include "web/server.h"

namespace mkrp::web::detail {

class Router;

// Adds the route when `services.annotator` is set.
void addAnnotatedPdfRoute(Router& router, const Services& services);

}  // namespace mkrp::web::detail
