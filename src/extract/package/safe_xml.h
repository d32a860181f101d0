// Parsing the XML parts of a package with libxml2, safely: no network, no DTD, no entity
// expansion, bounded depth, and no messages printed by libxml2 itself.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extract/limits.h"

namespace mkrp::extract::detail {

struct XmlDocumentDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocumentDeleter>;

// The tree of part `partName` (named in messages). Never null.
// Throws core::MalformedDocumentException when the XML is not well-formed or declares a DTD
// (parts of DOCX and ODT files never do; refusing them rules out entity tricks), and
// core::LimitExceededException when elements nest deeper than limits.maxXmlDepth.
XmlDocument parseXml(std::string_view bytes, std::string_view partName, const Limits& limits);

// The document element; never null for a parsed document.
const xmlNode* rootElement(const XmlDocument& document);

// Local name of an element ("p" for <w:p>).
inline std::string_view localName(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

// Namespace URI of an element or attribute; empty when it has none.
inline std::string_view namespaceUri(const xmlNs* ns) {
  return ns == nullptr || ns->href == nullptr ? std::string_view()
                                              : reinterpret_cast<const char*>(ns->href);
}

inline bool isElement(const xmlNode* node) { return node->type == XML_ELEMENT_NODE; }

// True for an element with this namespace URI and local name.
bool isElement(const xmlNode* node, std::string_view uri, std::string_view name);

// The first child element with this namespace URI and local name, or null.
const xmlNode* firstChild(const xmlNode* parent, std::string_view uri, std::string_view name);

// The value of attribute `name` in namespace `uri` (empty uri: no namespace); nullopt if absent.
std::optional<std::string_view> attribute(const xmlNode* node, std::string_view uri,
                                          std::string_view name);

// All text below `node`, in document order.
std::string textContent(const xmlNode* node);

// Numbers the elements of `document` for which `matches` is true 0, 1, 2, ... in document order,
// keeping the number in the node itself for elementNumber.
void numberElements(xmlDoc* document, bool (*matches)(const xmlNode*));

// The number numberElements gave `node`; -1 when it gave none.
int elementNumber(const xmlNode* node);

// Element children of `parent`, for range-for loops.
class ChildElements {
 public:
  class Iterator {
   public:
    explicit Iterator(const xmlNode* node) : node_(skip(node)) {}
    const xmlNode* operator*() const { return node_; }
    Iterator& operator++() {
      node_ = skip(node_->next);
      return *this;
    }
    bool operator!=(const Iterator& other) const { return node_ != other.node_; }

   private:
    static const xmlNode* skip(const xmlNode* node) {
      while (node != nullptr && node->type != XML_ELEMENT_NODE) node = node->next;
      return node;
    }
    const xmlNode* node_;
  };
  explicit ChildElements(const xmlNode* parent) : parent_(parent) {}
  Iterator begin() const { return Iterator(parent_->children); }
  Iterator end() const { return Iterator(nullptr); }

 private:
  const xmlNode* parent_;
};

}  // namespace mkrp::extract::detail
