#include "check/checklist_loader.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>

#include "check/checklist_xml.h"
#include "core/errors.h"

namespace mkrp::check {
namespace {

// A checklist file is a few hundred kilobytes; anything far larger is not one.
constexpr std::size_t kMaxFileBytes = 16 * 1024 * 1024;

// What libxml2 reported, kept until it can be turned into a LoadProblem.
struct XmlError {
  int line = 0;
  std::string message;
  const xmlNode* node = nullptr;
};

void collectError(void* userData, xmlErrorPtr error) {
  if (error == nullptr || error->level == XML_ERR_WARNING) return;
  std::string message = error->message != nullptr ? error->message : "unknown XML error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  static_cast<std::vector<XmlError>*>(userData)->push_back(
      {error->line, std::move(message), static_cast<const xmlNode*>(error->node)});
}

// Routes libxml2's parser errors (reported through a per-thread global) to `errors` while alive.
class ParserErrorScope {
 public:
  explicit ParserErrorScope(std::vector<XmlError>& errors) {
    xmlSetStructuredErrorFunc(&errors, collectError);
  }
  ~ParserErrorScope() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
  ParserErrorScope(const ParserErrorScope&) = delete;
  ParserErrorScope& operator=(const ParserErrorScope&) = delete;
};

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ParserContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
struct SchemaFree {
  void operator()(xmlSchema* schema) const { xmlSchemaFree(schema); }
};
struct SchemaParserFree {
  void operator()(xmlSchemaParserCtxt* context) const { xmlSchemaFreeParserCtxt(context); }
};
struct SchemaValidatorFree {
  void operator()(xmlSchemaValidCtxt* context) const { xmlSchemaFreeValidCtxt(context); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;
using Schema = std::unique_ptr<xmlSchema, SchemaFree>;

void initLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// Parses the schema text; reports its own errors as problems of "checklist.xsd".
Schema parseSchema(std::string_view text, std::vector<LoadProblem>& problems) {
  std::vector<XmlError> errors;
  Schema schema;
  {
    ParserErrorScope scope(errors);
    std::unique_ptr<xmlSchemaParserCtxt, SchemaParserFree> parser(
        xmlSchemaNewMemParserCtxt(text.data(), static_cast<int>(text.size())));
    if (parser) {
      xmlSchemaSetParserStructuredErrors(parser.get(), collectError, &errors);
      schema.reset(xmlSchemaParse(parser.get()));
    }
  }
  for (const XmlError& error : errors) {
    problems.push_back({"checklist.xsd", error.line, "", error.message});
  }
  if (!schema && errors.empty()) {
    problems.push_back({"checklist.xsd", 0, "", "the schema could not be read"});
  }
  return schema;
}

// The 1-based line of the first `needle` in `text`; 0 when it is not there.
int lineOfText(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string_view::npos) return 0;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// Parses one file without network access, entity expansion or DOCTYPE; nullptr (with the
// problem reported) when it is not well-formed.
Doc parseFile(const ChecklistFile& file, std::vector<LoadProblem>& problems) {
  if (file.text.size() > kMaxFileBytes) {
    problems.push_back({file.name, 0, "", "the file is too large to be a checklist"});
    return nullptr;
  }
  std::vector<XmlError> errors;
  Doc doc;
  {
    ParserErrorScope scope(errors);
    std::unique_ptr<xmlParserCtxt, ParserContextFree> parser(xmlNewParserCtxt());
    if (!parser) throw std::bad_alloc();
    doc.reset(xmlCtxtReadMemory(parser.get(), file.text.data(), static_cast<int>(file.text.size()),
                                file.name.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES));
    if (doc && !parser->wellFormed) doc.reset();
  }
  if (!doc) {
    const XmlError first = errors.empty() ? XmlError{0, "the file is empty", nullptr} : errors[0];
    problems.push_back({file.name, first.line, "", "not well-formed XML: " + first.message});
    return nullptr;
  }
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    problems.push_back({file.name, lineOfText(file.text, "<!DOCTYPE"), "",
                        "a <!DOCTYPE> is not allowed in checklist files: remove it"});
    return nullptr;
  }
  return doc;
}

// Validates against the schema; every violation becomes a problem. True when valid.
bool validate(xmlDoc* doc, xmlSchema* schema, const std::string& fileName,
              std::vector<LoadProblem>& problems) {
  std::vector<XmlError> errors;
  std::unique_ptr<xmlSchemaValidCtxt, SchemaValidatorFree> validator(xmlSchemaNewValidCtxt(schema));
  if (!validator) throw std::bad_alloc();
  xmlSchemaSetValidStructuredErrors(validator.get(), collectError, &errors);
  const int result = xmlSchemaValidateDoc(validator.get(), doc);
  for (const XmlError& error : errors) {
    const int line = error.node != nullptr ? detail::lineOf(error.node) : error.line;
    const std::string item = error.node != nullptr ? detail::itemAround(error.node) : "";
    problems.push_back({fileName, line, item, error.message});
  }
  if (result != 0 && errors.empty()) {
    problems.push_back({fileName, 0, "", "the file does not follow checklist.xsd"});
  }
  return result == 0;
}

std::string readWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

std::string LoadProblem::toString() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  if (!text.empty()) text += ": ";
  if (!item.empty()) text += "item " + item + ": ";
  return text + message;
}

LoadResult readChecklists(const std::vector<ChecklistFile>& files, std::string_view schemaText) {
  initLibxml();
  LoadResult result;
  const Schema schema = parseSchema(schemaText, result.problems);
  if (!schema) return result;
  std::vector<core::Concept> concepts;
  std::vector<detail::ReadContext> contexts;
  for (const ChecklistFile& file : files) {
    const Doc doc = parseFile(file, result.problems);
    if (!doc || !validate(doc.get(), schema.get(), file.name, result.problems)) continue;
    detail::ReadContext& context = contexts.emplace_back();
    context.file = file.name;
    context.problems = &result.problems;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (std::string_view(reinterpret_cast<const char*>(root->name)) == "checklist") {
      result.checklists.checklists.push_back(detail::readChecklist(root, context, concepts));
    } else {
      for (core::Concept& definition : detail::readConcepts(root, context)) {
        concepts.push_back(std::move(definition));
      }
    }
  }
  detail::linkChecklists(result.checklists, std::move(concepts), contexts, result.problems);
  if (result.checklists.checklists.empty() && result.problems.empty()) {
    result.problems.push_back({"", 0, "", "no checklist was found among the files"});
  }
  return result;
}

LoadResult readChecklistDirectory(const std::string& directory) {
  namespace fs = std::filesystem;
  const fs::path dir(directory);
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return {{}, {{directory, 0, "", "is not a directory: name the checklists directory"}}};
  }
  const fs::path schemaPath = dir / "checklist.xsd";
  const std::string schema = readWholeFile(schemaPath);
  if (schema.empty()) {
    return {{}, {{schemaPath.string(), 0, "", "the schema is missing or cannot be read"}}};
  }
  std::vector<fs::path> paths;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml") {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<ChecklistFile> files;
  for (const fs::path& path : paths) files.push_back({path.string(), readWholeFile(path)});
  LoadResult result = readChecklists(files, schema);
  for (LoadProblem& problem : result.problems) {
    if (problem.file == "checklist.xsd") problem.file = schemaPath.string();
    if (problem.file == "concepts.xml") problem.file = (dir / "concepts.xml").string();
    if (problem.file.empty()) problem.file = directory;
  }
  return result;
}

core::ChecklistSet loadChecklistDirectory(const std::string& directory) {
  LoadResult result = readChecklistDirectory(directory);
  if (result.ok()) return std::move(result.checklists);
  std::string message = "the checklists in " + directory + " have " +
                        std::to_string(result.problems.size()) +
                        (result.problems.size() == 1 ? " mistake" : " mistakes") +
                        "; fix them and run `mkrp checklists validate`:";
  for (const LoadProblem& problem : result.problems) message += "\n" + problem.toString();
  throw core::InvalidChecklistException(message);
}

}  // namespace mkrp::check
