#include "render/media_release.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <array>
#include <sstream>

#include "render/certificate_dates.h"
#include "render/strict_template.h"
#include "render/templates.h"

namespace mkrp::render {
namespace {

// A part of the package: where its text lives in templates/, and its name inside the DOCX.
struct PackagePart {
  std::string_view templatePath;
  std::string_view partName;
};

// The parts every media release shares; word/document.xml comes from the kind's own template.
// [Content_Types].xml is first, as Word writes it.
constexpr std::array<PackagePart, 4> kSharedParts = {{
    {"media-release/package/content_types.xml", "[Content_Types].xml"},
    {"media-release/package/rels.xml", "_rels/.rels"},
    {"media-release/package/document.xml.rels", "word/_rels/document.xml.rels"},
    {"media-release/package/styles.xml", "word/styles.xml"},
}};

std::string checkedDate(const std::chrono::year_month_day& date, std::string_view what) {
  if (!date.ok()) {
    throw Poco::DataFormatException("the media release needs a real calendar date for " +
                                    std::string(what));
  }
  return longDate(date);
}

TemplateValues releaseValues(const MediaReleaseData& data) {
  return {
      {"agency_name", data.agencyName},
      {"agency_city", data.city},
      {"agency_state", data.state},
      {"release_date", checkedDate(data.releaseDate, "the release date")},
      {"recognized_on", checkedDate(data.recognizedOn, "the date of recognition")},
      {"valid_through", checkedDate(data.validThrough, "the end of validity")},
  };
}

std::string_view kindName(core::AgencyKind kind) {
  return kind == core::AgencyKind::Psap ? "psap" : "le";
}

void addPart(Poco::Zip::Compress& zip, const Poco::DateTime& modified, std::string_view partName,
             const std::string& text) {
  std::istringstream input(text);
  zip.addFile(input, modified, Poco::Path(std::string(partName), Poco::Path::PATH_UNIX));
}

std::string zipPackage(const std::string& documentXml, const std::chrono::year_month_day& date) {
  std::ostringstream output;
  Poco::Zip::Compress zip(output, true);
  // The release date, not the clock, so the same data always gives the same bytes.
  const Poco::DateTime modified(static_cast<int>(date.year()),
                                static_cast<int>(static_cast<unsigned>(date.month())),
                                static_cast<int>(static_cast<unsigned>(date.day())));
  addPart(zip, modified, kSharedParts[0].partName,
          std::string(templateText(kSharedParts[0].templatePath)));
  addPart(zip, modified, "word/document.xml", documentXml);
  for (std::size_t i = 1; i < kSharedParts.size(); ++i) {
    addPart(zip, modified, kSharedParts[i].partName,
            std::string(templateText(kSharedParts[i].templatePath)));
  }
  zip.close();
  return std::move(output).str();
}

}  // namespace

std::string renderMediaReleaseDocx(const MediaReleaseData& data) {
  const std::string name = "media-release/" + std::string(kindName(data.kind));
  const std::string documentXml =
      renderStrict(name, templateText(name + "/document.xml"), releaseValues(data), xmlEscape);
  return zipPackage(documentXml, data.releaseDate);
}

}  // namespace mkrp::render
