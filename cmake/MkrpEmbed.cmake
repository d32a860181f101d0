# mkrp_embed_templates(target BASE_DIR dir FILES f1 f2 ...): compiles the named files under
# BASE_DIR into `target`, so the binary carries its templates while templates/ stays the one
# place they are edited. The files are looked up at run time by their path relative to BASE_DIR
# (render/templates.h).
function(mkrp_embed_templates target)
  cmake_parse_arguments(ARG "" "BASE_DIR" "FILES" ${ARGN})
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_templates.cpp")
  list(JOIN ARG_FILES "|" joined_files)
  set(inputs)
  foreach(file ${ARG_FILES})
    list(APPEND inputs "${ARG_BASE_DIR}/${file}")
  endforeach()
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} "-DBASE_DIR=${ARG_BASE_DIR}" "-DFILES=${joined_files}"
            "-DOUTPUT=${output}" -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${inputs} "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding templates"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
