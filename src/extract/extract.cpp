#include "extract/extract.h"

#include <string>

#include "core/errors.h"
#include "extract/readers.h"
#include "extract/sniff.h"

namespace mkrp::extract {
namespace {

constexpr std::string_view kWhatWeRead = "Please submit the directive as PDF, DOCX or ODT.";

[[noreturn]] void refuse(FileKind kind, std::string_view bytes) {
  if (kind == FileKind::Empty) {
    throw core::UnsupportedFormatException("the file is empty. " + std::string(kWhatWeRead));
  }
  if (kind == FileKind::OleCompound && isEncryptedOoxml(bytes)) {
    throw core::EncryptedDocumentException(
        "the document is protected with a password. Remove the password in Word "
        "(File > Info > Protect Document) and submit it again.");
  }
  std::string message = "this looks like " + std::string(describe(kind)) + ", not a PDF, DOCX or ODT.";
  if (kind == FileKind::OleCompound) {
    message += " Open it in Word and save it as .docx or PDF, then submit it again.";
  } else if (kind == FileKind::Image) {
    message += " Scan or export the directive to PDF, then submit it again.";
  } else {
    message += " " + std::string(kWhatWeRead);
  }
  throw core::UnsupportedFormatException(message);
}

}  // namespace

core::Document extractBytes(std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.maxFileBytes) {
    throw core::LimitExceededException(
        "the file is " + std::to_string(bytes.size() >> 20) + " MiB, more than the " +
        std::to_string(limits.maxFileBytes >> 20) +
        " MiB allowed. Split the directive into smaller files, or remove scanned images.");
  }
  const FileKind kind = sniffMagic(bytes);
  switch (kind) {
    case FileKind::Pdf: return detail::readPdf(bytes, limits);
    case FileKind::Zip: return detail::readZipPackage(bytes, limits);
    default: refuse(kind, bytes);
  }
}

}  // namespace mkrp::extract
