// Internal: which handler serves a method and path. Patterns are literal segments and {name}
// placeholders ("/api/v1/applications/{id}/documents/{doc}"); a placeholder takes one whole,
// percent-decoded segment.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::web::detail {

class Exchange;
using Handler = std::function<void(Exchange&)>;

struct Route {
  std::string method;
  std::string pattern;  // also the route's label in /metrics
  std::vector<std::string> segments;
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;               // null: no route for this method and path
  bool pathKnown = false;                     // some route has this path (-> 405, not 404)
  std::map<std::string, std::string> params;  // the placeholders' values
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  // The route for `method` and `path` (no query string).
  RouteMatch match(std::string_view method, std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

// The segments of a path, without empty ones; percent-decoded when `decode` is set.
std::vector<std::string> splitPath(std::string_view path, bool decode);

}  // namespace mkrp::web::detail
