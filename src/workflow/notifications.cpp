#include "workflow/notifications.h"

#include <string>

namespace mkrp::workflow::detail {
namespace {

std::string_view noticeName(Notice notice) {
  switch (notice) {
    case Notice::Submitted:
      return "submitted";
    case Notice::Returned:
      return "returned";
    case Notice::Approved:
      return "approved";
  }
  return "unknown";
}

std::string subjectOf(const store::Application& application, Notice notice) {
  const std::string number = "MKRP application " + std::to_string(application.id);
  switch (notice) {
    case Notice::Submitted:
      return number + " was submitted";
    case Notice::Returned:
      return number + " needs changes";
    case Notice::Approved:
      return number + " is approved";
  }
  return number;
}

std::string bodyOf(const store::Application& application, const store::Agency& agency,
                   Notice notice) {
  std::string body = "Hello,\n\n";
  const std::string which = "the " + std::string(toString(application.type)) + " application of " +
                            agency.name + " (number " + std::to_string(application.id) +
                            ", round " + std::to_string(application.round) + ")";
  switch (notice) {
    case Notice::Submitted:
      body += "We received " + which + ". A reviewer will look at it and you will hear from us.\n";
      break;
    case Notice::Returned:
      body += "A reviewer returned " + which + " with these remarks:\n\n" +
              application.reviewerMessage +
              "\n\nSign in to see the items marked deficient, update your documents and submit "
              "again.\n";
      break;
    case Notice::Approved:
      body += "Congratulations: " + which + " is approved. Sign in to see the decision.\n";
      break;
  }
  return body + "\nMissing Kids Readiness Program\n";
}

}  // namespace

void notifyAgencyStaff(store::Store& tx, store::Id agencyId, std::string_view key,
                       std::string_view subject, std::string_view body, store::TimePoint now) {
  for (const store::User& user : tx.users().listByRole(store::Role::Agency)) {
    if (user.agencyId != agencyId) continue;
    store::OutboxMessage message;
    message.recipient = user.email;
    message.subject = subject;
    message.body = body;
    message.dedupeKey = std::string(key) + ":" + std::to_string(user.id);
    tx.outbox().enqueue(message, now);
  }
}

void notifyAgency(store::Store& tx, const store::Application& application, Notice notice,
                  store::TimePoint now, std::string_view links) {
  const store::Agency agency = tx.agencies().get(application.agencyId);
  std::string body = bodyOf(application, agency, notice);
  if (!links.empty()) body += "\n" + std::string(links);
  notifyAgencyStaff(tx, application.agencyId,
                    "application:" + std::to_string(application.id) + ":round:" +
                        std::to_string(application.round) + ":" + std::string(noticeName(notice)),
                    subjectOf(application, notice), body, now);
}

}  // namespace mkrp::workflow::detail
