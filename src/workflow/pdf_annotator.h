// A submitted PDF with the pre-check's passages highlighted on it, for the reviewer to open in
// any PDF viewer. The file is the agency's, so PoDoFo reads it in a sandboxed child process, as
// the extraction does.
#pragma once

#include <string>
#include <string_view>

#include "extract/sandbox_process.h"
#include "store/blob_store.h"
#include "store/store.h"
#include "workflow/actor.h"
#include "workflow/applications.h"
#include "workflow/prechecker.h"

namespace mkrp::workflow {

// The hidden subcommand (argv[1]) on which an executable must call runAnnotateChild.
constexpr std::string_view kAnnotateChildCommand = "__annotate-child";

struct AnnotatedPdf {
  std::string filename;  // the submitted name with " (highlighted)" before ".pdf"
  std::string bytes;
};

struct AnnotatorOptions {
  // A program whose main passes kAnnotateChildCommand on to runAnnotateChild; by default the
  // running executable.
  std::string executable = "/proc/self/exe";
  extract::SandboxLimits limits;
};

class PdfAnnotator {
 public:
  // Keeps references to everything it is given; all must outlive it.
  PdfAnnotator(Applications& applications, store::Store& store, const store::BlobStore& blobs,
               const Prechecker& prechecker, AnnotatorOptions options = {});

  // Document `documentId` of the application, as submitted, with a highlight annotation on
  // every passage the pre-check of the application's documents rests on. Same access rules as
  // Applications::view. Throws core::NotFoundException when the actor may not see the
  // application or the document is not among those shown; core::UnsupportedFormatException when it is
  // not a PDF; core::ConflictException while it is not checked yet; core::MalformedDocumentException or
  // core::ExtractionFailedException when the highlights cannot be added.
  AnnotatedPdf annotate(const Actor& actor, store::Id applicationId, store::Id documentId) const;

 private:
  Applications& applications_;
  store::Store& store_;
  const store::BlobStore& blobs_;
  const Prechecker& prechecker_;
  AnnotatorOptions options_;
};

// The child's side: reads the highlights and the PDF from standard input, writes the annotated
// PDF to standard output (or the reason it could not, to standard error, with exit code 2).
// Call it from main only, in the child process.
int runAnnotateChild();

}  // namespace mkrp::workflow
