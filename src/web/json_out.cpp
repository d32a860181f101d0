#include "web/json_out.h"

#include "core/json_writer.h"

namespace mkrp::web::detail {

void JsonOut::separate() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (hasItems_.empty()) return;
  if (hasItems_.back()) out_ += ',';
  hasItems_.back() = true;
}

JsonOut& JsonOut::beginObject() {
  separate();
  out_ += '{';
  hasItems_.push_back(false);
  return *this;
}

JsonOut& JsonOut::endObject() {
  out_ += '}';
  hasItems_.pop_back();
  return *this;
}

JsonOut& JsonOut::beginArray() {
  separate();
  out_ += '[';
  hasItems_.push_back(false);
  return *this;
}

JsonOut& JsonOut::endArray() {
  out_ += ']';
  hasItems_.pop_back();
  return *this;
}

JsonOut& JsonOut::key(std::string_view name) {
  separate();
  core::appendJsonString(out_, name);
  out_ += ':';
  afterKey_ = true;
  return *this;
}

JsonOut& JsonOut::string(std::string_view text) {
  separate();
  core::appendJsonString(out_, text);
  return *this;
}

JsonOut& JsonOut::number(std::int64_t value) {
  separate();
  out_ += std::to_string(value);
  return *this;
}

JsonOut& JsonOut::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  return *this;
}

JsonOut& JsonOut::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonOut& JsonOut::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

JsonOut& JsonOut::field(std::string_view name, const std::optional<std::int64_t>& value) {
  key(name);
  return value ? number(*value) : null();
}

std::string errorJson(std::string_view message) {
  JsonOut out;
  out.beginObject().field("error", message).endObject();
  return out.text();
}

}  // namespace mkrp::web::detail
