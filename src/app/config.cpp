#include "app/config.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/PatternFormatter.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/LoggingConfigurator.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <Poco/Util/XMLConfiguration.h>

#include <algorithm>

#include "store/open/open_store.h"

namespace mkrp::app {
namespace {

using Poco::Util::AbstractConfiguration;

// The file given with --config, kept for its logging.* section.
Poco::AutoPtr<AbstractConfiguration>& configFile() {
  static Poco::AutoPtr<AbstractConfiguration> file;
  return file;
}

Poco::AutoPtr<AbstractConfiguration> readFile(const std::string& path) {
  const std::string extension = Poco::toLower(Poco::Path(path).getExtension());
  if (extension == "xml") return new Poco::Util::XMLConfiguration(path);
  if (extension == "ini") return new Poco::Util::IniFileConfiguration(path);
  return new Poco::Util::PropertyFileConfiguration(path);
}

void readValues(const AbstractConfiguration& file, ServiceConfig& config) {
  config.dataDir = file.getString("data_dir", config.dataDir);
  config.database = file.getString("database", config.database);
  config.checklistsDir = file.getString("checklists", config.checklistsDir);
  config.host = file.getString("http.host", config.host);
  config.port = file.getInt("http.port", config.port);
  config.httpThreads = file.getInt("http.threads", config.httpThreads);
  config.secureCookies = file.getBool("http.secure_cookies", config.secureCookies);
  config.publicUrl = file.getString("http.public_url", config.publicUrl);
  if (file.has("http.trusted_proxies")) {
    config.trustedProxies.clear();
    for (const std::string& address : Poco::StringTokenizer(
             file.getString("http.trusted_proxies"), ",",
             Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
      config.trustedProxies.push_back(address);
    }
  }
  config.workers = file.getInt("workers", config.workers);
  config.maxUploadMb = file.getInt("upload.max_mb", config.maxUploadMb);
  config.sessionIdleMinutes = file.getInt("session.idle_minutes", config.sessionIdleMinutes);
  config.sessionMaxHours = file.getInt("session.max_hours", config.sessionMaxHours);
  config.jobLeaseSeconds = file.getInt("jobs.lease_seconds", config.jobLeaseSeconds);
  config.jobMaxAttempts = file.getInt("jobs.max_attempts", config.jobMaxAttempts);
  config.extractTimeoutSeconds =
      file.getInt("extract.timeout_seconds", config.extractTimeoutSeconds);
  config.extractMemoryMb = file.getInt("extract.memory_mb", config.extractMemoryMb);
  config.logLevel = file.getString("log.level", config.logLevel);
  config.smtpHost = file.getString("smtp.host", config.smtpHost);
  config.smtpPort = file.getInt("smtp.port", config.smtpPort);
  config.smtpFrom = file.getString("smtp.from", config.smtpFrom);
  config.smtpUser = file.getString("smtp.username", config.smtpUser);
  config.smtpPassword = file.getString("smtp.password", config.smtpPassword);
}

void requireRange(std::string_view name, int value, int low, int high) {
  if (value < low || value > high) {
    throw Poco::InvalidArgumentException(std::string(name) + " must be between " +
                                         std::to_string(low) + " and " + std::to_string(high) +
                                         ", not " + std::to_string(value));
  }
}

}  // namespace

std::string ServiceConfig::databaseUrl() const {
  return database.empty() ? store::defaultDatabaseUrl(dataDir) : database;
}

std::string ServiceConfig::reachableUrl() const {
  return publicUrl.empty() ? "http://" + host + ":" + std::to_string(port) : publicUrl;
}

std::string ServiceConfig::blobDirectory() const {
  return Poco::Path(dataDir).makeDirectory().pushDirectory("blobs").toString();
}

std::unique_ptr<store::Store> openStore(const ServiceConfig& config, bool migrate) {
  Poco::File(config.dataDir).createDirectories();
  return store::openStore(config.databaseUrl(), config.dataDir, migrate);
}

std::string withoutPassword(const std::string& url) {
  // postgresql://user:password@host...: the password sits between the first ':' after the
  // scheme and the last '@' before the host.
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto at = url.find('@', scheme + 3);
  const auto slash = url.find('/', scheme + 3);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

bool takeFlag(Arguments& args, std::string_view flag) {
  const auto found = std::find(args.begin(), args.end(), flag);
  if (found == args.end()) return false;
  args.erase(found);
  return true;
}

std::optional<std::string> takeOption(Arguments& args, std::string_view name) {
  const std::string prefix = std::string(name) + "=";
  for (auto it = args.begin(); it != args.end(); ++it) {
    if (it->rfind(prefix, 0) == 0) {
      std::string value = it->substr(prefix.size());
      args.erase(it);
      return value;
    }
    if (*it == name) {
      if (std::next(it) == args.end()) {
        throw Poco::InvalidArgumentException(std::string(name) + " needs a value");
      }
      std::string value = *std::next(it);
      args.erase(it, it + 2);
      return value;
    }
  }
  return std::nullopt;
}

ServiceConfig loadServiceConfig(Arguments& args) {
  ServiceConfig config;
  if (const std::optional<std::string> path = takeOption(args, "--config")) {
    configFile() = readFile(*path);
    readValues(*configFile(), config);
  }
  if (const std::optional<std::string> dir = takeOption(args, "--data-dir")) config.dataDir = *dir;
  if (const std::optional<std::string> url = takeOption(args, "--database")) config.database = *url;
  if (const std::optional<std::string> port = takeOption(args, "--port")) {
    if (!Poco::NumberParser::tryParse(*port, config.port)) {
      throw Poco::InvalidArgumentException("--port must be a number, not '" + *port + "'");
    }
  }
  checkServiceConfig(config);
  return config;
}

void checkServiceConfig(const ServiceConfig& config) {
  if (config.dataDir.empty()) throw Poco::InvalidArgumentException("data_dir must not be empty");
  requireRange("http.port", config.port, 0, 65535);
  requireRange("http.threads", config.httpThreads, 1, 256);
  requireRange("workers", config.workers, 1, 64);
  requireRange("upload.max_mb", config.maxUploadMb, 1, 1024);
  requireRange("session.idle_minutes", config.sessionIdleMinutes, 1, 60 * 24 * 7);
  requireRange("session.max_hours", config.sessionMaxHours, 1, 24 * 30);
  requireRange("jobs.lease_seconds", config.jobLeaseSeconds, 10, 24 * 3600);
  requireRange("jobs.max_attempts", config.jobMaxAttempts, 1, 100);
  requireRange("extract.timeout_seconds", config.extractTimeoutSeconds, 1, 3600);
  requireRange("extract.memory_mb", config.extractMemoryMb, 64, 64 * 1024);
  if (config.jobLeaseSeconds <= config.extractTimeoutSeconds) {
    throw Poco::InvalidArgumentException(
        "jobs.lease_seconds must be longer than extract.timeout_seconds, or a slow read would "
        "lose its job to another worker");
  }
  if (!config.publicUrl.empty() && config.publicUrl.rfind("http://", 0) != 0 &&
      config.publicUrl.rfind("https://", 0) != 0) {
    throw Poco::InvalidArgumentException(
        "http.public_url must start with http:// or https://, e.g. https://mkrp.example.org");
  }
  for (const std::string& address : config.trustedProxies) {
    Poco::Net::IPAddress parsed;
    if (!Poco::Net::IPAddress::tryParse(address, parsed)) {
      throw Poco::InvalidArgumentException("http.trusted_proxies: \"" + address +
                                           "\" is not an IP address; list the proxies' addresses, "
                                           "e.g. 127.0.0.1");
    }
  }
  requireRange("smtp.port", config.smtpPort, 1, 65535);
  if (config.smtpUser.empty() != config.smtpPassword.empty()) {
    throw Poco::InvalidArgumentException(
        "smtp.username and smtp.password go together: set both, or neither");
  }
  Poco::Logger::parseLevel(config.logLevel);  // throws for an unknown level name
}

void configureLogging(const ServiceConfig& config) {
  if (configFile() && configFile()->has("logging")) {
    Poco::Util::LoggingConfigurator().configure(configFile());
    return;
  }
  Poco::AutoPtr<Poco::PatternFormatter> formatter(
      new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %p %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(
      new Poco::FormattingChannel(formatter, new Poco::ConsoleChannel));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel(config.logLevel);
  Poco::Logger::setLevel("", Poco::Logger::parseLevel(config.logLevel));
}

}  // namespace mkrp::app
