// The refusals of the use cases that callers (the web layer, the command line) must tell apart.
// Like the core errors, each message is written for the person who asked: what was wrong and what
// to do. Not found, conflicts, too large and unsupported files use the core classes
// (core/errors.h); these are the rest.
#pragma once

#include <Poco/Exception.h>

#include <string>
#include <vector>

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

// One thing wrong in an uploaded training roster, where a spreadsheet shows it.
struct RosterFileProblem {
  int row = 0;         // spreadsheet row (header = 1); 0 when it concerns the whole file
  std::string column;  // the column header as written; empty for the whole row or file
  std::string message;
};

// A training roster refused as a whole (nothing of it was stored): every problem found, so the
// agency can correct them all at once. message() sums them up for people.
class RosterRejectedException : public InvalidRequestException {
 public:
  RosterRejectedException(const std::string& message, std::vector<RosterFileProblem> problems);
  const char* name() const noexcept override;
  const char* className() const noexcept override;
  Poco::Exception* clone() const override;
  void rethrow() const override;
  const std::vector<RosterFileProblem>& problems() const { return problems_; }

 private:
  std::vector<RosterFileProblem> problems_;
};

}  // namespace mkrp::workflow
