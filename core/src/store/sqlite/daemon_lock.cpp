// flock-based daemon lock with the owner's pid in the file, for the refusal message.
#include "store/sqlite/daemon_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace sosei::store {
namespace {

class DaemonLockFile final : public InstanceLock {
 public:
  explicit DaemonLockFile(const std::string& database) : path_(database + ".daemon.lock") {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error("cannot open " + path_ + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      char pid[32] = "";
      const ssize_t n = ::pread(fd_, pid, sizeof pid - 1, 0);
      ::close(fd_);
      fd_ = -1;
      std::string owner = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : "unknown";
      while (!owner.empty() && (owner.back() == '\n' || owner.back() == ' ')) owner.pop_back();
      throw AlreadyRunning("another sosei daemon (pid " + owner + ") is already running on " + database +
                           "; stop it first (kill -TERM " + owner + ") — only one daemon may schedule a database");
    }
    const std::string mine = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, mine.data(), mine.size(), 0) != static_cast<ssize_t>(mine.size())) {
      const std::string error = std::strerror(errno);
      ::close(fd_);
      throw std::runtime_error("cannot write " + path_ + ": " + error);
    }
  }

  ~DaemonLockFile() override {
    // Emptied, not removed: removing would race with a starting daemon that opened the old file.
    if (::ftruncate(fd_, 0) != 0) {
    }
    ::close(fd_);
  }

  DaemonLockFile(const DaemonLockFile&) = delete;
  DaemonLockFile& operator=(const DaemonLockFile&) = delete;

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

std::unique_ptr<InstanceLock> lock_daemon_file(const std::string& database) {
  return std::make_unique<DaemonLockFile>(database);
}

}  // namespace sosei::store
