// Signals never land on a computing thread (common/SignalRouting.h).
//
// Storm: with SignalRouting installed, the process sends itself SIGUSR1 (which has a handler) every
// 100 µs while the BiLSTM kernel runs forward and backward through Debian's oneDNN sgemm; the handler
// must run hundreds of times, never on the computing thread, and every step must give bit-identical
// outputs and gradients. Without the routing (`test_signal_routing --unrouted`, for showing the defect)
// the same storm corrupts the heap within seconds (glibc aborts or SIGSEGV in free() inside dnnl_sgemm).
//
// Interrupts: inside a Scope the first SIGINT/SIGTERM calls the scope's handler; the second ends the
// process by SIGINT; with no scope SIGTERM ends it at once (both in child processes of this program).

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/csrc/autograd/autograd.h>

#include "common/SignalRouting.h"
#include "model/bilstm/BiLstm.h"
#include "model/kernels/KernelBackend.h"

#include "EngineCheck.h"

extern char** environ;

namespace {

using quarry::test::check;
using quarry::test::g_failures;

std::atomic<long> g_handled{0};
std::atomic<long> g_onComputeThread{0};
pthread_t g_computeThread;

extern "C" void onUsr1(int) {
  g_handled.fetch_add(1);
  if (pthread_equal(pthread_self(), g_computeThread)) g_onComputeThread.fetch_add(1);
}

void testStorm(bool routed, double seconds) {
  g_computeThread = pthread_self();
  struct sigaction action {};
  action.sa_handler = onUsr1;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &action, nullptr);

  at::manual_seed(11);
  const int64_t in = 150, h = 200, layers = 1;
  std::vector<int64_t> lens;
  int64_t n = 0;
  for (int i = 0; i < 32; ++i) {
    lens.push_back(8 + (i * 7) % 30);
    n += lens.back();
  }
  at::Tensor x = at::randn({n, in}).requires_grad_(true);
  at::Tensor lengths = at::tensor(lens, at::kLong);
  std::vector<at::Tensor> weights;
  for (int d = 0; d < 2; ++d)
    for (auto shape : {std::vector<int64_t>{4 * h, in}, {4 * h, h}, {4 * h}, {4 * h}})
      weights.push_back((at::rand(shape) - 0.5).mul_(0.2).requires_grad_(true));
  std::vector<at::Tensor> inputs = weights;
  inputs.push_back(x);
  at::Tensor upstream = at::randn({n, 2 * h});
  quarry::model::BiLstmOptions options;
  options.numLayers = layers;

  std::atomic<bool> stop{false};
  std::thread sender([&] {
    while (!stop) {
      kill(getpid(), SIGUSR1);
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
  });
  at::Tensor firstOut;
  std::vector<at::Tensor> firstGrad;
  bool identical = true;
  long steps = 0;
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    at::Tensor y = quarry::model::biLstm(x, lengths, weights, options);
    auto grads = torch::autograd::grad({(y * upstream).sum()}, inputs);
    if (!firstOut.defined()) {
      firstOut = y.detach().clone();
      for (auto& g : grads) firstGrad.push_back(g.clone());
    } else {
      identical = identical && at::equal(y, firstOut);
      for (size_t i = 0; i < grads.size(); ++i) identical = identical && at::equal(grads[i], firstGrad[i]);
    }
    ++steps;
  }
  stop = true;
  sender.join();
  std::printf("storm: %ld forward+backward steps, %ld signals handled, oneDNN sgemm %s\n", steps,
              g_handled.load(), quarry::model::oneDnnGemmAvailable() ? "in use" : "not found");
  check(steps >= 3, "the storm ran several steps");
  check(g_handled.load() >= 50, "the signals were handled (" + std::to_string(g_handled.load()) + ")");
  if (routed) check(g_onComputeThread.load() == 0, "no signal handler ran on the computing thread");
  check(identical, "every step gave bit-identical outputs and gradients under the storm");
  check(firstOut.defined() && firstOut.isfinite().all().item<bool>(), "outputs are finite");
}

// Every thread's blocked set, from /proc/self/task/*/status (SigBlk, hexadecimal, bit n-1 = signal n).
std::vector<unsigned long long> blockedSets() {
  std::vector<unsigned long long> out;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream status(task.path() / "status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("SigBlk:", 0) == 0) out.push_back(std::stoull(line.substr(7), nullptr, 16));
  }
  return out;
}

// All threads, those started before main() included (OpenBLAS's workers), block SIGINT, SIGTERM and
// SIGUSR1, but the signal thread (which, waiting in sigwait, shows nothing blocked).
void testMasks() {
  const auto sets = blockedSets();
  const unsigned long long wanted =
      (1ull << (SIGINT - 1)) | (1ull << (SIGTERM - 1)) | (1ull << (SIGUSR1 - 1)) | (1ull << (SIGHUP - 1));
  int blocking = 0;
  for (auto set : sets) blocking += (set & wanted) == wanted;
  check(sets.size() >= 2,
        std::to_string(sets.size()) + " threads (main, the signal thread, any OpenBLAS workers)");
  check(blocking == int(sets.size()) - 1,
        "every thread but the signal thread blocks the asynchronous signals (" + std::to_string(blocking) +
            " of " + std::to_string(sets.size()) + ")");
}

// A child process (fork, then exec of any program) starts with nothing blocked, so that a program the
// workbench starts can be interrupted as usual.
void testChildrenStartUnblocked() {
  const pid_t pid = fork();
  if (pid == 0) {
    sigset_t now;
    pthread_sigmask(SIG_BLOCK, nullptr, &now);
    _exit(sigismember(&now, SIGINT) || sigismember(&now, SIGTERM) || sigismember(&now, SIGHUP) ? 3 : 0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  check(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
        "a forked child starts with SIGINT, SIGTERM and SIGHUP unblocked (status " + std::to_string(status) + ")");
}

// Runs this program with `mode`, default SIGINT/SIGTERM dispositions and nothing blocked; returns the
// wait status.
// With `ignored`, the child starts with that signal ignored, as a shell starts a background job (SIGINT)
// or nohup a command (SIGHUP).
int runChild(const char* self, const char* mode, int ignored = 0) {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults, none;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  if (ignored) sigdelset(&defaults, ignored);
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  if (ignored) sigaction(ignored, &ignore, &previous);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  char* argv[] = {const_cast<char*>(self), const_cast<char*>(mode), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, self, nullptr, &attr, argv, environ);
  if (ignored) sigaction(ignored, &previous, nullptr);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

bool waitFor(const std::atomic<int>& value, int expected) {
  for (int i = 0; i < 500 && value.load() != expected; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return value.load() == expected;
}

// Child modes: exit codes 0 = reached the end (the process was not ended), 3 = a check failed.
int childTwoInterrupts() {
  quarry::SignalRouting::install();
  std::atomic<int> got{0};
  quarry::SignalRouting::Scope scope([&](int sig) { got = sig; });
  kill(getpid(), SIGINT);
  if (!waitFor(got, SIGINT)) return 3;  // the first interrupt reached the scope, the process lives
  kill(getpid(), SIGINT);               // the second one ends it
  std::this_thread::sleep_for(std::chrono::seconds(5));
  return 0;
}

int childNoScope() {
  quarry::SignalRouting::install();
  kill(getpid(), SIGTERM);
  std::this_thread::sleep_for(std::chrono::seconds(5));
  return 0;
}

int childScopeThenGone() {
  quarry::SignalRouting::install();
  std::atomic<int> got{0};
  {
    quarry::SignalRouting::Scope scope([&](int sig) { got = sig; });
    kill(getpid(), SIGTERM);
    if (!waitFor(got, SIGTERM)) return 3;
  }
  // After the scope, an interrupt ends the process again.
  kill(getpid(), SIGINT);
  std::this_thread::sleep_for(std::chrono::seconds(5));
  return 0;
}

// Started with SIGINT ignored: a Scope still takes it (kill -INT cancels a background training run);
// outside a Scope it stays ignored.
int childIgnoredSigint() {
  quarry::SignalRouting::install();
  std::atomic<int> got{0};
  {
    quarry::SignalRouting::Scope scope([&](int sig) { got = sig; });
    kill(getpid(), SIGINT);
    if (!waitFor(got, SIGINT)) return 3;
  }
  kill(getpid(), SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  return 0;
}

// Started under nohup (SIGHUP ignored): a hangup neither cancels a Scope nor ends the process.
int childNohup() {
  quarry::SignalRouting::install();
  std::atomic<int> got{0};
  quarry::SignalRouting::Scope scope([&](int sig) { got = sig; });
  kill(getpid(), SIGHUP);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  return got.load() == 0 ? 0 : 3;
}

void testInterrupts(const char* self) {
  int s = runChild(self, "--child-two-interrupts");
  check(WIFSIGNALED(s) && WTERMSIG(s) == SIGINT,
        "first SIGINT calls the scope, the second ends the process by SIGINT (status " + std::to_string(s) +
            ")");
  s = runChild(self, "--child-no-scope");
  check(WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM,
        "with no scope SIGTERM ends the process (status " + std::to_string(s) + ")");
  s = runChild(self, "--child-scope-then-gone");
  check(WIFSIGNALED(s) && WTERMSIG(s) == SIGINT,
        "a scope's SIGTERM is handled; after the scope SIGINT ends the process (status " + std::to_string(s) +
            ")");
  s = runChild(self, "--child-ignored-sigint", SIGINT);
  check(WIFEXITED(s) && WEXITSTATUS(s) == 0,
        "started with SIGINT ignored: a scope takes it, outside a scope it stays ignored (status " +
            std::to_string(s) + ")");
  s = runChild(self, "--child-nohup", SIGHUP);
  check(WIFEXITED(s) && WEXITSTATUS(s) == 0,
        "under nohup a hangup neither cancels nor ends (status " + std::to_string(s) + ")");
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "--child-two-interrupts") return childTwoInterrupts();
  if (mode == "--child-no-scope") return childNoScope();
  if (mode == "--child-scope-then-gone") return childScopeThenGone();
  if (mode == "--child-ignored-sigint") return childIgnoredSigint();
  if (mode == "--child-nohup") return childNohup();
  const bool routed = mode != "--unrouted";
  if (routed) check(quarry::SignalRouting::install(), "signal routing installed");
  at::set_num_threads(1);
  if (routed) testMasks();
  if (routed) testChildrenStartUnblocked();
  const double seconds = argc > 2 ? std::atof(argv[2]) : 3.0;
  testStorm(routed, seconds);
  if (routed) testInterrupts("/proc/self/exe");
  if (g_failures) {
    std::printf("%d check(s) failed\n", g_failures);
    return 1;
  }
  std::printf("test_signal_routing: all checks passed\n");
  return 0;
}
