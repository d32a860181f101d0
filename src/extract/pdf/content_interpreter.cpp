#include "extract/pdf/content_interpreter.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "extract/pdf/limit_messages.h"
#include "extract/pdf/stream_decoder.h"
#include "extract/pdf/unicode_text.h"

namespace mkrp::extract::pdf {
namespace {

using PoDoFo::PdfName;
using PoDoFo::PdfObject;

const PdfName kContents("Contents"), kFont("Font"), kXObject("XObject"), kSubtype("Subtype"),
    kMatrix("Matrix"), kResources("Resources");

// Saved graphics states kept; deeper q operators are counted but not stored.
constexpr std::size_t kMaxStateStack = 1024;
// How often (in operators) the clock is read.
constexpr std::uint64_t kDeadlineEvery = 4096;
// Glyphs smaller or larger than this (points) are not text anyone reads; bounding them also
// keeps every coordinate well inside float range.
constexpr double kMinGlyphSize = 0.1;
constexpr double kMaxGlyphSize = 10000;
// Bytes of text one glyph may stand for (a ToUnicode entry may map a code to a long string).
constexpr std::size_t kMaxGlyphText = 1024;
// Glyphs whose centre lies further outside the page than this (points) are not shown.
constexpr double kPageMargin = 2;

enum class Op {
  Other,
  q,
  Q,
  cm,
  BT,
  ET,
  Tf,
  Td,
  TD,
  Tm,
  TStar,
  Tc,
  Tw,
  Tz,
  TL,
  Ts,
  Tj,
  TJ,
  Quote,
  DoubleQuote,
  Do,
  BMC,
  BDC,
  EMC,
  InlineImage,
};

Op opOf(std::string_view name) {
  switch (name.size()) {
    case 1:
      if (name[0] == 'q') return Op::q;
      if (name[0] == 'Q') return Op::Q;
      if (name[0] == '\'') return Op::Quote;
      if (name[0] == '"') return Op::DoubleQuote;
      return Op::Other;
    case 2:
      if (name[0] == 'T') {
        switch (name[1]) {
          case 'f':
            return Op::Tf;
          case 'd':
            return Op::Td;
          case 'D':
            return Op::TD;
          case 'm':
            return Op::Tm;
          case '*':
            return Op::TStar;
          case 'c':
            return Op::Tc;
          case 'w':
            return Op::Tw;
          case 'z':
            return Op::Tz;
          case 'L':
            return Op::TL;
          case 's':
            return Op::Ts;
          case 'j':
            return Op::Tj;
          case 'J':
            return Op::TJ;
          default:
            return Op::Other;
        }
      }
      if (name == "cm") return Op::cm;
      if (name == "BT") return Op::BT;
      if (name == "ET") return Op::ET;
      if (name == "Do") return Op::Do;
      if (name == "ID") return Op::InlineImage;
      return Op::Other;
    case 3:
      if (name == "BMC") return Op::BMC;
      if (name == "BDC") return Op::BDC;
      if (name == "EMC") return Op::EMC;
      return Op::Other;
    default:
      return Op::Other;
  }
}

Matrix matrixFrom(const Operation& op, std::size_t first) {
  return {op.number(first),     op.number(first + 1), op.number(first + 2),
          op.number(first + 3), op.number(first + 4), op.number(first + 5)};
}

// Quarter turns of the direction (x, y), counter-clockwise from "left to right".
std::uint8_t quarterTurns(double x, double y) {
  const double angle = std::atan2(y, x) * 2 / M_PI;  // in quarter turns
  const int turns = static_cast<int>(std::lround(angle));
  return static_cast<std::uint8_t>((turns % 4 + 4) % 4);
}

// A point of the page in the frame of `direction` (see TextGlyph).
Point toFrame(Point p, std::uint8_t direction) {
  switch (direction) {
    case 1:
      return {p.y, -p.x};
    case 2:
      return {-p.x, -p.y};
    case 3:
      return {-p.y, p.x};
    default:
      return p;
  }
}

// Where a glyph of width `advance` (in font sizes) drawn at `origin` with the axes `along` and
// `up` (one font size long each) lies: its box on the page and its extent in its own frame.
TextGlyph placeGlyph(Point origin, Point along, Point up, double advance, const Font& font) {
  const Point corners[4] = {{origin.x + up.x * font.descent(), origin.y + up.y * font.descent()},
                            {origin.x + up.x * font.ascent(), origin.y + up.y * font.ascent()},
                            {origin.x + along.x * advance + up.x * font.descent(),
                             origin.y + along.y * advance + up.y * font.descent()},
                            {origin.x + along.x * advance + up.x * font.ascent(),
                             origin.y + along.y * advance + up.y * font.ascent()}};
  TextGlyph glyph;
  glyph.direction = quarterTurns(along.x, along.y);
  double x0 = corners[0].x, x1 = x0, y0 = corners[0].y, y1 = y0;
  double left = toFrame(corners[0], glyph.direction).x, right = left;
  for (const Point& corner : corners) {
    x0 = std::min(x0, corner.x);
    x1 = std::max(x1, corner.x);
    y0 = std::min(y0, corner.y);
    y1 = std::max(y1, corner.y);
    const double fx = toFrame(corner, glyph.direction).x;
    left = std::min(left, fx);
    right = std::max(right, fx);
  }
  glyph.x0 = static_cast<float>(x0);
  glyph.y0 = static_cast<float>(y0);
  glyph.x1 = static_cast<float>(x1);
  glyph.y1 = static_cast<float>(y1);
  glyph.left = static_cast<float>(left);
  glyph.right = static_cast<float>(right);
  glyph.baseline = static_cast<float>(toFrame(origin, glyph.direction).y);
  glyph.size = static_cast<float>(std::hypot(up.x, up.y));
  return glyph;
}

[[noreturn]] void contentTooLarge(int page, std::uint64_t maxBytes) {
  throw core::LimitExceededException(
      "page " + std::to_string(page) + " holds more than " + sizeInWords(maxBytes) +
      " of drawing instructions once unpacked, more than we read. Save the PDF again (for "
      "example with \"Print to PDF\") and submit it again.");
}

[[noreturn]] void nestedTooDeep(int page, std::uint32_t maxDepth) {
  throw core::LimitExceededException(
      "page " + std::to_string(page) + " nests drawings (form XObjects) more than " +
      std::to_string(maxDepth) +
      " levels deep, more than we read. Save the PDF again (for example with \"Print to PDF\") "
      "and submit it again.");
}

}  // namespace

ContentInterpreter::ContentInterpreter(const Objects& objects, FontCache& fonts,
                                       const Limits& limits, const Deadline& deadline)
    : objects_(objects), fonts_(fonts), limits_(limits), deadline_(deadline) {}

PageText ContentInterpreter::readPage(const PageInfo& page, int number) {
  page_ = PageText();
  page_.number = number;
  page_.width = page.displayWidth();
  page_.height = page.displayHeight();
  state_ = GraphicsState();
  state_.ctm = page.toDisplay();
  stateStack_.clear();
  droppedSaves_ = 0;
  marked_.clear();
  openForms_.clear();
  contentBytes_ = 0;
  Resources resources{objects_.resolve(page.resources), {}};
  const std::string content = pageContent(page);
  runContent(content, resources, 0);
  drawAnnotations(page, resources);
  page_.unmappedGlyphs = static_cast<int>(
      std::count_if(page_.glyphs.begin(), page_.glyphs.end(),
                    [](const TextGlyph& g) { return (g.flags & TextGlyph::kUnknown) != 0; }));
  return std::move(page_);
}

std::string ContentInterpreter::decodeContent(const PdfObject* stream) {
  const std::uint64_t left = limits_.maxContentStreamBytes > contentBytes_
                                 ? limits_.maxContentStreamBytes - contentBytes_
                                 : 0;
  DecodedStream decoded = decodeStream(objects_, stream, static_cast<std::size_t>(left));
  if (decoded.overLimit) contentTooLarge(page_.number, limits_.maxContentStreamBytes);
  contentBytes_ += decoded.bytes.size();
  return std::move(decoded.bytes);
}

std::string ContentInterpreter::pageContent(const PageInfo& page) {
  const PdfObject* contents = objects_.get(page.page, kContents);
  if (const PoDoFo::PdfArray* parts = objects_.array(contents)) {
    std::string all;
    for (const PdfObject& part : *parts) {
      all += decodeContent(objects_.resolve(&part));
      all += '\n';  // operators may not run across streams, but tokens need a separator
    }
    return all;
  }
  return decodeContent(contents);
}

void ContentInterpreter::runContent(std::string_view content, Resources& resources, int depth) {
  ContentLexer lexer(content);
  Operation op;
  while (lexer.next(op)) {
    if (++operations_ % kDeadlineEvery == 0) deadline_.check();
    execute(op, resources, depth);
  }
}

void ContentInterpreter::execute(const Operation& op, Resources& resources, int depth) {
  switch (opOf(op.op)) {
    case Op::q:
      if (stateStack_.size() < kMaxStateStack) {
        stateStack_.push_back(state_);
      } else {
        ++droppedSaves_;
      }
      break;
    case Op::Q:
      if (droppedSaves_ > 0) {
        --droppedSaves_;
      } else if (!stateStack_.empty()) {
        state_ = stateStack_.back();
        stateStack_.pop_back();
      }
      break;
    case Op::cm: {
      const Matrix m = matrixFrom(op, 0);
      if (op.operands.size() == 6 && m.finite()) state_.ctm = m.times(state_.ctm);
      break;
    }
    case Op::Do:
      drawXObject(op, resources, depth);
      break;
    case Op::InlineImage:
      noteImage(state_.ctm);
      break;
    case Op::BMC:
    case Op::BDC:
      beginMarkedContent(op, resources);
      break;
    case Op::EMC:
      endMarkedContent();
      break;
    case Op::Other:
      break;
    default:
      executeText(op, resources);
      break;
  }
}

void ContentInterpreter::executeText(const Operation& op, Resources& resources) {
  switch (opOf(op.op)) {
    case Op::BT:
      textMatrix_ = Matrix();
      lineMatrix_ = Matrix();
      break;
    case Op::Tf:
      setFont(op, resources);
      break;
    case Op::Td:
      moveLine(op.number(0), op.number(1));
      break;
    case Op::TD:
      state_.leading = -op.number(1);
      moveLine(op.number(0), op.number(1));
      break;
    case Op::Tm: {
      const Matrix m = matrixFrom(op, 0);
      if (op.operands.size() == 6 && m.finite()) textMatrix_ = lineMatrix_ = m;
      break;
    }
    case Op::TStar:
      moveLine(0, -state_.leading);
      break;
    case Op::Tc:
      state_.charSpacing = op.number(0);
      break;
    case Op::Tw:
      state_.wordSpacing = op.number(0);
      break;
    case Op::Tz:
      state_.horizontalScale = op.number(0, 100) / 100;
      break;
    case Op::TL:
      state_.leading = op.number(0);
      break;
    case Op::Ts:
      state_.rise = op.number(0);
      break;
    case Op::Tj:
      if (!op.operands.empty()) showString(op.text(op.operands.back()));
      break;
    case Op::Quote:
      moveLine(0, -state_.leading);
      if (!op.operands.empty()) showString(op.text(op.operands.back()));
      break;
    case Op::DoubleQuote:
      if (op.operands.size() >= 3) {
        state_.wordSpacing = op.number(0);
        state_.charSpacing = op.number(1);
        moveLine(0, -state_.leading);
        showString(op.text(op.operands[2]));
      }
      break;
    case Op::TJ:
      showArray(op);
      break;
    default:
      break;
  }
}

void ContentInterpreter::setFont(const Operation& op, Resources& resources) {
  if (op.operands.size() < 2 || op.operands[0].type != Operand::Type::Name) return;
  state_.fontSize = op.number(1);
  const std::string_view name = op.text(op.operands[0]);
  for (const auto& [known, font] : resources.fonts) {
    if (known == name) {
      state_.font = font;
      return;
    }
  }
  const PdfObject* fontDict =
      objects_.get(objects_.get(resources.dict, kFont), PdfName(std::string(name)));
  state_.font = &fonts_.get(fontDict);
  resources.fonts.emplace_back(std::string(name), state_.font);
}

void ContentInterpreter::moveLine(double tx, double ty) {
  if (!std::isfinite(tx) || !std::isfinite(ty)) return;
  lineMatrix_ = Matrix::translation(tx, ty).times(lineMatrix_);
  textMatrix_ = lineMatrix_;
}

void ContentInterpreter::showString(std::string_view bytes) {
  if (state_.font == nullptr) state_.font = &fonts_.get(nullptr);
  const Font& font = *state_.font;
  const Matrix textToPage = textMatrix_.times(state_.ctm);
  const double size = state_.fontSize;
  const double scale = state_.horizontalScale;
  double tx = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    std::uint32_t code = 0;
    const int length = font.nextCode(bytes, pos, code);
    pos += static_cast<std::size_t>(length);
    const double width = font.advance(code);
    const std::size_t textStart = page_.text.size();
    if (!font.appendText(code, page_.text) && font.isWordSpace(code, length)) {
      page_.text += ' ';
    }
    addGlyph(textToPage, tx, width, textStart);
    double advance = width * size + state_.charSpacing;
    if (font.isWordSpace(code, length)) advance += state_.wordSpacing;
    tx += advance * scale;
  }
  textMatrix_ = Matrix::translation(tx, 0).times(textMatrix_);
}

void ContentInterpreter::showArray(const Operation& op) {
  for (const Operand& operand : op.operands) {
    if (operand.type == Operand::Type::String) {
      showString(op.text(operand));
    } else if (operand.type == Operand::Type::Number && std::isfinite(operand.number)) {
      const double tx = -operand.number / 1000 * state_.fontSize * state_.horizontalScale;
      textMatrix_ = Matrix::translation(tx, 0).times(textMatrix_);
    }
  }
}

void ContentInterpreter::addGlyph(const Matrix& textToPage, double tx, double advance,
                                  std::size_t textStart) {
  if (page_.glyphs.size() >= PageText::kMaxGlyphsPerPage) {
    page_.tooManyGlyphs = true;
    page_.text.resize(textStart);
    return;
  }
  const Font& font = *state_.font;
  const double size = state_.fontSize;
  const Point origin = textToPage.apply(tx, state_.rise);
  // The glyph's own axes on the page: along the writing direction and upwards.
  const Point along{textToPage.a * size * state_.horizontalScale,
                    textToPage.b * size * state_.horizontalScale};
  const Point up{textToPage.c * size * font.sizeScale(), textToPage.d * size * font.sizeScale()};
  const double height = std::hypot(up.x, up.y);
  const double length = std::hypot(along.x, along.y);
  const bool visible = origin.x > -kPageMargin && origin.x < page_.width + kPageMargin &&
                       origin.y > -kPageMargin && origin.y < page_.height + kPageMargin;
  if (!std::isfinite(height) || height < kMinGlyphSize || height > kMaxGlyphSize || !visible ||
      length < 1e-6 || length > kMaxGlyphSize) {
    page_.text.resize(textStart);
    return;
  }
  TextGlyph glyph = placeGlyph(origin, along, up, std::max(advance, 0.0), font);
  if (font.bold()) glyph.flags |= TextGlyph::kBold;
  keepText(glyph, textStart);
  page_.glyphs.push_back(glyph);
}

// Ties the glyph to the text just appended: none (its font does not say), a space (a word
// break, no text of its own) or the text itself, within a sane length.
void ContentInterpreter::keepText(TextGlyph& glyph, std::size_t textStart) {
  std::size_t length = page_.text.size() - textStart;
  if (length > kMaxGlyphText) {
    length = kMaxGlyphText;
    while (length > 0 &&
           (static_cast<unsigned char>(page_.text[textStart + length]) & 0xC0) == 0x80) {
      --length;
    }
    page_.text.resize(textStart + length);
  }
  glyph.textStart = static_cast<std::uint32_t>(textStart);
  glyph.textLength = static_cast<std::uint16_t>(length);
  const std::string_view text = page_.textOf(glyph);
  std::size_t at = 0;
  if (text.empty()) {
    // Still a glyph: it takes its place on the line, so that no false gap opens there.
    glyph.flags |= TextGlyph::kUnknown;
  } else if (isSpaceCharacter(nextUtf8(text, at)) && at == text.size()) {
    glyph.flags |= TextGlyph::kSpace;
    page_.text.resize(textStart);
    glyph.textLength = 0;
  }
}

void ContentInterpreter::drawXObject(const Operation& op, Resources& resources, int depth) {
  if (op.operands.empty() || op.operands.back().type != Operand::Type::Name) return;
  const PdfName name(std::string(op.text(op.operands.back())));
  const PdfObject* xobject = objects_.get(objects_.get(resources.dict, kXObject), name);
  if (xobject == nullptr) return;
  const std::string_view subtype = nameOf(objects_.get(xobject, kSubtype));
  if (subtype == "Image") {
    noteImage(state_.ctm);
  } else if (subtype == "Form") {
    drawForm(xobject, resources, depth);
  }
}

void ContentInterpreter::drawForm(const PdfObject* form, const Resources& parent, int depth) {
  const ObjectKey key = keyOf(form);
  if (std::find(openForms_.begin(), openForms_.end(), key) != openForms_.end()) {
    page_.skippedSelfReference = true;  // a form drawing itself: draw it once only
    return;
  }
  if (depth + 1 > static_cast<int>(limits_.maxNestingDepth)) {
    nestedTooDeep(page_.number, limits_.maxNestingDepth);
  }
  const std::string content = decodeContent(form);
  const GraphicsState saved = state_;
  const std::size_t savedStack = stateStack_.size();
  const int savedDropped = droppedSaves_;
  const Matrix savedText = textMatrix_, savedLine = lineMatrix_;
  if (const PoDoFo::PdfArray* items = objects_.array(objects_.get(form, kMatrix))) {
    if (items->size() == 6) {
      Matrix m;
      double* fields[6] = {&m.a, &m.b, &m.c, &m.d, &m.e, &m.f};
      for (std::size_t i = 0; i < 6; ++i) *fields[i] = numberOr(objects_.resolve(&(*items)[i]), 0);
      if (m.finite()) state_.ctm = m.times(state_.ctm);
    }
  }
  const PdfObject* ownResources = objects_.get(form, kResources);
  Resources resources{ownResources != nullptr ? ownResources : parent.dict, {}};
  openForms_.push_back(key);
  runContent(content, resources, depth + 1);
  openForms_.pop_back();
  state_ = saved;
  stateStack_.resize(std::min(stateStack_.size(), savedStack));
  droppedSaves_ = savedDropped;
  textMatrix_ = savedText;
  lineMatrix_ = savedLine;
}

void ContentInterpreter::noteImage(const Matrix& placement) {
  // An image is drawn into the unit square; its area on the page is the determinant.
  const double area = std::abs(placement.a * placement.d - placement.b * placement.c);
  if (std::isfinite(area) && area >= 0.25 * page_.width * page_.height) {
    page_.hasLargeImage = true;
  }
}

}  // namespace mkrp::extract::pdf
