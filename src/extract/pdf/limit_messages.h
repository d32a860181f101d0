// Wording shared by the PDF reader's limit messages.
#pragma once

#include <cstdint>
#include <string>

namespace mkrp::extract::pdf {

// "64 MiB" for whole mebibytes, "1000 bytes" otherwise.
std::string sizeInWords(std::uint64_t bytes);

}  // namespace mkrp::extract::pdf
