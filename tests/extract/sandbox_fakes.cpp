#include "sandbox_fakes.h"

#include <dirent.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>

#include "core/errors.h"
#include "extract/sandbox.h"
#include "extract/sandbox_testing.h"

extern char** environ;

namespace mkrp::extract::testing {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

[[noreturn]] void throwAsked(std::string_view request) {
  const std::size_t colon = request.find(':');
  const std::string type(request.substr(0, colon));
  const std::string message(colon == std::string_view::npos ? "" : request.substr(colon + 1));
  if (type == "unsupported") throw core::UnsupportedFormatException(message);
  if (type == "malformed") throw core::MalformedDocumentException(message);
  if (type == "limit") throw core::LimitExceededException(message);
  if (type == "encrypted") throw core::EncryptedDocumentException(message);
  throw std::runtime_error(message);
}

[[noreturn]] void allocateForever() {
  std::vector<std::unique_ptr<char[]>> blocks;
  for (;;) {
    constexpr std::size_t kBlock = 16 << 20;
    blocks.emplace_back(new char[kBlock]);
    std::memset(blocks.back().get(), 1, kBlock);  // touched, so it counts as resident too
  }
}

[[noreturn]] void spinForever() {
  volatile unsigned long counter = 0;
  for (;;) counter = counter + 1;
}

core::Document flood(std::string_view mib) {
  core::Document document;
  document.format = core::Format::Docx;
  const int blocks = std::atoi(std::string(mib).c_str());
  for (int i = 0; i < blocks; ++i) {
    document.blocks.push_back(
        {core::BlockKind::Paragraph, 0, "", std::string(1 << 20, 'x'), {}, {}});
  }
  return document;
}

// Open descriptors of this process, except the one used to list them.
std::string openDescriptors() {
  std::string list;
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return "cannot list";
  while (const dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] == '.' || std::atoi(entry->d_name) == ::dirfd(dir)) continue;
    list += std::string(list.empty() ? "" : " ") + entry->d_name;
  }
  ::closedir(dir);
  return list;
}

int echo() {
  char buffer[1 << 16];
  ssize_t got;
  while ((got = ::read(0, buffer, sizeof buffer)) > 0) {
    for (ssize_t done = 0; done < got;) {
      const ssize_t n = ::write(1, buffer + done, static_cast<std::size_t>(got - done));
      if (n <= 0) return 1;
      done += n;
    }
  }
  return 0;
}

[[noreturn]] void floodForever() {
  const std::string line(1 << 16, 'y');
  for (;;) {
    if (::write(1, line.data(), line.size()) < 0) std::_Exit(1);
  }
}

int printEnvironment() {
  for (char** entry = environ; *entry; ++entry) std::cout << *entry << '\n';
  return 0;
}

}  // namespace

core::Document sampleDocument(std::string_view input) {
  core::Document document;
  document.format = core::Format::Pdf;
  document.pageCount = 2;
  core::Block heading{core::BlockKind::Heading,
                      1,
                      "4.2.1",
                      "Missing children — “no waiting period”",
                      {"", -1, 1, {72, 700, 540, 720}},
                      {{0, 8, 1, {72, 700, 130, 720}}}};
  core::Block body{core::BlockKind::Paragraph,
                   0,
                   "",
                   std::string(input),
                   {"", -1, 2, {72, 100.123456789, 540, 680.25}},
                   {{0, 1, 2, {72, 100.5, 80, 110}}, {1, 2, 2, {80, 100.5, 88.125, 110}}}};
  core::Block footer{core::BlockKind::Footer,         0, "", "Page 2 of 2",
                     {"", -1, 2, {300, 20, 340, 30}}, {}};
  document.blocks = {heading, body, footer};
  document.warnings = {"page 3 has no text: it may be a scanned image"};
  return document;
}

core::Document fakeRead(std::string_view input, const Limits&) {
  if (input == "crash") std::raise(SIGSEGV);
  if (input == "sleep") {
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
  }
  if (input == "spin") spinForever();
  if (input == "oom") allocateForever();
  if (input == "junk") {
    constexpr std::string_view kTruncated = "MKRPDOC1\x02";
    if (::write(1, kTruncated.data(), kTruncated.size()) < 0) std::_Exit(1);
    std::_Exit(0);
  }
  if (startsWith(input, "flood:")) return flood(input.substr(6));
  if (startsWith(input, "throw:")) throwAsked(input.substr(6));
  return sampleDocument(input);
}

int runChildMode(int argc, char** argv) {
  if (argc < 2) return -1;
  const std::string_view mode = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (mode == kExtractChildCommand) {
    const bool fake = std::filesystem::path(argv[0]).filename() == kFakeReaderName;
    return fake ? runExtractChildForTest(args, fakeRead) : runExtractChild(args);
  }
  if (mode == "__fds") {
    std::cout << openDescriptors() << std::flush;
    return 0;
  }
  if (mode == "__echo") return echo();
  if (mode == "__env") return printEnvironment();
  if (mode == "__exit") return std::atoi(args.at(0).c_str());
  if (mode == "__flood") floodForever();
  return -1;
}

namespace {

// A link to this executable in a temporary folder, removed with the folder at exit.
class FakeReaderLink {
 public:
  FakeReaderLink() {
    char folder[] = "/tmp/mkrp-sandbox-test-XXXXXX";
    if (!::mkdtemp(folder)) throw std::runtime_error("cannot create a temporary folder");
    folder_ = folder;
    std::filesystem::create_symlink(std::filesystem::read_symlink("/proc/self/exe"),
                                    folder_ / kFakeReaderName);
  }
  ~FakeReaderLink() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  std::string path() const { return (folder_ / kFakeReaderName).string(); }

 private:
  std::filesystem::path folder_;
};

}  // namespace

std::string fakeReaderPath() {
  static const FakeReaderLink link;
  return link.path();
}

}  // namespace mkrp::extract::testing
