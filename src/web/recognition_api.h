// Internal: what approvals give agencies and the public, over HTTP: the certificate and media
// release downloads, certificate verification, and the list of recognized agencies (JSON, CSV
// and the /members page).
#pragma once

#include <string>
#include <vector>

#include "store/records.h"
#include "web/server.h"

namespace mkrp::web::detail {

class Router;

// Adds the recognition routes to `router`. The handlers keep a copy of `services`.
void addRecognitionRoutes(Router& router, const Services& services);

// The members as CSV (header row, then one row per member), quoted where needed, with cells
// that a spreadsheet would read as a formula prefixed by an apostrophe.
std::string membersCsv(const std::vector<store::Member>& members);

}  // namespace mkrp::web::detail
