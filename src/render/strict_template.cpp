#include "render/strict_template.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <cctype>
#include <kainjow/mustache.hpp>

namespace mkrp::render {
namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

[[noreturn]] void refuseTag(std::string_view templateName, std::string_view tag,
                            std::string_view why) {
  throw Poco::DataFormatException(
      "the template '" + std::string(templateName) + "' has the tag '{{" + std::string(tag) +
      "}}', but " + std::string(why) + "; use plain placeholders like {{agency_name}}");
}

// The placeholder name inside one tag, or empty for a comment.
std::string nameOfTag(std::string_view templateName, std::string_view tag) {
  const std::string_view body = trim(tag);
  if (body.empty()) refuseTag(templateName, tag, "it names nothing");
  switch (body.front()) {
    case '!':
      return {};
    case '#':
    case '^':
    case '/':
      refuseTag(templateName, tag, "these templates have no sections");
    case '>':
      refuseTag(templateName, tag, "these templates have no partials");
    case '{':
    case '&':
      refuseTag(templateName, tag, "every value must be escaped");
    case '=':
      refuseTag(templateName, tag, "the delimiters cannot change");
    default:
      break;
  }
  const bool plain = std::all_of(body.begin(), body.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  if (!plain) refuseTag(templateName, tag, "a placeholder name has only letters, digits, _ and -");
  return std::string(body);
}

}  // namespace

std::vector<std::string> placeholderNames(std::string_view templateName, std::string_view text) {
  std::vector<std::string> names;
  std::size_t position = 0;
  while ((position = text.find(kOpen, position)) != std::string_view::npos) {
    const std::size_t end = text.find(kClose, position + kOpen.size());
    if (end == std::string_view::npos) {
      throw Poco::DataFormatException("the template '" + std::string(templateName) +
                                      "' opens a placeholder with {{ that is never closed");
    }
    std::string name = nameOfTag(
        templateName, text.substr(position + kOpen.size(), end - position - kOpen.size()));
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(std::move(name));
    }
    position = end + kClose.size();
  }
  return names;
}

std::string renderStrict(std::string_view templateName, std::string_view text,
                         const TemplateValues& values, const EscapeFunction& escape) {
  mustache::data data;
  for (const std::string& name : placeholderNames(templateName, text)) {
    const auto value = values.find(name);
    if (value == values.end() || value->second.empty()) {
      throw Poco::DataFormatException("the template '" + std::string(templateName) +
                                      "' needs a value for '" + name + "'");
    }
    data.set(name, value->second);
  }
  mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    throw Poco::DataFormatException("the template '" + std::string(templateName) +
                                    "' cannot be read: " + tmpl.error_message());
  }
  tmpl.set_custom_escape(escape);
  return tmpl.render(data);
}

std::string xmlEscape(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace mkrp::render
