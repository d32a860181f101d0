// The media-release template an agency receives when its application is approved: a DOCX with
// the agency's details filled in and highlighted places for its own quotes, worded for a law
// enforcement agency or for a PSAP (templates/media-release/).
#pragma once

#include <chrono>
#include <string>

#include "core/checklist.h"

namespace mkrp::render {

struct MediaReleaseData {
  std::string agencyName;
  std::string city;
  std::string state;
  core::AgencyKind kind = core::AgencyKind::LawEnforcement;
  std::chrono::year_month_day releaseDate;  // the dateline; usually the day of approval
  std::chrono::year_month_day recognizedOn;
  std::chrono::year_month_day validThrough;
};

// The media release as DOCX bytes.
// Throws Poco::DataFormatException naming the template and the placeholder when a value the
// template uses is empty, or naming the date when a date is not a real date.
// Thread-safe.
std::string renderMediaReleaseDocx(const MediaReleaseData& data);

}  // namespace mkrp::render
