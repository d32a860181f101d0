// The readers behind readZipPackage, one per kind of package. Internal to this library.
#pragma once

#include <string>

#include "core/document.h"
#include "extract/limits.h"

namespace mkrp::extract::detail {

class ZipPackage;

// A WordprocessingML package whose main document part is `mainPart`.
// Throws core::MalformedDocumentException when that part is missing or not a Word document.
core::Document readDocx(ZipPackage& package, const std::string& mainPart, const Limits& limits);

// An OpenDocument text package.
// Throws core::MalformedDocumentException when content.xml is missing or damaged, and
// core::EncryptedDocumentException when it is encrypted with a password.
core::Document readOdt(ZipPackage& package, const Limits& limits);

}  // namespace mkrp::extract::detail
