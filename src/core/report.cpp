#include "core/report.h"

#include <Poco/Exception.h>

#include <array>
#include <utility>

#include "core/enum_names.h"

namespace mkrp::core {
namespace {

constexpr std::array<std::pair<Status, std::string_view>, 6> kStatusNames{{
    {Status::Met, "met"},
    {Status::Partial, "partial"},
    {Status::Missing, "missing"},
    {Status::Contradicted, "contradicted"},
    {Status::NotApplicable, "not_applicable"},
    {Status::CouldNotCheck, "could_not_check"},
}};

constexpr std::array<std::pair<EvidenceRole, std::string_view>, 3> kRoleNames{{
    {EvidenceRole::Meets, "meets"},
    {EvidenceRole::Partial, "partial"},
    {EvidenceRole::Contradicts, "contradicts"},
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

}  // namespace

std::string_view toString(Status status) { return nameOf(kStatusNames, status); }
Status statusFromString(std::string_view name) { return valueOf(kStatusNames, name, "status"); }
std::string_view toString(EvidenceRole role) { return nameOf(kRoleNames, role); }
EvidenceRole evidenceRoleFromString(std::string_view name) {
  return valueOf(kRoleNames, name, "evidence role");
}

int StatusCounts::of(Status status) const {
  switch (status) {
    case Status::Met:
      return met;
    case Status::Partial:
      return partial;
    case Status::Missing:
      return missing;
    case Status::Contradicted:
      return contradicted;
    case Status::NotApplicable:
      return notApplicable;
    case Status::CouldNotCheck:
      return couldNotCheck;
  }
  return 0;
}

int StatusCounts::total() const {
  return met + partial + missing + contradicted + notApplicable + couldNotCheck;
}

StatusCounts countStatuses(const std::vector<Finding>& findings, std::optional<Severity> only) {
  StatusCounts counts;
  for (const Finding& finding : findings) {
    if (only && finding.severity != *only) continue;
    switch (finding.status) {
      case Status::Met:
        ++counts.met;
        break;
      case Status::Partial:
        ++counts.partial;
        break;
      case Status::Missing:
        ++counts.missing;
        break;
      case Status::Contradicted:
        ++counts.contradicted;
        break;
      case Status::NotApplicable:
        ++counts.notApplicable;
        break;
      case Status::CouldNotCheck:
        ++counts.couldNotCheck;
        break;
    }
  }
  return counts;
}

const Finding* Report::findFinding(std::string_view itemId) const {
  for (const Finding& finding : findings) {
    if (finding.itemId == itemId) return &finding;
  }
  return nullptr;
}

StatusCounts Report::summary(std::optional<Severity> only) const {
  return countStatuses(findings, only);
}

}  // namespace mkrp::core
