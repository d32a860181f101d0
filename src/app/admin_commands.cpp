// mkrp migrate | agency add | user add: managing the store a service uses, from the command line.
#include <iostream>

#include "app/commands.h"
#include "app/config.h"
#include "core/errors.h"
#include "store/store.h"
#include "workflow/accounts.h"
#include "workflow/clock.h"
#include "workflow/errors.h"

namespace mkrp::app {
namespace {

constexpr const char* kCommonOptions =
    "  common options: --config FILE, --data-dir DIR (default ./var),\n"
    "                  --database sqlite:PATH|postgresql://USER:PASSWORD@HOST:PORT/DB\n"
    "                  (default sqlite:DIR/mkrp.db)\n";

constexpr const char* kAgencyUsage =
    "usage: mkrp agency add --name NAME --kind le|psap --state XX [--city CITY] [--ori ORI]\n";

constexpr const char* kUserUsage =
    "usage: mkrp user add --email EMAIL --role agency|reviewer|admin [--agency ID]\n"
    "                     --password-stdin\n"
    "  the password is read from the first line of standard input\n";

int usage(std::string_view command, const std::string& problem, const char* text) {
  if (!problem.empty()) std::cerr << "mkrp " << command << ": " << problem << "\n";
  std::cerr << text << kCommonOptions;
  return kExitUsage;
}

// Reports a refusal of the use case (bad value, duplicate, unknown agency) on one line.
int refused(std::string_view command, const Poco::Exception& error) {
  std::cerr << "mkrp " << command << ": " << error.message() << "\n";
  return kExitUnreadable;
}

std::string required(Arguments& args, std::string_view name) {
  std::optional<std::string> value = takeOption(args, name);
  if (!value || value->empty()) {
    throw Poco::InvalidArgumentException(std::string(name) + " is required");
  }
  return *value;
}

void requireNoneLeft(const Arguments& args) {
  if (!args.empty()) throw Poco::InvalidArgumentException("unexpected argument '" + args[0] + "'");
}

struct AgencyRequest {
  ServiceConfig config;
  store::NewAgency agency;
};

AgencyRequest parseAgency(Arguments args) {
  AgencyRequest request;
  request.config = loadServiceConfig(args);
  request.agency.name = required(args, "--name");
  const std::string kind = required(args, "--kind");
  try {
    request.agency.kind = store::parseAgencyKind(kind);
  } catch (const Poco::DataFormatException&) {
    throw Poco::InvalidArgumentException("--kind must be le or psap, not '" + kind + "'");
  }
  request.agency.state = required(args, "--state");
  request.agency.city = takeOption(args, "--city").value_or("");
  request.agency.ori = takeOption(args, "--ori").value_or("");
  requireNoneLeft(args);
  return request;
}

struct UserRequest {
  ServiceConfig config;
  std::string email;
  store::Role role = store::Role::Agency;
  std::optional<store::Id> agencyId;
};

UserRequest parseUser(Arguments args) {
  UserRequest request;
  request.config = loadServiceConfig(args);
  request.email = required(args, "--email");
  const std::string role = required(args, "--role");
  try {
    request.role = store::parseRole(role);
  } catch (const Poco::DataFormatException&) {
    throw Poco::InvalidArgumentException("--role must be agency, reviewer or admin, not '" + role +
                                         "'");
  }
  if (const std::optional<std::string> agency = takeOption(args, "--agency")) {
    try {
      request.agencyId = std::stoll(*agency);
    } catch (const std::exception&) {
      throw Poco::InvalidArgumentException("--agency must be an agency id, not '" + *agency + "'");
    }
  }
  if (!takeFlag(args, "--password-stdin")) {
    throw Poco::InvalidArgumentException(
        "give the password on standard input with --password-stdin (never on the command line)");
  }
  requireNoneLeft(args);
  return request;
}

std::string readPassword() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

int runMigrate(const Arguments& args) {
  Arguments rest(args);
  ServiceConfig config;
  try {
    config = loadServiceConfig(rest);
    requireNoneLeft(rest);
  } catch (const Poco::Exception& error) {
    return usage("migrate", error.message(), "usage: mkrp migrate\n");
  }
  try {
    const std::unique_ptr<store::Store> store = openStore(config, false);
    const auto applied = store->migrate(workflow::SystemClock().now());
    for (const store::AppliedMigration& migration : applied) {
      std::cout << "applied " << migration.version << ": " << migration.name << "\n";
    }
    const auto all = store->appliedMigrations();
    std::cout << withoutPassword(config.databaseUrl()) << " is at version "
              << (all.empty() ? 0 : all.back().version) << "\n";
    return kExitOk;
  } catch (const Poco::Exception& error) {
    return refused("migrate", error);
  }
}

int runAgency(const Arguments& args) {
  if (args.empty() || args[0] != "add") return usage("agency", "", kAgencyUsage);
  AgencyRequest request;
  try {
    request = parseAgency(Arguments(args.begin() + 1, args.end()));
  } catch (const Poco::Exception& error) {
    return usage("agency", error.message(), kAgencyUsage);
  }
  try {
    const std::unique_ptr<store::Store> store = openStore(request.config, true);
    workflow::SystemClock clock;
    workflow::Accounts accounts(*store, clock);
    std::cout << accounts.addAgency(request.agency).id << "\n";
    return kExitOk;
  } catch (const Poco::Exception& error) {
    return refused("agency", error);
  }
}

int runUser(const Arguments& args) {
  if (args.empty() || args[0] != "add") return usage("user", "", kUserUsage);
  UserRequest request;
  try {
    request = parseUser(Arguments(args.begin() + 1, args.end()));
  } catch (const Poco::Exception& error) {
    return usage("user", error.message(), kUserUsage);
  }
  try {
    const std::string password = readPassword();
    const std::unique_ptr<store::Store> store = openStore(request.config, true);
    workflow::SystemClock clock;
    workflow::Accounts accounts(*store, clock);
    std::cout << accounts.addUser(request.email, request.role, request.agencyId, password).id
              << "\n";
    return kExitOk;
  } catch (const Poco::Exception& error) {
    return refused("user", error);
  }
}

}  // namespace mkrp::app
