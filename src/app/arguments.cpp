#include "app/commands.h"

namespace mkrp::app {

// The value of an option given as "--name VALUE" or "--name=VALUE", advancing `i` past it.
bool optionValue(const Arguments& args, std::size_t& i, std::string_view name, std::string& value) {
  const std::string& arg = args[i];
  if (arg == name && i + 1 < args.size()) {
    value = args[++i];
    return true;
  }
  if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 &&
      arg[name.size()] == '=') {
    value = arg.substr(name.size() + 1);
    return true;
  }
  return false;
}

}  // namespace mkrp::app
