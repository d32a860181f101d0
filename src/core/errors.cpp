#include "core/errors.h"

#include <typeinfo>

namespace mkrp::core {

POCO_IMPLEMENT_EXCEPTION(UnsupportedFormatException, Poco::DataFormatException,
                         "Unsupported format")
POCO_IMPLEMENT_EXCEPTION(MalformedDocumentException, Poco::DataFormatException,
                         "Malformed document")
POCO_IMPLEMENT_EXCEPTION(LimitExceededException, Poco::DataFormatException, "Limit exceeded")
POCO_IMPLEMENT_EXCEPTION(EncryptedDocumentException, Poco::DataFormatException,
                         "Encrypted document")
POCO_IMPLEMENT_EXCEPTION(ExtractionFailedException, Poco::RuntimeException, "Extraction failed")
POCO_IMPLEMENT_EXCEPTION(InvalidChecklistException, Poco::DataFormatException, "Invalid checklist")
POCO_IMPLEMENT_EXCEPTION(NotFoundException, Poco::NotFoundException, "Not found")
POCO_IMPLEMENT_EXCEPTION(ConflictException, Poco::RuntimeException, "Conflict")

}  // namespace mkrp::core
