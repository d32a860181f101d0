#include "workflow/pdf_annotator.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <iostream>
#include <iterator>
#include <sstream>

#include "core/document_json.h"
#include "core/errors.h"
#include "render/annotated_pdf.h"

namespace mkrp::workflow {
namespace {

// --- what travels to the child: "<length of the JSON>\n", the highlights as JSON, the PDF -----

std::string toWire(const std::vector<render::PdfHighlight>& highlights, std::string_view pdf) {
  Poco::JSON::Array list;
  for (const render::PdfHighlight& highlight : highlights) {
    Poco::JSON::Object entry;
    entry.set("page", highlight.page);
    entry.set("role", std::string(core::toString(highlight.role)));
    entry.set("title", highlight.title);
    entry.set("note", highlight.note);
    Poco::JSON::Array lines;
    for (const core::Box& box : highlight.lines) {
      Poco::JSON::Array corners;
      for (double value : {box.x0, box.y0, box.x1, box.y1}) corners.add(value);
      lines.add(corners);
    }
    entry.set("lines", lines);
    list.add(entry);
  }
  std::ostringstream json;
  list.stringify(json);
  const std::string text = json.str();
  std::string wire = std::to_string(text.size()) + "\n" + text;
  wire.append(pdf);
  return wire;
}

struct Request {
  std::vector<render::PdfHighlight> highlights;
  std::string_view pdf;
};

// Reads what toWire wrote. Throws Poco exceptions on anything else.
Request fromWire(std::string_view wire) {
  const std::size_t newline = wire.find('\n');
  if (newline == std::string_view::npos || newline > 20) {
    throw Poco::DataFormatException("no length line");
  }
  const std::size_t length = std::stoul(std::string(wire.substr(0, newline)));
  if (length > wire.size() - newline - 1) throw Poco::DataFormatException("short input");
  Poco::JSON::Parser parser;
  const auto list =
      parser.parse(std::string(wire.substr(newline + 1, length))).extract<Poco::JSON::Array::Ptr>();
  Request request;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Poco::JSON::Object::Ptr entry = list->getObject(static_cast<unsigned>(i));
    render::PdfHighlight highlight;
    highlight.page = entry->getValue<int>("page");
    highlight.role = core::evidenceRoleFromString(entry->getValue<std::string>("role"));
    highlight.title = entry->getValue<std::string>("title");
    highlight.note = entry->getValue<std::string>("note");
    const Poco::JSON::Array::Ptr lines = entry->getArray("lines");
    for (std::size_t j = 0; j < lines->size(); ++j) {
      const Poco::JSON::Array::Ptr corners = lines->getArray(static_cast<unsigned>(j));
      highlight.lines.push_back({corners->getElement<double>(0), corners->getElement<double>(1),
                                 corners->getElement<double>(2), corners->getElement<double>(3)});
    }
    request.highlights.push_back(std::move(highlight));
  }
  request.pdf = wire.substr(newline + 1 + length);
  return request;
}

// "GO 41.pdf" -> "GO 41 (highlighted).pdf"
std::string highlightedName(const std::string& filename) {
  const std::size_t dot = filename.rfind('.');
  const std::string stem = dot == std::string::npos ? filename : filename.substr(0, dot);
  return stem + " (highlighted).pdf";
}

}  // namespace

PdfAnnotator::PdfAnnotator(Applications& applications, store::Store& store,
                           const store::BlobStore& blobs, const Prechecker& prechecker,
                           AnnotatorOptions options)
    : applications_(applications),
      store_(store),
      blobs_(blobs),
      prechecker_(prechecker),
      options_(std::move(options)) {}

AnnotatedPdf PdfAnnotator::annotate(const Actor& actor, store::Id applicationId,
                                    store::Id documentId) const {
  // view() applies the access rules and picks the round the actor sees.
  const ApplicationView view = applications_.view(actor, applicationId);
  const store::DocumentRecord* wanted = nullptr;
  std::vector<core::SubmittedFile> files;  // the checked documents, as the pre-check reads them
  int wantedIndex = -1;
  for (const store::DocumentRecord& document : view.documents) {
    if (document.status != store::DocumentStatus::Checked) {
      if (document.id == documentId) wanted = &document;
      continue;
    }
    const std::optional<store::DocumentResults> results = store_.documents().results(document.id);
    if (!results) continue;
    if (document.id == documentId) {
      wanted = &document;
      wantedIndex = static_cast<int>(files.size());
    }
    files.push_back({document.filename, core::documentFromJson(results->documentJson)});
  }
  if (wanted == nullptr) {
    throw core::NotFoundException("This application has no such document.");
  }
  if (wanted->format != "pdf") {
    throw core::NotFoundException(
        "A highlighted copy exists only for PDF documents. The passages of \"" +
        wanted->filename + "\" are highlighted beside its text on the application page.");
  }
  if (wantedIndex < 0) {
    throw core::ConflictException("\"" + wanted->filename +
                                  "\" has not been checked yet. Try again when its pre-check "
                                  "is shown.");
  }
  const core::Report report = prechecker_.run(view.agency.kind, files);
  const std::vector<render::PdfHighlight> highlights = render::highlightsFor(
      files[wantedIndex].document, wantedIndex, report, &prechecker_.checklists());
  const std::string original = blobs_.get(wanted->blobSha256);

  const extract::SandboxResult result =
      extract::runSandboxed({options_.executable, std::string(kAnnotateChildCommand)},
                            toWire(highlights, original), options_.limits);
  if (result.succeeded()) return {highlightedName(wanted->filename), result.output};
  if (result.status == extract::SandboxStatus::Exited && result.exitCode == 2) {
    // The child's one-line reason, written for people (render::annotatePdf's message).
    std::string reason = result.errors.substr(0, result.errors.find('\n'));
    if (reason.empty()) reason = "Highlights could not be added to this PDF.";
    throw core::MalformedDocumentException(reason);
  }
  throw core::ExtractionFailedException(
      "Adding highlights to \"" + wanted->filename + "\" failed (" +
      extract::describe(result, options_.limits) +
      "). The passages are still shown beside the text on the application page.");
}

int runAnnotateChild() {
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  try {
    const Request request = fromWire(input);
    const std::string pdf = render::annotatePdf(request.pdf, request.highlights);
    std::cout.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const Poco::Exception& error) {
    std::cerr << error.message() << '\n';
    return 2;
  } catch (const std::bad_alloc&) {
    return extract::kOutOfMemoryExitCode;
  } catch (const std::exception& error) {
    std::cerr << "Highlights could not be added to this PDF (" << error.what() << ").\n";
    return 2;
  }
}

}  // namespace mkrp::workflow
