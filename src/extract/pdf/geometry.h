// Affine matrices as PDF writes them: [a b c d e f], points as row vectors (x' = a x + c y + e).
#pragma once

#include <cmath>

namespace mkrp::extract::pdf {

struct Point {
  double x = 0, y = 0;
};

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

  Point apply(double x, double y) const { return {a * x + c * y + e, b * x + d * y + f}; }
  // This matrix followed by `then` (PDF's "this × then").
  Matrix times(const Matrix& then) const {
    return {a * then.a + b * then.c,          a * then.b + b * then.d,
            c * then.a + d * then.c,          c * then.b + d * then.d,
            e * then.a + f * then.c + then.e, e * then.b + f * then.d + then.f};
  }
  static Matrix translation(double x, double y) { return {1, 0, 0, 1, x, y}; }
  bool finite() const {
    return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d) &&
           std::isfinite(e) && std::isfinite(f);
  }
};

}  // namespace mkrp::extract::pdf
