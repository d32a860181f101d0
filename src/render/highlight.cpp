#include "render/highlight.h"

#include <algorithm>
#include <set>

#include "render/html_escape.h"

namespace mkrp::render {
namespace {

std::uint32_t toCharStart(std::string_view text, std::uint32_t offset) {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  while (offset > 0 && offset < text.size() &&
         (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
    --offset;
  }
  return offset;
}

int strength(const std::string& role) {
  if (role == "contradicts") return 3;
  if (role == "partial") return 2;
  return 1;
}

// The opening tag of a mark over a segment covered by `covering` highlights.
std::string openMark(const std::vector<const Highlight*>& covering) {
  const Highlight* strongest = covering.front();
  std::set<std::string> items;
  for (const Highlight* h : covering) {
    if (strength(h->role) > strength(strongest->role)) strongest = h;
    items.insert(h->itemId);
  }
  std::string itemList;
  for (const std::string& item : items) itemList += (itemList.empty() ? "" : " ") + item;
  std::string tag = "<a class=\"hl " + strongest->role + "\" href=\"#item-";
  appendEscaped(tag, strongest->itemId);
  tag += "\" title=\"";
  appendEscaped(tag, itemList);
  tag += "\">";
  return tag;
}

}  // namespace

std::string highlightBlock(std::string_view text, std::vector<Highlight> highlights) {
  std::vector<std::uint32_t> cuts{0, static_cast<std::uint32_t>(text.size())};
  for (Highlight& h : highlights) {
    h.start = toCharStart(text, h.start);
    h.end = toCharStart(text, std::max(h.end, h.start));
    cuts.push_back(h.start);
    cuts.push_back(h.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string out;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const std::uint32_t from = cuts[i], to = cuts[i + 1];
    std::vector<const Highlight*> covering;
    for (const Highlight& h : highlights) {
      if (h.start == from && !h.anchor.empty()) out += "<span class=\"anchor\" id=\"" + h.anchor + "\"></span>";
      if (h.start <= from && to <= h.end && h.start < h.end) covering.push_back(&h);
    }
    const std::string_view segment = text.substr(from, to - from);
    if (covering.empty()) {
      appendEscaped(out, segment);
    } else {
      out += openMark(covering);
      appendEscaped(out, segment);
      out += "</a>";
    }
  }
  // Anchors of empty passages at the very end of the text.
  for (const Highlight& h : highlights) {
    if (h.start == text.size() && !h.anchor.empty()) {
      out += "<span class=\"anchor\" id=\"" + h.anchor + "\"></span>";
    }
  }
  return out;
}

}  // namespace mkrp::render
