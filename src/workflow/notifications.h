// Internal: the messages the agency gets when its application is submitted, returned or approved,
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

}  // namespace mkrp::workflow::detail
