#include "extract/pdf/running_furniture.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "extract/pdf/section_labels.h"

namespace mkrp::extract::pdf {
namespace {

// Where running lines live, as parts of the page height from the top and the bottom edge.
constexpr double kHeaderZone = 0.15;
constexpr double kFooterZone = 0.12;
// Running lines stay within this many points of their place on other pages.
constexpr double kPlaceTolerance = 6;
// A line counts as running when it comes back on this share of pages (and at least twice).
constexpr double kRepeatShare = 0.3;
// Running lines are among the few rows nearest the page edge (points apart, rows differ).
constexpr std::size_t kEdgeRows = 4;
constexpr double kSameRow = 2;

struct Candidate {
  std::size_t page;
  std::size_t line;
  std::string key;
  double baseline;
  LineRole zone;
  bool pageNumber;
};

// Text with digits folded, so "Page 3 of 9" and "Page 4 of 9" look alike.
std::string keyOf(const std::string& text) {
  std::string key;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) {
      if (key.empty() || key.back() != '#') key += '#';
    } else if (std::isalpha(u) || u >= 0x80) {
      key += static_cast<char>(std::tolower(u));
    }
  }
  return key;
}

// "3", "- 3 -", "Page 3", "Page 3 of 9", "3 of 9", "iii": a page number alone.
bool isPageNumber(const std::string& key, const std::string& text) {
  // "2." or "3)" at the top of a page is a list label, not a page number.
  if (!text.empty() && (text.back() == '.' || text.back() == ')')) return false;
  if (key == "#" || key == "page#" || key == "page#of#" || key == "#of#" || key == "pg#") {
    return true;
  }
  if (key.empty() || key.size() > 6) return false;
  const bool roman =
      std::all_of(key.begin(), key.end(), [](char c) { return c == 'i' || c == 'v' || c == 'x'; });
  return roman && text.size() <= 8;
}

// The few lines nearest the top and the bottom edge of each page, inside the zones.
std::vector<Candidate> candidatesOf(const std::vector<PageText>& pages,
                                    const std::vector<PageLines>& lines) {
  std::vector<Candidate> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const double height = pages[p].height;
    std::vector<std::size_t> order;
    for (std::size_t l = 0; l < lines[p].lines.size(); ++l) {
      if (lines[p].lines[l].direction == 0) order.push_back(l);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return lines[p].lines[a].baseline > lines[p].lines[b].baseline;
    });
    // Rows of lines on one baseline, counted from the top.
    std::vector<std::size_t> row(order.size(), 0);
    for (std::size_t i = 1; i < order.size(); ++i) {
      const double step = lines[p].lines[order[i - 1]].baseline - lines[p].lines[order[i]].baseline;
      row[i] = row[i - 1] + (step > kSameRow ? 1 : 0);
    }
    const std::size_t rows = order.empty() ? 0 : row.back() + 1;
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      const bool top = row[rank] < kEdgeRows;
      const bool bottom = row[rank] + kEdgeRows >= rows;
      const TextLine& line = lines[p].lines[order[rank]];
      LineRole zone = LineRole::Body;
      if (top && line.bottom >= height * (1 - kHeaderZone)) zone = LineRole::Header;
      if (bottom && line.top <= height * kFooterZone) zone = LineRole::Footer;
      if (zone == LineRole::Body) continue;
      const std::string text = lineText(pages[p], lines[p], line);
      std::string key = keyOf(text);
      // "1." standing alone at the top of each page starts a list, it does not run.
      if (key.empty() || isLabelOnly(text)) continue;
      const bool pageNumber = isPageNumber(key, text);
      out.push_back({p, order[rank], std::move(key), line.baseline, zone, pageNumber});
    }
  }
  return out;
}

// Where a baseline falls, in steps of the tolerance: the same place on two pages falls into
// the same or a neighbouring step.
long stepOf(double baseline) { return std::lround(std::floor(baseline / kPlaceTolerance)); }

}  // namespace

void markRunningLines(const std::vector<PageText>& pages, std::vector<PageLines>& lines) {
  const std::vector<Candidate> candidates = candidatesOf(pages, lines);
  // Pages on which each text stands at each place.
  std::map<std::pair<std::string, long>, std::set<std::size_t>> pagesAt;
  for (const Candidate& candidate : candidates) {
    pagesAt[{candidate.key, stepOf(candidate.baseline)}].insert(candidate.page);
  }
  const std::size_t needed =
      std::max<std::size_t>(2, static_cast<std::size_t>(std::ceil(kRepeatShare * pages.size())));
  for (const Candidate& candidate : candidates) {
    std::set<std::size_t> seen;
    const long step = stepOf(candidate.baseline);
    for (long near = step - 1; near <= step + 1 && seen.size() < needed; ++near) {
      const auto found = pagesAt.find({candidate.key, near});
      if (found == pagesAt.end()) continue;
      for (std::size_t page : found->second) {
        seen.insert(page);
        if (seen.size() >= needed) break;
      }
    }
    if (seen.size() >= needed || candidate.pageNumber) {
      lines[candidate.page].lines[candidate.line].role = candidate.zone;
    }
  }
}

}  // namespace mkrp::extract::pdf
