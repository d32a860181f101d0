// A token of running text: one word or number, its normalized forms and where it is in the text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mkrp::check::text {

// What stood between a token and the token before it. Token::gapBefore holds a bit set of these,
// so a matcher can see punctuation without punctuation tokens in the stream.
enum class Gap : std::uint16_t {
  None = 0,
  Space = 1 << 0,      // any blank, including no-break spaces
  LineBreak = 1 << 1,  // a line break inside the block
  Hyphen = 1 << 2,     // a hyphen or dash joining two words with no space: "24-hour", "18–20"
  Dash = 1 << 3,       // a free-standing dash: "report – then", "--"
  Comma = 1 << 4,
  Semicolon = 1 << 5,
  Colon = 1 << 6,
  OpenParen = 1 << 7,   // ( [ {
  CloseParen = 1 << 8,  // ) ] }
  Slash = 1 << 9,       // "parent/guardian", "1/2"
  Period = 1 << 10,     // a period that did not end a sentence: "approx. two", "missingkids.org"
  Quote = 1 << 11,      // straight or curly quotes, guillemets
  Sentence = 1 << 12,   // this token starts a new sentence (never set on a block's first token)
  Other = 1 << 13,      // any other symbol: § # % $ * bullets ...
};

enum class TokenKind : std::uint8_t {
  Word,     // letters, possibly with inner apostrophes ("o'brien")
  Number,   // digits with inner '.' or ',' ("24", "1.5", "1,000", "4.2.1") or ½ ¼ ¾
  Ordinal,  // "1st", "2nd", "30th"
};

// A token views its norm and lower forms in a WordStore (see TokenList): a Token is valid as long
// as the store that holds its words, like a std::string_view.
struct Token {
  // The form phrases are compared on: lower case, Unicode folded, possessive removed, then stemmed
  // with the English Snowball stemmer ("Entering" -> "enter", "child's" -> "child"). Numbers keep
  // their digits without thousands separators ("1,000" -> "1000", "1½" -> "1.5").
  std::string_view norm;
  // The lower-case, folded word before stemming ("entering", "child", "hrs"). Contractions are
  // expanded: "won't" gives the tokens "will" and "not", "cannot" gives "can" and "not".
  std::string_view lower;
  // Bytes [start, end) of the token in the original UTF-8 text. A word joined across a line-break
  // hyphen spans both pieces; a possessive spans its "'s".
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint64_t normHash = 0;   // hashWord(norm): compare or index by it before comparing norms
  std::uint32_t sentence = 0;   // index of the sentence within the tokenized text, from 0
  std::uint16_t gapBefore = 0;  // bit set of Gap
  std::int8_t wordValue = -1;   // a number word's value ("twelve" -> 12, zero to ninety); else -1
  TokenKind kind = TokenKind::Word;
  bool capitalized = false;   // the first character is an upper-case letter in the original
  bool abbreviation = false;  // a period right after this token was read as an abbreviation mark

  bool has(Gap gap) const { return (gapBefore & static_cast<std::uint16_t>(gap)) != 0; }
  bool isNumber() const { return kind == TokenKind::Number; }
  bool isWord() const { return kind == TokenKind::Word; }
};

// The characters of tokens' words. Words are added, never moved, so the views it gives stay valid
// until it is cleared or destroyed, also when the store itself is moved. A document's words take
// far less room and time as one store than as a string each.
class WordStore {
 public:
  WordStore() = default;
  // The words move with their chunks; the store moved from is left empty, ready for new words.
  WordStore(WordStore&& other) noexcept { *this = std::move(other); }
  WordStore& operator=(WordStore&& other) noexcept {
    if (this != &other) {
      chunks_ = std::move(other.chunks_);
      other.chunks_.clear();
      lastSize_ = std::exchange(other.lastSize_, 0);
      next_ = std::exchange(other.next_, nullptr);
      left_ = std::exchange(other.left_, 0);
    }
    return *this;
  }

  // Returns a view of a copy of `word` kept by the store.
  std::string_view add(std::string_view word) {
    if (word.size() > left_) grow(word.size());
    char* const at = next_;
    std::memcpy(at, word.data(), word.size());
    next_ += word.size();
    left_ -= word.size();
    return {at, word.size()};
  }
  // Forgets every word; the largest block of memory is kept for the next words.
  void clear();

 private:
  void grow(std::size_t atLeast);

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t lastSize_ = 0;  // the size of chunks_.back()
  char* next_ = nullptr;      // free room in chunks_.back()
  std::size_t left_ = 0;
};

class TokenList;
namespace detail {
TokenList tokenizeWithoutFastPaths(std::string_view utf8);  // tokenizer_testing.h
}  // namespace detail

// Tokens together with the store of their words: what Tokenizer::tokenize gives. Read it like a
// vector of tokens (or as a span); it may be moved, not copied.
class TokenList {
 public:
  TokenList() = default;
  TokenList(TokenList&&) noexcept = default;
  TokenList& operator=(TokenList&&) noexcept = default;

  const std::vector<Token>& tokens() const { return tokens_; }
  operator std::span<const Token>() const { return tokens_; }
  std::size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }
  const Token& front() const { return tokens_.front(); }
  const Token& back() const { return tokens_.back(); }
  auto begin() const { return tokens_.begin(); }
  auto end() const { return tokens_.end(); }

  void reserve(std::size_t count) { tokens_.reserve(count); }
  void clear() {
    tokens_.clear();
    words_.clear();
  }

 private:
  friend class Tokenizer;
  friend TokenList detail::tokenizeWithoutFastPaths(std::string_view utf8);
  std::vector<Token> tokens_;
  WordStore words_;
};

// A fast hash of a short string (a token norm). The same text always gives the same value on a
// given platform; different texts rarely collide, so compare the text too when it matters.
inline std::uint64_t hashWord(std::string_view word) {
  std::uint64_t hash = word.size() * 0x9E3779B97F4A7C15ull;
  std::size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    hash = (hash ^ chunk) * 0xFF51AFD7ED558CCDull;
  }
  std::uint64_t tail = 0;
  for (; i < word.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(word[i]);
  hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53ull;
  return hash ^ (hash >> 29);
}

// A half-open range [begin, end) of token indexes.
struct TokenRange {
  std::size_t begin = 0;
  std::size_t end = 0;

  bool empty() const { return begin >= end; }
  std::size_t size() const { return empty() ? 0 : end - begin; }
  bool contains(std::size_t index) const { return index >= begin && index < end; }
  bool operator==(const TokenRange&) const = default;
};

}  // namespace mkrp::check::text
