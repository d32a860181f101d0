// bench_check: how fast the pre-check matches every checklist against a long directive, next to a
// naive baseline that searches each item's phrases one by one.
//
// The directive is made by repeating the blocks of the labelled fixtures (tests/fixtures/
// directives) until it holds about 100 pages of text, counting a page as 3000 characters. The
// time is taken after extraction: the Document is in memory.
//
// usage: bench_check [--pages N] [--runs N] [--rounds N] [--checklists DIR] [--fixtures DIR]
//                    [--profile]
//
// Every engine row is measured in rounds of `runs` calls, the rows taking turns, with the naive
// baseline's calls between the first rounds: on a shared machine other work comes and goes over
// seconds, and a row measured all at once can fall wholly into a busy spell. Each row prints the
// median of all its calls and the median of its quietest round.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "check/checklist_loader.h"
#include "check/precheck.h"
#include "check/text/age.h"
#include "check/text/duration.h"
#include "check/text/tokenizer.h"
#include "core/document.h"

namespace {

namespace fs = std::filesystem;
namespace core = mkrp::core;
namespace check = mkrp::check;
using Clock = std::chrono::steady_clock;

constexpr double kCharactersPerPage = 3000;

struct Options {
  double pages = 100;
  int runs = 15;
  int rounds = 5;
  std::string checklists = MKRP_SOURCE_DIR "/checklists";
  std::string fixtures = MKRP_SOURCE_DIR "/tests/fixtures/directives";
  bool profile = false;  // only run the engine (all checklists), for a profiler
};

// The blocks of one fixture file, read the simple way: blank lines separate blocks, "#" starts a
// heading, "[header]"/"[footer]"/"[footnote]" a block of that kind, "- " a list item, "| " a
// table row whose cells become table cells. (Labels stay in the text; it does not matter here.)
void readFixture(const fs::path& path, std::vector<core::Block>& blocks) {
  std::ifstream in(path);
  std::string line, paragraph;
  auto flush = [&] {
    if (paragraph.empty()) return;
    core::Block block;
    std::string text = paragraph;
    if (text.rfind("| ", 0) == 0) {
      std::istringstream rows(text);
      for (std::string row; std::getline(rows, row);) {
        std::istringstream cells(row);
        for (std::string cell; std::getline(cells, cell, '|');) {
          if (cell.find_first_not_of(" -") == std::string::npos) continue;
          blocks.push_back({core::BlockKind::TableCell, 0, {}, cell, {}, {}});
        }
      }
    } else {
      const std::size_t hashes = text.find_first_not_of('#');
      if (hashes > 0 && hashes != std::string::npos && text[hashes] == ' ') {
        block.kind = core::BlockKind::Heading;
        block.level = static_cast<int>(hashes);
        text = text.substr(hashes + 1);
      } else if (text.rfind("[header] ", 0) == 0 || text.rfind("[footer] ", 0) == 0) {
        block.kind = text[1] == 'h' ? core::BlockKind::Header : core::BlockKind::Footer;
        text = text.substr(9);
      } else if (text.rfind("[footnote] ", 0) == 0) {
        block.kind = core::BlockKind::Footnote;
        text = text.substr(11);
      } else if (text.rfind("- ", 0) == 0) {
        block.kind = core::BlockKind::ListItem;
        text = text.substr(2);
      }
      block.text = text;
      blocks.push_back(std::move(block));
    }
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("%%", 0) == 0) continue;
    if (line.empty()) {
      flush();
    } else {
      paragraph += (paragraph.empty() ? "" : "\n") + line;
    }
  }
  flush();
}

std::size_t characters(const core::Document& document) {
  std::size_t total = 0;
  for (const core::Block& block : document.blocks) total += block.text.size();
  return total;
}

// The fixtures' blocks repeated until the document holds `pages` pages.
core::Document longDirective(const Options& options) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(options.fixtures)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<core::Block> blocks;
  for (const fs::path& file : files) readFixture(file, blocks);
  if (blocks.empty()) throw std::runtime_error("no fixture directives in " + options.fixtures);
  core::Document document;
  const auto wanted = static_cast<std::size_t>(options.pages * kCharactersPerPage);
  for (std::size_t i = 0, total = 0; total < wanted; ++i) {
    document.blocks.push_back(blocks[i % blocks.size()]);
    total += document.blocks.back().text.size();
  }
  return document;
}

double threadCpuMs() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Milliseconds of one call: elapsed (wall clock) and processor time of this thread. On a busy
// machine the elapsed time includes waiting for a processor; the processor time does not.
struct Timing {
  double wallMs = 0;
  double cpuMs = 0;
  double bestRoundCpuMs = 0;  // the lowest median processor time of one round
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// The calls of one row, round after round. A call before the first round warms caches and the
// stemmer and is not counted.
class Row {
 public:
  explicit Row(std::function<void()> work) : work_(std::move(work)) {}

  void round(int runs) {
    if (roundMedians_.empty()) work_();
    std::vector<double> cpus;
    for (int i = 0; i < runs; ++i) {
      const auto start = Clock::now();
      const double cpuStart = threadCpuMs();
      work_();
      cpus.push_back(threadCpuMs() - cpuStart);
      walls_.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    cpus_.insert(cpus_.end(), cpus.begin(), cpus.end());
    roundMedians_.push_back(median(cpus));
  }

  Timing timing() const {
    return {median(walls_), median(cpus_),
            *std::min_element(roundMedians_.begin(), roundMedians_.end())};
  }

 private:
  std::function<void()> work_;
  std::vector<double> walls_;
  std::vector<double> cpus_;
  std::vector<double> roundMedians_;
};

// ---- the naive baseline: every phrase of every item, searched one by one in the text.

void collectPhrases(const core::Matcher& matcher, const core::ChecklistSet& set,
                    std::vector<std::string>& out);

void collectAll(const std::vector<core::Matcher>& matchers, const core::ChecklistSet& set,
                std::vector<std::string>& out) {
  for (const core::Matcher& matcher : matchers) collectPhrases(matcher, set, out);
}

void collectPhrases(const core::Matcher& matcher, const core::ChecklistSet& set,
                    std::vector<std::string>& out) {
  std::visit(
      [&](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, core::Phrase>) {
          out.push_back(node.text);
        } else if constexpr (std::is_same_v<Node, core::ConceptRef>) {
          if (const core::Concept* found = set.findConcept(node.id)) {
            for (const core::Phrase& phrase : found->expanded) out.push_back(phrase.text);
          }
        } else if constexpr (std::is_same_v<Node, core::AnyOf> ||
                             std::is_same_v<Node, core::Negated> ||
                             std::is_same_v<Node, core::Affirmed>) {
          collectAll(node.options, set, out);
        } else if constexpr (std::is_same_v<Node, core::AllOf>) {
          collectAll(node.parts, set, out);
          collectAll(node.without, set, out);
        } else if constexpr (std::is_same_v<Node, core::CompleteList>) {
          for (const core::ListMember& member : node.members) collectAll(member.options, set, out);
        }
      },
      matcher.node);
}

// Each item's phrases, normalized the way the engine reads them ("entered into NCIC" ->
// " enter into ncic "), in checklist order; an item lists a phrase as often as its rules use it.
std::vector<std::vector<std::string>> itemPhrases(const core::ChecklistSet& set) {
  std::vector<std::vector<std::string>> items;
  for (const core::Checklist& checklist : set.checklists) {
    for (const core::Item& item : checklist.items) {
      std::vector<std::string> texts;
      if (const auto* rule = std::get_if<core::EvidenceRule>(&item.rule)) {
        for (const auto* patterns : {&rule->meets, &rule->partial, &rule->contradicts}) {
          for (const core::Pattern& pattern : *patterns) collectAll(pattern.options, set, texts);
        }
      }
      std::vector<std::string> normalized;
      for (const std::string& text : texts) {
        std::string joined = " ";
        for (const std::string& norm : check::text::normalizePhrase(text)) joined += norm + ' ';
        normalized.push_back(joined);
      }
      items.push_back(std::move(normalized));
    }
  }
  return items;
}

// The baseline's whole job: normalize the text, then find every phrase of every item.
std::size_t naiveCheck(const core::Document& document,
                       const std::vector<std::vector<std::string>>& items) {
  std::string text = " ";
  for (const core::Block& block : document.blocks) {
    for (const check::text::Token& token : check::text::tokenize(block.text)) {
      text += token.norm;
      text += ' ';
    }
  }
  std::size_t found = 0;
  for (const auto& phrases : items) {
    for (const std::string& phrase : phrases) {
      for (std::size_t at = text.find(phrase); at != std::string::npos;
           at = text.find(phrase, at + 1)) {
        ++found;
      }
    }
  }
  return found;
}

bool parse(int argc, char** argv, Options& options) {
  if (argc > 1 && std::string(argv[argc - 1]) == "--profile") {
    options.profile = true;
    --argc;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    if (name == "--pages") {
      options.pages = std::stod(argv[i + 1]);
    } else if (name == "--runs") {
      options.runs = std::max(1, std::stoi(argv[i + 1]));
    } else if (name == "--rounds") {
      options.rounds = std::max(1, std::stoi(argv[i + 1]));
    } else if (name == "--checklists") {
      options.checklists = argv[i + 1];
    } else if (name == "--fixtures") {
      options.fixtures = argv[i + 1];
    } else {
      return false;
    }
  }
  return argc % 2 == 1;
}

void row(const char* name, Timing time, double pages) {
  std::printf("  %-42s %9.2f %9.2f %9.0f %13.2f %11.2f\n", name, time.wallMs, time.cpuMs,
              pages / (time.cpuMs / 1000.0), time.cpuMs * 100 / pages,
              time.bestRoundCpuMs * 100 / pages);
}

Timing operator+(Timing a, Timing b) {
  return {a.wallMs + b.wallMs, a.cpuMs + b.cpuMs, a.bestRoundCpuMs + b.bestRoundCpuMs};
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::cerr << "usage: bench_check [--pages N] [--runs N] [--rounds N] [--checklists DIR] "
                 "[--fixtures DIR] [--profile]\n";
    return 1;
  }
  const core::ChecklistSet checklists = check::loadChecklistDirectory(options.checklists);
  const check::Precheck precheck(checklists);
  const std::vector<core::SubmittedFile> files = {{"long-directive.docx", longDirective(options)}};
  const core::Document& document = files.front().document;
  const double pages = static_cast<double>(characters(document)) / kCharactersPerPage;
  const auto items = itemPhrases(checklists);
  std::size_t phrases = 0;
  for (const auto& item : items) phrases += item.size();

  std::printf(
      "bench_check: %.1f pages (%zu characters, %zu blocks), %zu items, %zu phrase uses, "
      "%d rounds of %d runs\n\n",
      pages, characters(document), document.blocks.size(), checklists.itemCount(), phrases,
      options.rounds, options.runs);
  // Every item of every checklist: the document read once, the items of both agency kinds
  // evaluated over it, one report per kind.
  const std::vector<core::AgencyKind> kinds = {core::AgencyKind::LawEnforcement,
                                               core::AgencyKind::Psap};
  if (options.profile) {
    for (int i = 0; i < options.runs; ++i) precheck.runEach(kinds, files);
    return 0;
  }
  std::vector<check::text::TokenList> blockTokens;
  for (const core::Block& block : document.blocks) {
    blockTokens.push_back(check::text::tokenize(block.text));
  }
  std::size_t mentions = 0;
  Row all([&] { precheck.runEach(kinds, files); });
  Row le([&] { precheck.run(core::AgencyKind::LawEnforcement, files); });
  Row psap([&] { precheck.run(core::AgencyKind::Psap, files); });
  Row tokenize([&] {
    for (const core::Block& block : document.blocks) check::text::tokenize(block.text);
  });
  Row agesAndDurations([&] {
    mentions = 0;
    for (const auto& tokens : blockTokens) {
      const auto ages = check::text::findAges(tokens);
      mentions += ages.size() + check::text::findDurations(tokens, ages).size();
    }
  });
  std::size_t found = 0;
  // The baseline takes seconds: two calls (after one to warm up), between the first rounds, which
  // it spreads over half a minute.
  Row naive([&] { found = naiveCheck(document, items); });
  for (int round = 0; round < options.rounds; ++round) {
    if (round == 1 || round == 2 || options.rounds == 1) naive.round(1);
    for (Row* engineRow : {&all, &le, &psap, &tokenize, &agesAndDurations}) {
      engineRow->round(options.runs);
    }
  }
  std::printf("  %-42s %9s %9s %9s %13s %11s\n", "", "elapsed", "cpu ms", "pages/s", "cpu ms/100 p",
              "best round");
  row("engine: all checklists (one reading)", all.timing(), pages);
  row("engine: law-enforcement checklist", le.timing(), pages);
  row("engine: PSAP standard + QA checklists", psap.timing(), pages);
  row("engine: the two kinds as two runs", le.timing() + psap.timing(), pages);
  row("tokenization alone (part of every run)", tokenize.timing(), pages);
  row("ages + durations alone (part of every run)", agesAndDurations.timing(), pages);
  row("naive baseline: all checklists", naive.timing(), pages);
  const Timing allTime = all.timing();
  std::printf(
      "\n  per 100 pages (processor time, all checklists; target: under 10 ms): %.2f ms, the "
      "median\n  of all runs; %.2f ms in the quietest round. Law enforcement alone %.2f ms, PSAP "
      "alone\n  %.2f ms; %.0fx the baseline's speed (the baseline only finds phrases, %zu "
      "occurrences:\n  no scopes, negation, durations or statuses)\n",
      allTime.cpuMs * 100 / pages, allTime.bestRoundCpuMs * 100 / pages,
      le.timing().cpuMs * 100 / pages, psap.timing().cpuMs * 100 / pages,
      naive.timing().cpuMs / allTime.cpuMs, found);
  return 0;
}
