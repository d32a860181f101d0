// Internal to the roster: splitting CSV text into records. Not part of the public API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mkrp::check::roster::detail {

// One record of the file with the spreadsheet row it starts on (the first record is row 1).
struct CsvRecord {
  int row = 0;
  std::vector<std::string> fields;
};

// A record-level mistake: a quote left open, text after a closing quote.
struct CsvProblem {
  int row = 0;
  std::string message;
};

struct CsvResult {
  std::vector<CsvRecord> records;  // blank lines are left out
  std::vector<CsvProblem> problems;
};

// The field separator the header line uses: ';' when it has more semicolons than commas outside
// quotes, else ','.
char detectSeparator(std::string_view text);

// Splits `text` (without a BOM) into records. A record spans several lines only inside quotes;
// its row is still one spreadsheet row, as a spreadsheet shows a cell with a line break.
CsvResult splitCsv(std::string_view text, char separator);

}  // namespace mkrp::check::roster::detail
