#include "extract/pdf/stream_decoder.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace mkrp::extract::pdf {
namespace detail {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

// Appends `bytes` unless that would pass `maxBytes`; false when the bound was reached.
bool appendBounded(std::string& out, std::string_view bytes, std::size_t maxBytes) {
  if (out.size() + bytes.size() > maxBytes) {
    out.append(bytes.substr(0, maxBytes - out.size()));
    return false;
  }
  out.append(bytes);
  return true;
}

struct ZStream {
  z_stream stream{};
  bool open = false;
  explicit ZStream(int windowBits) { open = inflateInit2(&stream, windowBits) == Z_OK; }
  ~ZStream() {
    if (open) inflateEnd(&stream);
  }
  ZStream(const ZStream&) = delete;
  ZStream& operator=(const ZStream&) = delete;
};

enum class InflateResult { Done, Damaged, OverLimit };

InflateResult inflateWith(int windowBits, std::string_view in, std::string& out,
                          std::size_t maxBytes) {
  ZStream z(windowBits);
  if (!z.open) return InflateResult::Damaged;
  z.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.stream.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), UINT32_MAX));
  std::array<char, kChunk> buffer;
  while (true) {
    z.stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
    z.stream.avail_out = static_cast<uInt>(buffer.size());
    const int status = ::inflate(&z.stream, Z_NO_FLUSH);
    const std::size_t produced = buffer.size() - z.stream.avail_out;
    if (!appendBounded(out, {buffer.data(), produced}, maxBytes)) return InflateResult::OverLimit;
    if (status == Z_STREAM_END) return InflateResult::Done;
    if (status != Z_OK) return InflateResult::Damaged;
    if (z.stream.avail_in == 0 && produced == 0) return InflateResult::Done;
  }
}

}  // namespace

bool inflate(std::string_view in, std::string& out, std::size_t maxBytes) {
  const std::size_t start = out.size();
  // 15 + 32: zlib or gzip header, detected.
  const InflateResult result = inflateWith(15 + 32, in, out, maxBytes);
  if (result == InflateResult::OverLimit) return false;
  if (result == InflateResult::Damaged && out.size() == start) {
    // Some writers omit the zlib header: try raw deflate data.
    return inflateWith(-15, in, out, maxBytes) != InflateResult::OverLimit;
  }
  return true;
}

std::uint64_t inflatedSize(std::string_view in, std::uint64_t cap) {
  ZStream z(15 + 32);
  if (!z.open) return 0;
  z.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.stream.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), UINT32_MAX));
  std::array<char, kChunk> buffer;
  std::uint64_t total = 0;
  while (total <= cap) {
    z.stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
    z.stream.avail_out = static_cast<uInt>(buffer.size());
    const int status = ::inflate(&z.stream, Z_NO_FLUSH);
    const std::size_t produced = buffer.size() - z.stream.avail_out;
    total += produced;
    if (status != Z_OK || (z.stream.avail_in == 0 && produced == 0)) break;
  }
  return total;
}

bool lzwDecode(std::string_view in, bool earlyChange, std::string& out, std::size_t maxBytes) {
  constexpr int kClear = 256;
  constexpr int kEnd = 257;
  std::vector<std::string> table;
  table.reserve(4096);
  auto reset = [&table] {
    table.clear();
    for (int i = 0; i < 256; ++i) table.emplace_back(1, static_cast<char>(i));
    table.emplace_back();  // clear
    table.emplace_back();  // end
  };
  reset();
  int codeBits = 9;
  std::uint32_t bitBuffer = 0;
  int bitCount = 0;
  int previous = -1;
  for (unsigned char byte : in) {
    bitBuffer = (bitBuffer << 8) | byte;
    bitCount += 8;
    while (bitCount >= codeBits) {
      const int code =
          static_cast<int>((bitBuffer >> (bitCount - codeBits)) & ((1u << codeBits) - 1));
      bitCount -= codeBits;
      if (code == kClear) {
        reset();
        codeBits = 9;
        previous = -1;
        continue;
      }
      if (code == kEnd) return true;
      std::string entry;
      if (code < static_cast<int>(table.size()) && !(code == kClear || code == kEnd)) {
        entry = table[static_cast<std::size_t>(code)];
      } else if (code == static_cast<int>(table.size()) && previous >= 0) {
        entry = table[static_cast<std::size_t>(previous)];
        entry += entry.front();
      } else {
        return true;  // damaged data: keep what was decoded
      }
      if (!appendBounded(out, entry, maxBytes)) return false;
      if (previous >= 0 && table.size() < 4096) {
        table.push_back(table[static_cast<std::size_t>(previous)] + entry.front());
      }
      previous = code;
      const std::size_t next = table.size() + (earlyChange ? 1 : 0);
      codeBits = next > 2048 ? 12 : next > 1024 ? 11 : next > 512 ? 10 : 9;
    }
  }
  return true;
}

bool asciiHexDecode(std::string_view in, std::string& out, std::size_t maxBytes) {
  int high = -1;
  std::string decoded;
  for (char c : in) {
    int value;
    if (c >= '0' && c <= '9')
      value = c - '0';
    else if (c >= 'a' && c <= 'f')
      value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      value = c - 'A' + 10;
    else if (c == '>')
      break;
    else
      continue;
    if (high < 0) {
      high = value;
    } else {
      decoded += static_cast<char>(high * 16 + value);
      high = -1;
    }
  }
  if (high >= 0) decoded += static_cast<char>(high * 16);
  return appendBounded(out, decoded, maxBytes);
}

bool ascii85Decode(std::string_view in, std::string& out, std::size_t maxBytes) {
  std::string decoded;
  std::uint64_t group = 0;
  int count = 0;
  auto flush = [&](int digits) {
    for (int i = digits; i < 5; ++i) group = group * 85 + 84;
    const auto bytes = static_cast<std::uint32_t>(group);
    for (int i = 0; i < digits - 1; ++i)
      decoded += static_cast<char>((bytes >> (24 - 8 * i)) & 0xFF);
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '~') break;
    if (c == 'z' && count == 0) {
      decoded.append(4, '\0');
      continue;
    }
    if (c < '!' || c > 'u') continue;
    group = group * 85 + static_cast<std::uint64_t>(c - '!');
    if (++count == 5) {
      flush(5);
      group = 0;
      count = 0;
    }
    if (decoded.size() > maxBytes) break;
  }
  if (count > 1) flush(count);
  return appendBounded(out, decoded, maxBytes);
}

bool runLengthDecode(std::string_view in, std::string& out, std::size_t maxBytes) {
  std::size_t i = 0;
  while (i < in.size()) {
    const auto length = static_cast<unsigned char>(in[i++]);
    if (length == 128) break;
    if (length < 128) {
      const std::size_t n = std::min<std::size_t>(length + 1u, in.size() - i);
      if (!appendBounded(out, in.substr(i, n), maxBytes)) return false;
      i += n;
    } else if (i < in.size()) {
      const std::size_t n = 257u - length;
      if (out.size() + n > maxBytes) return false;
      out.append(n, in[i++]);
    }
  }
  return true;
}

}  // namespace detail

namespace {

// PNG predictors (10-15) as used by Flate and LZW streams; other predictors are left alone.
std::string unpredict(std::string data, const Objects& objects, const PoDoFo::PdfObject* parms) {
  static const PoDoFo::PdfName kPredictor("Predictor"), kColors("Colors"),
      kBits("BitsPerComponent"), kColumns("Columns");
  const int predictor = integerOr(objects.get(parms, kPredictor), 1, 1, 15);
  if (predictor < 10) return data;
  const int colors = integerOr(objects.get(parms, kColors), 1, 1, 32);
  const int bits = integerOr(objects.get(parms, kBits), 8, 1, 16);
  const int columns = integerOr(objects.get(parms, kColumns), 1, 1, 1 << 20);
  const std::size_t pixelBytes = std::max(1, colors * bits / 8);
  const std::size_t rowBytes = (static_cast<std::size_t>(colors) * bits * columns + 7) / 8;
  std::string result;
  std::vector<unsigned char> previous(rowBytes, 0), row(rowBytes);
  for (std::size_t at = 0; at + 1 + rowBytes <= data.size(); at += rowBytes + 1) {
    const int type = static_cast<unsigned char>(data[at]);
    for (std::size_t i = 0; i < rowBytes; ++i) {
      const int raw = static_cast<unsigned char>(data[at + 1 + i]);
      const int left = i >= pixelBytes ? row[i - pixelBytes] : 0;
      const int up = previous[i];
      const int upLeft = i >= pixelBytes ? previous[i - pixelBytes] : 0;
      int value = raw;
      if (type == 1)
        value = raw + left;
      else if (type == 2)
        value = raw + up;
      else if (type == 3)
        value = raw + (left + up) / 2;
      else if (type == 4) {
        const int p = left + up - upLeft;
        const int pa = std::abs(p - left), pb = std::abs(p - up), pc = std::abs(p - upLeft);
        value = raw + ((pa <= pb && pa <= pc) ? left : pb <= pc ? up : upLeft);
      }
      row[i] = static_cast<unsigned char>(value);
    }
    result.append(reinterpret_cast<const char*>(row.data()), rowBytes);
    previous.swap(row);
  }
  return result;
}

std::string rawBytes(const PoDoFo::PdfStream& stream) {
  char* buffer = nullptr;
  PoDoFo::pdf_long length = 0;
  stream.GetCopy(&buffer, &length);
  std::unique_ptr<char, void (*)(void*)> owned(buffer, PoDoFo::podofo_free);
  return buffer == nullptr || length <= 0 ? std::string()
                                          : std::string(buffer, static_cast<std::size_t>(length));
}

// Applies one filter; returns false when the filter is unknown or an image filter.
bool applyFilter(std::string_view filter, bool earlyChange, std::string_view in, std::string& out,
                 std::size_t maxBytes, bool& overLimit) {
  bool complete;
  if (filter == "FlateDecode" || filter == "Fl") {
    complete = detail::inflate(in, out, maxBytes);
  } else if (filter == "LZWDecode" || filter == "LZW") {
    complete = detail::lzwDecode(in, earlyChange, out, maxBytes);
  } else if (filter == "ASCIIHexDecode" || filter == "AHx") {
    complete = detail::asciiHexDecode(in, out, maxBytes);
  } else if (filter == "ASCII85Decode" || filter == "A85") {
    complete = detail::ascii85Decode(in, out, maxBytes);
  } else if (filter == "RunLengthDecode" || filter == "RL") {
    complete = detail::runLengthDecode(in, out, maxBytes);
  } else if (filter == "Crypt") {
    out.assign(in);  // the document's encryption was already undone by PoDoFo
    complete = true;
  } else {
    return false;
  }
  overLimit = overLimit || !complete;
  return true;
}

}  // namespace

DecodedStream decodeStream(const Objects& objects, const PoDoFo::PdfObject* object,
                           std::size_t maxBytes) {
  static const PoDoFo::PdfName kFilter("Filter"), kDecodeParms("DecodeParms"),
      kEarlyChange("EarlyChange");
  DecodedStream result;
  const PoDoFo::PdfStream* stream = objects.stream(object);
  try {
    if (stream != nullptr) result.bytes = rawBytes(*stream);
  } catch (const PoDoFo::PdfError&) {
    stream = nullptr;
  }
  if (stream == nullptr || result.bytes.empty()) {
    // PoDoFo gave up on the stream or found it empty (a wrong /Length): take its bytes up to
    // "endstream".
    result.bytes = std::string(objects.rawStreamData(object));
    if (result.bytes.empty()) return result;
  }
  const PoDoFo::PdfObject* filters = objects.get(object, kFilter);
  const PoDoFo::PdfObject* parms = objects.get(object, kDecodeParms);
  std::vector<const PoDoFo::PdfObject*> filterList, parmList;
  if (const PoDoFo::PdfArray* list = objects.array(filters)) {
    for (const PoDoFo::PdfObject& item : *list) filterList.push_back(objects.resolve(&item));
    if (const PoDoFo::PdfArray* parmArray = objects.array(parms)) {
      for (const PoDoFo::PdfObject& item : *parmArray) parmList.push_back(objects.resolve(&item));
    }
  } else if (filters != nullptr) {
    filterList.push_back(filters);
    parmList.push_back(parms);
  }
  if (filterList.empty() && result.bytes.size() > maxBytes) {
    result.bytes.resize(maxBytes);
    result.overLimit = true;
  }
  for (std::size_t i = 0; i < filterList.size(); ++i) {
    const PoDoFo::PdfObject* parm = i < parmList.size() ? parmList[i] : nullptr;
    const bool earlyChange = numberOr(objects.get(parm, kEarlyChange), 1) != 0;
    std::string out;
    if (!applyFilter(nameOf(filterList[i]), earlyChange, result.bytes, out, maxBytes,
                     result.overLimit)) {
      result.bytes.clear();
      result.unsupported = true;
      return result;
    }
    result.bytes = unpredict(std::move(out), objects, parm);
    if (result.overLimit) return result;
  }
  return result;
}

}  // namespace mkrp::extract::pdf
