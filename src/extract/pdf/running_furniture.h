// Running headers, footers and page numbers: lines that come back at the same place on many
// pages, or page numbers in the margins. They are marked so that they become header and footer
// blocks instead of mixing with the body text.
#pragma once

#include <vector>

#include "extract/pdf/layout_lines.h"
#include "extract/pdf/page_text.h"

namespace mkrp::extract::pdf {

// Sets TextLine::role for the running lines of every page. `pages` and `lines` run in parallel.
void markRunningLines(const std::vector<PageText>& pages, std::vector<PageLines>& lines);

}  // namespace mkrp::extract::pdf
