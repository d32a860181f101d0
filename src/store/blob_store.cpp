#include "store/blob_store.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Timestamp.h>
#include <Poco/UUIDGenerator.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/errors.h"

namespace mkrp::store {
namespace {

constexpr std::string_view kTemporaryPrefix = ".tmp-";

[[noreturn]] void throwIoError(const std::string& what, const std::string& path) {
  throw Poco::FileException("Could not " + what + " " + path + ": " + std::strerror(errno) +
                            ". Check that the data directory exists, is writable and has free "
                            "space.");
}

// Closes a file descriptor when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting failure (a deferred write error can show up only here).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

// Makes a rename or a new entry in `directory` durable.
void syncDirectory(const std::string& directory) {
  Descriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0 || ::fsync(dir.get()) != 0) throwIoError("sync the directory", directory);
}

void writeAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throwIoError("write", path);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

// Writes `bytes` durably to a new file at `path`; removes the file again if anything fails.
void writeNewFile(const std::string& path, std::string_view bytes) {
  Descriptor file(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
  if (file.get() < 0) throwIoError("create", path);
  try {
    writeAll(file.get(), bytes, path);
    if (::fsync(file.get()) != 0) throwIoError("sync", path);
    if (!file.close()) throwIoError("close", path);
  } catch (...) {
    ::unlink(path.c_str());
    throw;
  }
}

std::string sha256Hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

void requireValidHash(std::string_view sha256) {
  if (!BlobStore::isValidHash(sha256)) {
    throw Poco::InvalidArgumentException("\"" + std::string(sha256.substr(0, 80)) +
                                         "\" is not the name of a stored file.");
  }
}

// Creates `path` if missing and makes its entry in the parent durable.
void ensureDirectory(const std::string& path) {
  Poco::File dir(path);
  if (dir.exists()) return;
  dir.createDirectories();
  syncDirectory(Poco::Path(path).makeParent().toString());
}

}  // namespace

BlobStore::BlobStore(std::string directory) : directory_(std::move(directory)) {
  Poco::File(directory_).createDirectories();
}

bool BlobStore::isValidHash(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string BlobStore::pathOf(std::string_view sha256) const {
  requireValidHash(sha256);
  Poco::Path path(directory_, Poco::Path::PATH_UNIX);
  path.makeDirectory();
  path.pushDirectory(std::string(sha256.substr(0, 2)));
  path.setFileName(std::string(sha256));
  return path.toString();
}

std::string BlobStore::put(std::string_view bytes) const {
  const std::string hash = sha256Hex(bytes);
  const std::string target = pathOf(hash);
  if (Poco::File file(target); file.exists() && file.isFile()) return hash;
  const std::string fanout = Poco::Path(target).parent().toString();
  ensureDirectory(fanout);
  const std::string temporary = fanout + std::string(kTemporaryPrefix) +
                                Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  writeNewFile(temporary, bytes);
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    errno = error;
    throwIoError("move the new file into place at", target);
  }
  syncDirectory(fanout);
  return hash;
}

std::string BlobStore::get(std::string_view sha256) const {
  const std::string path = pathOf(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw core::NotFoundException("The stored file " + std::string(sha256) +
                                  " is missing from the data directory. Upload it again.");
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throwIoError("read", path);
  return std::move(content).str();
}

bool BlobStore::exists(std::string_view sha256) const {
  return Poco::File(pathOf(sha256)).exists();
}

int BlobStore::removeStaleTemporaries(std::chrono::seconds age) const {
  const Poco::Timestamp cutoff =
      Poco::Timestamp() - std::chrono::duration_cast<std::chrono::microseconds>(age).count();
  int removed = 0;
  for (Poco::DirectoryIterator fanout(directory_), end; fanout != end; ++fanout) {
    if (!fanout->isDirectory()) continue;
    for (Poco::DirectoryIterator entry(fanout->path()); entry != end; ++entry) {
      if (entry.name().rfind(kTemporaryPrefix, 0) != 0) continue;
      if (entry->getLastModified() >= cutoff) continue;
      entry->remove();
      ++removed;
    }
  }
  return removed;
}

}  // namespace mkrp::store
