// Section and list labels at the start of a block: "4.2.1", "IV.", "(a)", "A.", "1)", bullets.
#pragma once

#include <cstddef>
#include <string_view>

namespace mkrp::extract::pdf {

enum class LabelKind { None, Decimal, Roman, Letter, Parenthesized, Bullet };

struct Label {
  LabelKind kind = LabelKind::None;
  std::size_t length = 0;  // bytes of the label itself
  int depth = 0;           // Decimal: number of parts ("4.2.1" -> 3); otherwise 1
};

// The label `text` starts with, when a space and more text follow it; kind None otherwise.
Label findLabel(std::string_view text);

// True when `text` is a label and nothing else ("A.", "(iv)", "•").
bool isLabelOnly(std::string_view text);

}  // namespace mkrp::extract::pdf
