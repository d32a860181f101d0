// The certificate an agency receives when its application is approved: a one-page PDF drawn from
// templates/certificate/layout.xml, with its fonts embedded and its text extractable.
#pragma once

#include <chrono>
#include <string>

#include "core/checklist.h"

namespace mkrp::render {

struct CertificateData {
  std::string agencyName;
  std::string city;
  std::string state;
  core::AgencyKind kind = core::AgencyKind::LawEnforcement;
  std::string programName = "Missing Kids Readiness Program";
  std::chrono::year_month_day recognizedOn;
  std::chrono::year_month_day validThrough;  // the caller's membership rule decides it
  std::string certificateNumber;
  std::string verificationCode;
  std::string verifyUrl;  // where the public confirms the code, e.g. ".../verify/{code}"
};

// The certificate as PDF bytes.
// Throws Poco::DataFormatException naming the placeholder when a value the layout uses is empty,
// or naming the problem when a date is not a real date or the layout is wrong;
// Poco::FileNotFoundException when a font file the layout names is not installed.
// Thread-safe.
std::string renderCertificatePdf(const CertificateData& data);

}  // namespace mkrp::render
