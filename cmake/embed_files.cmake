# Script mode: writes OUTPUT, a C++ file defining render::detail::kEmbeddedTemplates from FILES.
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
set(table "")
set(index 0)
foreach(file ${FILES})
  file(READ "${BASE_DIR}/${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "const char kFile${index}[] = {${bytes}'\\0'};\n")
  string(APPEND table "    {\"${file}\", std::string_view(kFile${index}, ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from templates/ by cmake/embed_files.cmake. Do not edit.
#include \"render/templates.h\"

namespace mkrp::render::detail {
namespace {
${body}}  // namespace

const EmbeddedTemplate kEmbeddedTemplates[] = {
${table}};
const std::size_t kEmbeddedTemplateCount = ${index};

}  // namespace mkrp::render::detail
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
