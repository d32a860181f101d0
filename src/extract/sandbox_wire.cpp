#include "extract/sandbox_wire.h"

#include <Poco/Exception.h>

#include <cstdint>
#include <cstring>

namespace mkrp::extract::detail {
namespace {

constexpr std::string_view kDocumentMagic = "MKRPDOC1";
constexpr std::string_view kRefusalMagic = "MKRPREF1";

class Writer {
 public:
  explicit Writer(std::string_view magic) : bytes_(magic) {}

  void u32(std::uint32_t value) { append(&value, sizeof value); }
  void i32(std::int32_t value) { append(&value, sizeof value); }
  void f64(double value) { append(&value, sizeof value); }
  void text(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    bytes_.append(value);
  }
  void box(const core::Box& box) {
    f64(box.x0);
    f64(box.y0);
    f64(box.x1);
    f64(box.y1);
  }
  std::string take() { return std::move(bytes_); }

 private:
  // Host byte order: the reader of these bytes is the same executable on the same machine.
  void append(const void* value, std::size_t size) {
    bytes_.append(static_cast<const char*>(value), size);
  }

  std::string bytes_;
};

class Reader {
 public:
  Reader(std::string_view bytes, std::string_view magic) : bytes_(bytes) {
    if (bytes_.substr(0, magic.size()) != magic) fail("unexpected start");
    bytes_.remove_prefix(magic.size());
  }

  std::uint32_t u32() { return read<std::uint32_t>(); }
  std::int32_t i32() { return read<std::int32_t>(); }
  double f64() { return read<double>(); }
  std::string text() {
    const std::uint32_t size = u32();
    need(size);
    std::string value(bytes_.substr(0, size));
    bytes_.remove_prefix(size);
    return value;
  }
  core::Box box() {
    core::Box box;
    box.x0 = f64();
    box.y0 = f64();
    box.x1 = f64();
    box.y1 = f64();
    return box;
  }
  // A count of items that take at least `itemBytes` each, checked against what is left, so a
  // damaged count cannot make the parent reserve gigabytes.
  std::uint32_t count(std::size_t itemBytes) {
    const std::uint32_t value = u32();
    if (value > bytes_.size() / itemBytes) fail("count beyond the end");
    return value;
  }
  void finish() const {
    if (!bytes_.empty()) fail("bytes after the end");
  }

 private:
  template <typename T>
  T read() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data(), sizeof(T));
    bytes_.remove_prefix(sizeof(T));
    return value;
  }
  void need(std::size_t size) const {
    if (bytes_.size() < size) fail("truncated");
  }
  [[noreturn]] static void fail(const std::string& why) {
    throw Poco::DataFormatException("sandbox answer: " + why);
  }

  std::string_view bytes_;
};

// A field added to the model changes these sizes: encode it below, then update them.
static_assert(sizeof(core::Document) == 56 && sizeof(core::Block) == 168 &&
                  sizeof(core::GlyphBox) == 48,
              "every field of the Document must cross the sandbox");

// The fewest bytes one item takes on the wire: start, end, page, box / kind, level, three empty
// strings, paragraph, page, box, glyph count.
constexpr std::size_t kGlyphBytes = 3 * 4 + 4 * 8;
constexpr std::size_t kBlockMinBytes = 4 + 4 + 3 * 4 + 4 + 4 + 4 * 8 + 4;

void writeBlock(Writer& out, const core::Block& block, bool withGlyphs) {
  out.u32(static_cast<std::uint32_t>(block.kind));
  out.i32(block.level);
  out.text(block.label);
  out.text(block.text);
  out.text(block.source.part);
  out.i32(block.source.paragraph);
  out.i32(block.source.page);
  out.box(block.source.box);
  const std::size_t glyphs = withGlyphs ? block.glyphs.size() : 0;
  out.u32(static_cast<std::uint32_t>(glyphs));
  for (std::size_t i = 0; i < glyphs; ++i) {
    const core::GlyphBox& glyph = block.glyphs[i];
    out.u32(glyph.start);
    out.u32(glyph.end);
    out.i32(glyph.page);
    out.box(glyph.box);
  }
}

core::BlockKind blockKind(std::uint32_t value) {
  if (value > static_cast<std::uint32_t>(core::BlockKind::Footnote)) {
    throw Poco::DataFormatException("sandbox answer: unknown block kind");
  }
  return static_cast<core::BlockKind>(value);
}

core::Block readBlock(Reader& in) {
  core::Block block;
  block.kind = blockKind(in.u32());
  block.level = in.i32();
  block.label = in.text();
  block.text = in.text();
  block.source.part = in.text();
  block.source.paragraph = in.i32();
  block.source.page = in.i32();
  block.source.box = in.box();
  block.glyphs.resize(in.count(kGlyphBytes));
  for (core::GlyphBox& glyph : block.glyphs) {
    glyph.start = in.u32();
    glyph.end = in.u32();
    glyph.page = in.i32();
    glyph.box = in.box();
  }
  return block;
}

}  // namespace

std::string encodeDocument(const core::Document& document, bool withGlyphs) {
  Writer out(kDocumentMagic);
  out.u32(static_cast<std::uint32_t>(document.format));
  out.i32(document.pageCount);
  out.u32(static_cast<std::uint32_t>(document.blocks.size()));
  for (const core::Block& block : document.blocks) writeBlock(out, block, withGlyphs);
  out.u32(static_cast<std::uint32_t>(document.warnings.size()));
  for (const std::string& warning : document.warnings) out.text(warning);
  return out.take();
}

core::Document decodeDocument(std::string_view bytes) {
  Reader in(bytes, kDocumentMagic);
  core::Document document;
  const std::uint32_t format = in.u32();
  if (format > static_cast<std::uint32_t>(core::Format::Pdf)) {
    throw Poco::DataFormatException("sandbox answer: unknown format");
  }
  document.format = static_cast<core::Format>(format);
  document.pageCount = in.i32();
  document.blocks.resize(in.count(kBlockMinBytes));
  for (core::Block& block : document.blocks) block = readBlock(in);
  document.warnings.resize(in.count(4));
  for (std::string& warning : document.warnings) warning = in.text();
  in.finish();
  return document;
}

std::string encodeRefusal(const Refusal& refusal) {
  Writer out(kRefusalMagic);
  out.text(refusal.type);
  out.text(refusal.message);
  return out.take();
}

Refusal decodeRefusal(std::string_view bytes) {
  Reader in(bytes, kRefusalMagic);
  Refusal refusal;
  refusal.type = in.text();
  refusal.message = in.text();
  in.finish();
  return refusal;
}

}  // namespace mkrp::extract::detail
