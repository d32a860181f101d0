#include "app/read_directive.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/errors.h"
#include "extract/extract.h"

namespace mkrp::app {
namespace {

ReadResult failed(std::string problem) { return {std::nullopt, std::move(problem)}; }

// Refuses before reading when the path is not a regular file or the file is too large.
std::optional<std::string> refusal(const std::string& path, const extract::Limits& limits) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) {
    return "there is no such file. Check the name and the folder.";
  }
  if (!std::filesystem::is_regular_file(status)) {
    return "this is not a file (perhaps a folder). Name the file itself.";
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > limits.maxFileBytes) {
    return "the file is " + std::to_string(size >> 20) + " MiB, more than the " +
           std::to_string(limits.maxFileBytes >> 20) +
           " MiB allowed. Split the directive into smaller files, or remove scanned images.";
  }
  return std::nullopt;
}

}  // namespace

ReadResult readDirective(const std::string& path, const ReadOptions& options) {
  if (auto problem = refusal(path, options.limits)) return failed(std::move(*problem));
  std::ifstream in(path, std::ios::binary);
  if (!in) return failed("the file cannot be opened. Check that you may read it.");
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  try {
    if (options.inProcess) return {extract::extractBytes(bytes, options.limits), {}};
    return {extract::extractInSandbox(bytes, options.limits, options.sandbox), {}};
  } catch (const Poco::SystemException& error) {
    return failed("the reader could not be started (" + error.message() +
                  "). Check that mkrp is installed completely.");
  } catch (const Poco::Exception& error) {
    return failed(error.message());
  }
}

}  // namespace mkrp::app
