#include "workflow/errors.h"

#include <typeinfo>

namespace mkrp::workflow {

POCO_IMPLEMENT_EXCEPTION(InvalidRequestException, Poco::InvalidArgumentException, "Invalid request")
POCO_IMPLEMENT_EXCEPTION(NotSignedInException, Poco::RuntimeException, "Not signed in")
POCO_IMPLEMENT_EXCEPTION(ForbiddenException, Poco::NoPermissionException, "Forbidden")
POCO_IMPLEMENT_EXCEPTION(TooManyAttemptsException, Poco::RuntimeException, "Too many attempts")

}  // namespace mkrp::workflow
