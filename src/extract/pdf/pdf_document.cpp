#include "extract/pdf/pdf_document.h"

#include <openssl/provider.h>

#include <cstdlib>
#include <mutex>

#include "core/errors.h"
#include "extract/pdf/packed_streams.h"
#include "extract/pdf/xref_repair.h"

namespace mkrp::extract::pdf {
namespace {

// PoDoFo's own bound on object numbers.
constexpr std::size_t kMaxObjectNumber = (1u << 23) - 1;

constexpr std::string_view kResubmit =
    " Open it in a PDF viewer and save it again (or print it to a new PDF), then submit it again.";

// PoDoFo writes its warnings to stderr unless told not to; its errors reach us as exceptions.
// It decrypts through OpenSSL, whose version 3 keeps RC4 (used by every PDF encryption up to
// AES-128, if only to check the password) in the "legacy" provider, off by default.
void preparePodofo() {
  static std::once_flag once;
  std::call_once(once, [] {
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfError::EnableDebug(false);
    static OSSL_PROVIDER* legacy = OSSL_PROVIDER_load(nullptr, "legacy");
    static OSSL_PROVIDER* standard = OSSL_PROVIDER_load(nullptr, "default");
    // Given back before OpenSSL's own clean-up at exit, which frees what they hold.
    std::atexit([] {
      if (legacy != nullptr) OSSL_PROVIDER_unload(legacy);
      if (standard != nullptr) OSSL_PROVIDER_unload(standard);
    });
  });
}

std::string_view damageOf(PoDoFo::EPdfError code) {
  switch (code) {
    case PoDoFo::ePdfError_UnexpectedEOF:
      return "the file ends too early (it was cut short)";
    case PoDoFo::ePdfError_NoXRef:
    case PoDoFo::ePdfError_InvalidXRef:
    case PoDoFo::ePdfError_InvalidXRefStream:
    case PoDoFo::ePdfError_InvalidXRefType:
    case PoDoFo::ePdfError_NoTrailer:
    case PoDoFo::ePdfError_InvalidTrailerSize:
    case PoDoFo::ePdfError_NoEOFToken:
      return "its table of contents (the cross-reference table) is missing or broken";
    case PoDoFo::ePdfError_NoObject:
    case PoDoFo::ePdfError_NoNumber:
    case PoDoFo::ePdfError_InvalidDataType:
    case PoDoFo::ePdfError_InvalidStream:
    case PoDoFo::ePdfError_InvalidStreamLength:
    case PoDoFo::ePdfError_MissingEndStream:
      return "some of its objects are missing or broken";
    case PoDoFo::ePdfError_OutOfMemory:
    case PoDoFo::ePdfError_ValueOutOfRange:
      return "it declares sizes that cannot be right";
    default:
      return "its structure cannot be read";
  }
}

std::size_t maxObjectNumber(const Limits& limits) {
  return std::min<std::size_t>(limits.maxPdfObjects, kMaxObjectNumber);
}

bool mentionsEncryption(std::string_view bytes) {
  return bytes.find("/Encrypt") != std::string_view::npos;
}

}  // namespace

void rethrowPdfError(const PoDoFo::PdfError& error, std::string_view bytes) {
  const PoDoFo::EPdfError code = error.GetError();
  if (code == PoDoFo::ePdfError_InvalidPassword) {
    throw core::EncryptedDocumentException(
        "the PDF is protected with a password. Open it with the password, save or print it to "
        "a new PDF without one, and submit that file.");
  }
  if (mentionsEncryption(bytes) &&
      (code == PoDoFo::ePdfError_InvalidEncryptionDict ||
       code == PoDoFo::ePdfError_UnsupportedFilter || code == PoDoFo::ePdfError_ValueOutOfRange ||
       code == PoDoFo::ePdfError_InvalidKey)) {
    throw core::EncryptedDocumentException(
        "the PDF is encrypted in a way we cannot open. Open it in a PDF viewer, save or print "
        "it to a new PDF without protection, and submit that file.");
  }
  if (code == PoDoFo::ePdfError_NoPdfFile) {
    throw core::UnsupportedFormatException(
        "the file calls itself a PDF but is not one. Please submit the directive as PDF, DOCX "
        "or ODT.");
  }
  throw core::MalformedDocumentException("the PDF is damaged: " + std::string(damageOf(code)) +
                                         "." + std::string(kResubmit));
}

PdfDocument::PdfDocument(std::string_view bytes, const Limits& limits)
    : document_(std::make_unique<PoDoFo::PdfMemDocument>()), objects_(document_->GetObjects()) {
  preparePodofo();
  // Readers accept junk before the header; PoDoFo wants the header first.
  const std::size_t header = bytes.substr(0, 1024).find("%PDF-");
  if (header != std::string_view::npos) bytes.remove_prefix(header);
  // A PDF is made of objects; without a single one, it only borrowed the header.
  if (bytes.find("obj") == std::string_view::npos) {
    throw core::UnsupportedFormatException(
        "the file calls itself a PDF but is not one. Please submit the directive as PDF, DOCX "
        "or ODT.");
  }
  refusePackedStreamBombs(bytes, limits.maxContentStreamBytes);
  load(bytes, limits);
  parseAllObjects();
  const std::size_t count = document_->GetObjects().GetSize();
  if (count > limits.maxPdfObjects) {
    throw core::LimitExceededException(
        "the PDF is made of " + std::to_string(count) + " objects, more than the " +
        std::to_string(limits.maxPdfObjects) +
        " we read. Save it again as a simpler PDF (for example with \"Print to PDF\") or split "
        "it, then submit it again.");
  }
  if (catalog_ == nullptr) {
    throw core::MalformedDocumentException("the PDF is damaged: its catalog is missing." +
                                           std::string(kResubmit));
  }
}

PdfDocument::~PdfDocument() = default;

// PoDoFo parses objects when first used, from a shared input. A stream whose /Length runs past
// the end of the file leaves that input unable to read further, so every dictionary (fonts,
// pages) is parsed now, before any stream is read.
void PdfDocument::parseAllObjects() {
  for (const PoDoFo::PdfObject* object : document_->GetObjects()) {
    try {
      (void)object->GetDataType();
    } catch (const PoDoFo::PdfError&) {
      // A damaged object stays missing; whoever needs it sees nothing there.
    }
  }
}

void PdfDocument::load(std::string_view bytes, const Limits& limits) {
  try {
    raw_ = std::make_unique<RawObjects>(bytes, maxObjectNumber(limits));
    objects_ = Objects(document_->GetObjects(), raw_.get());
    document_->LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    catalog_ = document_->GetCatalog();
    return;
  } catch (const PoDoFo::PdfError& error) {
    if (error.GetError() == PoDoFo::ePdfError_InvalidPassword) rethrowPdfError(error, bytes);
    // A damaged table of contents: rebuild it from the objects themselves, as viewers do.
    const std::optional<std::string> repaired = repairCrossReferences(
        bytes, maxObjectNumber(limits),
        static_cast<std::size_t>(std::min<std::uint64_t>(limits.maxContentStreamBytes, 64 << 20)));
    if (!repaired) rethrowPdfError(error, bytes);
    try {
      repaired_ = std::move(*repaired);
      document_ = std::make_unique<PoDoFo::PdfMemDocument>();
      raw_ = std::make_unique<RawObjects>(repaired_, maxObjectNumber(limits));
      objects_ = Objects(document_->GetObjects(), raw_.get());
      document_->LoadFromBuffer(repaired_.data(), static_cast<long>(repaired_.size()));
      catalog_ = document_->GetCatalog();
    } catch (const PoDoFo::PdfError& again) {
      if (again.GetError() == PoDoFo::ePdfError_InvalidPassword) rethrowPdfError(again, bytes);
      rethrowPdfError(error, bytes);
    }
  }
}

}  // namespace mkrp::extract::pdf
