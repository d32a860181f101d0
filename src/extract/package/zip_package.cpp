#include "extract/package/zip_package.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "core/errors.h"

namespace mkrp::extract::detail {
namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kZip64EndOfDirectory = 0x06064b50;
constexpr std::uint32_t kDirectoryEntry = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kDirectoryEntrySize = 46;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;
constexpr std::uint16_t kEncryptedFlag = 1;
// Small parts may compress very well (an empty table repeated); below this size the ratio limit
// does not apply, as no bomb can do harm with it.
constexpr std::uint64_t kRatioGraceBytes = 1 << 20;
constexpr std::size_t kInflateChunk = 64 << 10;

// Little-endian fields; the caller has checked that they lie inside `bytes`.
std::uint64_t le(std::string_view bytes, std::size_t at, int width) {
  std::uint64_t value = 0;
  for (int i = width - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return value;
}
std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(le(b, at, 2));
}
std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(le(b, at, 4));
}
std::uint64_t le64(std::string_view b, std::size_t at) { return le(b, at, 8); }

bool fits(std::string_view bytes, std::uint64_t at, std::uint64_t length) {
  return at <= bytes.size() && length <= bytes.size() - at;
}

[[noreturn]] void damaged(const std::string& what) {
  throw core::MalformedDocumentException("the file is damaged: " + what +
                                         ". Open it in Word or LibreOffice, save it again and "
                                         "submit the new file.");
}

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string normalizeName(std::string_view raw) {
  std::string name(raw);
  std::replace(name.begin(), name.end(), '\\', '/');
  const std::size_t first = name.find_first_not_of('/');
  return first == std::string::npos ? std::string() : name.substr(first);
}

std::string mebibytes(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Where the end-of-central-directory record starts: the last signature that leaves room for
// its fixed part. Archives may carry a comment of up to 64 KiB after it.
std::optional<std::size_t> findEndOfDirectory(std::string_view bytes) {
  if (bytes.size() < kEndOfDirectorySize) return std::nullopt;
  const std::size_t last = bytes.size() - kEndOfDirectorySize;
  const std::size_t first = last > 0xFFFF ? last - 0xFFFF : 0;
  for (std::size_t at = last + 1; at-- > first;) {
    if (le32(bytes, at) == kEndOfDirectory) return at;
  }
  return std::nullopt;
}

// Closes a zlib stream however the inflating ends.
struct InflateStream {
  z_stream stream{};
  InflateStream() {
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
      throw core::MalformedDocumentException("the file could not be unpacked (out of memory)");
    }
  }
  ~InflateStream() { inflateEnd(&stream); }
  InflateStream(const InflateStream&) = delete;
  InflateStream& operator=(const InflateStream&) = delete;
};

}  // namespace

ZipPackage::ZipPackage(std::string_view bytes, const Limits& limits)
    : bytes_(bytes), limits_(limits), start_(std::chrono::steady_clock::now()) {
  readDirectory();
}

// Where the central directory is and how many entries it claims, from the end record (and its
// ZIP64 successor when the 32-bit fields are saturated).
ZipPackage::Directory ZipPackage::locateDirectory() const {
  const std::optional<std::size_t> end = findEndOfDirectory(bytes_);
  if (!end) damaged("its table of contents is missing, so it was probably cut off");
  Directory directory;
  directory.count = le16(bytes_, *end + 10);
  directory.size = le32(bytes_, *end + 12);
  directory.offset = le32(bytes_, *end + 16);
  directory.limit = *end;
  if (directory.count == 0xFFFF || directory.size == 0xFFFFFFFF || directory.offset == 0xFFFFFFFF) {
    if (*end < 20 || le32(bytes_, *end - 20) != kZip64Locator) {
      damaged("its table of contents is incomplete");
    }
    const std::uint64_t at = le64(bytes_, *end - 20 + 8);
    if (!fits(bytes_, at, 56) ||
        le32(bytes_, static_cast<std::size_t>(at)) != kZip64EndOfDirectory) {
      damaged("its table of contents is incomplete");
    }
    const std::size_t pos = static_cast<std::size_t>(at);
    directory.count = le64(bytes_, pos + 32);
    directory.size = le64(bytes_, pos + 40);
    directory.offset = le64(bytes_, pos + 48);
    directory.limit = at;
  }
  return directory;
}

void ZipPackage::readDirectory() {
  const Directory directory = locateDirectory();
  // Refused before anything is allocated for the entries.
  if (directory.count > limits_.maxZipEntries) {
    throw core::LimitExceededException(
        "the file holds " + std::to_string(directory.count) + " parts, more than the " +
        std::to_string(limits_.maxZipEntries) +
        " allowed. Remove embedded files from the directive, or submit it as PDF.");
  }
  if (directory.offset > directory.limit || directory.size > directory.limit - directory.offset) {
    damaged("its table of contents points outside the file");
  }
  entries_.reserve(static_cast<std::size_t>(directory.count));
  std::uint64_t at = directory.offset;
  for (std::uint64_t i = 0; i < directory.count; ++i) {
    at = readEntry(at);
  }
}

// Reads the central directory entry at `at` and returns where the next one starts.
std::uint64_t ZipPackage::readEntry(std::uint64_t at) {
  if (!fits(bytes_, at, kDirectoryEntrySize) ||
      le32(bytes_, static_cast<std::size_t>(at)) != kDirectoryEntry) {
    damaged("its table of contents is broken");
  }
  const std::size_t pos = static_cast<std::size_t>(at);
  Entry entry;
  entry.flags = le16(bytes_, pos + 8);
  entry.method = le16(bytes_, pos + 10);
  entry.crc = le32(bytes_, pos + 16);
  entry.compressedSize = le32(bytes_, pos + 20);
  entry.uncompressedSize = le32(bytes_, pos + 24);
  const std::size_t nameLength = le16(bytes_, pos + 28);
  const std::size_t extraLength = le16(bytes_, pos + 30);
  const std::size_t commentLength = le16(bytes_, pos + 32);
  entry.localHeaderOffset = le32(bytes_, pos + 42);
  const std::size_t length = kDirectoryEntrySize + nameLength + extraLength + commentLength;
  if (!fits(bytes_, at, length)) damaged("its table of contents is cut off");
  entry.name = normalizeName(bytes_.substr(pos + kDirectoryEntrySize, nameLength));
  readZip64Extra(bytes_.substr(pos + kDirectoryEntrySize + nameLength, extraLength), entry);
  index_.emplace(lowerAscii(entry.name), entries_.size());
  entries_.push_back(std::move(entry));
  return at + length;
}

// The ZIP64 extra field holds the 64-bit values of the fields saturated in the entry, in this
// order: uncompressed size, compressed size, local header offset.
void ZipPackage::readZip64Extra(std::string_view extra, Entry& entry) {
  std::size_t at = 0;
  while (at + 4 <= extra.size()) {
    const std::uint16_t id = le16(extra, at);
    const std::size_t size = le16(extra, at + 2);
    std::size_t field = at + 4;
    const std::size_t fieldEnd = std::min(field + size, extra.size());
    if (id == 0x0001) {
      for (std::uint64_t* value :
           {&entry.uncompressedSize, &entry.compressedSize, &entry.localHeaderOffset}) {
        if (*value == 0xFFFFFFFF && field + 8 <= fieldEnd) {
          *value = le64(extra, field);
          field += 8;
        }
      }
    }
    at += 4 + size;
  }
}

const ZipPackage::Entry* ZipPackage::find(std::string_view name) const {
  const auto it = index_.find(lowerAscii(normalizeName(name)));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

bool ZipPackage::contains(std::string_view name) const { return find(name) != nullptr; }

std::vector<std::string> ZipPackage::names() const {
  std::vector<std::string> names;
  names.reserve(entries_.size());
  for (const Entry& entry : entries_) names.push_back(entry.name);
  return names;
}

std::optional<std::string> ZipPackage::readIfPresent(std::string_view name) {
  if (!contains(name)) return std::nullopt;
  return read(name);
}

std::string ZipPackage::read(std::string_view name) {
  checkTime();
  const Entry* entry = find(name);
  if (entry == nullptr) damaged("the part " + std::string(name) + " is missing");
  if (entry->flags & kEncryptedFlag) {
    throw core::EncryptedDocumentException(
        "the file is protected with a password. Remove the password, save it again and submit "
        "the new file.");
  }
  if (entry->method != kStored && entry->method != kDeflated) {
    throw core::UnsupportedFormatException(
        "the part " + entry->name + " is packed with a compression method (" +
        std::to_string(entry->method) +
        ") that Word and LibreOffice never use. Open the file in Word or LibreOffice, save it "
        "again and submit the new file.");
  }
  const std::string_view data = compressedData(*entry);
  checkSize(*entry, entry->uncompressedSize);
  std::string content;
  if (entry->method == kStored) {
    if (entry->compressedSize != entry->uncompressedSize) {
      damaged("the sizes recorded for the part " + entry->name + " disagree");
    }
    content.assign(data);
  } else {
    content = inflateEntry(*entry, data);
  }
  inflatedBytes_ += content.size();
  const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(content.data()),
                          static_cast<uInt>(content.size()));
  if (crc != entry->crc || content.size() != entry->uncompressedSize) {
    warnings_.push_back("The part " + entry->name +
                        " failed its integrity check; some of its text may be damaged.");
  }
  return content;
}

std::string_view ZipPackage::compressedData(const Entry& entry) const {
  const std::uint64_t at = entry.localHeaderOffset;
  if (!fits(bytes_, at, kLocalHeaderSize) ||
      le32(bytes_, static_cast<std::size_t>(at)) != kLocalHeader) {
    damaged("the part " + entry.name + " cannot be found where the table of contents says");
  }
  const std::size_t pos = static_cast<std::size_t>(at);
  const std::uint64_t start =
      at + kLocalHeaderSize + le16(bytes_, pos + 26) + le16(bytes_, pos + 28);
  if (!fits(bytes_, start, entry.compressedSize)) {
    damaged("the part " + entry.name + " is cut off");
  }
  return bytes_.substr(static_cast<std::size_t>(start),
                       static_cast<std::size_t>(entry.compressedSize));
}

std::string ZipPackage::inflateEntry(const Entry& entry, std::string_view data) {
  InflateStream inflater;
  z_stream& zs = inflater.stream;
  // zlib takes at most 4 GiB per call; parts are far below that, but feed it in slices anyway.
  std::size_t fed = 0;
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(entry.uncompressedSize, 8 << 20)));
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (zs.avail_in == 0 && fed < data.size()) {
      const std::size_t slice = std::min<std::size_t>(data.size() - fed, 1u << 30);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
      zs.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    const std::size_t before = out.size();
    out.resize(before + kInflateChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    zs.avail_out = static_cast<uInt>(kInflateChunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(before + kInflateChunk - zs.avail_out);
    if (rc == Z_BUF_ERROR ||
        (rc == Z_OK && zs.avail_in == 0 && fed == data.size() && zs.avail_out != 0)) {
      damaged("the part " + entry.name + " is cut off");
    }
    if (rc != Z_OK && rc != Z_STREAM_END) {
      damaged("the part " + entry.name + " cannot be unpacked");
    }
    // Declared sizes are never trusted: the limits hold for what actually comes out.
    checkSize(entry, out.size());
    if (out.size() > entry.uncompressedSize) {
      damaged("the part " + entry.name + " holds more data than its recorded size");
    }
  }
  return out;
}

void ZipPackage::checkSize(const Entry& entry, std::uint64_t size) const {
  const std::uint64_t ratio = std::max<std::uint64_t>(limits_.maxCompressionRatio, 1);
  const std::uint64_t scaled =
      entry.compressedSize > UINT64_MAX / ratio ? UINT64_MAX : entry.compressedSize * ratio;
  const std::uint64_t ratioBound = std::max<std::uint64_t>(kRatioGraceBytes, scaled);
  if (size > ratioBound) {
    throw core::LimitExceededException(
        "the part " + entry.name + " unpacks to more than " +
        std::to_string(limits_.maxCompressionRatio) +
        " times its packed size, as only damaged or booby-trapped files do. Open the file in "
        "Word or LibreOffice, save it again and submit the new file, or submit it as PDF.");
  }
  const std::uint64_t left =
      limits_.maxUncompressedBytes - std::min(inflatedBytes_, limits_.maxUncompressedBytes);
  if (size > left) {
    throw core::LimitExceededException(
        "the file unpacks to more than " + mebibytes(limits_.maxUncompressedBytes) +
        ", more than allowed. Remove large embedded objects from the directive, or submit it as "
        "PDF.");
  }
}

void ZipPackage::checkTime() const {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  if (elapsed.count() > limits_.maxSeconds) {
    throw core::LimitExceededException(
        "reading the file took longer than " +
        std::to_string(static_cast<int>(limits_.maxSeconds)) +
        " seconds. Split the directive into smaller files, or submit it as PDF.");
  }
}

}  // namespace mkrp::extract::detail
