#include "render/certificate_layout.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/SAX/SAXException.h>

#include <algorithm>

namespace mkrp::render::detail {
namespace {

using Poco::XML::Element;

[[noreturn]] void refuse(const std::string& what) {
  throw Poco::DataFormatException("the certificate layout is wrong: " + what);
}

std::string where(const Element& element) { return "<" + element.nodeName() + ">"; }

std::string required(const Element& element, const std::string& name) {
  if (!element.hasAttribute(name)) refuse(where(element) + " needs the attribute '" + name + "'");
  return element.getAttribute(name);
}

double number(const Element& element, const std::string& name) {
  double value = 0;
  if (!Poco::NumberParser::tryParseFloat(required(element, name), value) || value < 0) {
    refuse(where(element) + " has '" + name + "=\"" + element.getAttribute(name) +
           "\"', which is not a number of points");
  }
  return value;
}

double numberOr(const Element& element, const std::string& name, double fallback) {
  return element.hasAttribute(name) ? number(element, name) : fallback;
}

// "#1f3a5f" -> 0..1 components.
Colour colour(const Element& element) {
  const std::string text =
      element.hasAttribute("colour") ? element.getAttribute("colour") : "#000000";
  unsigned value = 0;
  if (text.size() != 7 || text[0] != '#' ||
      !Poco::NumberParser::tryParseHex(text.substr(1), value)) {
    refuse(where(element) + " has the colour '" + text + "'; write it as #rrggbb");
  }
  return Colour{((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                (value & 0xff) / 255.0};
}

Align align(const Element& element) {
  const std::string text = element.hasAttribute("align") ? element.getAttribute("align") : "center";
  if (text == "left") return Align::Left;
  if (text == "center") return Align::Center;
  if (text == "right") return Align::Right;
  refuse(where(element) + " has align=\"" + text + "\"; use left, center or right");
}

FontSpec fontSpec(const Element& element) {
  return FontSpec{required(element, "id"), required(element, "name"), required(element, "file"),
                  element.getAttribute("bold") == "true"};
}

TextLine textLine(const Element& element, const Layout& layout) {
  TextLine line;
  line.font = required(element, "font");
  const bool known = std::any_of(layout.fonts.begin(), layout.fonts.end(),
                                 [&](const FontSpec& font) { return font.id == line.font; });
  if (!known) refuse("<text> uses the font '" + line.font + "', which no <font> above defines");
  line.x = numberOr(element, "x", layout.width / 2);
  line.y = number(element, "y");
  line.size = number(element, "size");
  line.maxWidth = numberOr(element, "max-width", layout.width - 120);
  line.align = align(element);
  line.colour = colour(element);
  line.text = element.innerText();
  return line;
}

Shape shape(const Element& element, const Layout& layout) {
  const std::string& name = element.nodeName();
  if (name == "border") {
    return Border{number(element, "inset"), numberOr(element, "line", 1), colour(element)};
  }
  if (name == "rule") {
    return Rule{number(element, "x1"), number(element, "x2"), number(element, "y"),
                numberOr(element, "line", 1), colour(element)};
  }
  if (name == "circle") {
    return Circle{number(element, "x"),
                  number(element, "y"),
                  number(element, "radius"),
                  numberOr(element, "line", 1),
                  element.getAttribute("fill") == "true",
                  colour(element)};
  }
  if (name == "text") return textLine(element, layout);
  refuse("the element <" + name + "> is not part of the format");
}

Poco::AutoPtr<Poco::XML::Document> parseXml(std::string_view xml) {
  Poco::XML::DOMParser parser;
  try {
    return parser.parseString(std::string(xml));
  } catch (const Poco::XML::SAXException& error) {
    refuse("it is not well-formed XML (" + error.message() + ")");
  }
}

}  // namespace

Layout parseLayout(std::string_view xml) {
  const Poco::AutoPtr<Poco::XML::Document> document = parseXml(xml);
  const Element* root = document->documentElement();
  if (root == nullptr || root->nodeName() != "certificate")
    refuse("the root must be <certificate>");
  Layout layout;
  layout.width = number(*root, "width");
  layout.height = number(*root, "height");
  for (Poco::XML::Node* node = root->firstChild(); node != nullptr; node = node->nextSibling()) {
    if (node->nodeType() != Poco::XML::Node::ELEMENT_NODE) continue;
    const auto& element = static_cast<const Element&>(*node);
    if (element.nodeName() == "font") {
      layout.fonts.push_back(fontSpec(element));
    } else {
      layout.shapes.push_back(shape(element, layout));
    }
  }
  return layout;
}

}  // namespace mkrp::render::detail
