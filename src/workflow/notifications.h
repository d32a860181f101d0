// Internal: the messages the agency gets when its application is submitted, returned or approved
// (and the membership notices of membership.cpp and the withdrawal),
// put into the outbox inside the transaction of the change (so a change and its notice are
// committed together, and delivery happens later, retried).
#pragma once

#include "store/store.h"

namespace mkrp::workflow::detail {

enum class Notice { Submitted, Returned, Approved };

// Queues one message for each staff account of the application's agency, with `links` (lines
// such as the approval's downloads) at the end of the text when given. Idempotent per
// application, round, notice and recipient.
void notifyAgency(store::Store& tx, const store::Application& application, Notice notice,
                  store::TimePoint now, std::string_view links = {});

// Queues the same message for each staff account of agency `agencyId`. `key` names the event
// (the recipient's id is appended), so queuing it again for the same event sends nothing more.
void notifyAgencyStaff(store::Store& tx, store::Id agencyId, std::string_view key,
                       std::string_view subject, std::string_view body, store::TimePoint now);

}  // namespace mkrp::workflow::detail
