#include "pdf_builder.h"

#include <openssl/provider.h>

#include <cstdlib>

#include "core/document.h"
#include "extract/readers.h"

namespace mkrp::test {

using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfName;
using PoDoFo::PdfObject;

PdfBuilder::PdfBuilder() : document_(std::make_unique<PoDoFo::PdfMemDocument>()) {}
PdfBuilder::~PdfBuilder() = default;

PdfObject* PdfBuilder::add(const PoDoFo::PdfVariant& value) {
  return document_->GetObjects().CreateObject(value);
}

PdfObject* PdfBuilder::addStream(std::string_view data, const PdfDictionary& dict, bool raw) {
  PdfObject* object = add(dict);
  if (raw) {
    const PoDoFo::TVecFilters none;
    object->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()), none);
  } else {
    object->GetStream()->Set(data.data(), static_cast<PoDoFo::pdf_long>(data.size()));
  }
  return object;
}

PdfObject* PdfBuilder::addTestFont(std::string_view baseFont) {
  PdfDictionary font;
  font.AddKey("Type", PdfName("Font"));
  font.AddKey("Subtype", PdfName("Type1"));
  font.AddKey("BaseFont", PdfName(std::string(baseFont)));
  font.AddKey("Encoding", PdfName("WinAnsiEncoding"));
  // A plain 0 would pick PoDoFo's AddKey(name, const PdfObject*) overload.
  font.AddKey("FirstChar", PoDoFo::PdfObject(static_cast<PoDoFo::pdf_int64>(0)));
  PdfArray widths;
  for (int i = 0; i < 256; ++i) widths.push_back(static_cast<PoDoFo::pdf_int64>(500));
  font.AddKey("Widths", widths);
  return add(font);
}

PdfDictionary PdfBuilder::fontResources(const PdfObject* font, std::string_view name) {
  PdfDictionary fonts;
  fonts.AddKey(PdfName(std::string(name)), font->Reference());
  PdfDictionary resources;
  resources.AddKey("Font", fonts);
  return resources;
}

PdfObject* PdfBuilder::addPage(std::string_view content, const PdfDictionary& resources,
                               double width, double height) {
  PoDoFo::PdfPage* page = document_->CreatePage(PoDoFo::PdfRect(0, 0, width, height));
  PdfObject* object = page->GetObject();
  object->GetDictionary().AddKey("Contents", addStream(content)->Reference());
  object->GetDictionary().AddKey("Resources", resources);
  return object;
}

void PdfBuilder::encrypt(const std::string& user, const std::string& owner) {
  // PoDoFo encrypts with RC4 (also to compute AES keys); OpenSSL 3 keeps it in "legacy".
  static OSSL_PROVIDER* legacy = nullptr;
  static OSSL_PROVIDER* standard = nullptr;
  if (legacy == nullptr) {
    legacy = OSSL_PROVIDER_load(nullptr, "legacy");
    standard = OSSL_PROVIDER_load(nullptr, "default");
    std::atexit([] {
      OSSL_PROVIDER_unload(legacy);
      OSSL_PROVIDER_unload(standard);
    });
  }
  document_->SetEncrypted(user, owner, PoDoFo::PdfEncrypt::ePdfPermissions_Print,
                          PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_RC4V2,
                          PoDoFo::PdfEncrypt::ePdfKeyLength_128);
}

std::string PdfBuilder::write() {
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  document_->Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

std::string rawPdf(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    std::string number = std::to_string(offset);
    out += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string onePage(std::string_view content) {
  PdfBuilder pdf;
  pdf.addPage(content, PdfBuilder::fontResources(pdf.addTestFont()));
  return pdf.write();
}

std::string textOf(std::string_view pdfBytes) {
  return core::plainText(extract::detail::readPdf(pdfBytes, {}));
}

}  // namespace mkrp::test
