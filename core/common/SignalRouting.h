#pragma once
// Asynchronous signals (Ctrl+C, SIGTERM, a profiler's or a terminal's signals) are taken by one thread
// that does nothing else; every other thread of the process blocks them.
//
// Why: a signal handler runs on the stack of whichever thread the kernel picks. Debian's oneDNN sgemm
// (libdnnl.so.2, which the engine calls for its GEMMs) keeps data below the stack pointer; a signal frame
// pushed over it while a GEMM runs corrupts the heap (`corrupted size vs. prev_size`, SIGSEGV in free()).
// Routing every signal to a thread that only waits keeps signal frames off the compute threads, whatever
// library they are in.
//
// Call SignalRouting::install() first thing in main(): threads inherit the blocked set from their creator
// (OpenMP, LibTorch's pools, Qt's threads), and threads started before main() (OpenBLAS starts its
// workers when the library is loaded) are each asked once, by a real-time signal, to block them. SIGINT,
// SIGTERM and SIGHUP then go to interrupt handlers pushed with SignalRouting::Scope, newest first; with none
// in place they end the process as their default action would. Synchronous signals (SIGSEGV, SIGBUS, SIGFPE,
// SIGILL, SIGTRAP, SIGSYS, SIGABRT) and SIGPIPE stay with the thread that caused them. A child process
// (fork) starts with nothing blocked.

#include <functional>

namespace quarry {

class SignalRouting {
 public:
  // Blocks the asynchronous signals in the calling thread and starts the thread that takes them.
  // Idempotent. Returns false (and changes nothing) if the thread cannot be started.
  static bool install();
  static bool installed();

  // While a Scope lives, the first SIGINT/SIGTERM/SIGHUP calls `onInterrupt(signal)` on the signal
  // thread (it must be quick and thread-safe: set a flag); the next one ends the process at once, as
  // users expect of a program that is slow to stop.
  class Scope {
   public:
    explicit Scope(std::function<void(int)> onInterrupt);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    int m_id;
  };

  // For a thread that sets a mask of its own: block the asynchronous signals in the calling thread.
  static void blockInThisThread();
};

}  // namespace quarry
