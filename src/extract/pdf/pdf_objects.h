// Reading PoDoFo objects safely: references followed, broken objects seen as missing, numbers and
// names read with a fallback. PoDoFo types stay inside the PDF reader.
#pragma once

#include <podofo/podofo.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace mkrp::extract::pdf {

// Identifies an object for caches and cycle guards: the reference of an indirect object, or the
// address of a direct one (stable while the document is open).
using ObjectKey = std::uint64_t;

// The file's bytes with an index of where its objects start, built when first needed. Not
// thread-safe: one document is read by one thread.
class RawObjects {
 public:
  RawObjects(std::string_view bytes, std::size_t maxObjectNumber)
      : bytes_(bytes), maxObjectNumber_(maxObjectNumber) {}
  // The undecoded data of stream object `number` `generation`, up to "endstream"; empty when
  // the object or its stream is not found.
  std::string_view streamData(std::uint64_t number, std::uint64_t generation) const;

 private:
  std::string_view bytes_;
  std::size_t maxObjectNumber_;
  mutable std::optional<std::unordered_map<std::uint64_t, std::size_t>> headers_;
};

// Access to the objects of one open document. Cheap to copy; the document must outlive it.
class Objects {
 public:
  // `raw` (may be null) finds streams PoDoFo cannot load in the file's bytes; it must outlive
  // this object.
  explicit Objects(const PoDoFo::PdfVecObjects& all, const RawObjects* raw = nullptr)
      : all_(&all), raw_(raw) {}

  // The object `object` names, following references (a bounded number of hops); nullptr when it
  // is missing, null or damaged. Loading a damaged object never throws from here.
  const PoDoFo::PdfObject* resolve(const PoDoFo::PdfObject* object) const;

  // The resolved value of `key` in the dictionary `dict` (itself resolved); nullptr if absent.
  const PoDoFo::PdfObject* get(const PoDoFo::PdfObject* dict, const PoDoFo::PdfName& key) const;

  // The resolved object as a dictionary or array; nullptr when it is something else.
  const PoDoFo::PdfDictionary* dictionary(const PoDoFo::PdfObject* object) const;
  const PoDoFo::PdfArray* array(const PoDoFo::PdfObject* object) const;

  // The object's stream when it has a readable one; nullptr otherwise.
  const PoDoFo::PdfStream* stream(const PoDoFo::PdfObject* object) const;

  // The undecoded data of `object`'s stream found in the file's bytes by its "N G obj" header,
  // for a stream whose /Length is wrong (PoDoFo then gives none); empty when not found.
  std::string_view rawStreamData(const PoDoFo::PdfObject* object) const;

  const PoDoFo::PdfVecObjects& all() const { return *all_; }

 private:
  const PoDoFo::PdfVecObjects* all_;
  const RawObjects* raw_;
};

// A number (integer or real) or `fallback` when `object` is no number. `object` is resolved.
double numberOr(const PoDoFo::PdfObject* object, double fallback);

// `object`'s number clamped to [low, high] and rounded toward zero, or `fallback` when it is no
// number. Safe for any value the file holds (NaN, 1e300).
int integerOr(const PoDoFo::PdfObject* object, int fallback, int low, int high);

// The name's text, or "" when `object` is no name. `object` is resolved.
std::string_view nameOf(const PoDoFo::PdfObject* object);

// The raw bytes of a string object, or "" when `object` is no string. `object` is resolved.
std::string_view stringBytes(const PoDoFo::PdfObject* object);

// The cache key of a resolved object (see ObjectKey).
ObjectKey keyOf(const PoDoFo::PdfObject* object);

}  // namespace mkrp::extract::pdf
