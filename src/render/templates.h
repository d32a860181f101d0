// The templates shipped in templates/, compiled into the binary (cmake/MkrpEmbed.cmake).
#pragma once

#include <cstddef>
#include <string_view>

namespace mkrp::render {

// The text of the template at `path`, relative to templates/ ("report/report.html.mustache").
// Throws Poco::NotFoundException when no such template was built in.
std::string_view templateText(std::string_view path);

namespace detail {
struct EmbeddedTemplate {
  std::string_view path;
  std::string_view text;
};
extern const EmbeddedTemplate kEmbeddedTemplates[];
extern const std::size_t kEmbeddedTemplateCount;
}  // namespace detail

}  // namespace mkrp::render
