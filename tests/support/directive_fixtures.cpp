#include "directive_fixtures.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace mkrp::testing {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read fixture " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\n");
  return text.substr(first, last - first + 1);
}

// Splits the body into blocks at blank lines.
std::vector<std::string> rawBlocks(const std::string& body) {
  static const std::regex kBlankLine("\n[ \t]*\n");
  std::vector<std::string> blocks;
  for (std::sregex_token_iterator it(body.begin(), body.end(), kBlankLine, -1), end; it != end;
       ++it) {
    std::string raw = it->str();
    while (!raw.empty() && raw.front() == '\n') raw.erase(0, 1);
    while (!raw.empty() && raw.back() == '\n') raw.pop_back();
    if (!trim(raw).empty()) blocks.push_back(raw);
  }
  return blocks;
}

void addTableCells(const std::string& raw, core::Document& document) {
  static const std::regex kSeparator(":?-{3,}:?");
  for (const std::string& row : split(raw, '\n')) {
    std::string inner = trim(row);
    if (!inner.empty() && inner.front() == '|') inner.erase(0, 1);
    if (!inner.empty() && inner.back() == '|') inner.pop_back();
    std::vector<std::string> cells;
    for (const std::string& cell : split(inner, '|')) cells.push_back(trim(cell));
    if (inner.back() == '|') cells.push_back("");
    bool separator = true;
    for (const std::string& cell : cells) separator = separator && std::regex_match(cell, kSeparator);
    if (separator) continue;
    for (const std::string& cell : cells) {
      core::Block block;
      block.kind = core::BlockKind::TableCell;
      block.text = cell;
      document.blocks.push_back(block);
    }
  }
}

core::Block textBlock(std::string raw) {
  static const std::regex kHeading("^(#{1,3}) ([\\s\\S]*)$");
  static const std::regex kMarker("^\\[(header|footer|footnote)\\] ([\\s\\S]*)$");
  static const std::regex kLabel(
      "^([IVXLC]+\\.|[A-Z]\\.\\d+(?:\\.\\d+)*\\.?|[A-Z]\\.|[a-z]\\.|\\d+(?:\\.\\d+)+\\.?|\\d+\\.|"
      "\\(\\w{1,4}\\)|\\d+\\))\\s+(\\S[\\s\\S]*)$");
  core::Block block;
  std::smatch match;
  if (std::regex_match(raw, match, kHeading)) {
    block.kind = core::BlockKind::Heading;
    block.level = static_cast<int>(match[1].length());
    raw = match[2].str();
  } else if (std::regex_match(raw, match, kMarker)) {
    block.kind = core::blockKindFromString(match[1].str());
    raw = match[2].str();
  } else if (raw.rfind("- ", 0) == 0) {
    block.kind = core::BlockKind::ListItem;
    raw = raw.substr(2);
  }
  if (std::regex_match(raw, match, kLabel)) {
    block.label = match[1].str();
    raw = match[2].str();
  }
  block.text = raw;
  return block;
}

}  // namespace

core::Document loadFixtureDocument(const std::string& path) {
  std::string text = readFile(path);
  if (text.rfind("%%", 0) == 0) {
    const auto newline = text.find('\n');
    text = newline == std::string::npos ? "" : text.substr(newline + 1);
  }
  core::Document document;
  document.format = core::Format::Docx;
  for (const std::string& raw : rawBlocks(text)) {
    if (raw.rfind("| ", 0) == 0) {
      addTableCells(raw, document);
    } else {
      document.blocks.push_back(textBlock(raw));
    }
  }
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    document.blocks[i].source.part = "fixture";
    document.blocks[i].source.paragraph = static_cast<int>(i);
  }
  return document;
}

std::vector<FixtureSubmission> loadFixtureSubmissions(const std::string& dir) {
  std::vector<FixtureSubmission> submissions;
  const std::vector<std::string> lines = split(readFile(dir + "/submissions.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> columns = split(lines[i], '\t');
    if (columns.size() < 3) continue;
    FixtureSubmission submission;
    submission.id = columns[0];
    submission.kind = core::agencyKindFromString(columns[1]);
    for (const std::string& file : split(columns[2], ',')) {
      submission.files.push_back({trim(file), loadFixtureDocument(dir + "/" + trim(file))});
    }
    submissions.push_back(std::move(submission));
  }
  return submissions;
}

std::map<std::string, std::map<std::string, core::Status>> loadFixtureLabels(
    const std::string& dir) {
  std::map<std::string, std::map<std::string, core::Status>> labels;
  const std::vector<std::string> lines = split(readFile(dir + "/labels.tsv"), '\n');
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> columns = split(lines[i], '\t');
    if (columns.size() < 3) continue;
    labels[columns[0]][columns[1]] = core::statusFromString(columns[2]);
  }
  return labels;
}

std::string fixtureDirectivesDir() { return std::string(MKRP_SOURCE_DIR) + "/tests/fixtures/directives"; }

}  // namespace mkrp::testing
