#include "render/certificate.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "render/certificate_layout.h"

using mkrp::render::CertificateData;
using mkrp::render::renderCertificatePdf;
using namespace std::chrono_literals;

namespace {

CertificateData sampleCertificate() {
  CertificateData data;
  data.agencyName = "Poplar Bluff Police Department";
  data.city = "Poplar Bluff";
  data.state = "MO";
  data.recognizedOn = 2026y / 11 / 28;
  data.validThrough = 2031y / 11 / 28;
  data.certificateNumber = "MKRP-2026-00042";
  data.verificationCode = "7KQ2-MX4P";
  data.verifyUrl = "https://mkrp.example.org/verify/7KQ2-MX4P";
  return data;
}

bool toolInstalled(const std::string& tool) { return Poco::File("/usr/bin/" + tool).exists(); }

// The standard output of `command`, run on a temporary copy of `pdf` (and `outputArgument`).
std::string runOnPdf(const std::string& command, const std::string& pdf,
                     const std::string& outputArgument = "") {
  Poco::TemporaryFile file;
  std::ofstream(file.path(), std::ios::binary) << pdf;
  const std::string line = command + " '" + file.path() + "' " + outputArgument + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(line.c_str(), "r"), pclose);
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe.get())) {
    output.append(buffer, read);
  }
  return output;
}

// The value of "name:   value" in pdfinfo's output.
std::string fieldOf(const std::string& info, const std::string& name) {
  std::istringstream lines(info);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(name + ":", 0) != 0) continue;
    const auto start = line.find_first_not_of(' ', name.size() + 1);
    return start == std::string::npos ? std::string() : line.substr(start);
  }
  return {};
}

}  // namespace

TEST_CASE("certificate is one landscape Letter page", "[render][certificate]") {
  const std::string pdf = renderCertificatePdf(sampleCertificate());
  REQUIRE(pdf.rfind("%PDF-", 0) == 0);
  if (!toolInstalled("pdfinfo")) {
    WARN("pdfinfo is not installed (poppler-utils); only the header was checked");
    return;
  }
  const std::string info = runOnPdf("pdfinfo", pdf);
  CHECK(fieldOf(info, "Pages") == "1");
  CHECK(fieldOf(info, "Page size") == "792 x 612 pts (letter)");
}

TEST_CASE("certificate text read back shows the agency, the dates and the code",
          "[render][certificate]") {
  if (!toolInstalled("pdftotext")) {
    WARN("pdftotext is not installed (poppler-utils); skipped");
    return;
  }
  const std::string text =
      runOnPdf("pdftotext -layout", renderCertificatePdf(sampleCertificate()), "-");
  CHECK(text.find("Poplar Bluff Police Department") != std::string::npos);
  CHECK(text.find("Poplar Bluff, MO") != std::string::npos);
  CHECK(text.find("Missing Kids Readiness Program") != std::string::npos);
  CHECK(text.find("November 28, 2026") != std::string::npos);
  CHECK(text.find("November 28, 2031") != std::string::npos);
  CHECK(text.find("MKRP-2026-00042") != std::string::npos);
  CHECK(text.find("https://mkrp.example.org/verify/7KQ2-MX4P") != std::string::npos);
  CHECK(text.find("Law Enforcement Agency") != std::string::npos);
}

TEST_CASE("certificate of a PSAP names it as one", "[render][certificate]") {
  if (!toolInstalled("pdftotext")) {
    WARN("pdftotext is not installed (poppler-utils); skipped");
    return;
  }
  CertificateData data = sampleCertificate();
  data.kind = mkrp::core::AgencyKind::Psap;
  const std::string text = runOnPdf("pdftotext -layout", renderCertificatePdf(data), "-");
  CHECK(text.find("Public Safety Answering Point") != std::string::npos);
  CHECK(text.find("Law Enforcement Agency") == std::string::npos);
}

TEST_CASE("certificate embeds every font it uses", "[render][certificate]") {
  if (!toolInstalled("pdffonts")) {
    WARN("pdffonts is not installed (poppler-utils); skipped");
    return;
  }
  const std::string fonts = runOnPdf("pdffonts", renderCertificatePdf(sampleCertificate()));
  // pdffonts prints a header of two lines, then one line per font ending "emb sub uni object ID".
  std::istringstream lines(fonts);
  std::string line;
  int listed = 0;
  for (int skip = 0; skip < 2 && std::getline(lines, line); ++skip) {
  }
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(line.find("DejaVu") != std::string::npos);
    CHECK(line.find(" yes ") != std::string::npos);
    ++listed;
  }
  CHECK(listed == 3);
}

TEST_CASE("certificate shrinks a long agency name to fit the page", "[render][certificate]") {
  if (!toolInstalled("pdftotext")) {
    WARN("pdftotext is not installed (poppler-utils); skipped");
    return;
  }
  CertificateData data = sampleCertificate();
  data.agencyName =
      "Consolidated Emergency Communications Center of the Greater Metropolitan Region";
  const std::string text = runOnPdf("pdftotext", renderCertificatePdf(data), "-");
  CHECK(text.find(data.agencyName) != std::string::npos);
}

TEST_CASE("certificate without a verification code is refused", "[render][certificate]") {
  CertificateData data = sampleCertificate();
  data.verificationCode.clear();
  REQUIRE_THROWS_AS(renderCertificatePdf(data), Poco::DataFormatException);
  REQUIRE_THROWS_WITH(renderCertificatePdf(data),
                      "the template 'certificate/layout' needs a value for 'verification_code'");
}

TEST_CASE("certificate with an impossible date is refused", "[render][certificate]") {
  CertificateData data = sampleCertificate();
  data.validThrough = 2031y / 2 / 30;
  REQUIRE_THROWS_AS(renderCertificatePdf(data), Poco::DataFormatException);
  REQUIRE_THROWS_WITH(renderCertificatePdf(data),
                      "the certificate needs a real calendar date for the end of validity");
}

TEST_CASE("certificate layout names what is wrong with it", "[render][certificate]") {
  const std::string font =
      R"(<font id="f" name="DejaVu Serif" file="/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"/>)";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<certificate", "the certificate layout is wrong: it is not well-formed XML"},
      {"<page width='1' height='1'/>",
       "the certificate layout is wrong: the root must be <certificate>"},
      {"<certificate height='612'/>",
       "the certificate layout is wrong: <certificate> needs the attribute 'width'"},
      {"<certificate width='wide' height='612'/>",
       "the certificate layout is wrong: <certificate> has 'width=\"wide\"', which is not a number "
       "of points"},
      {"<certificate width='792' height='612'><star/></certificate>",
       "the certificate layout is wrong: the element <star> is not part of the format"},
      {"<certificate width='792' height='612'><text y='9' size='9' font='g'>x</text></certificate>",
       "the certificate layout is wrong: <text> uses the font 'g', which no <font> above defines"},
      {"<certificate width='792' height='612'>" + font +
           "<text y='9' size='9' font='f' align='justify'>x</text></certificate>",
       "the certificate layout is wrong: <text> has align=\"justify\"; use left, center or right"},
      {"<certificate width='792' height='612'><border inset='9' colour='navy'/></certificate>",
       "the certificate layout is wrong: <border> has the colour 'navy'; write it as #rrggbb"},
  };
  for (const auto& [xml, message] : cases) {
    INFO(xml);
    REQUIRE_THROWS_AS(mkrp::render::detail::parseLayout(xml), Poco::DataFormatException);
    REQUIRE_THROWS_WITH(mkrp::render::detail::parseLayout(xml), Catch::StartsWith(message));
  }
}

TEST_CASE("certificate layout keeps its shapes in drawing order", "[render][certificate]") {
  const auto layout = mkrp::render::detail::parseLayout(
      R"(<certificate width="792" height="612">
           <font id="f" name="DejaVu Serif" file="DejaVuSerif.ttf"/>
           <border inset="20" line="5" colour="#1f3a5f"/>
           <text y="100" size="12" font="f" align="left" x="72">{{agency_name}}</text>
         </certificate>)");
  REQUIRE(layout.fonts.size() == 1);
  REQUIRE(layout.shapes.size() == 2);
  const auto& border = std::get<mkrp::render::detail::Border>(layout.shapes[0]);
  CHECK(border.inset == 20);
  CHECK(border.colour.blue == Approx(0x5f / 255.0));
  const auto& line = std::get<mkrp::render::detail::TextLine>(layout.shapes[1]);
  CHECK(line.text == "{{agency_name}}");
  CHECK(line.align == mkrp::render::detail::Align::Left);
  CHECK(line.maxWidth == 792 - 120);
}
