#include "extract/pdf/page_tree.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "core/errors.h"

namespace mkrp::extract::pdf {
namespace {

using PoDoFo::PdfName;
using PoDoFo::PdfObject;

const PdfName kPages("Pages"), kKids("Kids"), kType("Type"), kResources("Resources"),
    kMediaBox("MediaBox"), kCropBox("CropBox"), kRotate("Rotate"), kUserUnit("UserUnit");

struct Inherited {
  const PdfObject* resources = nullptr;
  const PdfObject* mediaBox = nullptr;
  const PdfObject* cropBox = nullptr;
  const PdfObject* rotate = nullptr;
};

struct Pending {
  const PdfObject* node;
  Inherited inherited;
};

Inherited inherit(const Objects& objects, const PdfObject* node, Inherited from) {
  if (const PdfObject* value = objects.get(node, kResources)) from.resources = value;
  if (const PdfObject* value = objects.get(node, kMediaBox)) from.mediaBox = value;
  if (const PdfObject* value = objects.get(node, kCropBox)) from.cropBox = value;
  if (const PdfObject* value = objects.get(node, kRotate)) from.rotate = value;
  return from;
}

bool readBox(const Objects& objects, const PdfObject* box, double out[4]) {
  const PoDoFo::PdfArray* items = objects.array(box);
  if (items == nullptr || items->size() != 4) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    out[i] = numberOr(objects.resolve(&(*items)[i]), NAN);
    if (!std::isfinite(out[i]) || std::abs(out[i]) > 1e7) return false;
  }
  if (out[0] > out[2]) std::swap(out[0], out[2]);
  if (out[1] > out[3]) std::swap(out[1], out[3]);
  return out[2] - out[0] >= 1 && out[3] - out[1] >= 1;
}

PageInfo describePage(const Objects& objects, const PdfObject* page, const Inherited& inherited) {
  PageInfo info;
  info.page = page;
  info.resources = inherited.resources;
  double media[4] = {0, 0, 612, 792};
  readBox(objects, inherited.mediaBox, media);
  double crop[4];
  if (readBox(objects, inherited.cropBox, crop)) {
    // The visible area is the crop box clipped to the media box.
    crop[0] = std::max(crop[0], media[0]);
    crop[1] = std::max(crop[1], media[1]);
    crop[2] = std::min(crop[2], media[2]);
    crop[3] = std::min(crop[3], media[3]);
    if (crop[2] - crop[0] >= 1 && crop[3] - crop[1] >= 1) std::copy(crop, crop + 4, media);
  }
  info.x0 = media[0];
  info.y0 = media[1];
  info.x1 = media[2];
  info.y1 = media[3];
  const double rotate = numberOr(objects.resolve(inherited.rotate), 0);
  if (std::isfinite(rotate) && std::abs(rotate) < 1e6) {
    info.rotate = ((static_cast<int>(rotate) / 90 * 90) % 360 + 360) % 360;
  }
  const double unit = numberOr(objects.get(page, kUserUnit), 1);
  if (std::isfinite(unit) && unit > 0.01 && unit < 1000) info.userUnit = unit;
  return info;
}

[[noreturn]] void tooManyPages(std::uint32_t maxPages) {
  throw core::LimitExceededException(
      "the PDF has more than " + std::to_string(maxPages) +
      " pages, the most we read. Split the directive into smaller files and submit them "
      "separately.");
}

}  // namespace

Matrix PageInfo::toDisplay() const {
  const double w = x1 - x0;
  const double h = y1 - y0;
  Matrix m = Matrix::translation(-x0, -y0);
  switch (rotate) {
    case 90:
      m = m.times({0, -1, 1, 0, 0, w});
      break;  // (x, y) -> (y, w - x)
    case 180:
      m = m.times({-1, 0, 0, -1, w, h});
      break;  // (x, y) -> (w - x, h - y)
    case 270:
      m = m.times({0, 1, -1, 0, h, 0});
      break;  // (x, y) -> (h - y, x)
    default:
      break;
  }
  return m.times({userUnit, 0, 0, userUnit, 0, 0});
}

double PageInfo::displayWidth() const {
  return (rotate == 90 || rotate == 270 ? y1 - y0 : x1 - x0) * userUnit;
}

double PageInfo::displayHeight() const {
  return (rotate == 90 || rotate == 270 ? x1 - x0 : y1 - y0) * userUnit;
}

std::vector<PageInfo> collectPages(const Objects& objects, const PdfObject* catalog,
                                   std::uint32_t maxPages) {
  std::vector<PageInfo> pages;
  const PdfObject* root = objects.get(catalog, kPages);
  if (root == nullptr) return pages;
  std::unordered_set<const PdfObject*> seen;
  std::vector<Pending> stack{{root, {}}};
  // Every node costs a visit: a tree cannot be walked for longer than the file has objects.
  const std::size_t maxVisits = objects.all().GetSize() + 1;
  while (!stack.empty() && seen.size() <= maxVisits) {
    const Pending current = stack.back();
    stack.pop_back();
    if (!seen.insert(current.node).second) continue;
    const Inherited inherited = inherit(objects, current.node, current.inherited);
    const PoDoFo::PdfArray* kids = objects.array(objects.get(current.node, kKids));
    const std::string_view type = nameOf(objects.get(current.node, kType));
    if (type == "Page" || (kids == nullptr && type != "Pages")) {
      if (objects.dictionary(current.node) == nullptr) continue;
      if (pages.size() >= maxPages) tooManyPages(maxPages);
      pages.push_back(describePage(objects, current.node, inherited));
      continue;
    }
    if (kids == nullptr) continue;
    // Pushed in reverse so that the first kid is visited first.
    for (auto it = kids->rbegin(); it != kids->rend(); ++it) {
      const PdfObject* kid = objects.resolve(&*it);
      if (kid != nullptr && kid->IsDictionary()) stack.push_back({kid, inherited});
    }
  }
  return pages;
}

}  // namespace mkrp::extract::pdf
