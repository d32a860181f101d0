// mkrp membership run-daily [--config FILE] [--data-dir DIR] [--database URL]: applies the
// membership transitions due now (renewal reminders, lapses) once, as `mkrp serve` does on its
// timer; for a cron job, or to catch up by hand. Safe to run while services run.
#include <Poco/Exception.h>

#include <iostream>

#include "app/commands.h"
#include "app/config.h"
#include "store/store.h"
#include "workflow/clock.h"
#include "workflow/membership.h"

namespace mkrp::app {
namespace {

constexpr const char* kUsage =
    "usage: mkrp membership run-daily [--config FILE] [--data-dir DIR] [--database URL]\n";

}  // namespace

int runMembership(const Arguments& args) {
  Arguments rest(args);
  ServiceConfig config;
  try {
    if (rest.empty() || rest[0] != "run-daily") {
      throw Poco::InvalidArgumentException("the only membership command is run-daily");
    }
    rest.erase(rest.begin());
    config = loadServiceConfig(rest);
    if (!rest.empty()) {
      throw Poco::InvalidArgumentException("unexpected argument '" + rest[0] + "'");
    }
  } catch (const Poco::Exception& error) {
    std::cerr << "mkrp membership: " << error.message() << "\n" << kUsage;
    return kExitUsage;
  }
  try {
    const std::unique_ptr<store::Store> store = openStore(config, true);
    const workflow::SystemClock clock;
    // The reminders link to the address the service is reached at, as `serve` sends them.
    workflow::MembershipOptions options;
    options.publicUrl = config.reachableUrl();
    const workflow::DailyResult result =
        workflow::MembershipLifecycle(*store, clock, options).runDaily();
    std::cout << "reminders sent: " << result.reminders << ", memberships lapsed: " << result.lapsed
              << "\n";
    return kExitOk;
  } catch (const Poco::Exception& error) {
    std::cerr << "mkrp membership: " << error.displayText() << "\n";
    return kExitUnreadable;
  }
}

}  // namespace mkrp::app
