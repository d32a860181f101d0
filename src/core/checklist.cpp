#include "core/checklist.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <array>
#include <utility>

#include "core/enum_names.h"

namespace mkrp::core {
namespace {

constexpr std::array<std::pair<AgencyKind, std::string_view>, 2> kAgencyKindNames{{
    {AgencyKind::LawEnforcement, "le"},
    {AgencyKind::Psap, "psap"},
}};

constexpr std::array<std::pair<Severity, std::string_view>, 2> kSeverityNames{{
    {Severity::Critical, "critical"},
    {Severity::Recommended, "recommended"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const detail::NameTable<Enum, N>& table, Enum value) {
  return detail::nameOf(table, value);
}

template <typename Enum, std::size_t N>
Enum valueOf(const detail::NameTable<Enum, N>& table, std::string_view name, const char* what) {
  if (auto value = detail::valueNamed(table, name)) return *value;
  throw Poco::DataFormatException(std::string("unknown ") + what + " '" + std::string(name) + "'");
}

bool contains(const std::vector<AgencyKind>& kinds, AgencyKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

std::string_view toString(AgencyKind kind) { return nameOf(kAgencyKindNames, kind); }
std::string_view toString(Severity severity) { return nameOf(kSeverityNames, severity); }
AgencyKind agencyKindFromString(std::string_view name) {
  return valueOf(kAgencyKindNames, name, "agency kind");
}
Severity severityFromString(std::string_view name) {
  return valueOf(kSeverityNames, name, "severity");
}

double Duration::inMinutes() const {
  switch (unit) {
    case TimeUnit::Minutes:
      return amount;
    case TimeUnit::Hours:
      return amount * 60;
    case TimeUnit::Days:
      return amount * 60 * 24;
    case TimeUnit::Weeks:
      return amount * 60 * 24 * 7;
    case TimeUnit::Months:
      return amount * 60 * 24 * 30;
    case TimeUnit::Years:
      return amount * 60 * 24 * 365;
  }
  return amount;
}

bool Item::appliesToKind(AgencyKind kind) const { return contains(appliesTo, kind); }

bool Checklist::appliesToKind(AgencyKind kind) const { return contains(appliesTo, kind); }

const Item* Checklist::findItem(std::string_view itemId) const {
  for (const Item& item : items) {
    if (item.id == itemId) return &item;
  }
  return nullptr;
}

const Item* ChecklistSet::findItem(std::string_view itemId) const {
  for (const Checklist& checklist : checklists) {
    if (const Item* item = checklist.findItem(itemId)) return item;
  }
  return nullptr;
}

const Concept* ChecklistSet::findConcept(std::string_view conceptId) const {
  const auto found = concepts.find(conceptId);
  return found == concepts.end() ? nullptr : &found->second;
}

std::size_t ChecklistSet::itemCount() const {
  std::size_t count = 0;
  for (const Checklist& checklist : checklists) count += checklist.items.size();
  return count;
}

}  // namespace mkrp::core
