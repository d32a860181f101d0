// The service's configuration: read once from an optional file (--config) and the command line
// (--data-dir, --database, --port) into plain values. `serve`, `migrate`, `agency` and `user` share
// it, so every command works on the store the service uses.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/commands.h"

namespace mkrp::store {
class Store;
}

namespace mkrp::app {

struct ServiceConfig {
  std::string dataDir = "./var";         // uploaded files (blobs/), and the default database
  std::string database;                  // sqlite:PATH, postgresql://...; empty: dataDir/mkrp.db
  std::string checklistsDir;             // empty: found near the program (findChecklistDirectory)
  std::string host = "127.0.0.1";        // the address the service listens on
  int port = 8080;                       // 0: any free port
  int httpThreads = 8;                   // requests served at once
  // The address people reach the service at (links in notices, the verify address on
  // certificates); empty: http://host:port. Set it when a proxy or a public name is in front.
  std::string publicUrl;
  std::vector<std::string> trustedProxies;  // whose X-Forwarded-For names the client
  bool secureCookies = false;            // set when clients come over TLS (e.g. via a TLS proxy)
  int workers = 1;                       // pre-check worker threads
  int maxUploadMb = 20;                  // the largest document accepted
  int sessionIdleMinutes = 120;          // a session ends after this long unused...
  int sessionMaxHours = 12;              // ...and this long after sign-in in any case
  int jobLeaseSeconds = 300;             // a worker's hold on a job before another may take it
  int jobMaxAttempts = 4;                // attempts before a document is marked unreadable
  int extractTimeoutSeconds = 180;       // wall-clock limit of one sandboxed read
  int extractMemoryMb = 1024;            // memory limit of the sandboxed reader
  std::string logLevel = "information";  // when the file configures no logging.* itself
  // Notifications: sent through this SMTP server when smtpHost is set; otherwise they wait in the
  // outbox (nothing is lost) until a server is configured.
  std::string smtpHost;
  int smtpPort = 25;
  std::string smtpFrom = "MKRP Review <no-reply@localhost>";
  std::string smtpUser;      // with smtpPassword: AUTH LOGIN before sending
  std::string smtpPassword;

  std::string databaseUrl() const;    // `database`, or sqlite:<dataDir>/mkrp.db when empty
  // Where links in notices and on certificates point: publicUrl, or http://host:port when empty.
  std::string reachableUrl() const;
  std::string blobDirectory() const;  // dataDir/blobs
};

// Takes --config FILE, --data-dir DIR, --database URL and --port N (also as --name=value) out of
// `args`, reads FILE when given (.properties, .ini or .xml; keys as in docs and config.cpp), then
// applies the options over it and checks the values. The arguments it does not know are left in
// `args`. Throws Poco::InvalidArgumentException (usage mistakes, out-of-range values) or
// Poco::FileException / Poco::SyntaxException (the file) with a message for the person.
ServiceConfig loadServiceConfig(Arguments& args);

// Rejects values that make no sense, naming the setting. Throws Poco::InvalidArgumentException.
void checkServiceConfig(const ServiceConfig& config);

// Sets up the loggers: from the file's logging.* section when it has one, else the console at
// config.logLevel. Call once, before logging.
void configureLogging(const ServiceConfig& config);

// Opens the store config.databaseUrl() names (creating the data directory, and a SQLite database,
// when missing), and applies the migrations not applied yet when `migrate` is set.
// Throws Poco::InvalidArgumentException for a malformed database URL, Poco::FileException or
// Poco::Data::DataException with the reason.
std::unique_ptr<store::Store> openStore(const ServiceConfig& config, bool migrate);

// `url` with its password, if any, replaced by "***": fit for logs and messages.
std::string withoutPassword(const std::string& url);

// Takes `flag` out of `args`; true when it was there.
bool takeFlag(Arguments& args, std::string_view flag);

// Takes `--name VALUE` or `--name=VALUE` out of `args`. Throws Poco::InvalidArgumentException
// when the value is missing.
std::optional<std::string> takeOption(Arguments& args, std::string_view name);

}  // namespace mkrp::app
