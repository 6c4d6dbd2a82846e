// One daemon per store, in both stores: a second lock is refused naming the holder, and the lock is
// free again once its holder lets go.
#include <gtest/gtest.h>
#include <unistd.h>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using DaemonLock = StoreTest;
SOSEI_STORE_SUITE(DaemonLock);

TEST_P(DaemonLock, OneDaemonPerStore) {
  auto other = open();
  auto held = store_->lock_daemon();
  try {
    other->lock_daemon();
    FAIL() << "two daemons locked one store";
  } catch (const AlreadyRunning& e) {
    EXPECT_NE(std::string(e.what()).find("another sosei daemon"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(std::to_string(::getpid())), std::string::npos) << e.what();
  }
  held.reset();
  EXPECT_NO_THROW(other->lock_daemon());
}

}  // namespace
}  // namespace sosei::store::test
