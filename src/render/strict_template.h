// Strict mustache: every placeholder in a template must have a value. A document we hand to an
// agency must never carry a silent blank where its name or a date belongs.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::render {

// Placeholder name -> value.
using TemplateValues = std::map<std::string, std::string, std::less<>>;
// Turns a value into text that is safe in the output (XML escaping for DOCX parts, nothing for
// PDF text drawn by our own painter).
using EscapeFunction = std::function<std::string(const std::string&)>;

// The names of the placeholders in `text`, in order of first appearance, each once.
// Throws Poco::DataFormatException, naming `templateName`, for a tag we do not allow: our
// templates are flat, so sections, partials, unescaped tags and delimiter changes are errors.
std::vector<std::string> placeholderNames(std::string_view templateName, std::string_view text);

// `text` rendered with `values`, each value passed through `escape`.
// Throws Poco::DataFormatException naming the template and the placeholder when a placeholder has
// no value or an empty one, and for the tags placeholderNames refuses. Values without a
// placeholder are ignored.
std::string renderStrict(std::string_view templateName, std::string_view text,
                         const TemplateValues& values, const EscapeFunction& escape);

// `text` with &, <, >, " and ' replaced by XML entities.
std::string xmlEscape(const std::string& text);

}  // namespace mkrp::render
