// The parts of a ZIP package (DOCX, ODT), read from memory within the configured limits.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/limits.h"

namespace mkrp::extract::detail {

// A ZIP archive held in memory. Only the central directory is read up front; a part is inflated
// when asked for, with every limit enforced on the bytes actually produced, never on the sizes
// the archive declares. Part names are matched without regard to ASCII case, as OPC requires.
class ZipPackage {
 public:
  // Reads the directory of `bytes`, which must outlive the package.
  // Throws core::MalformedDocumentException for a damaged or truncated archive and
  // core::LimitExceededException when it holds more than limits.maxZipEntries entries.
  ZipPackage(std::string_view bytes, const Limits& limits);

  // True when the archive has an entry of that name.
  bool contains(std::string_view name) const;

  // The inflated bytes of entry `name`.
  // Throws core::MalformedDocumentException when it is missing or damaged,
  // core::LimitExceededException past the ratio, total size or time limits, and
  // core::UnsupportedFormatException for a compression method Word never writes.
  std::string read(std::string_view name);

  // As read(), but an absent entry gives nullopt.
  std::optional<std::string> readIfPresent(std::string_view name);

  // Names of all entries, in directory order.
  std::vector<std::string> names() const;

  // Things worth telling the reviewer (a part that failed its checksum, ...).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct Entry {
    std::string name;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t uncompressedSize = 0;
    std::uint64_t localHeaderOffset = 0;
  };

  struct Directory {
    std::uint64_t count = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::uint64_t limit = 0;  // where the directory must end at the latest
  };

  Directory locateDirectory() const;
  void readDirectory();
  std::uint64_t readEntry(std::uint64_t at);
  static void readZip64Extra(std::string_view extra, Entry& entry);
  const Entry* find(std::string_view name) const;
  std::string_view compressedData(const Entry& entry) const;
  std::string inflateEntry(const Entry& entry, std::string_view data);
  // Throws core::LimitExceededException when `size` inflated bytes of `entry` break a limit.
  void checkSize(const Entry& entry, std::uint64_t size) const;
  void checkTime() const;

  std::string_view bytes_;
  Limits limits_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> index_;  // lower-case name -> entries_ index
  std::uint64_t inflatedBytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::vector<std::string> warnings_;
};

}  // namespace mkrp::extract::detail
