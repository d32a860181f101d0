// The refusals of the use cases that callers (the web layer, the command line) must tell apart.
// Like the core errors, each message is written for the person who asked: what was wrong and what
// to do. Not found, conflicts, too large and unsupported files use the core classes
// (core/errors.h); these are the rest.
#pragma once

#include <Poco/Exception.h>

namespace mkrp::workflow {

// The request itself is wrong: a missing or malformed field, a rule of the use case not met by
// what was sent (a return without a message, a deficient item without a comment).
POCO_DECLARE_EXCEPTION(, InvalidRequestException, Poco::InvalidArgumentException)
// Nobody is signed in, the sign-in failed, or the session has expired.
POCO_DECLARE_EXCEPTION(, NotSignedInException, Poco::RuntimeException)
// The person is signed in but their role may not do this (an agency acting as a reviewer, ...).
POCO_DECLARE_EXCEPTION(, ForbiddenException, Poco::NoPermissionException)
// Too many failed sign-ins in a short time: wait before trying again.
POCO_DECLARE_EXCEPTION(, TooManyAttemptsException, Poco::RuntimeException)

}  // namespace mkrp::workflow
