// Opening a PDF with PoDoFo: encryption with an empty user password, the object limit, and
// PoDoFo's errors turned into messages a person can act on.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "extract/limits.h"
#include "extract/pdf/pdf_objects.h"

namespace mkrp::extract::pdf {

class PdfDocument {
 public:
  // Parses `bytes`. REQUIRES: `bytes` outlive this document (streams PoDoFo cannot load are
  // read from them). Throws core::EncryptedDocumentException for a
  // file that needs a password, core::LimitExceededException beyond limits.maxPdfObjects,
  // core::MalformedDocumentException or core::UnsupportedFormatException otherwise.
  PdfDocument(std::string_view bytes, const Limits& limits);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  const Objects& objects() const { return objects_; }
  const PoDoFo::PdfObject* catalog() const { return catalog_; }

 private:
  void load(std::string_view bytes, const Limits& limits);
  void parseAllObjects();

  std::string repaired_;  // the bytes PoDoFo read, when the file had to be repaired
  std::unique_ptr<RawObjects> raw_;
  std::unique_ptr<PoDoFo::PdfMemDocument> document_;
  Objects objects_;
  const PoDoFo::PdfObject* catalog_ = nullptr;
};

// The core exception for a PoDoFo error met while reading `bytes` ("the PDF is damaged: ...").
[[noreturn]] void rethrowPdfError(const PoDoFo::PdfError& error, std::string_view bytes);

}  // namespace mkrp::extract::pdf
