// Writes small PDFs for the tests with PoDoFo, so that each test controls the exact operators,
// fonts and structure it reads back. Hostile files are written byte by byte (rawPdf).
#pragma once

#include <podofo/podofo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mkrp::test {

class PdfBuilder {
 public:
  PdfBuilder();
  ~PdfBuilder();

  // A new indirect object holding `value`.
  PoDoFo::PdfObject* add(const PoDoFo::PdfVariant& value);
  // A new stream object with `dict`; the data is Flate-compressed unless `raw`.
  PoDoFo::PdfObject* addStream(std::string_view data, const PoDoFo::PdfDictionary& dict = {},
                               bool raw = false);
  // A Type 1 font with WinAnsiEncoding whose glyphs are all 500 units wide: each character
  // advances half the font size, so positions in tests are easy to know.
  PoDoFo::PdfObject* addTestFont(std::string_view baseFont = "TestSans");
  // /Font << /name font >> as a resource dictionary.
  static PoDoFo::PdfDictionary fontResources(const PoDoFo::PdfObject* font,
                                             std::string_view name = "F1");
  // A page of `width` x `height` points drawing `content`.
  PoDoFo::PdfObject* addPage(std::string_view content, const PoDoFo::PdfDictionary& resources,
                             double width = 612, double height = 792);

  // Protects the file: empty `user` means anyone may open it.
  void encrypt(const std::string& user, const std::string& owner);
  std::string write();
  PoDoFo::PdfMemDocument& document() { return *document_; }

 private:
  std::unique_ptr<PoDoFo::PdfMemDocument> document_;
};

// A PDF written byte by byte: `objects[i]` becomes object i + 1 (object 1 must be the
// catalog), followed by a correct cross-reference table and trailer.
std::string rawPdf(const std::vector<std::string>& objects);

// A one-page document showing `content` with the test font as /F1.
std::string onePage(std::string_view content);

// The text of the whole document as plainText gives it, for quick checks.
std::string textOf(std::string_view pdfBytes);

}  // namespace mkrp::test
