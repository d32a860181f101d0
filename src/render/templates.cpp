#include "render/templates.h"

#include <Poco/Exception.h>

#include <string>

namespace mkrp::render {

std::string_view templateText(std::string_view path) {
  for (std::size_t i = 0; i < detail::kEmbeddedTemplateCount; ++i) {
    if (detail::kEmbeddedTemplates[i].path == path) return detail::kEmbeddedTemplates[i].text;
  }
  throw Poco::NotFoundException("no template '" + std::string(path) + "' is built in");
}

}  // namespace mkrp::render
