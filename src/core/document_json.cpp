#include "core/document_json.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/document.h"
#include "core/errors.h"
#include "core/json_writer.h"

namespace mkrp::core {
namespace {

void appendBox(std::string& out, const Box& box) {
  out += '[';
  appendJsonNumber(out, box.x0);
  out += ',';
  appendJsonNumber(out, box.y0);
  out += ',';
  appendJsonNumber(out, box.x1);
  out += ',';
  appendJsonNumber(out, box.y1);
  out += ']';
}

void appendSource(std::string& out, const Source& source, Format format) {
  out += "{";
  if (format == Format::Pdf) {
    out += "\"page\":" + std::to_string(source.page) + ",\"box\":";
    appendBox(out, source.box);
  } else {
    out += "\"part\":";
    appendJsonString(out, source.part);
    out += ",\"paragraph\":" + std::to_string(source.paragraph);
  }
  out += "}";
}

void appendGlyphs(std::string& out, const std::vector<GlyphBox>& glyphs) {
  out += ",\"glyphs\":[";
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const GlyphBox& glyph = glyphs[i];
    if (i) out += ',';
    out += '[' + std::to_string(glyph.start) + ',' + std::to_string(glyph.end) + ',' +
           std::to_string(glyph.page) + ',';
    appendJsonNumber(out, glyph.box.x0);
    out += ',';
    appendJsonNumber(out, glyph.box.y0);
    out += ',';
    appendJsonNumber(out, glyph.box.x1);
    out += ',';
    appendJsonNumber(out, glyph.box.y1);
    out += ']';
  }
  out += ']';
}

void appendBlock(std::string& out, const Block& block, Format format, bool withGlyphs) {
  out += "{\"kind\":\"";
  out += toString(block.kind);
  out += "\",\"level\":" + std::to_string(block.level) + ",\"label\":";
  appendJsonString(out, block.label);
  out += ",\"text\":";
  appendJsonString(out, block.text);
  out += ",\"source\":";
  appendSource(out, block.source, format);
  if (withGlyphs && !block.glyphs.empty()) appendGlyphs(out, block.glyphs);
  out += '}';
}

Box boxFrom(const Poco::JSON::Array::Ptr& array) {
  if (!array || array->size() != 4) throw MalformedDocumentException("box needs four numbers");
  return Box{array->getElement<double>(0), array->getElement<double>(1),
             array->getElement<double>(2), array->getElement<double>(3)};
}

Source sourceFrom(const Poco::JSON::Object::Ptr& object) {
  Source source;
  if (!object) return source;
  source.part = object->optValue<std::string>("part", "");
  source.paragraph = object->optValue<int>("paragraph", -1);
  source.page = object->optValue<int>("page", 0);
  if (object->has("box")) source.box = boxFrom(object->getArray("box"));
  return source;
}

std::vector<GlyphBox> glyphsFrom(const Poco::JSON::Array::Ptr& array) {
  std::vector<GlyphBox> glyphs;
  if (!array) return glyphs;
  glyphs.reserve(array->size());
  for (std::size_t i = 0; i < array->size(); ++i) {
    Poco::JSON::Array::Ptr row = array->getArray(static_cast<unsigned>(i));
    if (!row || row->size() != 7) throw MalformedDocumentException("glyph needs seven numbers");
    glyphs.push_back(GlyphBox{row->getElement<std::uint32_t>(0), row->getElement<std::uint32_t>(1),
                              row->getElement<int>(2),
                              Box{row->getElement<double>(3), row->getElement<double>(4),
                                  row->getElement<double>(5), row->getElement<double>(6)}});
  }
  return glyphs;
}

Block blockFrom(const Poco::JSON::Object::Ptr& object) {
  if (!object) throw MalformedDocumentException("block is not an object");
  Block block;
  block.kind = blockKindFromString(object->getValue<std::string>("kind"));
  block.level = object->optValue<int>("level", 0);
  block.label = object->optValue<std::string>("label", "");
  block.text = object->getValue<std::string>("text");
  block.source = sourceFrom(object->getObject("source"));
  block.glyphs = glyphsFrom(object->getArray("glyphs"));
  return block;
}

}  // namespace

std::string toJson(const Document& document, bool withGlyphs) {
  std::string out = "{\"format\":\"";
  out += toString(document.format);
  out += "\",\"pages\":" + std::to_string(document.pageCount) + ",\"blocks\":[";
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    if (i) out += ',';
    appendBlock(out, document.blocks[i], document.format, withGlyphs);
  }
  out += "],\"warnings\":[";
  for (std::size_t i = 0; i < document.warnings.size(); ++i) {
    if (i) out += ',';
    appendJsonString(out, document.warnings[i]);
  }
  out += "]}";
  return out;
}

Document documentFromJson(std::string_view json) {
  try {
    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr root =
        parser.parse(std::string(json)).extract<Poco::JSON::Object::Ptr>();
    Document document;
    document.format = formatFromString(root->getValue<std::string>("format"));
    document.pageCount = root->optValue<int>("pages", 0);
    Poco::JSON::Array::Ptr blocks = root->getArray("blocks");
    if (!blocks) throw MalformedDocumentException("document has no blocks array");
    document.blocks.reserve(blocks->size());
    for (std::size_t i = 0; i < blocks->size(); ++i) {
      document.blocks.push_back(blockFrom(blocks->getObject(static_cast<unsigned>(i))));
    }
    if (Poco::JSON::Array::Ptr warnings = root->getArray("warnings")) {
      for (std::size_t i = 0; i < warnings->size(); ++i) {
        document.warnings.push_back(warnings->getElement<std::string>(static_cast<unsigned>(i)));
      }
    }
    return document;
  } catch (const MalformedDocumentException&) {
    throw;
  } catch (const Poco::Exception& error) {
    throw MalformedDocumentException("not a document in JSON form: " + error.displayText());
  }
}

}  // namespace mkrp::core
