#include "extract/pdf/pdf_objects.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "extract/pdf/xref_repair.h"

namespace mkrp::extract::pdf {
namespace {

// Real files chain a reference to a reference at most once or twice; a loop must end.
constexpr int kMaxReferenceHops = 16;

// Forces PoDoFo's delayed parsing of `object`; false when the object turns out to be damaged.
bool loads(const PoDoFo::PdfObject* object) {
  try {
    (void)object->GetDataType();
    return true;
  } catch (const PoDoFo::PdfError&) {
    return false;
  }
}

}  // namespace

const PoDoFo::PdfObject* Objects::resolve(const PoDoFo::PdfObject* object) const {
  for (int hop = 0; object != nullptr && hop <= kMaxReferenceHops; ++hop) {
    if (!loads(object)) return nullptr;
    if (!object->IsReference()) return object->IsNull() ? nullptr : object;
    object = all_->GetObject(object->GetReference());
  }
  return nullptr;
}

const PoDoFo::PdfObject* Objects::get(const PoDoFo::PdfObject* dict,
                                      const PoDoFo::PdfName& key) const {
  const PoDoFo::PdfDictionary* entries = dictionary(dict);
  return entries == nullptr ? nullptr : resolve(entries->GetKey(key));
}

const PoDoFo::PdfDictionary* Objects::dictionary(const PoDoFo::PdfObject* object) const {
  object = resolve(object);
  return object != nullptr && object->IsDictionary() ? &object->GetDictionary() : nullptr;
}

const PoDoFo::PdfArray* Objects::array(const PoDoFo::PdfObject* object) const {
  object = resolve(object);
  return object != nullptr && object->IsArray() ? &object->GetArray() : nullptr;
}

const PoDoFo::PdfStream* Objects::stream(const PoDoFo::PdfObject* object) const {
  object = resolve(object);
  if (object == nullptr) return nullptr;
  try {
    return object->HasStream() ? object->GetStream() : nullptr;
  } catch (const PoDoFo::PdfError&) {
    return nullptr;
  }
}

std::string_view RawObjects::streamData(std::uint64_t number, std::uint64_t generation) const {
  if (!headers_) headers_ = findObjectHeaders(bytes_, maxObjectNumber_);
  const auto found = headers_->find((number << 16) | generation);
  if (found == headers_->end()) return {};
  const std::size_t at = found->second;
  const std::size_t endobj = bytes_.find("endobj", at);
  std::size_t data = bytes_.find("stream", at);
  if (data == std::string_view::npos || data > endobj) return {};
  data += 6;
  if (data < bytes_.size() && bytes_[data] == '\r') ++data;
  if (data < bytes_.size() && bytes_[data] == '\n') ++data;
  std::size_t end = bytes_.find("endstream", data);
  if (end == std::string_view::npos) end = bytes_.size();
  while (end > data && (bytes_[end - 1] == '\n' || bytes_[end - 1] == '\r')) --end;
  return bytes_.substr(data, end - data);
}

std::string_view Objects::rawStreamData(const PoDoFo::PdfObject* object) const {
  object = resolve(object);
  if (object == nullptr || raw_ == nullptr || object->Reference().ObjectNumber() == 0) return {};
  return raw_->streamData(object->Reference().ObjectNumber(),
                          object->Reference().GenerationNumber());
}

double numberOr(const PoDoFo::PdfObject* object, double fallback) {
  if (object == nullptr) return fallback;
  if (object->IsNumber()) return static_cast<double>(object->GetNumber());
  if (object->IsReal()) return object->GetReal();
  return fallback;
}

int integerOr(const PoDoFo::PdfObject* object, int fallback, int low, int high) {
  const double value = numberOr(object, NAN);
  if (std::isnan(value)) return fallback;
  return static_cast<int>(std::clamp(value, static_cast<double>(low), static_cast<double>(high)));
}

std::string_view nameOf(const PoDoFo::PdfObject* object) {
  if (object == nullptr || !object->IsName()) return {};
  return object->GetName().GetName();
}

std::string_view stringBytes(const PoDoFo::PdfObject* object) {
  if (object == nullptr || !(object->IsString() || object->IsHexString())) return {};
  const PoDoFo::PdfString& text = object->GetString();
  if (!text.IsValid()) return {};
  return {text.GetString(), static_cast<std::size_t>(text.GetLength())};
}

ObjectKey keyOf(const PoDoFo::PdfObject* object) {
  const PoDoFo::PdfReference& reference = object->Reference();
  if (reference.ObjectNumber() != 0) {
    return (static_cast<ObjectKey>(reference.ObjectNumber()) << 16) | reference.GenerationNumber();
  }
  // Direct objects: their address, marked so that it cannot collide with a reference.
  return (1ull << 63) | static_cast<ObjectKey>(reinterpret_cast<std::uintptr_t>(object));
}

}  // namespace mkrp::extract::pdf
