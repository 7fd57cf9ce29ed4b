// One large body's tree at a time (docs/hostile-input.md, "Memory of large bodies").
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "markdown/large_body.h"

namespace travaux::markdown {
namespace {

/// Runs `threads` threads that each take a turn for `bytes` and hold it a moment; returns how
/// many held one at the same time, at most.
int most_at_once(int threads, std::size_t bytes) {
  std::atomic<int> now{0}, most{0};
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i)
    pool.emplace_back([&] {
      for (int round = 0; round < 5; ++round) {
        const LargeBodyTurn turn(bytes);
        const int n = ++now;
        int seen = most.load();
        while (n > seen && !most.compare_exchange_weak(seen, n)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        --now;
      }
    });
  for (auto& t : pool) t.join();
  return most.load();
}

TEST(LargeBodyTurn, LargeBodiesTakeTurns) { EXPECT_EQ(most_at_once(4, kLargeBody), 1); }

TEST(LargeBodyTurn, SmallBodiesNeverWait) {
  // Four threads holding for 2 ms each, five times: without overlap this would not reach 2.
  EXPECT_GT(most_at_once(4, kLargeBody - 1), 1);
}

TEST(LargeBodyTurn, ATurnHolderTakesAnotherWithoutWaiting) {
  // Would deadlock if the second turn waited for the first (ctest's timeout is the guard).
  auto outer = std::make_unique<LargeBodyTurn>(kLargeBody);
  { const LargeBodyTurn inner(kLargeBody * 4); }
  // Still held by this thread: another thread waits until `outer` is given back.
  std::atomic<bool> got{false};
  std::thread other([&] {
    const LargeBodyTurn turn(kLargeBody);
    got = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(got.load());
  outer.reset();
  other.join();
  EXPECT_TRUE(got.load());
}

TEST(LargeBodyTurn, GivenBackOnAnotherThreadFreesTheTurn) {
  auto turn = std::make_unique<LargeBodyTurn>(kLargeBody);
  std::thread([&] { turn.reset(); }).join();
  std::atomic<bool> got{false};
  std::thread([&] {
    const LargeBodyTurn next(kLargeBody);
    got = true;
  }).join();
  EXPECT_TRUE(got.load());
}

}  // namespace
}  // namespace travaux::markdown
