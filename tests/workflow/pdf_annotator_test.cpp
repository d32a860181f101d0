// The highlighted copy of a submitted PDF: made in the sandboxed child from the real file, with
// the same access rules as the application itself.
#include <podofo/podofo.h>

#include <catch2/catch.hpp>

#include "core/errors.h"
#include "extract/extract.h"
#include "workflow/pdf_annotator.h"
#include "workflow_testing.h"

namespace mkrp::workflow {
namespace {

using testing::Fixture;
using testing::realPdf;

// A draft with the real PDF reader in the job (glyph boxes included), so highlights have places.
struct Annotating : Fixture {
  Annotating()
      : Fixture([](std::string_view bytes) { return extract::extractBytes(bytes); }),
        annotator(applications, store, blobs, testing::sharedPrechecker()) {}

  store::Agency harlow = addAgency("Harlow PD");
  Actor staff = addStaff(harlow.id, "a@harlow.test");
  store::Application draft = applications.create(staff, store::ApplicationType::Initial);
  PdfAnnotator annotator;

  store::DocumentRecord upload(std::string filename, std::string bytes) {
    return applications.upload(staff, draft.id, filename, bytes);
  }
};

const std::vector<std::string> kDirective = {
    "Missing Children",
    "When a child under 18 is reported missing, the call taker shall dispatch an officer",
    "immediately. Officers shall enter the missing child into NCIC without delay and",
    "no waiting period applies to any report of a missing child."};

int highlightCount(const std::string& pdf) {
  PoDoFo::PdfMemDocument document;
  document.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
  int count = 0;
  for (int page = 0; page < document.GetPageCount(); ++page) {
    PoDoFo::PdfPage* current = document.GetPage(page);
    for (int i = 0; i < current->GetNumAnnots(); ++i) {
      if (current->GetAnnotation(i)->GetType() == PoDoFo::ePdfAnnotation_Highlight) ++count;
    }
  }
  return count;
}

TEST_CASE("a checked PDF comes back with its evidence highlighted", "[workflow][annotate]") {
  Annotating s;
  const store::DocumentRecord document = s.upload("GO 41.pdf", realPdf(kDirective));
  s.runJobs();
  const AnnotatedPdf pdf = s.annotator.annotate(s.staff, s.draft.id, document.id);
  CHECK(pdf.filename == "GO 41 (highlighted).pdf");
  CHECK(pdf.bytes.rfind("%PDF-", 0) == 0);
  CHECK(highlightCount(pdf.bytes) > 0);
}

TEST_CASE("another agency's document has no highlighted copy for them", "[workflow][annotate]") {
  Annotating s;
  const store::DocumentRecord document = s.upload("GO 41.pdf", realPdf(kDirective));
  s.runJobs();
  const Actor other = s.addStaff(s.addAgency("Calder County SO").id, "a@calder.test");
  REQUIRE_THROWS_AS(s.annotator.annotate(other, s.draft.id, document.id),
                    core::NotFoundException);
}

TEST_CASE("a document not yet checked has no highlighted copy yet", "[workflow][annotate]") {
  Annotating s;
  const store::DocumentRecord document = s.upload("GO 41.pdf", realPdf(kDirective));
  REQUIRE_THROWS_AS(s.annotator.annotate(s.staff, s.draft.id, document.id),
                    core::ConflictException);
  REQUIRE_THROWS_WITH(s.annotator.annotate(s.staff, s.draft.id, document.id),
                      "\"GO 41.pdf\" has not been checked yet. Try again when its pre-check is "
                      "shown.");
}

TEST_CASE("a Word document has no highlighted copy and the message says where to look",
          "[workflow][annotate]") {
  Annotating s;
  const store::DocumentRecord document =
      s.upload("policy.docx", std::string("PK\x03\x04", 4) + std::string(100, '\0'));
  s.runJobs();
  REQUIRE_THROWS_AS(s.annotator.annotate(s.staff, s.draft.id, document.id),
                    core::NotFoundException);
  REQUIRE_THROWS_WITH(s.annotator.annotate(s.staff, s.draft.id, document.id),
                      Catch::Contains("only for PDF documents"));
}

TEST_CASE("an unknown document id is not found", "[workflow][annotate]") {
  Annotating s;
  REQUIRE_THROWS_AS(s.annotator.annotate(s.staff, s.draft.id, 999), core::NotFoundException);
}

}  // namespace
}  // namespace mkrp::workflow
