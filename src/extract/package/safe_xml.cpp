#include "extract/package/safe_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstdint>

#include "core/errors.h"

namespace mkrp::extract::detail {
namespace {

// No network, no DTD loading or entity substitution (XML_PARSE_NOENT, XML_PARSE_DTDLOAD and
// XML_PARSE_HUGE are deliberately absent), and libxml2 prints nothing: errors come to onError.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                              XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

// What the callbacks saw while one part was parsed; hangs off the parser context's _private.
struct ParseReport {
  bool doctype = false;
  bool tooDeep = false;
  std::string firstError;
  int line = 0;
};

ParseReport& reportOf(void* context) {
  return *static_cast<ParseReport*>(static_cast<xmlParserCtxt*>(context)->_private);
}

// A DOCTYPE is where entity expansion attacks and external entities live. Parts of DOCX and ODT
// files never carry one, so parsing stops right there.
void onDoctype(void* context, const xmlChar*, const xmlChar*, const xmlChar*) {
  reportOf(context).doctype = true;
  xmlStopParser(static_cast<xmlParserCtxt*>(context));
}

void onError(void* context, xmlErrorPtr error) {
  ParseReport& report = reportOf(context);
  if (error == nullptr || error->level == XML_ERR_WARNING || !report.firstError.empty()) return;
  std::string message = error->message != nullptr ? error->message : "unknown error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (message.find("Excessive depth") != std::string::npos) report.tooDeep = true;
  report.firstError = message;
  report.line = error->line;
}

struct ContextDeleter {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

[[noreturn]] void tooDeep(std::string_view partName, std::uint32_t maxDepth) {
  throw core::LimitExceededException(
      "the part " + std::string(partName) + " nests its elements more than " +
      std::to_string(maxDepth) +
      " levels deep, which real documents never do. Open the file in Word or LibreOffice, save "
      "it again and submit the new file.");
}

// libxml2 caps depth at 256 on its own; a smaller configured limit is checked here, without
// recursion.
void checkDepth(const xmlNode* root, std::string_view partName, std::uint32_t maxDepth) {
  if (maxDepth == 0) tooDeep(partName, maxDepth);
  if (root->children == nullptr) return;
  const xmlNode* node = root->children;
  std::uint32_t depth = 2;
  for (;;) {
    if (isElement(node) && depth > maxDepth) tooDeep(partName, maxDepth);
    if (isElement(node) && node->children != nullptr) {
      node = node->children;
      ++depth;
      continue;
    }
    while (node->next == nullptr) {
      node = node->parent;
      --depth;
      if (node == nullptr || node == root) return;
    }
    node = node->next;
  }
}

}  // namespace

XmlDocument parseXml(std::string_view bytes, std::string_view partName, const Limits& limits) {
  const std::string part(partName);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw core::LimitExceededException("the part " + part + " is too large to read.");
  }
  xmlInitParser();
  std::unique_ptr<xmlParserCtxt, ContextDeleter> context(xmlNewParserCtxt());
  if (!context) throw core::MalformedDocumentException("out of memory while reading " + part);
  ParseReport report;
  context->_private = &report;
  context->sax->internalSubset = onDoctype;
  context->sax->serror = onError;
  XmlDocument document(xmlCtxtReadMemory(context.get(), bytes.data(),
                                         static_cast<int>(bytes.size()), part.c_str(), nullptr,
                                         kParseOptions));
  if (report.doctype) {
    throw core::MalformedDocumentException(
        "the part " + part +
        " contains a DTD (a document type declaration), which Word and LibreOffice never write "
        "and which can hide attacks. Open the file in Word or LibreOffice, save it again and "
        "submit the new file.");
  }
  if (report.tooDeep) tooDeep(partName, std::min<std::uint32_t>(limits.maxXmlDepth, 256));
  if (!document || !context->wellFormed || xmlDocGetRootElement(document.get()) == nullptr) {
    std::string detail = report.firstError.empty() ? "it is empty" : report.firstError;
    if (report.line > 0) detail = "line " + std::to_string(report.line) + ": " + detail;
    throw core::MalformedDocumentException(
        "the file is damaged: the part " + part + " is not well-formed XML (" + detail +
        "). Open it in Word or LibreOffice, save it again and submit the new file.");
  }
  checkDepth(xmlDocGetRootElement(document.get()), partName, limits.maxXmlDepth);
  return document;
}

const xmlNode* rootElement(const XmlDocument& document) {
  return xmlDocGetRootElement(document.get());
}

bool isElement(const xmlNode* node, std::string_view uri, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && localName(node) == name && namespaceUri(node->ns) == uri;
}

const xmlNode* firstChild(const xmlNode* parent, std::string_view uri, std::string_view name) {
  for (const xmlNode* child : ChildElements(parent)) {
    if (isElement(child, uri, name)) return child;
  }
  return nullptr;
}

std::optional<std::string_view> attribute(const xmlNode* node, std::string_view uri,
                                          std::string_view name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (reinterpret_cast<const char*>(attr->name) != name || namespaceUri(attr->ns) != uri) {
      continue;
    }
    const xmlNode* value = attr->children;
    if (value == nullptr || value->content == nullptr) return std::string_view();
    return std::string_view(reinterpret_cast<const char*>(value->content));
  }
  return std::nullopt;
}

std::string textContent(const xmlNode* node) {
  std::string text;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (node->content != nullptr) text = reinterpret_cast<const char*>(node->content);
    return text;
  }
  // Iterative walk; depth is already bounded, but no recursion is needed here.
  const xmlNode* current = node->children;
  while (current != nullptr) {
    if ((current->type == XML_TEXT_NODE || current->type == XML_CDATA_SECTION_NODE) &&
        current->content != nullptr) {
      text += reinterpret_cast<const char*>(current->content);
    }
    if (current->children != nullptr && current->type == XML_ELEMENT_NODE) {
      current = current->children;
      continue;
    }
    while (current != nullptr && current->next == nullptr) {
      current = current->parent;
      if (current == node) return text;
    }
    if (current != nullptr) current = current->next;
  }
  return text;
}

void numberElements(xmlDoc* document, bool (*matches)(const xmlNode*)) {
  xmlNode* root = xmlDocGetRootElement(document);
  std::intptr_t count = 0;
  xmlNode* node = root;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE && matches(node))
      node->_private = reinterpret_cast<void*>(++count);
    if (node->type == XML_ELEMENT_NODE && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node != root && node->next == nullptr) node = node->parent;
    if (node == nullptr || node == root) return;
    node = node->next;
  }
}

int elementNumber(const xmlNode* node) {
  return static_cast<int>(reinterpret_cast<std::intptr_t>(node->_private)) - 1;
}

}  // namespace mkrp::extract::detail
