#include "render/certificate.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <podofo/podofo.h>

#include <map>

#include "render/certificate_dates.h"
#include "render/certificate_layout.h"
#include "render/strict_template.h"
#include "render/templates.h"

namespace mkrp::render {
namespace {

using detail::Layout;
using FontMap = std::map<std::string, PoDoFo::PdfFont*, std::less<>>;

constexpr std::string_view kLayoutPath = "certificate/layout.xml";
constexpr std::string_view kLayoutName = "certificate/layout";

std::string plainValue(const std::string& value) { return value; }

std::string checkedDate(const std::chrono::year_month_day& date, std::string_view what) {
  if (!date.ok()) {
    throw Poco::DataFormatException("the certificate needs a real calendar date for " +
                                    std::string(what));
  }
  return longDate(date);
}

TemplateValues certificateValues(const CertificateData& data) {
  const bool psap = data.kind == core::AgencyKind::Psap;
  return {
      {"agency_name", data.agencyName},
      {"agency_city", data.city},
      {"agency_state", data.state},
      {"agency_kind", psap ? "Public Safety Answering Point" : "Law Enforcement Agency"},
      {"program_name", data.programName},
      {"recognized_on", checkedDate(data.recognizedOn, "the date of recognition")},
      {"valid_through", checkedDate(data.validThrough, "the end of validity")},
      {"certificate_number", data.certificateNumber},
      {"verification_code", data.verificationCode},
      {"verify_url", data.verifyUrl},
  };
}

PoDoFo::PdfString pdfText(const std::string& utf8) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

// Embeds a subset of every font of the layout (the glyphs drawn; about 30 KB instead of 800 KB
// for the whole fonts). PoDoFo writes a ToUnicode map with each subset, so the text extracts.
FontMap embedFonts(const Layout& layout, PoDoFo::PdfMemDocument& document) {
  FontMap fonts;
  for (const detail::FontSpec& spec : layout.fonts) {
    if (!Poco::File(spec.file).exists()) {
      throw Poco::FileNotFoundException("the certificate font " + spec.file +
                                        " is not installed; install the package fonts-dejavu-core");
    }
    PoDoFo::PdfFont* font = document.CreateFontSubset(
        spec.name.c_str(), spec.bold, false, false,
        PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(), spec.file.c_str());
    if (font == nullptr) {
      throw Poco::DataFormatException("the certificate font " + spec.file + " cannot be loaded");
    }
    fonts.emplace(spec.id, font);
  }
  return fonts;
}

void setStroke(PoDoFo::PdfPainter& painter, const detail::Colour& colour, double line) {
  painter.SetStrokingColor(colour.red, colour.green, colour.blue);
  painter.SetStrokeWidth(line);
}

// Draws the shapes of a layout; y values in the layout run down from the top of the page.
class ShapeDrawer {
 public:
  ShapeDrawer(PoDoFo::PdfPainter& painter, const Layout& layout, const FontMap& fonts,
              const TemplateValues& values)
      : painter_(painter), layout_(layout), fonts_(fonts), values_(values) {}

  void operator()(const detail::Border& border) {
    setStroke(painter_, border.colour, border.line);
    painter_.Rectangle(border.inset, border.inset, layout_.width - 2 * border.inset,
                       layout_.height - 2 * border.inset);
    painter_.Stroke();
  }

  void operator()(const detail::Rule& rule) {
    setStroke(painter_, rule.colour, rule.line);
    painter_.DrawLine(rule.x1, pdfY(rule.y), rule.x2, pdfY(rule.y));
  }

  void operator()(const detail::Circle& circle) {
    painter_.Circle(circle.x, pdfY(circle.y), circle.radius);
    if (circle.filled) {
      painter_.SetColor(circle.colour.red, circle.colour.green, circle.colour.blue);
      painter_.Fill();
    } else {
      setStroke(painter_, circle.colour, circle.line);
      painter_.Stroke();
    }
  }

  void operator()(const detail::TextLine& line) {
    const PoDoFo::PdfString text =
        pdfText(renderStrict(kLayoutName, line.text, values_, plainValue));
    PoDoFo::PdfFont* font = fonts_.find(line.font)->second;
    const double width = fitFont(*font, line, text);
    painter_.SetFont(font);
    painter_.SetColor(line.colour.red, line.colour.green, line.colour.blue);
    painter_.DrawText(startX(line, width), pdfY(line.y), text);
  }

 private:
  double pdfY(double fromTop) const { return layout_.height - fromTop; }

  // Sets the line's size, shrunk until the text fits its maximum width; returns the width.
  static double fitFont(PoDoFo::PdfFont& font, const detail::TextLine& line,
                        const PoDoFo::PdfString& text) {
    font.SetFontSize(static_cast<float>(line.size));
    const double width = font.GetFontMetrics()->StringWidth(text);
    if (width <= line.maxWidth) return width;
    font.SetFontSize(static_cast<float>(line.size * line.maxWidth / width));
    return font.GetFontMetrics()->StringWidth(text);
  }

  static double startX(const detail::TextLine& line, double width) {
    switch (line.align) {
      case detail::Align::Left:
        return line.x;
      case detail::Align::Right:
        return line.x - width;
      case detail::Align::Center:
        break;
    }
    return line.x - width / 2;
  }

  PoDoFo::PdfPainter& painter_;
  const Layout& layout_;
  const FontMap& fonts_;
  const TemplateValues& values_;
};

// Fills every text line once before drawing, so a missing value stops us before the painter
// holds a half-drawn page.
void checkPlaceholders(const Layout& layout, const TemplateValues& values) {
  for (const detail::Shape& shape : layout.shapes) {
    if (const auto* line = std::get_if<detail::TextLine>(&shape)) {
      renderStrict(kLayoutName, line->text, values, plainValue);
    }
  }
}

std::string pdfBytes(PoDoFo::PdfMemDocument& document) {
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  document.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

std::string drawCertificate(const Layout& layout, const TemplateValues& values,
                            const CertificateData& data) {
  PoDoFo::PdfMemDocument document;
  const FontMap fonts = embedFonts(layout, document);
  PoDoFo::PdfPage* page = document.CreatePage(PoDoFo::PdfRect(0, 0, layout.width, layout.height));
  PoDoFo::PdfPainter painter;
  painter.SetPage(page);
  ShapeDrawer drawer(painter, layout, fonts, values);
  for (const detail::Shape& shape : layout.shapes) std::visit(drawer, shape);
  painter.FinishPage();
  document.GetInfo()->SetTitle(pdfText(data.programName + " certificate: " + data.agencyName));
  document.GetInfo()->SetCreator(pdfText("MKRP Review"));
  return pdfBytes(document);
}

}  // namespace

std::string renderCertificatePdf(const CertificateData& data) {
  const Layout layout = detail::parseLayout(templateText(kLayoutPath));
  const TemplateValues values = certificateValues(data);
  checkPlaceholders(layout, values);
  try {
    return drawCertificate(layout, values, data);
  } catch (const PoDoFo::PdfError& error) {
    throw Poco::RuntimeException("the certificate could not be written (PDF library error " +
                                 std::string(PoDoFo::PdfError::ErrorName(error.GetError())) + ")");
  }
}

}  // namespace mkrp::render
