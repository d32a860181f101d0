// Open Packaging Conventions: relationship parts and how their targets name other parts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/limits.h"

namespace mkrp::extract::detail {

class ZipPackage;

// The relationships part that belongs to `partName`: "word/document.xml" gives
// "word/_rels/document.xml.rels"; the empty name (the package itself) gives "_rels/.rels".
std::string relationshipsPartFor(std::string_view partName);

// The part that `target` names when it appears in the relationships of `sourcePart`, with "."
// and ".." applied and %XX escapes decoded. nullopt when the target leaves the package: a URI
// with a scheme, a network path, or ".." above the root.
std::optional<std::string> resolveTarget(std::string_view sourcePart, std::string_view target);

// The relationships of one part.
class Relationships {
 public:
  struct Relationship {
    std::string id;
    std::string type;    // full type URI
    std::string target;  // as written
    bool external = false;
  };

  Relationships() = default;

  // Reads the relationships of `sourcePart`; none when its relationships part is absent.
  // Throws as parseXml does when the part is there but damaged.
  static Relationships read(ZipPackage& package, std::string_view sourcePart, const Limits& limits);

  // The parts named by relationships whose type ends in "/" + `kind` ("header", "styles"), in
  // file order. Targets outside the package are left out, with a warning naming `what`.
  std::vector<std::string> partsOfType(std::string_view kind, std::string_view what,
                                       std::vector<std::string>& warnings) const;

  // The part named by relationship `id`, if it exists and stays inside the package (a warning
  // naming `what` otherwise).
  std::optional<std::string> partOfId(std::string_view id, std::string_view what,
                                      std::vector<std::string>& warnings) const;

 private:
  std::optional<std::string> inside(const Relationship& relationship, std::string_view what,
                                    std::vector<std::string>& warnings) const;

  std::string source_;
  std::vector<Relationship> relationships_;
  std::unordered_map<std::string, std::size_t> byId_;
};

}  // namespace mkrp::extract::detail
