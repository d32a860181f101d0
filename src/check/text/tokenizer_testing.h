// Test-only entry points of the tokenizer. Internal to check/text.
#pragma once

#include <string_view>
#include <vector>

#include "check/text/token.h"

namespace mkrp::check::text::detail {

// Tokenizer::tokenize with every word read by the general word reader, none by the fast paths for
// plain ASCII words, digit runs and single blanks. The tokens must be the same: tests compare.
TokenList tokenizeWithoutFastPaths(std::string_view utf8);

}  // namespace mkrp::check::text::detail
