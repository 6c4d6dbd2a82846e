// Runs the built `sosei` binary in a scratch copy of the bundled configuration and captures its
// exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sosei::test_support {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class SoseiRunner {
 public:
  explicit SoseiRunner(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() / ("sosei-e2e-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::filesystem::copy(std::filesystem::path(SOSEI_TEST_SOURCE_DIR) / "config", dir_ / "config",
                          std::filesystem::copy_options::recursive);
  }
  ~SoseiRunner() { std::filesystem::remove_all(dir_); }

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path config() const { return dir_ / "config" / "sosei.yaml"; }

  // `args` is appended to "sosei --config <copy>"; `env` is prepended (VAR=value …).
  CommandResult run(const std::string& args, const std::string& env = "") const {
    const auto out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    const std::string cmd = env + (env.empty() ? "" : " ") + std::string(SOSEI_TEST_BINARY_DIR) + "/sosei --config '" +
                            config().string() + "' " + args + " >'" + out.string() + "' 2>'" + err.string() +
                            "' </dev/null";
    const int status = std::system(cmd.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace sosei::test_support
