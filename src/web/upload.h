// Internal: reading an uploaded file from a multipart/form-data request, within a size limit,
// into memory (the file name is kept as text only, never used as a path).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mkrp::web::detail {

class Exchange;

struct UploadedFile {
  std::string filename;  // as the browser sent it
  std::string bytes;
};

// The part named "file". Throws core::UnsupportedFormatException when the request is not
// multipart/form-data, core::LimitExceededException when the file (or the request) is larger
// than `maxBytes` allows (its message ends with `tooLargeAdvice`),
// workflow::InvalidRequestException when there is no file part.
UploadedFile readUpload(Exchange& exchange, std::uint64_t maxBytes,
                        std::string_view tooLargeAdvice =
                            "Remove scanned images or split the directive into smaller "
                            "files.");

// Reads and drops what is left of the request body, at most `limit` bytes. True when the body
// was read to its end (the connection can serve another request).
bool drainBody(std::istream& body, std::uint64_t limit);

}  // namespace mkrp::web::detail
