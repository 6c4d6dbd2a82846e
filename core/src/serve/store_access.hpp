// One store connection shared by the server's request threads: a Store is used by one thread at a
// time, so every use holds its mutex. The server keeps two (reads and writes) so the dashboard never
// waits behind an entry that waits for another process's import.
#pragma once

#include <memory>
#include <mutex>
#include <utility>

#include "store/store.hpp"

namespace sosei::serve {

class StoreAccess {
 public:
  explicit StoreAccess(std::unique_ptr<store::Store> store) : store_(std::move(store)) {}

  // Runs `use(store)` with the connection to itself; returns what it returns.
  template <class Use>
  auto with(Use&& use) {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::forward<Use>(use)(*store_);
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace sosei::serve
