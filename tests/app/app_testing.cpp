#include "app_testing.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>
#include <Poco/Zip/Compress.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <regex>
#include <sstream>

#include "store/postgres/postgres_store.h"

namespace mkrp::app::testing {
namespace {

std::string readFile(const std::string& path) {
  if (!Poco::File(path).exists()) return "";
  Poco::FileInputStream in(path);
  std::string text;
  Poco::StreamCopier::copyToString(in, text);
  return text;
}

// Single quotes around `text` for /bin/sh.
std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Poco::Data::Session adminSession(const std::string& url) {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
  return Poco::Data::Session("PostgreSQL",
                             store::postgres::connectionString(url, std::chrono::seconds(10)));
}

}  // namespace

Run mkrp(const std::vector<std::string>& args, const std::string& input) {
  Poco::Pipe in, out, err;
  Poco::ProcessHandle process = Poco::Process::launch(MKRP_BINARY, args, &in, &out, &err);
  Poco::PipeOutputStream toChild(in);
  toChild << input;
  toChild.close();
  Poco::PipeInputStream fromChild(out), errorsOfChild(err);
  Run run;
  Poco::StreamCopier::copyToString(fromChild, run.out);
  Poco::StreamCopier::copyToString(errorsOfChild, run.err);
  run.exitCode = process.wait();
  return run;
}

TemporaryDirectory::TemporaryDirectory() : path_(Poco::TemporaryFile::tempName()) {
  Poco::File(path_).createDirectories();
}

TemporaryDirectory::~TemporaryDirectory() {
  try {
    Poco::File(path_).remove(true);
  } catch (...) {  // a leftover temporary directory is not worth failing a test over
  }
}

std::string TemporaryDirectory::file(const std::string& name) const {
  return Poco::Path(path_, name).toString();
}

void writeFile(const std::string& path, const std::string& text) {
  Poco::FileOutputStream out(path);
  out << text;
  out.close();
}

ServeProcess::ServeProcess(const std::vector<std::string>& args, const std::string& log,
                           int startSeconds)
    : log_(log) {
  // Through the shell, so that the output goes to a file nobody has to drain; `exec` keeps the
  // process id the service's own.
  std::string command = "exec " + shellQuoted(MKRP_BINARY) + " serve";
  for (const std::string& arg : args) command += " " + shellQuoted(arg);
  command += " --port 0 >" + shellQuoted(log) + " 2>&1";
  handle_ =
      std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", {"-c", command}));
  running_ = true;
  const std::regex listening(R"(listening on http://[^:\s]+:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(startSeconds);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const std::string text = readFile(log_);
    if (std::regex_search(text, match, listening)) {
      port_ = static_cast<std::uint16_t>(std::stoi(match[1].str()));
      return;
    }
    if (!Poco::Process::isRunning(*handle_)) {
      running_ = false;
      handle_->wait();
      throw Poco::RuntimeException("mkrp serve stopped at start:\n" + text);
    }
    Poco::Thread::sleep(50);
  }
  kill();
  throw Poco::TimeoutException("mkrp serve did not start listening:\n" + readFile(log_));
}

ServeProcess::~ServeProcess() {
  if (!running_) return;
  try {
    Poco::Process::requestTermination(handle_->id());
    handle_->wait();
  } catch (...) {  // already gone
  }
}

void ServeProcess::kill() {
  if (!running_) return;
  Poco::Process::kill(*handle_);
  handle_->wait();
  running_ = false;
}

Poco::JSON::Object::Ptr Reply::object() const {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string Reply::error() const {
  try {
    return object()->optValue<std::string>("error", "");
  } catch (const Poco::Exception&) {
    return "";
  }
}

Reply Client::send(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& contentType) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(60, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!cookie_.empty()) {
    Poco::Net::NameValueCollection cookies;
    cookies.add("mkrp_session", cookie_);
    request.setCookies(cookies);
  }
  if (method != "GET") {
    if (!csrf_.empty()) request.set("X-CSRF-Token", csrf_);
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  if (!contentType.empty()) request.setContentType(contentType);
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  Poco::StreamCopier::copyToString(in, reply.body);
  reply.status = static_cast<int>(response.getStatus());
  if (method == "POST" && path == "/api/v1/login" && reply.status == 200) {
    std::vector<Poco::Net::HTTPCookie> cookies;
    response.getCookies(cookies);
    for (const auto& cookie : cookies) {
      if (cookie.getName() == "mkrp_session") cookie_ = cookie.getValue();
    }
  }
  return reply;
}

Reply Client::get(const std::string& path) { return send("GET", path, "", ""); }

Reply Client::post(const std::string& path, const std::string& json) {
  return send("POST", path, json, "application/json");
}

Reply Client::put(const std::string& path, const std::string& json) {
  return send("PUT", path, json, "application/json");
}

Reply Client::upload(const std::string& path, const std::string& filename,
                     const std::string& bytes) {
  const std::string boundary = "----mkrp-app-test-5c2e";
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " +
                     "filename=\"" + filename +
                     "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" +
                     boundary + "--\r\n";
  return send("POST", path, body, "multipart/form-data; boundary=" + boundary);
}

void Client::login(const std::string& email, const std::string& password) {
  const Reply reply =
      post("/api/v1/login", R"({"email":")" + email + R"(","password":")" + password + R"("})");
  if (reply.status != 200) {
    throw Poco::RuntimeException("sign-in of " + email + " refused: " + reply.body);
  }
  csrf_ = reply.object()->getValue<std::string>("csrf");
}

Client Client::on(std::uint16_t port) const {
  Client other(*this);
  other.port_ = port;
  return other;
}

std::string sampleDocx() {
  static const std::string bytes = [] {
    const std::string parts = std::string(MKRP_SOURCE_DIR) + "/tests/fixtures/sample-directive/";
    const char* const kParts[] = {
        "[Content_Types].xml", "_rels/.rels",        "docProps/core.xml",
        "docProps/app.xml",    "word/document.xml",  "word/_rels/document.xml.rels",
        "word/styles.xml",     "word/numbering.xml", "word/settings.xml",
        "word/footnotes.xml",  "word/header1.xml",   "word/footer1.xml",
    };
    std::ostringstream out;
    Poco::Zip::Compress zip(out, true);
    for (const char* part : kParts) {
      zip.addFile(Poco::Path(parts + part), Poco::Path(part, Poco::Path::PATH_UNIX));
    }
    zip.close();
    return out.str();
  }();
  return bytes;
}

std::string postgresServerUrl() {
  const std::string url = Poco::Environment::get("MKRP_TEST_POSTGRES_URL", "");
  if (url.empty()) {
    throw Poco::IllegalStateException(
        "No PostgreSQL server: set MKRP_TEST_POSTGRES_URL (scripts/postgres.sh start prints "
        "one).");
  }
  return url;
}

PostgresDatabase::PostgresDatabase() {
  static std::atomic<int> counter{0};
  name_ = "mkrp_app_" + std::to_string(Poco::Process::id()) + "_" + std::to_string(++counter);
  adminSession(postgresServerUrl()) << "CREATE DATABASE " + name_, Poco::Data::Keywords::now;
  Poco::URI uri(postgresServerUrl());
  uri.setPath("/" + name_);
  url_ = uri.toString();
}

PostgresDatabase::~PostgresDatabase() {
  try {
    adminSession(postgresServerUrl()) << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)",
        Poco::Data::Keywords::now;
  } catch (...) {  // a leftover database on a throwaway server is not worth failing a test over
  }
}

std::int64_t PostgresDatabase::scalar(const std::string& sql) const {
  Poco::Data::Session session = adminSession(url_);
  Poco::Data::Statement statement(session);
  statement << sql;
  statement.execute();
  Poco::Data::RecordSet result(statement);
  if (result.rowCount() == 0 || result.value(0, 0).isEmpty()) return 0;
  return result.value(0, 0).convert<std::int64_t>();
}

}  // namespace mkrp::app::testing
