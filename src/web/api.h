// Internal: the routes of the JSON API under /api/v1 (described by openapi.cpp).
#pragma once

#include <string_view>

#include "web/server.h"

namespace mkrp::web::detail {

class Router;

// Adds every /api/v1 route to `router`. The handlers keep a copy of `services`.
void addApiRoutes(Router& router, const Services& services);

// The OpenAPI 3 description of the API, as JSON.
std::string_view openApiJson();

}  // namespace mkrp::web::detail
