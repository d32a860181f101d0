#include "extract/pdf/running_furniture.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>

namespace mkrp::extract::pdf {
namespace {

// Where running lines live, as parts of the page height from the top and the bottom edge.
constexpr double kHeaderZone = 0.15;
constexpr double kFooterZone = 0.12;
// Running lines stay within this many points of their place on other pages.
constexpr double kPlaceTolerance = 6;
// A line counts as running when it comes back on this share of pages (and at least twice).
constexpr double kRepeatShare = 0.3;

struct Candidate {
  std::size_t page;
  std::size_t line;
  std::string key;
  double baseline;
  LineRole zone;
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
  const bool roman = std::all_of(key.begin(), key.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x';
  });
  return roman && text.size() <= 8;
}

std::vector<Candidate> candidatesOf(const std::vector<PageText>& pages,
                                    const std::vector<PageLines>& lines) {
  std::vector<Candidate> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const double height = pages[p].height;
    for (std::size_t l = 0; l < lines[p].lines.size(); ++l) {
      const TextLine& line = lines[p].lines[l];
      if (line.direction != 0) continue;
      LineRole zone = LineRole::Body;
      if (line.bottom >= height * (1 - kHeaderZone)) zone = LineRole::Header;
      if (line.top <= height * kFooterZone) zone = LineRole::Footer;
      if (zone == LineRole::Body) continue;
      const std::string text = lineText(pages[p], lines[p], line);
      std::string key = keyOf(text);
      if (key.empty()) continue;
      out.push_back({p, l, std::move(key), line.baseline, zone});
    }
  }
  return out;
}

}  // namespace

void markRunningLines(const std::vector<PageText>& pages, std::vector<PageLines>& lines) {
  const std::vector<Candidate> candidates = candidatesOf(pages, lines);
  std::unordered_map<std::string, std::vector<const Candidate*>> byKey;
  for (const Candidate& candidate : candidates) byKey[candidate.key].push_back(&candidate);
  const std::size_t needed =
      std::max<std::size_t>(2, static_cast<std::size_t>(std::ceil(kRepeatShare * pages.size())));
  for (const Candidate& candidate : candidates) {
    std::set<std::size_t> pagesWithIt;
    for (const Candidate* other : byKey[candidate.key]) {
      if (std::abs(other->baseline - candidate.baseline) <= kPlaceTolerance) {
        pagesWithIt.insert(other->page);
      }
    }
    const PageLines& pageLines = lines[candidate.page];
    const std::string text =
        lineText(pages[candidate.page], pageLines, pageLines.lines[candidate.line]);
    if (pagesWithIt.size() >= needed || isPageNumber(candidate.key, text)) {
      lines[candidate.page].lines[candidate.line].role = candidate.zone;
    }
  }
}

}  // namespace mkrp::extract::pdf
