// Annotations drawn like page content: filled-in form fields, stamps and free text show text
// through their appearance streams.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "extract/pdf/content_interpreter.h"

namespace mkrp::extract::pdf {
namespace {

using PoDoFo::PdfName;
using PoDoFo::PdfObject;

const PdfName kAnnots("Annots"), kAP("AP"), kN("N"), kAS("AS"), kF("F"), kRect("Rect"),
    kBBox("BBox"), kMatrix("Matrix");

}  // namespace

// Annotations with an appearance (filled-in form fields, stamps, free text) show text too.
void ContentInterpreter::drawAnnotations(const PageInfo& page, Resources& resources) {
  const PoDoFo::PdfArray* annotations = objects_.array(objects_.get(page.page, kAnnots));
  if (annotations == nullptr) return;
  const Matrix pageToDisplay = page.toDisplay();
  for (const PdfObject& item : *annotations) {
    drawAnnotation(objects_.resolve(&item), pageToDisplay, resources);
  }
}

void ContentInterpreter::drawAnnotation(const PdfObject* annotation, const Matrix& pageToDisplay,
                                        Resources& resources) {
  constexpr int kHidden = 2;
  constexpr int kNoView = 32;
  const int flags = integerOr(objects_.get(annotation, kF), 0, 0, INT32_MAX);
  if ((flags & (kHidden | kNoView)) != 0) return;
  const PdfObject* appearance = objects_.get(objects_.get(annotation, kAP), kN);
  if (appearance != nullptr && objects_.stream(appearance) == nullptr) {
    // One appearance per state (check boxes): the current state's.
    const std::string_view state = nameOf(objects_.get(annotation, kAS));
    appearance = state.empty() ? nullptr : objects_.get(appearance, PdfName(std::string(state)));
  }
  if (appearance == nullptr || objects_.stream(appearance) == nullptr) return;
  double rect[4], box[4];
  auto readFour = [this](const PdfObject* array, double out[4]) {
    const PoDoFo::PdfArray* items = objects_.array(array);
    if (items == nullptr || items->size() != 4) return false;
    for (std::size_t i = 0; i < 4; ++i) out[i] = numberOr(objects_.resolve(&(*items)[i]), NAN);
    return std::all_of(out, out + 4, [](double v) { return std::isfinite(v); });
  };
  if (!readFour(objects_.get(annotation, kRect), rect) ||
      !readFour(objects_.get(appearance, kBBox), box)) {
    return;
  }
  Matrix form;
  if (const PoDoFo::PdfArray* items = objects_.array(objects_.get(appearance, kMatrix))) {
    if (items->size() == 6) {
      double* fields[6] = {&form.a, &form.b, &form.c, &form.d, &form.e, &form.f};
      for (std::size_t i = 0; i < 6; ++i) *fields[i] = numberOr(objects_.resolve(&(*items)[i]), 0);
    }
  }
  // The form's box, through its matrix, is fitted onto the annotation's rectangle.
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (const Point corner : {form.apply(box[0], box[1]), form.apply(box[0], box[3]),
                             form.apply(box[2], box[1]), form.apply(box[2], box[3])}) {
    x0 = std::min(x0, corner.x);
    y0 = std::min(y0, corner.y);
    x1 = std::max(x1, corner.x);
    y1 = std::max(y1, corner.y);
  }
  if (x1 - x0 < 1e-6 || y1 - y0 < 1e-6) return;
  const double sx = (std::max(rect[0], rect[2]) - std::min(rect[0], rect[2])) / (x1 - x0);
  const double sy = (std::max(rect[1], rect[3]) - std::min(rect[1], rect[3])) / (y1 - y0);
  const Matrix fit{
      sx, 0, 0, sy, std::min(rect[0], rect[2]) - x0 * sx, std::min(rect[1], rect[3]) - y0 * sy};
  state_ = GraphicsState();
  state_.ctm = fit.times(pageToDisplay);
  if (!state_.ctm.finite()) return;
  drawForm(appearance, resources, 0);
}

}  // namespace mkrp::extract::pdf
