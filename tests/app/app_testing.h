// What the tests of the `mkrp` command need: running it, starting `mkrp serve` as a separate
// process (several of them, for the multi-instance tests), a small HTTP client that keeps the
// session cookie and CSRF token, and a sample directive built from tests/fixtures.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Process.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mkrp::app::testing {

struct Run {
  int exitCode = 0;
  std::string out;
  std::string err;
};

// Runs the built `mkrp args...` with `input` on its standard input and waits for it.
Run mkrp(const std::vector<std::string>& args, const std::string& input = "");

// A temporary directory, removed with everything in it when this goes away.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::string& path() const { return path_; }
  // path()/name
  std::string file(const std::string& name) const;

 private:
  std::string path_;
};

// Writes `text` to `path`. Throws Poco::FileException.
void writeFile(const std::string& path, const std::string& text);

// `mkrp serve ARGS --port 0` as a separate process, its output in LOG. The constructor waits
// until it listens (throws Poco::TimeoutException after `startSeconds`, with the log's tail).
// The destructor stops it with SIGTERM if it still runs.
class ServeProcess {
 public:
  ServeProcess(const std::vector<std::string>& args, const std::string& log,
               int startSeconds = 120);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  std::uint16_t port() const { return port_; }
  Poco::ProcessHandle::PID pid() const { return handle_->id(); }
  // Kills the process with SIGKILL and waits for it: a crash, with no chance to clean up.
  void kill();
  bool running() const { return running_; }

 private:
  std::unique_ptr<Poco::ProcessHandle> handle_;
  std::string log_;
  std::uint16_t port_ = 0;
  bool running_ = false;
};

struct Reply {
  int status = 0;
  std::string body;
  Poco::JSON::Object::Ptr object() const;  // the body as a JSON object
  std::string error() const;               // the "error" of an error reply, else ""
};

// A client of one instance that keeps the session cookie and the CSRF token.
class Client {
 public:
  explicit Client(std::uint16_t port) : port_(port) {}

  Reply get(const std::string& path);
  Reply post(const std::string& path, const std::string& json = "{}");
  Reply put(const std::string& path, const std::string& json);
  // A multipart/form-data upload with the file in the field "file".
  Reply upload(const std::string& path, const std::string& filename, const std::string& bytes);
  // Signs in; on success keeps the cookie and the CSRF token. Throws Poco::RuntimeException
  // when the sign-in is refused.
  void login(const std::string& email, const std::string& password);
  // The same person, signed in, talking to another instance.
  Client on(std::uint16_t port) const;

 private:
  Reply send(const std::string& method, const std::string& path, const std::string& body,
             const std::string& contentType);

  std::uint16_t port_;
  std::string cookie_;
  std::string csrf_;
};

// The sample directive of tests/fixtures/sample-directive as DOCX bytes (what
// scripts/make-sample.sh builds, zipped here so that the tests need no zip program).
std::string sampleDocx();

// The PostgreSQL server of the tests (MKRP_TEST_POSTGRES_URL). Throws Poco::IllegalStateException
// with how to set it when it is not set.
std::string postgresServerUrl();

// A database of its own on the test server, dropped again (connections and all) when this goes
// away. url() is what `mkrp --database` takes.
class PostgresDatabase {
 public:
  PostgresDatabase();
  ~PostgresDatabase();
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;
  const std::string& url() const { return url_; }
  // The first column of the first row of `sql`, run on this database, as a number.
  std::int64_t scalar(const std::string& sql) const;

 private:
  std::string name_;
  std::string url_;
};

}  // namespace mkrp::app::testing
