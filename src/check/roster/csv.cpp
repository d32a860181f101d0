#include "check/roster/csv.h"

#include <algorithm>

namespace mkrp::check::roster::detail {
namespace {

bool isLineEnd(char c) { return c == '\n' || c == '\r'; }

bool isBlank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& field) {
    return field.find_first_not_of(" \t") == std::string::npos;
  });
}

// A small state machine over the bytes; the separator and quote are ASCII, so UTF-8 text passes
// through untouched.
class Splitter {
 public:
  Splitter(std::string_view text, char separator) : text_(text), separator_(separator) {}

  CsvResult run() {
    while (pos_ < text_.size()) readRecord();
    return std::move(result_);
  }

 private:
  void readRecord() {
    std::vector<std::string> fields;
    const int row = row_;
    bool more = true;
    while (more) {
      std::string field;
      more = readField(field);
      fields.push_back(std::move(field));
    }
    if (!isBlank(fields)) result_.records.push_back({row, std::move(fields)});
    ++row_;
  }

  // Reads one field; returns true when another field of the same record follows.
  bool readField(std::string& field) {
    skipSpacesBeforeQuote();
    if (pos_ < text_.size() && text_[pos_] == '"') return readQuoted(field);
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == separator_) return ++pos_, true;
      if (isLineEnd(c)) return endLine(), false;
      field.push_back(c);
      ++pos_;
    }
    return false;
  }

  // Spaces before an opening quote are not part of the field (" \"a;b\"" reads as a;b).
  void skipSpacesBeforeQuote() {
    std::size_t p = pos_;
    while (p < text_.size() && text_[p] == ' ') ++p;
    if (p < text_.size() && text_[p] == '"') pos_ = p;
  }

  bool readQuoted(std::string& field) {
    const int startRow = row_;
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c != '"') {
        field.push_back(c);
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '"') {
        field.push_back('"');
        ++pos_;
        continue;
      }
      return afterClosingQuote();
    }
    result_.problems.push_back(
        {startRow, "a quoted cell is never closed: add the missing \" at the end of the cell"});
    return false;
  }

  bool afterClosingQuote() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == separator_) return ++pos_, true;
    if (isLineEnd(c)) return endLine(), false;
    result_.problems.push_back({row_,
                                "text follows a closing quote inside a cell: put the whole "
                                "cell in quotes and write a quote inside it as \"\""});
    while (pos_ < text_.size() && text_[pos_] != separator_ && !isLineEnd(text_[pos_])) ++pos_;
    return afterClosingQuote();  // now at a separator, a line end or the end
  }

  // Consumes LF, CRLF or CR.
  void endLine() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
  }

  std::string_view text_;
  char separator_;
  std::size_t pos_ = 0;
  int row_ = 1;
  CsvResult result_;
};

}  // namespace

char detectSeparator(std::string_view text) {
  int commas = 0;
  int semicolons = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (isLineEnd(c)) break;
    commas += c == ',';
    semicolons += c == ';';
  }
  return semicolons > commas ? ';' : ',';
}

CsvResult splitCsv(std::string_view text, char separator) {
  return Splitter(text, separator).run();
}

}  // namespace mkrp::check::roster::detail
