#include "workflow/errors.h"

#include <typeinfo>
#include <utility>

namespace mkrp::workflow {

POCO_IMPLEMENT_EXCEPTION(InvalidRequestException, Poco::InvalidArgumentException, "Invalid request")
POCO_IMPLEMENT_EXCEPTION(NotSignedInException, Poco::RuntimeException, "Not signed in")
POCO_IMPLEMENT_EXCEPTION(ForbiddenException, Poco::NoPermissionException, "Forbidden")
POCO_IMPLEMENT_EXCEPTION(TooManyAttemptsException, Poco::RuntimeException, "Too many attempts")

RosterRejectedException::RosterRejectedException(const std::string& message,
                                                 std::vector<RosterFileProblem> problems)
    : InvalidRequestException(message), problems_(std::move(problems)) {}

const char* RosterRejectedException::name() const noexcept { return "Roster rejected"; }

const char* RosterRejectedException::className() const noexcept { return typeid(*this).name(); }

Poco::Exception* RosterRejectedException::clone() const {
  return new RosterRejectedException(*this);
}

void RosterRejectedException::rethrow() const { throw *this; }

}  // namespace mkrp::workflow
