// Uploaded files, kept by the SHA-256 of their content in a directory that several instances of
// the service may share.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace mkrp::store {

class BlobStore {
 public:
  // Uses (and creates when missing) `directory`. Throws Poco::FileException when it cannot.
  explicit BlobStore(std::string directory);

  // Stores `bytes` and returns their SHA-256 as 64 lower-case hex digits. When it returns, the
  // file is on disk for good: written to a temporary file beside its final place, fsynced,
  // renamed, and the directory fsynced. Storing the same content again keeps the one file.
  // Throws Poco::FileException (e.g. disk full); no temporary file is left behind then.
  // Thread-safe; several processes may store into the same directory.
  std::string put(std::string_view bytes) const;

  // The content stored under `sha256`. Throws core::NotFoundException when there is none,
  // Poco::InvalidArgumentException when `sha256` is not 64 lower-case hex digits.
  std::string get(std::string_view sha256) const;

  // Whether content is stored under `sha256`. Throws Poco::InvalidArgumentException as get().
  bool exists(std::string_view sha256) const;

  // Where the content of `sha256` is (or would be) on disk, for readers that want a path.
  // Throws Poco::InvalidArgumentException as get().
  std::string pathOf(std::string_view sha256) const;

  // Deletes temporary files older than `age` that a crashed writer left behind (a writer still
  // at work is younger than any sensible `age`). Returns how many it deleted.
  int removeStaleTemporaries(std::chrono::seconds age) const;

  // Whether `text` can name a blob: exactly 64 lower-case hex digits, so never a path.
  static bool isValidHash(std::string_view text);

  const std::string& directory() const { return directory_; }

 private:
  std::string directory_;
};

}  // namespace mkrp::store
