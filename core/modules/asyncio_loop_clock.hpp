// The asyncio loop's clock: the real monotonic clock, or a virtual one that never
// sleeps. The virtual clock starts where the real one stood when the loop was made and
// then only moves when the loop, finding nothing ready, jumps it to the next timer, so a
// program sees the same order of events as on the real clock, only without the waits.
#pragma once
#include <chrono>
#include <functional>
#include <thread>

namespace terrarium {

class LoopClock {
 public:
  LoopClock() : virtual_now_(real_now()) {}

  static double real_now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
  }

  bool is_virtual() const { return virtual_; }
  // Switching keeps time continuous: the virtual clock goes on from the real time.
  void set_virtual(bool on) {
    if (on && !virtual_) virtual_now_ = real_now();
    virtual_ = on;
  }
  double now() const { return virtual_ ? virtual_now_ : real_now(); }

  // Lets time pass until `when`: the virtual clock jumps there; the real one sleeps in
  // short slices, asking `interrupted` between them so Stop/Ctrl-C ends a long sleep.
  // False when interrupted.
  bool wait_until(double when, const std::function<bool()>& interrupted) {
    if (virtual_) {
      if (when > virtual_now_) virtual_now_ = when;
      return true;
    }
    constexpr double kSlice = 0.01;
    for (;;) {
      if (interrupted && interrupted()) return false;
      double left = when - real_now();
      if (left <= 0) return true;
      std::this_thread::sleep_for(std::chrono::duration<double>(left < kSlice ? left : kSlice));
    }
  }

  // CPython: time.get_clock_info('monotonic').resolution; timers due within it run now.
  static constexpr double kResolution = 1e-09;

 private:
  bool virtual_ = false;
  double virtual_now_;
};

}  // namespace terrarium
