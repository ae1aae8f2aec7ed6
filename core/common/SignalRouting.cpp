#include "common/SignalRouting.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

namespace quarry {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<std::pair<int, std::function<void(int)>>> scopes;  // newest last
  int nextId = 1;
  bool interrupted = false;    // a Scope's handler was called: the next interrupt ends the process
  std::vector<int> unignored;  // SIGINT/SIGTERM ignored by the parent, taken while a Scope lives
};

// Sets the disposition of `sig` to SIG_DFL or SIG_IGN; false if the system refused.
bool setDisposition(int sig, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  return sigaction(sig, &action, nullptr) == 0;
}

bool isIgnored(int sig) {
  struct sigaction current {};
  return sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN;
}

// A shell starts background jobs with SIGINT ignored; `kill -INT` must still cancel a training run, so
// while a Scope lives an ignored SIGINT or SIGTERM is set back to its default action (blocked in every
// thread, so only sigwait sees it). An ignored SIGHUP (nohup) stays ignored.
void takeIgnoredInterrupts(Registry& r) {
  for (int sig : {SIGINT, SIGTERM})
    if (isIgnored(sig) && setDisposition(sig, SIG_DFL)) r.unignored.push_back(sig);
}

void restoreIgnoredInterrupts(Registry& r) {
  for (int sig : r.unignored) setDisposition(sig, SIG_IGN);
  r.unignored.clear();
}

Registry& registry() {
  static Registry* r = new Registry;  // never destroyed: the signal thread may outlive main()
  return *r;
}

std::atomic<bool> g_installed{false};
std::atomic<long> g_signalThreadId{0};
std::atomic<int> g_threadsBlocked{0};
sigset_t g_asynchronous;  // set once before any use by a handler

long currentThreadId() { return static_cast<long>(syscall(SYS_gettid)); }

// Everything but the signals that belong to the thread that caused them (faults, abort(), a write to a
// closed pipe). SIGKILL and SIGSTOP cannot be blocked; glibc keeps its own internal signals unblocked.
sigset_t asynchronousSignals() {
  sigset_t set;
  sigfillset(&set);
  for (int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT, SIGPIPE, SIGKILL, SIGSTOP})
    sigdelset(&set, s);
  return set;
}

// Threads that exist before main() (OpenBLAS starts its workers when it is loaded) cannot be given a
// mask from outside: each is sent this signal once, and its handler adds the asynchronous signals to the
// mask the thread gets back when the handler returns (the saved context's uc_sigmask).
int blockRequestSignal() { return SIGRTMAX - 1; }

extern "C" void blockAsynchronousOnReturn(int, siginfo_t*, void* context) {
  auto* saved = static_cast<ucontext_t*>(context);
  for (int s = 1; s < NSIG; ++s)
    if (sigismember(&g_asynchronous, s) == 1) sigaddset(&saved->uc_sigmask, s);
  g_threadsBlocked.fetch_add(1);
}

// Blocks the asynchronous signals in every thread of the process but the calling one and the signal
// thread (which set their own masks); returns after each has done so, or after a second.
void blockInOtherThreads() {
  struct sigaction request {};
  request.sa_sigaction = blockAsynchronousOnReturn;
  sigemptyset(&request.sa_mask);
  request.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(blockRequestSignal(), &request, nullptr);  // kept: a late delivery only blocks again
  const long self = currentThreadId(), signalThread = g_signalThreadId.load();
  int sent = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task", ec)) {
    long tid = 0;
    try {
      tid = std::stol(entry.path().filename().string());
    } catch (...) {
      continue;
    }
    if (tid == self || tid == signalThread) continue;
    if (syscall(SYS_tgkill, static_cast<long>(getpid()), tid, blockRequestSignal()) == 0) ++sent;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (g_threadsBlocked.load() < sent && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::microseconds(200));
}

sigset_t interruptSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

// The signal's default action (ending the process), taken here: the signal is blocked everywhere else.
[[noreturn]] void endByDefaultAction(int sig) {
  setDisposition(sig, SIG_DFL);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, sig);
  pthread_kill(pthread_self(), sig);  // pending on this thread until unblocked
  pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
  _exit(128 + sig);  // not reached: the default action of SIGINT/SIGTERM/SIGHUP ends the process
}

void signalThread() {
  // Other asynchronous signals with a handler (a profiler's, Qt's SIGCHLD) run here, on a stack no
  // computation uses; SIGINT, SIGTERM and SIGHUP are taken by sigwait.
  const sigset_t waited = interruptSignals();
  pthread_sigmask(SIG_SETMASK, &waited, nullptr);
  g_signalThreadId = currentThreadId();
  for (;;) {
    int sig = 0;
    if (sigwait(&waited, &sig) != 0) continue;
    // A blocked signal stays pending even when ignored: honour SIG_IGN here (nohup's SIGHUP, a background
    // job's SIGINT outside a Scope).
    if (isIgnored(sig)) continue;
    std::function<void(int)> handler;
    {
      Registry& r = registry();
      std::lock_guard<std::mutex> lock(r.mutex);
      if (!r.scopes.empty() && !r.interrupted) {
        handler = r.scopes.back().second;
        r.interrupted = true;
      }
    }
    if (!handler) endByDefaultAction(sig);
    handler(sig);
  }
}

}  // namespace

bool SignalRouting::install() {
  static std::mutex installing;
  std::lock_guard<std::mutex> lock(installing);
  if (g_installed) return true;
  sigset_t previous;
  g_asynchronous = asynchronousSignals();
  pthread_sigmask(SIG_BLOCK, &g_asynchronous, &previous);
  try {
    std::thread(signalThread).detach();  // inherits the blocked set, then opens its own mask
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return false;
  }
  while (g_signalThreadId.load() == 0) std::this_thread::yield();
  blockInOtherThreads();
  // A child process gets the forking thread's mask, and exec keeps it: unblock there, so that a program
  // started from here can be interrupted.
  pthread_atfork(nullptr, nullptr, [] { pthread_sigmask(SIG_UNBLOCK, &g_asynchronous, nullptr); });
  g_installed = true;
  return true;
}

bool SignalRouting::installed() { return g_installed; }

void SignalRouting::blockInThisThread() {
  const sigset_t async = asynchronousSignals();
  pthread_sigmask(SIG_BLOCK, &async, nullptr);
}

SignalRouting::Scope::Scope(std::function<void(int)> onInterrupt) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  m_id = r.nextId++;
  if (r.scopes.empty() && g_installed) takeIgnoredInterrupts(r);
  r.scopes.emplace_back(m_id, std::move(onInterrupt));
  r.interrupted = false;
}

SignalRouting::Scope::~Scope() {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (auto it = r.scopes.begin(); it != r.scopes.end(); ++it)
    if (it->first == m_id) {
      r.scopes.erase(it);
      break;
    }
  if (r.scopes.empty()) {
    r.interrupted = false;
    restoreIgnoredInterrupts(r);
  }
}

}  // namespace quarry
