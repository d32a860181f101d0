# MKRP_SANITIZE is a list such as "address;undefined". It applies to every target built here,
# so that libraries and the executables that link them agree.
if(MKRP_SANITIZE)
  list(JOIN MKRP_SANITIZE "," _mkrp_sanitizers)
  add_compile_options(-fsanitize=${_mkrp_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${_mkrp_sanitizers})
  add_compile_definitions(MKRP_SANITIZED=1)
endif()
