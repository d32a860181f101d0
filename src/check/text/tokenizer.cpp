#include "check/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "check/text/number.h"
#include "check/text/tokenizer_testing.h"
#include "check/text/utf8.h"
#include "check/text/word_rules.h"

namespace mkrp::check::text {

namespace {

using detail::CharClass;
using namespace detail::word_rules;

enum class SegmentKind { Letters, Digits };

struct Segment {
  SegmentKind kind;
  std::size_t begin;  // in the folded buffer
  std::size_t end;
};

constexpr bool isAsciiLetter(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}

// The gap a character leaves between two tokens.
Gap gapOf(CharClass cls) {
  switch (cls) {
    case CharClass::Space:
      return Gap::Space;
    case CharClass::Apostrophe:
    case CharClass::Quote:
      return Gap::Quote;
    case CharClass::Comma:
      return Gap::Comma;
    case CharClass::Semicolon:
      return Gap::Semicolon;
    case CharClass::Colon:
      return Gap::Colon;
    case CharClass::OpenParen:
      return Gap::OpenParen;
    case CharClass::CloseParen:
      return Gap::CloseParen;
    case CharClass::Slash:
      return Gap::Slash;
    case CharClass::Invisible:
      return Gap::None;
    default:
      return Gap::Other;
  }
}

// What follows a full stop, after closing quotes and brackets and then blanks.
struct Lookahead {
  bool atEnd = false;
  bool blank = false;      // blanks or line breaks came first
  bool paragraph = false;  // a blank line came first
  CharClass next = CharClass::Space;
  bool upper = false;
};

// One pass over one text. Keeps the state the Tokenizer must not: position, pending gap,
// sentence counter.
class Scanner {
 public:
  Scanner(std::string_view text, Stemmer& stemmer, std::string& folded,
          std::vector<std::uint32_t>& starts, std::vector<std::uint32_t>& ends,
          std::vector<Token>& out, WordStore& words, bool fastPaths = true)
      : text_(text),
        stemmer_(stemmer),
        folded_(folded),
        starts_(starts),
        ends_(ends),
        out_(out),
        words_(words),
        base_(out.size()),
        fastPaths_(fastPaths),
        sentenceStart_(out.size()) {}

  void run() {
    while (pos_ < text_.size()) {
      // Plain words and single blanks are most of a text: they skip step()'s dispatch.
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (!fastPaths_) {
        step();
      } else if (byte == ' ' && pos_ + 1 < text_.size() && text_[pos_ + 1] != ' ') {
        addGap(Gap::Space);
        ++pos_;
      } else if (isAsciiLetter(byte)) {
        if (!readPlainWord()) readWord();
      } else {
        step();
      }
    }
  }

 private:
  detail::CodePoint at(std::size_t i) const { return detail::decodeAt(text_, i); }
  // The class of the character at `i`; the end of the text reads as a line break.
  CharClass classAt(std::size_t i) const {
    if (i >= text_.size()) return CharClass::LineBreak;
    const auto byte = static_cast<unsigned char>(text_[i]);
    return byte < 0x80 ? detail::classifyAscii(byte) : detail::classify(at(i).value);
  }
  static bool isWordChar(CharClass c) {
    return c == CharClass::Letter || c == CharClass::Digit || c == CharClass::Fraction;
  }
  void addGap(Gap gap) { gap_ |= static_cast<std::uint16_t>(gap); }
  bool noToken() const { return out_.size() == base_; }  // none of this text's tokens yet
  void breakSentence() { sentenceBreakPending_ = !noToken(); }
  // True when the last token ends right here, with at most closing quotes or brackets between.
  bool followsToken() const {
    constexpr auto kClosing =
        static_cast<std::uint16_t>(Gap::Quote) | static_cast<std::uint16_t>(Gap::CloseParen);
    return !noToken() && (gap_ & ~kClosing) == 0;
  }

  void step();
  // Sets the token's words, kept in words_; a norm equal to the lower form shares its characters.
  void setWords(Token& token, std::string_view lower, std::string_view norm) {
    token.lower = words_.add(lower);
    const bool same = norm.size() == lower.size() && (norm.data() == lower.data() || norm == lower);
    token.norm = same ? token.lower : words_.add(norm);
  }
  bool readPlainWord();
  bool endsAtJoiner(std::size_t i) const;
  bool readPlainNumber();
  void readWord();
  std::size_t initialismEnd(std::size_t i) const;
  void emitInitialism(std::size_t end);
  std::size_t readAsciiRun(std::size_t i);
  void appendChar(detail::CodePoint cp, CharClass cls, std::size_t at);
  void mapOffsets();
  std::uint32_t startOf(std::size_t folded) const {
    return mapped_ ? starts_[folded] : static_cast<std::uint32_t>(wordStart_ + folded);
  }
  std::uint32_t endOf(std::size_t folded) const {
    return mapped_ ? ends_[folded] : static_cast<std::uint32_t>(wordStart_ + folded + 1);
  }
  std::size_t continueWord(detail::CodePoint cp, CharClass cls, std::size_t at);
  std::size_t lineBreakContinuation(std::size_t afterHyphen) const;
  void emitSegments();
  void emitWord(std::size_t begin, std::size_t end);
  void emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
            std::string_view norm);
  void emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
            Stemmer::Stemmed stemmed);
  void emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
            std::string_view norm, std::uint64_t normHash);
  void emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
            std::string_view norm, std::uint64_t normHash, std::int8_t wordValue);
  Token& open();
  void onPeriod();
  void onTerminator();
  void onHyphen();
  void onLineBreak();
  void onAmpersand();
  Lookahead lookAhead(std::size_t i) const;
  bool endsSentence(const Token& before, bool firstInSentence, const Lookahead& next) const;
  bool listLabelAt(std::size_t i) const;
  std::size_t skipBlanks(std::size_t i) const;

  std::string_view text_;
  Stemmer& stemmer_;
  std::string& folded_;
  std::vector<std::uint32_t>& starts_;
  std::vector<std::uint32_t>& ends_;
  std::vector<Token>& out_;
  WordStore& words_;
  std::size_t base_;  // out_'s size before this text: its tokens are appended after
  bool fastPaths_;    // read plain words and blanks by readPlainWord/readPlainNumber and run()
  std::vector<Segment> segments_;
  // While a word's folded bytes are its original ASCII bytes one to one, starts_ and ends_ stay
  // empty and an offset is wordStart_ + index; the first exception fills them in.
  std::size_t wordStart_ = 0;
  bool mapped_ = false;
  bool hasApostrophe_ = false;  // the current word has an inner apostrophe
  std::size_t pos_ = 0;
  std::uint16_t gap_ = 0;
  bool sentenceBreakPending_ = false;
  std::uint32_t sentence_ = 0;
  std::size_t sentenceStart_;  // index in out_ of the current sentence's first token
};

void Scanner::step() {
  const auto byte = static_cast<unsigned char>(text_[pos_]);
  const auto cp = byte < 0x80 ? detail::CodePoint{byte, 1} : at(pos_);
  const CharClass cls = byte < 0x80 ? detail::classifyAscii(byte) : detail::classify(cp.value);
  switch (cls) {
    case CharClass::Letter:  // with fast paths, run() reads ASCII letters
      return readWord();
    case CharClass::Digit:
      if (fastPaths_ && readPlainNumber()) return;
      return readWord();
    case CharClass::Fraction:
      return readWord();
    case CharClass::Period:
    case CharClass::Ellipsis:
      return onPeriod();
    case CharClass::Terminator:
      return onTerminator();
    case CharClass::Hyphen:
      return onHyphen();
    case CharClass::LineBreak:
      return onLineBreak();
    case CharClass::Ampersand:
      return onAmpersand();
    case CharClass::Bullet:
      breakSentence();
      break;
    case CharClass::Space:
      while (pos_ + 1 < text_.size() && text_[pos_ + 1] == ' ') ++pos_;  // runs of blanks
      break;
    default:
      break;
  }
  addGap(gapOf(cls));
  pos_ += cp.length;
}

// "U.S.C.", "e.g.", "a.m.": single ASCII letters joined by periods. Returns the end of the last
// letter (the final period is left to onPeriod), or 0 when the text at `i` is not one.
std::size_t Scanner::initialismEnd(std::size_t i) const {
  auto isAsciiLetter = [this](std::size_t k) {
    if (k >= text_.size()) return false;
    const char c = text_[k];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t letters = 0;
  std::size_t k = i;
  while (isAsciiLetter(k) && !isAsciiLetter(k + 1)) {
    ++letters;
    if (k + 1 >= text_.size() || text_[k + 1] != '.' || !isAsciiLetter(k + 2)) break;
    k += 2;
  }
  if (letters < 2) return 0;
  const std::size_t end = k + 1;
  return isWordChar(classAt(end)) ? 0 : end;
}

void Scanner::emitInitialism(std::size_t end) {
  std::string letters;
  for (std::size_t k = pos_; k < end; k += 2) letters.push_back(static_cast<char>(text_[k] | 0x20));
  Token& token = open();
  setWords(token, letters, letters);
  token.normHash = hashWord(token.norm);
  token.start = static_cast<std::uint32_t>(pos_);
  token.end = static_cast<std::uint32_t>(end);
  token.capitalized = detail::isUpper(static_cast<unsigned char>(text_[pos_]));
  pos_ = end;
}

// ASCII characters after which a run of ASCII letters or of digits is a whole word, so that
// readWord's folding, segments and contraction rules have nothing to do.
struct PlainEnds {
  std::array<bool, 128> word{};    // not a letter, digit, apostrophe or hyphen
  std::array<bool, 128> number{};  // not a letter, digit, '.' or ','
};

constexpr PlainEnds kPlainEnds = [] {
  PlainEnds ends;
  for (unsigned char c = 0; c < 128; ++c) {
    const CharClass cls = detail::classifyAsciiSlow(c);
    const bool wordChar = cls == CharClass::Letter || cls == CharClass::Digit;
    ends.word[c] = !wordChar && cls != CharClass::Apostrophe && cls != CharClass::Hyphen;
    ends.number[c] = !wordChar && cls != CharClass::Period && cls != CharClass::Comma;
  }
  return ends;
}();

// The number of ASCII letters at the start of `text`, counted eight bytes at a time while eight
// can be read and all are letters (then the caller goes on byte by byte); their lower-case forms
// are written to `lower`, with up to eight bytes of other characters after them.
std::size_t lettersByEight(const char* text, std::size_t size, char* lower) {
  if constexpr (std::endian::native != std::endian::little) return 0;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kLow = 0x7F7F7F7F7F7F7F7Full;
  std::size_t length = 0;
  for (; length + 8 <= size && length + 8 <= 32; length += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, text + length, 8);
    const std::uint64_t folded = chunk | 0x2020202020202020ull;
    std::memcpy(lower + length, &folded, 8);
    // Per byte, without carries between bytes: the high bit says "at least 'a'", then "past 'z'".
    const std::uint64_t seven = folded & kLow;
    const std::uint64_t atLeastA = seven + 0x1F1F1F1F1F1F1F1Full;
    const std::uint64_t pastZ = seven + 0x0505050505050505ull;
    const std::uint64_t letters = atLeastA & ~pastZ & ~chunk & kHigh;
    if (letters != kHigh) return length + std::countr_zero(~letters & kHigh) / 8;
  }
  return length;
}

// True when the hyphen or apostrophe at `i`, right after a run of letters, cannot join the word
// to what follows (see continueWord): "follow-up", "officers' duties". The character after it
// decides: a hyphen joins across a line break only, an apostrophe only before a letter.
bool Scanner::endsAtJoiner(std::size_t i) const {
  if (i + 1 >= text_.size()) return true;
  const auto after = static_cast<unsigned char>(text_[i + 1]);
  if (after >= 0x80) return false;
  const CharClass cls = detail::classifyAscii(after);
  if (text_[i] == '-') return cls != CharClass::Space && cls != CharClass::LineBreak;
  return (text_[i] == '\'' || text_[i] == '`') && cls != CharClass::Letter;
}

// Most words of a document are ASCII letters followed by a blank or punctuation. Reads such a
// word at pos_ straight from the text, giving the token readWord would give; returns false,
// having read nothing, for any other word (digits, inner apostrophes, hyphens that may join a
// word broken at a line end, non-ASCII letters, "cannot", a possible initialism, a very long
// word).
bool Scanner::readPlainWord() {
  constexpr std::size_t kLongest = 32;
  const std::size_t left = std::min(text_.size() - pos_, kLongest + 1);
  const char* const begin = text_.data() + pos_;
  char lower[kLongest + 8];
  std::size_t length = lettersByEight(begin, left, lower);
  while (length < left && isAsciiLetter(static_cast<unsigned char>(begin[length]))) {
    if (length == kLongest) return false;
    lower[length] = static_cast<char>(begin[length] | 0x20);
    ++length;
  }
  if (length < left) {
    const auto next = static_cast<unsigned char>(begin[length]);
    if (next >= 0x80 || !(kPlainEnds.word[next] || endsAtJoiner(pos_ + length))) return false;
    if (length == 1 && next == '.') return false;  // "e.g.", "U.S.C.": initialismEnd decides
  }
  const std::string_view word(lower, length);
  if (word == "cannot") return false;
  // The token emit() would make, with the stem cache's slot loading while the rest is filled in.
  const std::uint64_t key = Stemmer::keyOf(word);
  stemmer_.prefetch(key);
  Token& token = open();
  token.kind = TokenKind::Word;
  token.start = static_cast<std::uint32_t>(pos_);
  token.end = static_cast<std::uint32_t>(pos_ + length);
  token.capitalized = begin[0] >= 'A' && begin[0] <= 'Z';
  const Stemmer::Stemmed stemmed = stemmer_.stemmed(word, key);
  setWords(token, word, stemmed.stem);
  token.normHash = stemmed.hash;
  token.wordValue = stemmed.numberValue;
  pos_ += length;
  return true;
}

// The same for a run of ASCII digits ("24", "2026") that no letter or digit follows, nor a '.' or
// ',' before a digit.
bool Scanner::readPlainNumber() {
  const std::size_t begin = pos_;
  std::size_t end = pos_;
  while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') ++end;
  if (end < text_.size()) {
    const auto next = static_cast<unsigned char>(text_[end]);
    const bool separator = next == '.' || next == ',';
    const bool digitAfter =
        end + 1 < text_.size() && text_[end + 1] >= '0' && text_[end + 1] <= '9';
    if (next >= 0x80 || !(kPlainEnds.number[next] || (separator && !digitAfter))) return false;
  }
  const std::string_view digits = text_.substr(begin, end - begin);
  wordStart_ = begin;
  mapped_ = false;
  emit(0, digits.size(), TokenKind::Number, digits, digits);
  pos_ = end;
  return true;
}

void Scanner::readWord() {
  const bool periodSecond = pos_ + 1 < text_.size() && text_[pos_ + 1] == '.';
  if (const std::size_t end = periodSecond ? initialismEnd(pos_) : 0; end != 0) {
    emitInitialism(end);
    return;
  }
  folded_.clear();
  starts_.clear();
  ends_.clear();
  segments_.clear();
  wordStart_ = pos_;
  mapped_ = false;
  hasApostrophe_ = false;
  std::size_t i = readAsciiRun(pos_);
  while (i < text_.size()) {
    const auto byte = static_cast<unsigned char>(text_[i]);
    const CharClass cls = byte < 0x80 ? detail::classifyAscii(byte) : classAt(i);
    if (cls == CharClass::Space || cls == CharClass::LineBreak) break;  // the common end
    const auto cp = byte < 0x80 ? detail::CodePoint{byte, 1} : at(i);
    if (isWordChar(cls)) {
      appendChar(cp, cls, i);
      i += cp.length;
    } else if (const std::size_t next = continueWord(cp, cls, i); next != 0) {
      i = next;
    } else {
      break;
    }
  }
  emitSegments();
  pos_ = i;
}

// The plain part of a word: ASCII letters and digits, folded one to one. Returns where it ends.
std::size_t Scanner::readAsciiRun(std::size_t i) {
  const std::size_t begin = i;
  while (i < text_.size()) {
    const auto byte = static_cast<unsigned char>(text_[i]);
    if (byte >= 0x80) break;
    const CharClass cls = detail::classifyAscii(byte);
    if (cls != CharClass::Letter && cls != CharClass::Digit) break;
    const SegmentKind kind = cls == CharClass::Letter ? SegmentKind::Letters : SegmentKind::Digits;
    if (segments_.empty() || segments_.back().kind != kind) {
      segments_.push_back({kind, i - begin, i - begin});
    }
    ++i;
  }
  folded_.append(text_.data() + begin, i - begin);
  for (char& c : folded_) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  if (!segments_.empty()) segments_.back().end = folded_.size();
  for (std::size_t k = 0; k + 1 < segments_.size(); ++k) segments_[k].end = segments_[k + 1].begin;
  return i;
}

void Scanner::appendChar(detail::CodePoint cp, CharClass cls, std::size_t i) {
  const bool letter = cls == CharClass::Letter || cls == CharClass::Apostrophe;
  const SegmentKind kind = letter ? SegmentKind::Letters : SegmentKind::Digits;
  if (segments_.empty() || segments_.back().kind != kind) {
    segments_.push_back({kind, folded_.size(), folded_.size()});
  }
  const bool oneToOne = cp.length == 1;
  if (!mapped_ && (!oneToOne || i != wordStart_ + folded_.size())) mapOffsets();
  const std::size_t before = folded_.size();
  if (cls == CharClass::Apostrophe) {
    folded_.push_back('\'');
    hasApostrophe_ = true;
  } else if (cp.value < 0x80) {
    const char c = static_cast<char>(cp.value);
    folded_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
  } else {
    detail::appendFolded(cp.value, folded_);
  }
  if (mapped_) {
    for (std::size_t k = before; k < folded_.size(); ++k) {
      starts_.push_back(static_cast<std::uint32_t>(i));
      ends_.push_back(static_cast<std::uint32_t>(i + cp.length));
    }
  }
  segments_.back().end = folded_.size();
}

void Scanner::mapOffsets() {
  for (std::size_t k = 0; k < folded_.size(); ++k) {
    starts_.push_back(static_cast<std::uint32_t>(wordStart_ + k));
    ends_.push_back(static_cast<std::uint32_t>(wordStart_ + k + 1));
  }
  mapped_ = true;
}

// Characters that continue a word without being a letter or digit: returns where the word goes
// on, or 0 when the word ends at `i`.
std::size_t Scanner::continueWord(detail::CodePoint cp, CharClass cls, std::size_t i) {
  if (segments_.empty()) return 0;
  const std::size_t next = i + cp.length;
  const Segment& last = segments_.back();
  const bool afterLetter = last.kind == SegmentKind::Letters;
  const bool afterDigit =
      last.kind == SegmentKind::Digits && folded_.back() >= '0' && folded_.back() <= '9';
  switch (cls) {
    case CharClass::Invisible: {
      const std::size_t continued = lineBreakContinuation(next);
      return continued != 0 ? continued : next;
    }
    case CharClass::Apostrophe:
      if (afterLetter && classAt(next) == CharClass::Letter) {
        appendChar(cp, cls, i);
        return next;
      }
      return 0;
    case CharClass::Period:
    case CharClass::Comma: {
      if (!afterDigit || classAt(next) != CharClass::Digit) return 0;
      if (cls == CharClass::Comma) {
        // A thousands separator has exactly three digits after it.
        for (std::size_t k = next; k < next + 3; ++k) {
          if (classAt(k) != CharClass::Digit) return 0;
        }
        if (classAt(next + 3) == CharClass::Digit) return 0;
      }
      appendChar(cp, cls, i);
      return next;
    }
    case CharClass::Hyphen: {
      if (!afterLetter) return 0;
      const std::size_t right = lineBreakContinuation(next);
      if (right == 0) return 0;
      std::string rightWord;
      for (std::size_t k = right; k < text_.size() && classAt(k) == CharClass::Letter;) {
        const auto c = at(k);
        detail::appendFolded(c.value, rightWord);
        k += c.length;
      }
      const std::string_view left =
          std::string_view(folded_).substr(last.begin, last.end - last.begin);
      return joinsAcrossLineBreak(left, rightWord) ? right : 0;
    }
    default:
      return 0;
  }
}

// After a hyphen: blanks, one line break, blanks, then a lower-case letter. Returns the position
// of that letter, or 0.
std::size_t Scanner::lineBreakContinuation(std::size_t i) const {
  i = skipBlanks(i);
  if (i >= text_.size() || classAt(i) != CharClass::LineBreak) return 0;
  if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
  i = skipBlanks(i + at(i).length);
  if (i >= text_.size() || classAt(i) != CharClass::Letter) return 0;
  return detail::isUpper(at(i).value) ? 0 : i;
}

std::size_t Scanner::skipBlanks(std::size_t i) const {
  while (i < text_.size() && classAt(i) == CharClass::Space) i += at(i).length;
  return i;
}

void Scanner::emitSegments() {
  for (std::size_t k = 0; k < segments_.size(); ++k) {
    const Segment& segment = segments_[k];
    const std::string_view written =
        std::string_view(folded_).substr(segment.begin, segment.end - segment.begin);
    if (segment.kind == SegmentKind::Letters) {
      emitWord(segment.begin, segment.end);
      continue;
    }
    if (k + 1 < segments_.size()) {
      const Segment& suffix = segments_[k + 1];
      const std::string_view letters =
          std::string_view(folded_).substr(suffix.begin, suffix.end - suffix.begin);
      if (isOrdinalSuffix(letters) && k + 2 == segments_.size()) {
        const std::string ordinal(
            std::string_view(folded_).substr(segment.begin, suffix.end - segment.begin));
        emit(segment.begin, suffix.end, TokenKind::Ordinal, ordinal, ordinal);
        ++k;
        continue;
      }
    }
    emit(segment.begin, segment.end, TokenKind::Number, written, normalizeNumber(written));
  }
}

// A run of letters: contractions and possessives are split or dropped here.
void Scanner::emitWord(std::size_t begin, std::size_t end) {
  const std::string_view word = std::string_view(folded_).substr(begin, end - begin);
  auto stemmed = [this](std::string_view w) { return stemmer_.stemmed(w); };
  if (word == "cannot") {
    emit(begin, begin + 3, TokenKind::Word, "can", "can");
    emit(begin + 3, end, TokenKind::Word, "not", "not");
    return;
  }
  if (word.size() > 3 && word.ends_with("n't")) {
    const std::string_view stem = expandNegatedStem(word.substr(0, word.size() - 3));
    emit(begin, end - 3, TokenKind::Word, stem, stemmed(stem));
    emit(end - 3, end, TokenKind::Word, "not", "not");
    return;
  }
  const auto apostrophe = hasApostrophe_ ? word.rfind('\'') : std::string_view::npos;
  if (apostrophe != std::string_view::npos) {
    const std::string_view stem = word.substr(0, apostrophe);
    const std::string_view suffix = word.substr(apostrophe);
    const std::size_t split = begin + apostrophe;
    if (suffix == "'s" && takesIsContraction(stem)) {
      emit(begin, split, TokenKind::Word, stem, stemmed(stem));
      emit(split, end, TokenKind::Word, "is", "is");
      return;
    }
    if (suffix == "'s") {
      emit(begin, end, TokenKind::Word, stem, stemmed(stem));
      return;
    }
    if (const std::string_view expanded = expandContractionSuffix(suffix); !expanded.empty()) {
      emit(begin, split, TokenKind::Word, stem, stemmed(stem));
      emit(split, end, TokenKind::Word, expanded, stemmed(expanded));
      return;
    }
  }
  emit(begin, end, TokenKind::Word, word, stemmed(word));
}

void Scanner::emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
                   std::string_view norm) {
  emit(begin, end, kind, lower, norm, hashWord(norm));
}

void Scanner::emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
                   Stemmer::Stemmed stemmed) {
  emit(begin, end, kind, lower, stemmed.stem, stemmed.hash, stemmed.numberValue);
}

void Scanner::emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
                   std::string_view norm, std::uint64_t normHash) {
  std::int8_t value = -1;
  if (kind == TokenKind::Word) {
    if (const auto found = numberWordValue(lower)) value = static_cast<std::int8_t>(*found);
  }
  emit(begin, end, kind, lower, norm, normHash, value);
}

void Scanner::emit(std::size_t begin, std::size_t end, TokenKind kind, std::string_view lower,
                   std::string_view norm, std::uint64_t normHash, std::int8_t wordValue) {
  Token& token = open();
  setWords(token, lower, norm);
  token.normHash = normHash;
  token.kind = kind;
  token.wordValue = wordValue;
  token.start = startOf(begin);
  token.end = endOf(end - 1);
  const auto first = static_cast<unsigned char>(text_[token.start]);
  token.capitalized =
      first < 0x80 ? (first >= 'A' && first <= 'Z') : detail::isUpper(at(token.start).value);
}

// Appends a token carrying the pending gap and sentence number; the caller fills in the rest.
// Inlined: it runs for every token, and a call would cost as much as its body.
[[gnu::always_inline]] inline Token& Scanner::open() {
  if (sentenceBreakPending_) {
    ++sentence_;
    addGap(Gap::Sentence);
    sentenceStart_ = out_.size();
    sentenceBreakPending_ = false;
  }
  Token& token = out_.emplace_back();
  token.sentence = sentence_;
  token.gapBefore = gap_;
  gap_ = 0;
  return token;
}

void Scanner::onPeriod() {
  std::size_t i = pos_;
  std::size_t periods = 0;
  bool ellipsis = false;
  while (i < text_.size()) {
    const CharClass cls = classAt(i);
    if (cls == CharClass::Ellipsis) ellipsis = true;
    if (cls != CharClass::Period && cls != CharClass::Ellipsis) break;
    ++periods;
    i += at(i).length;
  }
  ellipsis = ellipsis || periods > 1;
  const bool attached = followsToken();
  const Lookahead next = lookAhead(i);
  pos_ = i;
  if (noToken()) return;
  if (!next.blank && !next.atEnd && isWordChar(next.next)) {
    addGap(Gap::Period);  // "missingkids.org"
    return;
  }
  Token& before = out_.back();
  const bool firstInSentence = out_.size() - 1 == sentenceStart_ && !sentenceBreakPending_;
  bool ends;
  if (ellipsis || !attached) {
    ends = next.atEnd || next.paragraph || next.upper;
  } else {
    ends = endsSentence(before, firstInSentence, next);
  }
  if (ends) {
    breakSentence();
  } else {
    addGap(Gap::Period);
    before.abbreviation = attached && !ellipsis;
  }
}

bool Scanner::endsSentence(const Token& before, bool firstInSentence, const Lookahead& next) const {
  if (next.atEnd || next.paragraph) return true;
  if (before.isWord() && isNonFinalAbbreviation(before.lower)) return false;
  if (before.isWord() && before.end - before.start == 1) return false;  // an initial: "J. Smith"
  if (firstInSentence && (before.isNumber() || isRomanNumeral(before.lower))) {
    return false;  // a list label: "1. Officers shall", "IV. Procedures"
  }
  if (next.next == CharClass::Letter && !next.upper) return false;  // "approx. two hours"
  return true;
}

Lookahead Scanner::lookAhead(std::size_t i) const {
  Lookahead result;
  while (i < text_.size()) {
    const CharClass cls = classAt(i);
    if (cls != CharClass::Quote && cls != CharClass::Apostrophe && cls != CharClass::CloseParen) {
      break;
    }
    i += at(i).length;
  }
  int lineBreaks = 0;
  while (i < text_.size()) {
    const CharClass cls = classAt(i);
    if (cls == CharClass::LineBreak) {
      if (!(text_[i] == '\n' && i > 0 && text_[i - 1] == '\r')) ++lineBreaks;
    } else if (cls != CharClass::Space) {
      break;
    }
    result.blank = true;
    i += at(i).length;
  }
  result.paragraph = lineBreaks >= 2;
  if (i >= text_.size()) {
    result.atEnd = true;
    return result;
  }
  const auto cp = at(i);
  result.next = detail::classify(cp.value);
  result.upper = detail::isUpper(cp.value);
  return result;
}

void Scanner::onTerminator() {
  while (pos_ < text_.size() && classAt(pos_) == CharClass::Terminator) ++pos_;
  const Lookahead next = lookAhead(pos_);
  if (next.atEnd || next.blank) {
    breakSentence();
  } else {
    addGap(Gap::Other);
  }
}

void Scanner::onHyphen() {
  std::size_t i = pos_;
  std::size_t hyphens = 0;
  while (i < text_.size() && classAt(i) == CharClass::Hyphen) {
    i += at(i).length;
    ++hyphens;
  }
  const bool attached = !noToken() && gap_ == 0;
  if (hyphens == 1 && attached) {
    if (isWordChar(classAt(i))) {
      addGap(Gap::Hyphen);
      pos_ = i;
      return;
    }
    // A hyphen at a line end that the word reader kept ("24-\nhour", "high-\nrisk").
    const std::size_t afterBreak = skipBlanks(i);
    if (afterBreak < text_.size() && classAt(afterBreak) == CharClass::LineBreak) {
      std::size_t k = afterBreak;
      if (text_[k] == '\r' && k + 1 < text_.size() && text_[k + 1] == '\n') ++k;
      k = skipBlanks(k + at(k).length);
      if (k < text_.size() && isWordChar(classAt(k))) {
        addGap(Gap::Hyphen);
        addGap(Gap::LineBreak);
        pos_ = k;
        return;
      }
    }
  }
  addGap(Gap::Dash);
  pos_ = i;
}

void Scanner::onLineBreak() {
  std::size_t i = pos_;
  if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
  i += at(i).length;
  addGap(Gap::LineBreak);
  const std::size_t next = skipBlanks(i);
  if (next < text_.size()) {
    const CharClass cls = classAt(next);
    const bool dashBullet = cls == CharClass::Hyphen && classAt(next + 1) == CharClass::Space;
    if (cls == CharClass::LineBreak || dashBullet || listLabelAt(next)) breakSentence();
  }
  pos_ = i;
}

// "1. ", "12) ", "(a) ", "iv. ", "B. " at the start of a line.
bool Scanner::listLabelAt(std::size_t i) const {
  const bool parenthesized = i < text_.size() && text_[i] == '(';
  if (parenthesized) ++i;
  const std::size_t begin = i;
  bool digits = true;
  while (i < text_.size() && i - begin < 4) {
    const char c = text_[i];
    const bool isDigit = c >= '0' && c <= '9';
    const bool isLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!isDigit && !isLetter) break;
    digits = digits && isDigit;
    ++i;
  }
  const std::size_t length = i - begin;
  if (length == 0 || i + 1 >= text_.size()) return false;
  std::string label(text_.substr(begin, length));
  for (char& c : label) c = static_cast<char>(c | 0x20);
  const bool shapeOk = (digits && length <= 3) || length == 1 || isRomanNumeral(label);
  const char mark = text_[i];
  const bool markOk = mark == ')' || (!parenthesized && mark == '.');
  return shapeOk && markOk && classAt(i + 1) == CharClass::Space;
}

void Scanner::onAmpersand() {
  Token& token = open();
  token.lower = "and";  // a literal outlives every store
  token.norm = token.lower;
  token.normHash = hashWord(token.norm);
  token.start = static_cast<std::uint32_t>(pos_);
  token.end = static_cast<std::uint32_t>(pos_ + 1);
  ++pos_;
}

}  // namespace

void WordStore::grow(std::size_t atLeast) {
  // Chunks double from a size that suits a phrase up to one that suits a long document.
  constexpr std::size_t kFirst = 256;
  constexpr std::size_t kLargest = std::size_t{1} << 16;
  const std::size_t size = std::max(atLeast, std::clamp(2 * lastSize_, kFirst, kLargest));
  chunks_.push_back(std::make_unique_for_overwrite<char[]>(size));
  lastSize_ = size;
  next_ = chunks_.back().get();
  left_ = size;
}

void WordStore::clear() {
  if (chunks_.empty()) return;
  // The last chunk is the largest one made (but for single oversized words): keep it alone.
  std::swap(chunks_.front(), chunks_.back());
  chunks_.resize(1);
  next_ = chunks_.front().get();
  left_ = lastSize_;
}

TokenList Tokenizer::tokenize(std::string_view utf8) {
  TokenList tokens;
  tokenize(utf8, tokens);
  return tokens;
}

void Tokenizer::tokenize(std::string_view utf8, TokenList& out) {
  out.clear();
  out.reserve(utf8.size() / 6 + 1);
  append(utf8, out);
}

void Tokenizer::append(std::string_view utf8, TokenList& out) {
  Scanner(utf8, stemmer_, folded_, starts_, ends_, out.tokens_, out.words_).run();
}

std::vector<std::string> Tokenizer::normalizePhrase(std::string_view phrase) {
  std::vector<std::string> norms;
  for (const Token& token : tokenize(phrase)) norms.emplace_back(token.norm);
  return norms;
}

namespace detail {

TokenList tokenizeWithoutFastPaths(std::string_view utf8) {
  Stemmer stemmer;
  std::string folded;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> ends;
  TokenList tokens;
  Scanner(utf8, stemmer, folded, starts, ends, tokens.tokens_, tokens.words_, false).run();
  return tokens;
}

}  // namespace detail

Tokenizer& threadTokenizer() {
  thread_local Tokenizer tokenizer;
  return tokenizer;
}

TokenList tokenize(std::string_view utf8) { return threadTokenizer().tokenize(utf8); }

std::vector<std::string> normalizePhrase(std::string_view phrase) {
  return threadTokenizer().normalizePhrase(phrase);
}

}  // namespace mkrp::check::text
