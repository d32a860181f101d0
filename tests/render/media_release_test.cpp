#include "render/media_release.h"

#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "core/document.h"
#include "extract/extract.h"

using mkrp::render::MediaReleaseData;
using mkrp::render::renderMediaReleaseDocx;
using namespace std::chrono_literals;

namespace {

MediaReleaseData sampleRelease(mkrp::core::AgencyKind kind) {
  MediaReleaseData data;
  data.agencyName = "Smith & Jones County 9-1-1 <Center>";
  data.city = "Spring Lake";
  data.state = "NC";
  data.kind = kind;
  data.releaseDate = 2026y / 12 / 1;
  data.recognizedOn = 2026y / 11 / 28;
  data.validThrough = 2031y / 11 / 28;
  return data;
}

// The text of the release as our own DOCX reader sees it.
std::string readBack(const MediaReleaseData& data) {
  return mkrp::core::plainText(mkrp::extract::extractBytes(renderMediaReleaseDocx(data)));
}

// The XML of word/document.xml inside `docx`.
std::string documentXml(const std::string& docx) {
  std::istringstream input(docx);
  const Poco::Zip::ZipArchive archive(input);
  const auto header = archive.findHeader("word/document.xml");
  REQUIRE(header != archive.headerEnd());
  input.clear();
  Poco::Zip::ZipInputStream part(input, header->second);
  std::string xml;
  Poco::StreamCopier::copyToString(part, xml);
  return xml;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("media release read back shows the agency's details", "[render][media-release]") {
  const std::string text = readBack(sampleRelease(mkrp::core::AgencyKind::LawEnforcement));
  CHECK(contains(text, "Smith & Jones County 9-1-1 <Center> Recognized by the National Center"));
  CHECK(contains(text, "Spring Lake, NC (December 1, 2026)"));
  CHECK(contains(text, "took effect on November 28, 2026 and is valid through November 28, 2031"));
  CHECK(contains(text, "About Smith & Jones County 9-1-1 <Center>"));
}

TEST_CASE("media release leaves no placeholder behind", "[render][media-release]") {
  for (auto kind : {mkrp::core::AgencyKind::LawEnforcement, mkrp::core::AgencyKind::Psap}) {
    const std::string text = readBack(sampleRelease(kind));
    CHECK_FALSE(contains(text, "{{"));
    CHECK_FALSE(contains(text, "}}"));
  }
}

TEST_CASE("media release marks the places for local quotes", "[render][media-release]") {
  const std::string docx =
      renderMediaReleaseDocx(sampleRelease(mkrp::core::AgencyKind::LawEnforcement));
  const std::string text = mkrp::core::plainText(mkrp::extract::extractBytes(docx));
  CHECK(contains(text,
                 "[QUOTE FROM THE CHIEF OR SHERIFF: what this recognition means for Spring Lake"));
  CHECK(contains(text, "[NAME, TITLE, PHONE NUMBER, EMAIL ADDRESS]"));
  CHECK(contains(documentXml(docx),
                 "<w:highlight w:val=\"yellow\"/></w:rPr><w:t xml:space=\"preserve\">[QUOTE FROM "
                 "THE CHIEF OR SHERIFF"));
}

TEST_CASE("media release words law enforcement and PSAPs differently", "[render][media-release]") {
  const std::string police = readBack(sampleRelease(mkrp::core::AgencyKind::LawEnforcement));
  const std::string psap = readBack(sampleRelease(mkrp::core::AgencyKind::Psap));
  CHECK(contains(police, "every sworn officer"));
  CHECK(contains(police, "Model Policy"));
  CHECK_FALSE(contains(police, "telecommunicator"));
  CHECK(contains(psap, "every telecommunicator"));
  CHECK(contains(psap, "APCO ANSI Standard"));
  CHECK(contains(psap, "[QUOTE FROM THE 9-1-1 OR PSAP DIRECTOR"));
  CHECK_FALSE(contains(psap, "sworn officer"));
}

TEST_CASE("media release is the same for the same data", "[render][media-release]") {
  const MediaReleaseData data = sampleRelease(mkrp::core::AgencyKind::Psap);
  CHECK(renderMediaReleaseDocx(data) == renderMediaReleaseDocx(data));
}

TEST_CASE("media release without a city is refused, naming the placeholder",
          "[render][media-release]") {
  MediaReleaseData data = sampleRelease(mkrp::core::AgencyKind::Psap);
  data.city.clear();
  REQUIRE_THROWS_AS(renderMediaReleaseDocx(data), Poco::DataFormatException);
  REQUIRE_THROWS_WITH(renderMediaReleaseDocx(data),
                      "the template 'media-release/psap' needs a value for 'agency_city'");
}

TEST_CASE("media release with an impossible date is refused", "[render][media-release]") {
  MediaReleaseData data = sampleRelease(mkrp::core::AgencyKind::LawEnforcement);
  data.releaseDate = 2026y / 13 / 1;
  REQUIRE_THROWS_AS(renderMediaReleaseDocx(data), Poco::DataFormatException);
  REQUIRE_THROWS_WITH(renderMediaReleaseDocx(data),
                      "the media release needs a real calendar date for the release date");
}
