// bench_extract: our readers side by side with pandoc (DOCX) and pdftotext (PDF) on the shared
// corpus, in the same run: speed, peak memory, and word-level agreement of the text.
//
//   bench_extract [--corpus DIR] [--repeat N] [--only docx|pdf]
//
// Speed of ours is in-process (best of N runs per file) and through the sandbox (one child per
// file, as the service reads); the reference tools run as one process per file, so their times
// include process start-up. Agreement is the F1 score over the multisets of normalized words
// (word_agreement.h): "all" is our whole text (labels, headers, footers, notes); "body" leaves
// out headers, footers and numbering labels, which pandoc does not print.
#include "extract/extract.h"

#include <Poco/Exception.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/sandbox.h"
#include "extract/sandbox_wire.h"
#include "word_agreement.h"

namespace fs = std::filesystem;
using namespace mkrp;

namespace {

struct Options {
  fs::path corpus = MKRP_CORPUS_DIR;
  int repeat = 3;
  std::string only;  // "", "docx" or "pdf"
};

// One file of the corpus, as every contestant read it.
struct FileRun {
  std::string name;  // relative to the corpus: "docx/x.docx"
  std::string kind;  // MANIFEST kind: office, feature, pathological, ...
  std::uint64_t bytes = 0;
  int pages = 0;  // PDF: pages=N from the MANIFEST, else from our reading
  bool oursRead = false;
  std::string oursRefusal;
  double oursSeconds = 0;     // in-process, best of Options::repeat
  double sandboxSeconds = 0;  // one child, its answer parsed back into a Document
  std::uint64_t sandboxPeakRss = 0;
  bool theirsRead = false;
  double theirsSeconds = 0;
  std::uint64_t theirsPeakRss = 0;
  double f1All = 0;
  double f1Body = 0;
};

// A reference tool: how to run it on a file.
struct Reference {
  std::string label;  // "pandoc"
  std::string program;
  std::vector<std::string> arguments;  // kFileArgument stands for the file's path
};

constexpr std::string_view kFileArgument = "{file}";

struct ManifestEntry {
  std::string kind;
  int pages = 0;
};

std::map<std::string, ManifestEntry> readManifest(const fs::path& corpus) {
  std::map<std::string, ManifestEntry> entries;
  std::ifstream manifest(corpus / "MANIFEST.tsv");
  std::string line;
  while (std::getline(manifest, line)) {
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    if (fields.size() < 7) continue;
    ManifestEntry entry{fields[5], 0};
    if (const auto at = fields[6].find("pages="); at != std::string::npos) {
      entry.pages = std::atoi(fields[6].c_str() + at + 6);
    }
    entries[fields[0]] = entry;
  }
  return entries;
}

std::optional<std::string> findProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "/usr/bin:/bin");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const fs::path candidate = fs::path(folder) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return std::nullopt;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Our text as a reader would see it: every block, labels included.
std::string allText(const core::Document& document) {
  std::string text;
  for (const core::Block& block : document.blocks) {
    text += block.label + ' ' + block.text + '\n';
  }
  return text;
}

// What pandoc prints of a DOCX: no page headers or footers, no numbering labels.
std::string bodyText(const core::Document& document) {
  std::string text;
  for (const core::Block& block : document.blocks) {
    if (block.kind == core::BlockKind::Header || block.kind == core::BlockKind::Footer) continue;
    text += block.text + '\n';
  }
  return text;
}

// Reads `bytes` in process `repeat` times; keeps the best time and the last Document.
std::optional<core::Document> readInProcess(const std::string& bytes, int repeat, FileRun& run) {
  std::optional<core::Document> document;
  run.oursSeconds = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    try {
      document = extract::extractBytes(bytes);
    } catch (const Poco::Exception& error) {
      run.oursRefusal = std::string(error.name()) + ": " + error.message();
      run.oursSeconds = secondsSince(start);
      return std::nullopt;
    }
    run.oursSeconds = std::min(run.oursSeconds, secondsSince(start));
  }
  return document;
}

// Limits for a measured program: none that a normal run could reach. (The Haskell runtime of
// pandoc reserves a terabyte of addresses, so no address-space limit at all.)
extract::SandboxLimits generousLimits() {
  extract::SandboxLimits limits;
  limits.maxMemoryBytes = 0;
  limits.maxCpuSeconds = 0;
  limits.maxWallSeconds = 300;
  return limits;
}

// The kernel counts in a child's peak resident memory what it shared with its parent at fork,
// so a child of this (large) process would be charged for it. A fresh, small copy of this
// executable (kMeasureMode) starts each measured program instead and reports on standard error.
constexpr std::string_view kMeasureMode = "__measure";
constexpr std::string_view kMeasureReport = "bench-measure wall=";

struct Measured {
  bool succeeded = false;
  std::string output;
  double wallSeconds = 0;
  std::uint64_t peakRssBytes = 0;
};

// In the fresh copy: runs argv, forwards its output, reports time and memory.
int measureChild(const std::vector<std::string>& argv) {
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  const auto result = extract::runSandboxed(argv, input, generousLimits(), {"HOME=/tmp"});
  std::cout << result.output << std::flush;
  std::cerr << kMeasureReport << result.wallSeconds << " rss=" << result.peakRssBytes << '\n';
  return result.succeeded() ? 0 : 1;
}

Measured measureRun(const std::vector<std::string>& argv, const std::string& input) {
  std::vector<std::string> launcher = {"/proc/self/exe", std::string(kMeasureMode)};
  launcher.insert(launcher.end(), argv.begin(), argv.end());
  auto result = extract::runSandboxed(launcher, input, generousLimits());
  Measured measured;
  measured.succeeded = result.succeeded();
  measured.output = std::move(result.output);
  const auto at = result.errors.rfind(kMeasureReport);
  if (at != std::string::npos) {
    std::istringstream report(result.errors.substr(at + kMeasureReport.size()));
    std::string rss;
    report >> measured.wallSeconds >> rss;
    measured.peakRssBytes = std::strtoull(rss.c_str() + 4, nullptr, 10);  // after "rss="
  }
  return measured;
}

// The service's way: a child per file, with positions, and the answer parsed back.
void readInSandbox(const std::string& bytes, FileRun& run) {
  const Measured measured = measureRun(
      {"/proc/self/exe", std::string(extract::kExtractChildCommand), "--positions"}, bytes);
  const auto start = std::chrono::steady_clock::now();
  if (measured.succeeded) extract::detail::decodeDocument(measured.output);
  run.sandboxSeconds = measured.wallSeconds + secondsSince(start);
  run.sandboxPeakRss = measured.peakRssBytes;
}

std::optional<std::string> readWithReference(const Reference& reference, const fs::path& file,
                                             FileRun& run) {
  std::vector<std::string> argv = {reference.program};
  for (const std::string& argument : reference.arguments) {
    argv.push_back(argument == kFileArgument ? file.string() : argument);
  }
  Measured measured = measureRun(argv, "");
  run.theirsSeconds = measured.wallSeconds;
  run.theirsPeakRss = measured.peakRssBytes;
  if (!measured.succeeded) return std::nullopt;
  return std::move(measured.output);
}

FileRun measure(const Options& options, const std::string& name, const ManifestEntry& entry,
                const std::optional<Reference>& reference) {
  FileRun run;
  run.name = name;
  run.kind = entry.kind;
  const fs::path path = options.corpus / name;
  const std::string bytes = readFile(path);
  run.bytes = bytes.size();
  const std::optional<core::Document> document = readInProcess(bytes, options.repeat, run);
  run.oursRead = document.has_value();
  run.pages = entry.pages > 0 ? entry.pages : document ? document->pageCount : 0;
  readInSandbox(bytes, run);
  if (!reference) return run;
  const std::optional<std::string> theirs = readWithReference(*reference, path, run);
  run.theirsRead = theirs.has_value();
  if (run.oursRead && run.theirsRead) {
    const bench::WordCounts theirWords = bench::countWords(*theirs);
    run.f1All = bench::wordF1(bench::countWords(allText(*document)), theirWords);
    run.f1Body = bench::wordF1(bench::countWords(bodyText(*document)), theirWords);
  }
  return run;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::string fixed(double value, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

std::string mib(std::uint64_t bytes) { return fixed(static_cast<double>(bytes) / (1 << 20), 1); }

std::string verdict(bool met) { return met ? "MET" : "NOT MET"; }

// Sums over the runs that `include` selects.
struct Totals {
  int files = 0;
  double megabytes = 0;
  int pages = 0;
  double oursSeconds = 0, sandboxSeconds = 0, theirsSeconds = 0;
  std::uint64_t sandboxPeakRss = 0, theirsPeakRss = 0;
};

Totals total(const std::vector<FileRun>& runs, bool (*include)(const FileRun&)) {
  Totals totals;
  for (const FileRun& run : runs) {
    if (!include(run)) continue;
    ++totals.files;
    totals.megabytes += static_cast<double>(run.bytes) / 1e6;
    totals.pages += run.pages;
    totals.oursSeconds += run.oursSeconds;
    totals.sandboxSeconds += run.sandboxSeconds;
    totals.theirsSeconds += run.theirsSeconds;
    totals.sandboxPeakRss = std::max(totals.sandboxPeakRss, run.sandboxPeakRss);
    totals.theirsPeakRss = std::max(totals.theirsPeakRss, run.theirsPeakRss);
  }
  return totals;
}

bool readByBoth(const FileRun& run) { return run.oursRead && run.theirsRead; }

void printSpeedTable(const Totals& totals, const std::string& reference, bool pages) {
  const auto rate = [&](double amount, double seconds) {
    return seconds > 0 ? fixed(amount / seconds, 1) : std::string("-");
  };
  std::cout << "  " << std::left << std::setw(26) << "" << std::right << std::setw(14)
            << "ours in-proc" << std::setw(14) << "ours sandbox" << std::setw(18) << reference
            << '\n';
  const auto row = [&](const std::string& label, const std::string& a, const std::string& b,
                       const std::string& c) {
    std::cout << "  " << std::left << std::setw(26) << label << std::right << std::setw(14) << a
              << std::setw(14) << b << std::setw(18) << c << '\n';
  };
  row("total time (s)", fixed(totals.oursSeconds, 3), fixed(totals.sandboxSeconds, 3),
      fixed(totals.theirsSeconds, 3));
  row("MB/s", rate(totals.megabytes, totals.oursSeconds),
      rate(totals.megabytes, totals.sandboxSeconds), rate(totals.megabytes, totals.theirsSeconds));
  row("files/s", rate(totals.files, totals.oursSeconds), rate(totals.files, totals.sandboxSeconds),
      rate(totals.files, totals.theirsSeconds));
  if (pages) {
    row("pages/s", rate(totals.pages, totals.oursSeconds),
        rate(totals.pages, totals.sandboxSeconds), rate(totals.pages, totals.theirsSeconds));
  }
  row("peak RSS, max of files (MiB)", "-", mib(totals.sandboxPeakRss), mib(totals.theirsPeakRss));
}

void printAgreement(const std::vector<FileRun>& runs, const std::string& reference) {
  std::vector<const FileRun*> compared;
  for (const FileRun& run : runs) {
    if (readByBoth(run)) compared.push_back(&run);
  }
  std::vector<double> all, body;
  for (const FileRun* run : compared) {
    all.push_back(run->f1All);
    body.push_back(run->f1Body);
  }
  std::cout << "  word F1 against " << reference << " over " << compared.size()
            << " files read by both: median " << fixed(median(all), 4) << " (all text), "
            << fixed(median(body), 4) << " (body without headers, footers, labels)\n";
  std::sort(compared.begin(), compared.end(),
            [](const FileRun* a, const FileRun* b) { return a->f1All < b->f1All; });
  std::cout << "  worst ten:   all    body  file\n";
  for (std::size_t i = 0; i < compared.size() && i < 10; ++i) {
    std::cout << "           " << fixed(compared[i]->f1All, 3) << "  "
              << fixed(compared[i]->f1Body, 3) << "  " << compared[i]->name << " ("
              << compared[i]->kind << ")\n";
  }
}

void printRefusals(const std::vector<FileRun>& runs, const std::string& reference) {
  for (const FileRun& run : runs) {
    if (!run.oursRead)
      std::cout << "  not read by us: " << run.name << ": " << run.oursRefusal << '\n';
    if (run.oursRead && !run.theirsRead) {
      std::cout << "  not read by " << reference << ": " << run.name << '\n';
    }
  }
}

std::vector<FileRun> measureFolder(const Options& options, const std::string& folder,
                                   const std::map<std::string, ManifestEntry>& manifest,
                                   bool (*wanted)(const ManifestEntry&),
                                   const std::optional<Reference>& reference) {
  std::vector<std::string> names;
  for (const auto& [name, entry] : manifest) {
    if (name.rfind(folder + "/", 0) == 0 && wanted(entry) && fs::exists(options.corpus / name)) {
      names.push_back(name);
    }
  }
  const bool progress = ::isatty(2);
  std::vector<FileRun> runs;
  for (const std::string& name : names) {
    if (progress) std::cerr << "\r" << folder << ": " << runs.size() + 1 << "/" << names.size();
    runs.push_back(measure(options, name, manifest.at(name), reference));
  }
  if (progress) std::cerr << "\r" << std::string(40, ' ') << "\r";
  return runs;
}

double medianAll(const std::vector<FileRun>& runs) {
  std::vector<double> values;
  for (const FileRun& run : runs) {
    if (readByBoth(run)) values.push_back(run.f1All);
  }
  return median(values);
}

// What one corpus folder is measured against.
struct Contest {
  std::string folder;                    // "docx" or "pdf"
  bool (*wanted)(const ManifestEntry&);  // which files of the folder take part
  std::optional<Reference> reference;    // absent when the tool is not installed
  std::string toolName;                  // for messages when it is absent
  bool pages;                            // PDF: show pages per second
};

std::vector<FileRun> runContest(const Options& options, const Contest& contest,
                                const std::map<std::string, ManifestEntry>& manifest) {
  const auto runs =
      measureFolder(options, contest.folder, manifest, contest.wanted, contest.reference);
  const Totals read = total(runs, readByBoth);
  int oursRead = 0;
  for (const FileRun& run : runs) oursRead += run.oursRead;
  std::cout << "\n"
            << contest.folder << ": " << runs.size() << " files, " << oursRead << " read by us, "
            << read.files << " read by us and " << contest.toolName
            << " (the table counts these)\n";
  if (!contest.reference) {
    std::cout << "  " << contest.toolName << " not found: no comparison\n";
    return runs;
  }
  printSpeedTable(read, contest.toolName, contest.pages);
  printAgreement(runs, contest.toolName);
  printRefusals(runs, contest.toolName);
  return runs;
}

void benchDocx(const Options& options, const std::map<std::string, ManifestEntry>& manifest) {
  Contest contest{"docx", [](const ManifestEntry&) { return true; }, std::nullopt, "pandoc", false};
  if (const auto program = findProgram("pandoc")) {
    contest.reference =
        Reference{"pandoc",
                  *program,
                  {"-f", "docx", "-t", "plain", "--wrap=none", std::string(kFileArgument)}};
  }
  const auto runs = runContest(options, contest, manifest);
  const Totals read = total(runs, readByBoth);
  std::vector<FileRun> office;
  std::copy_if(runs.begin(), runs.end(), std::back_inserter(office),
               [](const FileRun& run) { return run.kind == "office"; });
  const double f1 = medianAll(runs);
  const double speedup = read.oursSeconds > 0 ? read.theirsSeconds / read.oursSeconds : 0;
  std::cout << "  office files only: median F1 " << fixed(medianAll(office), 4) << '\n';
  std::cout << "  target median F1 (all text) vs pandoc >= 0.99: " << fixed(f1, 4) << "  "
            << verdict(read.files > 0 && f1 >= 0.99) << '\n';
  std::cout << "  target in-process throughput >= 10x pandoc: " << fixed(speedup, 1) << "x  "
            << verdict(read.files > 0 && speedup >= 10) << '\n';
}

// The largest file by size among `runs`, if any.
const FileRun* largest(const std::vector<FileRun>& runs) {
  const auto it =
      std::max_element(runs.begin(), runs.end(),
                       [](const FileRun& a, const FileRun& b) { return a.bytes < b.bytes; });
  return it == runs.end() ? nullptr : &*it;
}

void benchPdf(const Options& options, const std::map<std::string, ManifestEntry>& manifest) {
  Contest contest{"pdf", [](const ManifestEntry& entry) { return entry.kind == "office"; },
                  std::nullopt, "pdftotext", true};
  if (const auto program = findProgram("pdftotext")) {
    contest.reference =
        Reference{"pdftotext", *program, {"-q", "-enc", "UTF-8", std::string(kFileArgument), "-"}};
  }
  const auto runs = runContest(options, contest, manifest);
  const Totals read = total(runs, readByBoth);
  const double f1 = medianAll(runs);
  const double ourRate = read.oursSeconds > 0 ? read.pages / read.oursSeconds : 0;
  const double theirRate = read.theirsSeconds > 0 ? read.pages / read.theirsSeconds : 0;
  std::cout << "  target median F1 (all text) vs pdftotext >= 0.98: " << fixed(f1, 4) << "  "
            << verdict(read.files > 0 && f1 >= 0.98) << '\n';
  std::cout << "  target in-process pages/s >= pdftotext: " << fixed(ourRate, 1) << " vs "
            << fixed(theirRate, 1) << "  " << verdict(read.files > 0 && ourRate >= theirRate)
            << '\n';
  if (const FileRun* big = largest(runs)) {
    std::cout << "  target peak memory < 256 MiB on the largest office PDF (" << big->name << ", "
              << mib(big->bytes) << " MiB): " << mib(big->sandboxPeakRss) << " MiB  "
              << verdict(big->oursRead && big->sandboxPeakRss < (256ull << 20)) << '\n';
  }
}

// The office PDFs are small; the largest PDFs of the corpus (any kind) show how memory grows.
void benchLargestPdfs(const Options& options,
                      const std::map<std::string, ManifestEntry>& manifest) {
  constexpr std::size_t kCount = 5;
  std::vector<std::pair<std::uintmax_t, std::string>> sizes;
  for (const auto& [name, entry] : manifest) {
    if (name.rfind("pdf/", 0) == 0 && fs::exists(options.corpus / name)) {
      sizes.emplace_back(fs::file_size(options.corpus / name), name);
    }
  }
  std::sort(sizes.rbegin(), sizes.rend());
  sizes.resize(std::min(sizes.size(), kCount));
  std::cout << "\nlargest PDFs of the corpus, any kind:\n"
            << "      MiB  pages  in-proc s  sandbox peak RSS MiB  file\n";
  for (const auto& [size, name] : sizes) {
    const FileRun run = measure(options, name, manifest.at(name), std::nullopt);
    std::cout << std::setw(9) << mib(size) << std::setw(7) << run.pages << std::setw(11)
              << fixed(run.oursSeconds, 3) << std::setw(22) << mib(run.sandboxPeakRss) << "  "
              << name << " (" << run.kind << (run.oursRead ? "" : ", refused: " + run.oursRefusal)
              << ")\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && argv[1] == extract::kExtractChildCommand) {
    return extract::runExtractChild(std::vector<std::string>(argv + 2, argv + argc));
  }
  if (argc >= 3 && argv[1] == kMeasureMode) {
    return measureChild(std::vector<std::string>(argv + 2, argv + argc));
  }
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpus" && i + 1 < argc) {
      options.corpus = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      options.repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--only" && i + 1 < argc) {
      options.only = argv[++i];
    } else {
      std::cerr << "usage: bench_extract [--corpus DIR] [--repeat N] [--only docx|pdf]\n";
      return 1;
    }
  }
  const auto manifest = readManifest(options.corpus);
  if (manifest.empty()) {
    std::cerr << "bench_extract: no MANIFEST.tsv in " << options.corpus << '\n';
    return 1;
  }
  if (options.only != "pdf") benchDocx(options, manifest);
  if (options.only != "docx") {
    benchPdf(options, manifest);
    benchLargestPdfs(options, manifest);
  }
  return 0;
}
