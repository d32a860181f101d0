# Every third-party dependency is found here, and only here.
find_package(Poco REQUIRED COMPONENTS Foundation Util JSON Zip XML Net)
# The store: Poco::Data and its SQLite and PostgreSQL connectors. Debian's Poco names libpq as
# PostgreSQL::client (Poco's own find module) without defining it; it is libpq.
find_package(PostgreSQL REQUIRED)
if(NOT TARGET PostgreSQL::client)
  add_library(PostgreSQL::client INTERFACE IMPORTED)
  target_link_libraries(PostgreSQL::client INTERFACE PostgreSQL::PostgreSQL)
endif()
find_package(Poco REQUIRED COMPONENTS Data DataSQLite DataPostgreSQL)
find_package(LibXml2 REQUIRED)
# zlib inflates the parts of DOCX/ODT packages (extract/package).
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PODOFO REQUIRED IMPORTED_TARGET libpodofo)
# libsodium: Argon2id password hashes and random tokens (workflow).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# libcrypto: PoDoFo decrypts PDFs with it; the PDF reader enables its legacy RC4 algorithm.
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(Threads REQUIRED)
if(MKRP_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
# libstemmer (Snowball) for check/text; Debian ships no CMake or pkg-config file for it.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
if(NOT TARGET Stemmer::Stemmer)
  add_library(Stemmer::Stemmer UNKNOWN IMPORTED)
  set_target_properties(Stemmer::Stemmer PROPERTIES
    IMPORTED_LOCATION "${STEMMER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")
endif()
