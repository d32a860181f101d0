// GET /api/v1/applications/{id}/documents/{doc}/annotated.pdf over real HTTP, with the real PDF
// reader in the job and `mkrp` as the sandboxed annotator.
#include <catch2/catch.hpp>

#include "extract/extract.h"
#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

using workflow::testing::realPdf;

// The service with the real readers in its jobs, so PDFs have glyph boxes to highlight.
struct AnnotatingService : Service {
  AnnotatingService()
      : Service([](std::string_view bytes) { return extract::extractBytes(bytes); }, 1 << 20) {}

  // A draft of Harlow PD with `filename` uploaded and checked; returns the document's path.
  std::string checkedDocument(const std::string& filename, const std::string& bytes) {
    const Reply created = harlowClient.post(api("/applications"), R"({"type":"initial"})");
    REQUIRE(created.status == 201);
    const std::string application =
        "/applications/" + std::to_string(created.object()->getValue<store::Id>("id"));
    const Reply uploaded = harlowClient.upload(api(application + "/documents"), filename, bytes);
    REQUIRE(uploaded.status == 201);
    runJobs();
    return application + "/documents/" +
           std::to_string(uploaded.object()->getValue<store::Id>("id"));
  }

  store::Agency harlow = addAgency("Harlow PD");
  workflow::Actor staff = addStaff(harlow.id, "a@harlow.test");
  Client harlowClient = signedIn("a@harlow.test");
};

const std::vector<std::string> kDirective = {
    "When a child under 18 is reported missing, officers shall respond immediately and",
    "enter the missing child into NCIC without delay; no waiting period applies."};

TEST_CASE("annotated.pdf is the submitted PDF with highlights, as a download",
          "[web][annotate]") {
  AnnotatingService s;
  const std::string document = s.checkedDocument("GO 41.pdf", realPdf(kDirective));
  const Reply reply = s.harlowClient.get(api(document + "/annotated.pdf"));
  REQUIRE(reply.status == 200);
  CHECK(reply.header("Content-Type") == "application/pdf");
  CHECK(reply.header("Content-Disposition") ==
        "attachment; filename=\"GO 41 (highlighted).pdf\"; "
        "filename*=UTF-8''GO%2041%20%28highlighted%29.pdf");
  CHECK(reply.body.rfind("%PDF-", 0) == 0);
  CHECK(reply.body.find("/Highlight") != std::string::npos);
}

TEST_CASE("annotated.pdf of another agency's document is 404", "[web][annotate]") {
  AnnotatingService s;
  const std::string document = s.checkedDocument("GO 41.pdf", realPdf(kDirective));
  s.addStaff(s.addAgency("Calder County SO").id, "a@calder.test");
  Client other = s.signedIn("a@calder.test");
  CHECK(other.get(api(document + "/annotated.pdf")).status == 404);
}

TEST_CASE("annotated.pdf without a session is 401", "[web][annotate]") {
  AnnotatingService s;
  const std::string document = s.checkedDocument("GO 41.pdf", realPdf(kDirective));
  Client anonymous(s.server.port());
  CHECK(anonymous.get(api(document + "/annotated.pdf")).status == 401);
}

TEST_CASE("annotated.pdf of a Word document is 404 and says where the highlights are",
          "[web][annotate]") {
  AnnotatingService s;
  const std::string document =
      s.checkedDocument("policy.docx", std::string("PK\x03\x04", 4) + std::string(100, '\0'));
  const Reply reply = s.harlowClient.get(api(document + "/annotated.pdf"));
  CHECK(reply.status == 404);
  CHECK(reply.error() ==
        "A highlighted copy exists only for PDF documents. The passages of \"policy.docx\" are "
        "highlighted beside its text on the application page.");
}

}  // namespace
}  // namespace mkrp::web::testing
