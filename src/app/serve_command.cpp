// mkrp serve [--config FILE] [--data-dir DIR] [--port N] [--demo]: the service. A plain main
// loop: the termination signals are blocked on every thread and awaited with sigtimedwait, which
// also paces the housekeeping (expired sessions, old sign-in failures).
#include <Poco/Environment.h>
#include <Poco/Logger.h>
#include <signal.h>
#include <unistd.h>

#include <ctime>
#include <iostream>

#include "app/commands.h"
#include "app/config.h"
#include "app/smtp_sender.h"
#include "check/checklist_loader.h"
#include "core/errors.h"
#include "store/blob_store.h"
#include "store/store.h"
#include "web/server.h"
#include "workflow/accounts.h"
#include "workflow/applications.h"
#include "workflow/clock.h"
#include "workflow/mail_delivery.h"
#include "workflow/membership.h"
#include "workflow/pdf_annotator.h"
#include "workflow/precheck_jobs.h"
#include "workflow/prechecker.h"

namespace mkrp::app {
namespace {

constexpr const char* kUsage =
    "usage: mkrp serve [--config FILE] [--data-dir DIR] [--database URL] [--port N] [--demo]\n"
    "  --database  sqlite:PATH (default sqlite:DIR/mkrp.db) or\n"
    "              postgresql://USER:PASSWORD@HOST:PORT/DB (several instances share one)\n"
    "  --demo  create (or reset) a demo agency account and a demo reviewer account and print\n"
    "          their new random passwords\n";

constexpr int kHousekeepingSeconds = 600;
// How often the outbox is looked at for messages to send.
constexpr std::chrono::seconds kMailPollInterval{5};

// Blocks SIGINT and SIGTERM in this thread and every thread started after, so that only
// waitForTermination sees them.
sigset_t blockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

// Waits up to `seconds` for a termination signal; true when one came.
bool terminationRequested(const sigset_t& signals, int seconds) {
  const timespec timeout{seconds, 0};
  return sigtimedwait(&signals, nullptr, &timeout) > 0;
}

void housekeeping(store::Store& store, const workflow::Clock& clock, Poco::Logger& logger) {
  try {
    const store::TimePoint now = clock.now();
    store.sessions().removeExpired(now);
    store.loginAttempts().pruneBefore(now - std::chrono::hours(24));
  } catch (const Poco::Exception& error) {
    logger.warning("housekeeping: %s", error.displayText());
  }
}

// The membership lifecycle's daily work, run at every housekeeping tick: it is idempotent, so
// running it more often than daily (and on every instance) only catches a due date sooner.
void membershipTransitions(const workflow::MembershipLifecycle& lifecycle, Poco::Logger& logger) {
  try {
    const workflow::DailyResult result = lifecycle.runDaily();
    if (result.reminders > 0 || result.lapsed > 0) {
      logger.information("memberships: %d reminder(s) sent, %d lapsed", result.reminders,
                         result.lapsed);
    }
  } catch (const Poco::Exception& error) {
    logger.warning("memberships: %s", error.displayText());
  }
}

void printDemoAccounts(const workflow::DemoAccounts& demo, const std::string& url) {
  std::cout << "Demo accounts (these passwords are shown only now; `mkrp serve --demo` makes "
               "new ones):\n"
            << "  agency   (" << demo.agency.name << "): " << demo.agencyEmail << "  password "
            << demo.agencyPassword << "\n"
            << "  reviewer: " << demo.reviewerEmail << "  password " << demo.reviewerPassword
            << "\n"
            << "Open " << url << "/ in a browser and sign in with one of them.\n"
            << std::flush;
}

workflow::AccountsOptions accountsOptions(const ServiceConfig& config) {
  workflow::AccountsOptions options;
  options.sessionIdle = std::chrono::minutes(config.sessionIdleMinutes);
  options.sessionMax = std::chrono::hours(config.sessionMaxHours);
  return options;
}

workflow::ExtractFunction extractor(const ServiceConfig& config) {
  extract::Limits limits;
  limits.maxFileBytes = static_cast<std::uint64_t>(config.maxUploadMb) << 20;
  limits.maxSeconds = std::min(limits.maxSeconds, config.extractTimeoutSeconds * 0.8);
  extract::SandboxOptions sandbox;
  sandbox.limits.maxWallSeconds = config.extractTimeoutSeconds;
  sandbox.limits.maxCpuSeconds = config.extractTimeoutSeconds;
  sandbox.limits.maxMemoryBytes = static_cast<std::uint64_t>(config.extractMemoryMb) << 20;
  sandbox.logger = &Poco::Logger::get("app.extract");
  return workflow::sandboxExtractor(limits, sandbox);
}

// PoDoFo reads the submitted PDF again to add highlights: in a child, with the reader's limits.
workflow::AnnotatorOptions annotatorOptions(const ServiceConfig& config) {
  workflow::AnnotatorOptions options;
  options.limits.maxWallSeconds = config.extractTimeoutSeconds;
  options.limits.maxCpuSeconds = config.extractTimeoutSeconds;
  options.limits.maxMemoryBytes = static_cast<std::uint64_t>(config.extractMemoryMb) << 20;
  return options;
}

SmtpSettings smtpSettings(const ServiceConfig& config) {
  SmtpSettings settings;
  settings.host = config.smtpHost;
  settings.port = config.smtpPort;
  settings.from = config.smtpFrom;
  settings.user = config.smtpUser;
  settings.password = config.smtpPassword;
  return settings;
}

// A mail server that is down for a while is retried for about a day before a message fails.
store::JobPolicy mailPolicy() {
  store::JobPolicy policy;
  policy.lease = std::chrono::minutes(5);
  policy.maxAttempts = 12;
  policy.baseDelay = std::chrono::seconds(30);
  policy.maxDelay = std::chrono::hours(4);
  return policy;
}

// Names this process in leases: unique among instances sharing a database.
std::string instanceName() {
  return Poco::Environment::nodeName() + "-pid" + std::to_string(::getpid());
}

store::JobPolicy jobPolicy(const ServiceConfig& config) {
  store::JobPolicy policy;
  policy.lease = std::chrono::seconds(config.jobLeaseSeconds);
  policy.maxAttempts = config.jobMaxAttempts;
  return policy;
}

web::ServerOptions serverOptions(const ServiceConfig& config) {
  web::ServerOptions options;
  options.host = config.host;
  options.port = static_cast<std::uint16_t>(config.port);
  options.threads = config.httpThreads;
  options.maxUploadBytes = static_cast<std::uint64_t>(config.maxUploadMb) << 20;
  options.secureCookies = config.secureCookies;
  options.trustedProxies = config.trustedProxies;
  return options;
}

int serve(const ServiceConfig& config, bool demo, const sigset_t& signals) {
  Poco::Logger& logger = Poco::Logger::get("app");
  const std::unique_ptr<store::Store> store = openStore(config, true);
  const store::BlobStore blobs(config.blobDirectory());
  blobs.removeStaleTemporaries(std::chrono::hours(1));
  const std::string checklists = findChecklistDirectory(config.checklistsDir);
  const workflow::Prechecker prechecker(check::loadChecklistDirectory(checklists));
  const workflow::SystemClock clock;
  workflow::Accounts accounts(*store, clock, accountsOptions(config));

  workflow::PrecheckRunner runner(*store, blobs, prechecker, clock, extractor(config),
                                  jobPolicy(config), Poco::Logger::get("app.jobs"));
  workflow::WorkerPool workers(runner, config.workers, std::chrono::seconds(1),
                               Poco::Logger::get("app.jobs"));
  workflow::ApplicationsOptions applicationOptions;
  applicationOptions.maxUploadBytes = static_cast<std::uint64_t>(config.maxUploadMb) << 20;
  applicationOptions.jobQueued = [&workers] { workers.wake(); };
  // Links in notices and the verify address printed on certificates.
  applicationOptions.publicUrl = config.reachableUrl();
  workflow::Applications applications(*store, blobs, prechecker, clock, applicationOptions);

  workflow::PdfAnnotator annotator(applications, *store, blobs, prechecker,
                                   annotatorOptions(config));

  web::Services services{accounts, applications, &runner};
  services.annotator = &annotator;
  web::Server server(services, serverOptions(config), Poco::Logger::get("app.web"));
  const std::string url = "http://" + config.host + ":" + std::to_string(server.port());
  if (demo) printDemoAccounts(accounts.ensureDemoAccounts(), url);
  std::unique_ptr<SmtpSender> smtp;
  std::unique_ptr<workflow::MailDelivery> mail;
  if (!config.smtpHost.empty()) {
    smtp = std::make_unique<SmtpSender>(smtpSettings(config));
    mail = std::make_unique<workflow::MailDelivery>(*store, *smtp, clock, mailPolicy(),
                                                    instanceName() + "-mail",
                                                    Poco::Logger::get("app.mail"));
  } else {
    logger.information("smtp.host is not set: notifications wait in the outbox until it is");
  }
  workers.start();
  if (mail) mail->start(kMailPollInterval);
  server.start();
  logger.information("listening on %s (database %s, files in %s, checklists from %s, %d worker(s))",
                     url, withoutPassword(config.databaseUrl()), config.dataDir, checklists,
                     config.workers);
  std::cout << "mkrp serve: listening on " << url << std::endl;
  workflow::MembershipOptions membershipOptions;
  membershipOptions.publicUrl = config.reachableUrl();
  const workflow::MembershipLifecycle lifecycle(*store, clock, membershipOptions);
  membershipTransitions(lifecycle, logger);
  while (!terminationRequested(signals, kHousekeepingSeconds)) {
    housekeeping(*store, clock, logger);
    membershipTransitions(lifecycle, logger);
  }
  logger.information("stopping");
  server.stop();
  if (mail) mail->stop();
  workers.stop();
  return kExitOk;
}

}  // namespace

int runServe(const Arguments& args) {
  Arguments rest(args);
  ServiceConfig config;
  bool demo = false;
  try {
    config = loadServiceConfig(rest);
    demo = takeFlag(rest, "--demo");
    if (!rest.empty())
      throw Poco::InvalidArgumentException("unexpected argument '" + rest[0] + "'");
  } catch (const Poco::Exception& error) {
    std::cerr << "mkrp serve: " << error.message() << "\n" << kUsage;
    return kExitUsage;
  }
  const sigset_t signals = blockTerminationSignals();
  configureLogging(config);
  try {
    return serve(config, demo, signals);
  } catch (const core::InvalidChecklistException& error) {
    std::cerr << "mkrp serve: the checklists have mistakes:\n" << error.message() << "\n";
  } catch (const Poco::Exception& error) {
    std::cerr << "mkrp serve: " << error.displayText() << "\n";
  }
  return kExitUnreadable;
}

}  // namespace mkrp::app
