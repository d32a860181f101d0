// The error classes callers need to tell apart. Each carries a message written for the person who
// submitted the file: what was wrong and what to do about it.
#pragma once

#include <Poco/Exception.h>

namespace mkrp::core {

// The bytes are not a format we read (a legacy .doc, RTF, an image, ...).
POCO_DECLARE_EXCEPTION(, UnsupportedFormatException, Poco::DataFormatException)
// The file claims a format we read but is damaged (truncated zip, broken XML, missing part).
POCO_DECLARE_EXCEPTION(, MalformedDocumentException, Poco::DataFormatException)
// The file is larger or deeper than a configured limit allows (size, entries, ratio, pages, ...).
POCO_DECLARE_EXCEPTION(, LimitExceededException, Poco::DataFormatException)
// The file is protected by a password we do not have.
POCO_DECLARE_EXCEPTION(, EncryptedDocumentException, Poco::DataFormatException)
// Reading the file in the sandbox failed: the reader crashed, ran out of memory or time.
POCO_DECLARE_EXCEPTION(, ExtractionFailedException, Poco::RuntimeException)
// A checklist file (checklists/*.xml) has a mistake: the service's data, not the submitter's.
POCO_DECLARE_EXCEPTION(, InvalidChecklistException, Poco::DataFormatException)
// What was asked for does not exist (or is not visible to the person asking).
POCO_DECLARE_EXCEPTION(, NotFoundException, Poco::NotFoundException)
// The request collides with the current state: someone else got there first, or the record is
// no longer in the state the request expects (already claimed, already submitted, duplicate).
POCO_DECLARE_EXCEPTION(, ConflictException, Poco::RuntimeException)

}  // namespace mkrp::core
