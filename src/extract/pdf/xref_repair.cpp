#include "extract/pdf/xref_repair.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <regex>
#include <vector>

#include "extract/pdf/stream_decoder.h"

namespace mkrp::extract::pdf {
namespace {

struct Entry {
  std::uint8_t type = 0;     // 1: at an offset; 2: inside an object stream
  std::uint64_t field2 = 0;  // offset, or the object stream's number
  std::uint32_t field3 = 0;  // generation, or the index in the object stream
};

bool isSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isDelimiter(char c) {
  return isSpace(c) || c == '/' || c == '<' || c == '>' || c == '[' || c == ']' || c == '(' ||
         c == ')' || c == '%';
}

// The number ending just before `end` (after skipping white space backwards); its first byte
// goes to `start`. False when there is none.
bool numberBefore(std::string_view bytes, std::size_t end, std::uint64_t& value,
                  std::size_t& start) {
  std::size_t pos = end;
  while (pos > 0 && isSpace(bytes[pos - 1])) --pos;
  const std::size_t last = pos;
  while (pos > 0 && isDigit(bytes[pos - 1]) && last - pos < 10) --pos;
  if (pos == last || (pos > 0 && isDigit(bytes[pos - 1]))) return false;
  value = std::stoull(std::string(bytes.substr(pos, last - pos)));
  start = pos;
  return true;
}

// Where the object whose header ends at `afterObj` ends: past its stream data when it has one,
// so that bytes inside a stream are never taken for objects.
std::size_t objectEnd(std::string_view bytes, std::size_t afterObj) {
  const std::size_t endobj = bytes.find("endobj", afterObj);
  const std::size_t stream = bytes.find("stream", afterObj);
  if (stream != std::string_view::npos && stream < endobj && stream >= 3 &&
      bytes.substr(stream - 3, 3) != "end") {
    const std::size_t endstream = bytes.find("endstream", stream + 6);
    if (endstream != std::string_view::npos) return endstream + 9;
  }
  return endobj == std::string_view::npos ? bytes.size() : endobj + 6;
}

struct Found {
  std::map<std::uint64_t, Entry> entries;
  std::map<std::uint64_t, std::pair<std::size_t, std::size_t>> spans;  // number -> [start, end)
};

Found scanObjects(std::string_view bytes, std::size_t maxObjectNumber) {
  Found found;
  std::size_t pos = 0;
  while ((pos = bytes.find("obj", pos)) != std::string_view::npos) {
    const std::size_t afterObj = pos + 3;
    std::uint64_t generation = 0, number = 0;
    std::size_t genStart = 0, numStart = 0;
    const bool header = (afterObj >= bytes.size() || isDelimiter(bytes[afterObj])) &&
                        numberBefore(bytes, pos, generation, genStart) &&
                        numberBefore(bytes, genStart, number, numStart) &&
                        (numStart == 0 || isDelimiter(bytes[numStart - 1]));
    if (!header || number == 0 || number > maxObjectNumber || generation > 65535) {
      pos = afterObj;
      continue;
    }
    const std::size_t end = objectEnd(bytes, afterObj);
    found.entries[number] = {1, numStart, static_cast<std::uint32_t>(generation)};
    found.spans[number] = {numStart, end};
    pos = std::max(end, afterObj);
  }
  return found;
}

// "/Key 12 0 R" inside `text`: the reference's text ("12 0 R"), or "".
std::string referenceAfter(const std::string& text, const std::string& key) {
  std::smatch match;
  const std::regex pattern(key + R"(\s*(\d+)\s+(\d+)\s+R)");
  return std::regex_search(text, match, pattern) ? match[1].str() + " " + match[2].str() + " R"
                                                 : std::string();
}

struct Trailer {
  std::string root, info, encrypt, id;
};

Trailer trailerOf(std::string_view bytes, const Found& found) {
  Trailer trailer;
  // The last trailer dictionary or cross-reference stream that names a catalog.
  for (const char* marker : {"trailer", "/XRef"}) {
    std::size_t at = bytes.rfind(marker);
    while (at != std::string_view::npos && trailer.root.empty()) {
      const std::string text(bytes.substr(at, 4096));
      trailer.root = referenceAfter(text, "/Root");
      trailer.info = referenceAfter(text, "/Info");
      trailer.encrypt = referenceAfter(text, "/Encrypt");
      std::smatch id;
      if (std::regex_search(text, id,
                            std::regex(R"(/ID\s*\[\s*<[0-9A-Fa-f\s]*>\s*<[0-9A-Fa-f\s]*>\s*\])"))) {
        trailer.id = id.str();
      }
      at = at == 0 ? std::string_view::npos : bytes.rfind(marker, at - 1);
    }
    if (!trailer.root.empty()) return trailer;
  }
  // No trailer names it: the last object that says it is a catalog.
  const std::regex catalog(R"(/Type\s*/Catalog\b)");
  for (auto it = found.spans.rbegin(); it != found.spans.rend(); ++it) {
    const std::string_view object = bytes.substr(
        it->second.first, std::min<std::size_t>(it->second.second - it->second.first, 4096));
    if (object.find("Catalog") == std::string_view::npos) continue;
    if (std::regex_search(std::string(object), catalog)) {
      trailer.root = std::to_string(it->first) + " " +
                     std::to_string(found.entries.at(it->first).field3) + " R";
      break;
    }
  }
  return trailer;
}

std::uint64_t integerAfter(const std::string& text, const std::string& key) {
  std::smatch match;
  return std::regex_search(text, match, std::regex(key + R"(\s+(\d{1,9})\b)"))
             ? std::stoull(match[1].str())
             : 0;
}

// Adds the objects kept inside each object stream (as entries of type 2).
void addCompressed(std::string_view bytes, std::size_t maxObjectNumber, std::size_t maxStreamBytes,
                   Found& found) {
  const std::regex objStm(R"(/Type\s*/ObjStm\b)");
  std::map<std::uint64_t, Entry> compressed;
  for (const auto& [number, span] : found.spans) {
    const std::string_view object = bytes.substr(span.first, span.second - span.first);
    const std::size_t stream = object.find("stream");
    if (stream == std::string_view::npos) continue;
    const std::string dict(object.substr(0, stream));
    if (!std::regex_search(dict, objStm)) continue;
    std::size_t data = stream + 6;
    if (data < object.size() && object[data] == '\r') ++data;
    if (data < object.size() && object[data] == '\n') ++data;
    const std::size_t end = object.rfind("endstream");
    if (end == std::string_view::npos || end < data) continue;
    std::string decoded;
    if (dict.find("/FlateDecode") != std::string::npos || dict.find("/Fl") != std::string::npos) {
      detail::inflate(object.substr(data, end - data), decoded, maxStreamBytes);
    } else {
      decoded = std::string(object.substr(data, std::min(end - data, maxStreamBytes)));
    }
    const std::uint64_t count = integerAfter(dict, "/N");
    std::size_t pos = 0;
    for (std::uint32_t index = 0; index < count && pos < decoded.size(); ++index) {
      std::uint64_t inner = 0;
      while (pos < decoded.size() && isSpace(decoded[pos])) ++pos;
      while (pos < decoded.size() && isDigit(decoded[pos]) && inner < maxObjectNumber) {
        inner = inner * 10 + static_cast<std::uint64_t>(decoded[pos++] - '0');
      }
      while (pos < decoded.size() && isSpace(decoded[pos])) ++pos;
      while (pos < decoded.size() && isDigit(decoded[pos])) ++pos;  // its offset
      if (inner == 0 || inner > maxObjectNumber) break;
      compressed[inner] = {2, number, index};
    }
  }
  // An object written out plainly wins over a copy in an object stream.
  for (const auto& [number, entry] : compressed) found.entries.emplace(number, entry);
}

std::string tableSection(const Found& found, const Trailer& trailer, std::size_t size) {
  std::string out = "xref\n0 " + std::to_string(size) + "\n";
  auto line = [&out](std::uint64_t offset, std::uint32_t generation, char kind) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%010llu %05u %c \n",
                  static_cast<unsigned long long>(offset), generation, kind);
    out += buffer;
  };
  for (std::size_t number = 0; number < size; ++number) {
    const auto it = found.entries.find(number);
    if (it == found.entries.end()) {
      line(0, number == 0 ? 65535 : 0, 'f');
    } else {
      line(it->second.field2, it->second.field3, 'n');
    }
  }
  out += "trailer\n<< /Size " + std::to_string(size) + " /Root " + trailer.root;
  if (!trailer.info.empty()) out += " /Info " + trailer.info;
  if (!trailer.encrypt.empty()) out += " /Encrypt " + trailer.encrypt;
  out += " " + trailer.id + " >>\n";
  return out;
}

std::string streamSection(const Found& found, const Trailer& trailer, std::size_t size) {
  std::string data;
  auto put = [&data](std::uint64_t value, int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
      data += static_cast<char>((value >> shift) & 0xFF);
    }
  };
  for (std::size_t number = 0; number <= size; ++number) {
    const auto it = found.entries.find(number);
    const Entry entry = it == found.entries.end() ? Entry{} : it->second;
    put(entry.type, 1);
    put(entry.field2, 4);
    put(entry.field3, 2);
  }
  std::string out = std::to_string(size) + " 0 obj\n<< /Type /XRef /Size " +
                    std::to_string(size + 1) + " /W [1 4 2] /Root " + trailer.root;
  if (!trailer.info.empty()) out += " /Info " + trailer.info;
  if (!trailer.encrypt.empty()) out += " /Encrypt " + trailer.encrypt;
  out += " " + trailer.id + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
         "\nendstream\nendobj\n";
  return out;
}

}  // namespace

std::optional<std::string> repairCrossReferences(std::string_view bytes,
                                                 std::size_t maxObjectNumber,
                                                 std::size_t maxStreamBytes) {
  Found found = scanObjects(bytes, maxObjectNumber);
  if (found.entries.empty()) return std::nullopt;
  const Trailer trailer = trailerOf(bytes, found);
  if (trailer.root.empty()) return std::nullopt;
  addCompressed(bytes, maxObjectNumber, maxStreamBytes, found);
  const std::size_t size = static_cast<std::size_t>(found.entries.rbegin()->first) + 1;
  const bool compressed = std::any_of(found.entries.begin(), found.entries.end(),
                                      [](const auto& item) { return item.second.type == 2; });
  std::string repaired(bytes);
  repaired += "\n";
  const std::size_t start = repaired.size();
  if (compressed) {
    // The stream section is itself object `size`, found at `start`.
    Found withSelf = found;
    withSelf.entries[size] = {1, start, 0};
    repaired += streamSection(withSelf, trailer, size);
  } else {
    repaired += tableSection(found, trailer, size);
  }
  repaired += "startxref\n" + std::to_string(start) + "\n%%EOF\n";
  return repaired;
}

std::unordered_map<std::uint64_t, std::size_t> findObjectHeaders(std::string_view bytes,
                                                                 std::size_t maxObjectNumber) {
  std::unordered_map<std::uint64_t, std::size_t> headers;
  for (const auto& [number, entry] : scanObjects(bytes, maxObjectNumber).entries) {
    headers[(number << 16) | entry.field3] = static_cast<std::size_t>(entry.field2);
  }
  return headers;
}

}  // namespace mkrp::extract::pdf
