#include "extract/package/opc.h"

#include "extract/package/safe_xml.h"
#include "extract/package/zip_package.h"

namespace mkrp::extract::detail {
namespace {

constexpr std::string_view kRelationshipsNs =
    "http://schemas.openxmlformats.org/package/2006/relationships";

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percentDecoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
        hexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i] == '\\' ? '/' : text[i];
    }
  }
  return out;
}

// "http:", "file:", "C:" ... anything with a scheme points outside the package.
bool hasScheme(std::string_view target) {
  const std::size_t colon = target.find(':');
  return colon != std::string_view::npos && target.find('/') > colon;
}

std::string_view directoryOf(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
}

bool endsWithKind(std::string_view type, std::string_view kind) {
  return type.size() > kind.size() && type.substr(type.size() - kind.size()) == kind &&
         type[type.size() - kind.size() - 1] == '/';
}

}  // namespace

std::string relationshipsPartFor(std::string_view partName) {
  const std::size_t slash = partName.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(partName) + ".rels";
  return std::string(partName.substr(0, slash + 1)) + "_rels/" +
         std::string(partName.substr(slash + 1)) + ".rels";
}

std::optional<std::string> resolveTarget(std::string_view sourcePart, std::string_view target) {
  const std::size_t hash = target.find('#');
  std::string path = percentDecoded(target.substr(0, hash));
  if (path.empty() || hasScheme(path) || path.rfind("//", 0) == 0) return std::nullopt;
  const std::string full =
      path[0] == '/' ? path.substr(1) : std::string(directoryOf(sourcePart)) + path;
  std::vector<std::string_view> segments;
  std::string_view rest = full;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  if (segments.empty()) return std::nullopt;
  std::string resolved;
  for (std::string_view segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

Relationships Relationships::read(ZipPackage& package, std::string_view sourcePart,
                                  const Limits& limits) {
  Relationships result;
  result.source_ = sourcePart;
  const std::string partName = relationshipsPartFor(sourcePart);
  const std::optional<std::string> bytes = package.readIfPresent(partName);
  if (!bytes) return result;
  const XmlDocument document = parseXml(*bytes, partName, limits);
  for (const xmlNode* node : ChildElements(rootElement(document))) {
    if (!isElement(node, kRelationshipsNs, "Relationship")) continue;
    Relationship relationship;
    relationship.id = attribute(node, "", "Id").value_or("");
    relationship.type = attribute(node, "", "Type").value_or("");
    relationship.target = attribute(node, "", "Target").value_or("");
    relationship.external = attribute(node, "", "TargetMode").value_or("") == "External";
    result.byId_.emplace(relationship.id, result.relationships_.size());
    result.relationships_.push_back(std::move(relationship));
  }
  return result;
}

std::optional<std::string> Relationships::inside(const Relationship& relationship,
                                                 std::string_view what,
                                                 std::vector<std::string>& warnings) const {
  std::optional<std::string> part;
  if (!relationship.external) part = resolveTarget(source_, relationship.target);
  if (!part) {
    warnings.push_back("Ignored " + std::string(what) + " that points outside the file (" +
                       relationship.target + ").");
  }
  return part;
}

std::vector<std::string> Relationships::partsOfType(std::string_view kind, std::string_view what,
                                                    std::vector<std::string>& warnings) const {
  std::vector<std::string> parts;
  for (const Relationship& relationship : relationships_) {
    if (!endsWithKind(relationship.type, kind)) continue;
    if (std::optional<std::string> part = inside(relationship, what, warnings)) {
      parts.push_back(std::move(*part));
    }
  }
  return parts;
}

std::optional<std::string> Relationships::partOfId(std::string_view id, std::string_view what,
                                                   std::vector<std::string>& warnings) const {
  const auto it = byId_.find(std::string(id));
  if (it == byId_.end()) return std::nullopt;
  return inside(relationships_[it->second], what, warnings);
}

}  // namespace mkrp::extract::detail
