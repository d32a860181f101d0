# mkrp_set_warnings(target): our warning set, applied to our own targets only.
function(mkrp_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(MKRP_SANITIZE)
    # GCC 12 reports false "maybe uninitialized" paths in libstdc++ under the sanitizers.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(MKRP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
