#include "markdown/large_body.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace travaux::markdown {

namespace {

struct Turns {
  std::mutex mutex;
  std::condition_variable free;
  std::thread::id holder;  // default-constructed: nobody
  int depth = 0;           // turns the holder has taken
};

Turns& turns() {
  static Turns t;
  return t;
}

}  // namespace

LargeBodyTurn::LargeBodyTurn(std::size_t body_bytes) {
  if (body_bytes < kLargeBody) return;
  Turns& t = turns();
  std::unique_lock lock(t.mutex);
  const auto me = std::this_thread::get_id();
  if (t.holder != me) {
    t.free.wait(lock, [&] { return t.depth == 0; });
    t.holder = me;
  }
  ++t.depth;
  held_ = true;
}

LargeBodyTurn::~LargeBodyTurn() {
  if (!held_) return;
  Turns& t = turns();
  {
    std::lock_guard lock(t.mutex);
    if (--t.depth > 0) return;
    t.holder = {};
  }
  t.free.notify_one();
}

}  // namespace travaux::markdown
