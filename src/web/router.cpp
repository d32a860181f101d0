#include "web/router.h"

#include <Poco/URI.h>

namespace mkrp::web::detail {
namespace {

bool isPlaceholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Fills `params` and returns true when `segments` fit `route`'s pattern.
bool fits(const Route& route, const std::vector<std::string>& segments,
          std::map<std::string, std::string>& params) {
  if (route.segments.size() != segments.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& expected = route.segments[i];
    if (isPlaceholder(expected)) {
      found[expected.substr(1, expected.size() - 2)] = segments[i];
    } else if (expected != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

std::vector<std::string> splitPath(std::string_view path, bool decode) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) {
      std::string segment(path.substr(start, end - start));
      if (decode) {
        std::string decoded;
        Poco::URI::decode(segment, decoded);
        segment = std::move(decoded);
      }
      segments.push_back(std::move(segment));
    }
    start = end + 1;
  }
  return segments;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  Route route{std::move(method), std::move(pattern), {}, std::move(handler)};
  route.segments = splitPath(route.pattern, false);
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  const std::vector<std::string> segments = splitPath(path, true);
  RouteMatch result;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!fits(route, segments, params)) continue;
    result.pathKnown = true;
    if (route.method == method) {
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
  }
  return result;
}

}  // namespace mkrp::web::detail
