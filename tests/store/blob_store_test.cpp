// The content-addressed blob directory.
#include "store/blob_store.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/TemporaryFile.h>

#include <catch2/catch.hpp>
#include <set>

#include "core/errors.h"

namespace mkrp::store {
namespace {

// A fresh directory, removed afterwards.
struct BlobFixture {
  BlobFixture() : root(Poco::TemporaryFile::tempName()), blobs(root + "/blobs") {}
  ~BlobFixture() { Poco::File(root).remove(true); }

  // Every file under the blob directory, relative to it.
  std::set<std::string> files() const {
    std::set<std::string> out;
    for (Poco::DirectoryIterator fanout(blobs.directory()), end; fanout != end; ++fanout) {
      if (!fanout->isDirectory()) {
        out.insert(fanout.name());
        continue;
      }
      for (Poco::DirectoryIterator entry(fanout->path()); entry != end; ++entry) {
        out.insert(fanout.name() + "/" + entry.name());
      }
    }
    return out;
  }

  std::string root;
  BlobStore blobs;
};

std::string sha256(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), bytes.size());
  return Poco::DigestEngine::digestToHex(engine.digest());
}

const std::string kContent = std::string("%PDF-1.7\n\0binary\xff tail", 22);

TEST_CASE("a stored blob is named by its SHA-256 and read back unchanged", "[store]") {
  BlobFixture f;
  const std::string hash = f.blobs.put(kContent);
  CHECK(hash == sha256(kContent));
  CHECK(f.blobs.exists(hash));
  CHECK(f.blobs.get(hash) == kContent);
  CHECK(f.files() == std::set<std::string>{hash.substr(0, 2) + "/" + hash});
  CHECK(f.blobs.pathOf(hash) == f.blobs.directory() + "/" + hash.substr(0, 2) + "/" + hash);
}

TEST_CASE("storing the same content twice keeps one file", "[store]") {
  BlobFixture f;
  const std::string first = f.blobs.put(kContent);
  const std::string second = f.blobs.put(kContent);
  CHECK(first == second);
  CHECK(f.files().size() == 1);
  f.blobs.put("other content");
  CHECK(f.files().size() == 2);
}

TEST_CASE("an empty file is a blob like any other", "[store]") {
  BlobFixture f;
  const std::string hash = f.blobs.put("");
  CHECK(hash == sha256(""));
  CHECK(f.blobs.get(hash).empty());
}

TEST_CASE("a name that is not a SHA-256 is refused, so it can never be a path", "[store]") {
  BlobFixture f;
  const std::string good = sha256("x");
  const std::vector<std::string> bad = {
      "",
      "../../etc/passwd",
      good.substr(0, 63),
      good + "0",
      std::string(64, 'A'),  // upper case is not our spelling
      good.substr(0, 62) + "/a",
      good.substr(0, 63) + "g",
  };
  for (const auto& name : bad) {
    INFO(name);
    CHECK_FALSE(BlobStore::isValidHash(name));
    REQUIRE_THROWS_AS(f.blobs.get(name), Poco::InvalidArgumentException);
    REQUIRE_THROWS_WITH(f.blobs.get(name), "\"" + name + "\" is not the name of a stored file.");
    REQUIRE_THROWS_AS(f.blobs.exists(name), Poco::InvalidArgumentException);
    REQUIRE_THROWS_AS(f.blobs.pathOf(name), Poco::InvalidArgumentException);
  }
  CHECK(BlobStore::isValidHash(good));
}

TEST_CASE("a blob that is not there is not found", "[store]") {
  BlobFixture f;
  const std::string hash = sha256("never stored");
  CHECK_FALSE(f.blobs.exists(hash));
  REQUIRE_THROWS_AS(f.blobs.get(hash), core::NotFoundException);
  REQUIRE_THROWS_WITH(f.blobs.get(hash), "The stored file " + hash +
                                             " is missing from the data directory. Upload it "
                                             "again.");
}

TEST_CASE("a failed store leaves no temporary file behind", "[store]") {
  BlobFixture f;
  const std::string hash = sha256(kContent);
  // A directory squatting on the blob's place makes the final rename fail.
  Poco::File(f.blobs.pathOf(hash) + "/squatter").createDirectories();
  REQUIRE_THROWS_AS(f.blobs.put(kContent), Poco::FileException);
  REQUIRE_THROWS_WITH(
      f.blobs.put(kContent),
      Catch::StartsWith("Could not move the new file into place at " + f.blobs.pathOf(hash)));
  CHECK(f.files() == std::set<std::string>{hash.substr(0, 2) + "/" + hash});
}

TEST_CASE("temporary files left by a crashed writer are swept once old", "[store]") {
  BlobFixture f;
  const std::string hash = f.blobs.put(kContent);
  const std::string fanout = f.blobs.directory() + "/" + hash.substr(0, 2);
  Poco::FileOutputStream(fanout + "/.tmp-crashed") << "half a file";
  Poco::FileOutputStream(fanout + "/.tmp-writing") << "in progress";
  Poco::File(fanout + "/.tmp-crashed").setLastModified(Poco::Timestamp() - 3600LL * 1000000);
  CHECK(f.blobs.removeStaleTemporaries(std::chrono::seconds(600)) == 1);
  CHECK(f.files() ==
        std::set<std::string>{hash.substr(0, 2) + "/" + hash, hash.substr(0, 2) + "/.tmp-writing"});
  CHECK(f.blobs.get(hash) == kContent);
}

}  // namespace
}  // namespace mkrp::store
