// The pages of a document in order, found by walking the page tree ourselves: attributes
// inherited from parent nodes, loops and absurd trees refused or cut short.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/pdf/geometry.h"
#include "extract/pdf/pdf_objects.h"

namespace mkrp::extract::pdf {

struct PageInfo {
  const PoDoFo::PdfObject* page = nullptr;
  const PoDoFo::PdfObject* resources = nullptr;  // inherited when the page has none
  double x0 = 0, y0 = 0, x1 = 612, y1 = 792;     // visible area (crop box) in user space
  int rotate = 0;                                // 0, 90, 180 or 270, clockwise
  double userUnit = 1;

  // User space -> displayed page space (origin at the bottom left of the page as shown,
  // rotation and UserUnit applied).
  Matrix toDisplay() const;
  double displayWidth() const;
  double displayHeight() const;
};

// The pages under the catalog's /Pages, in order. A node seen twice (a loop, or a page listed
// twice) is visited once. Throws core::LimitExceededException beyond `maxPages` pages.
std::vector<PageInfo> collectPages(const Objects& objects, const PoDoFo::PdfObject* catalog,
                                   std::uint32_t maxPages);

}  // namespace mkrp::extract::pdf
