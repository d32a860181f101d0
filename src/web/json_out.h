// Internal: a small streaming JSON writer for responses, able to splice in JSON made elsewhere
// (the pre-check report) without parsing it again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::web::detail {

class JsonOut {
 public:
  JsonOut& beginObject();
  JsonOut& endObject();
  JsonOut& beginArray();
  JsonOut& endArray();
  JsonOut& key(std::string_view name);
  JsonOut& string(std::string_view text);
  JsonOut& number(std::int64_t value);
  JsonOut& boolean(bool value);
  JsonOut& null();
  // Writes `json` as it is. REQUIRES: `json` is one valid JSON value.
  JsonOut& raw(std::string_view json);

  // key + value shorthands; an empty optional writes null.
  JsonOut& field(std::string_view name, std::string_view text) { return key(name).string(text); }
  JsonOut& field(std::string_view name, const char* text) { return key(name).string(text); }
  JsonOut& field(std::string_view name, std::int64_t value) { return key(name).number(value); }
  JsonOut& field(std::string_view name, int value) { return key(name).number(value); }
  JsonOut& field(std::string_view name, bool value) { return key(name).boolean(value); }
  JsonOut& field(std::string_view name, const std::optional<std::int64_t>& value);

  const std::string& text() const { return out_; }

 private:
  void separate();
  std::string out_;
  std::vector<bool> hasItems_;  // one per open container
  bool afterKey_ = false;
};

// {"error": message}
std::string errorJson(std::string_view message);

}  // namespace mkrp::web::detail
