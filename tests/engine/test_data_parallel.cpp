// Data-parallel training on c10d (train/distributed/): two processes on the loopback address, each training
// on half of every batch, end with the weights one process gets on the whole batches (float tolerance); rank
// 0 alone writes the output folder; a cancel on rank 1 stops both at the same step and the world resumes
// to the uninterrupted world's weights bit for bit, rank 1 receiving rank 0's last/ that it does not have; ranks given different data refuse to train; an
// unreachable master is an error naming the rank and address; the options' refusals.
//
// The test runs itself as the ranks: `test_data_parallel rank R PORT ROOT SCENARIO`.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ATen/ops/abs.h>
#include <ATen/ops/equal.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "TopicDocuments.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"
#include "train/distributed/DataParallelGroup.h"

namespace fs = std::filesystem;
using namespace quarry::train;
namespace model = quarry::model;
using nlohmann::json;

namespace {

constexpr int kWorld = 2;

TrainConfig baseConfig(const fs::path& root) {
  TrainConfig c;
  c.task = "classify";
  c.kind = ModelKind::Transformer;
  c.modelFolder = (root / "base").string();
  c.maxLength = 16;
  c.stride = 4;
  c.batchSize = 8;
  c.epochs = 3;
  c.patience = 0;
  c.learningRate = 5e-3;
  c.threads = 1;
  return c;
}

// The training request of a scenario; rank 1 of "otherdata" is given other documents.
TrainRequest request(const fs::path& root, const std::string& scenario, int rank) {
  TrainRequest r;
  r.config = baseConfig(root);
  r.train = quarry::test::makeTopicDocs(27, scenario == "otherdata" && rank == 1 ? 99 : 7);
  r.outputFolder = (root / scenario / ("rank" + std::to_string(rank))).string();
  return r;
}

// A rank's run, in its own process: exit 0 when training returned a result, 3 when it returned an error
// (printed), with `scenario`'s twists.
int runRank(int rank, int port, const fs::path& root, const std::string& scenario) {
  model::CpuThreadOptions threads;
  threads.intraOpThreads = 1;
  model::configureCpuThreads(threads);
  const bool resuming = scenario == "resume" || scenario == "cancel-again";
  TrainRequest r = request(root, resuming ? "cancel" : scenario, rank);
  r.distributed.worldSize = kWorld;
  r.distributed.rank = rank;
  r.distributed.masterPort = port;
  r.distributed.timeoutSeconds = 60;
  r.resume = resuming;
  TrainCallback callback;
  if (scenario == "cancel" && rank == 1)
    callback = [](const TrainProgress& p) { return !(p.phase == "train" && p.step >= 4); };
  if (scenario == "cancel-again" && rank == 1)
    callback = [](const TrainProgress& p) { return !(p.phase == "train" && p.step >= 8); };
  auto result = runTraining(r, callback);
  if (!result) {
    std::printf("rank %d: %s\n", rank, result.error().toString().c_str());
    return 3;
  }
  std::printf("rank %d: %s at step %lld\n", rank, trainEndName(result->end), static_cast<long long>(result->steps));
  return result->end == TrainResult::End::Cancelled ? 4 : 0;
}

// A port nothing listens on now (the kernel's choice for port 0).
int freePort() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
  const int port = ntohs(address.sin_port);
  close(s);
  return port;
}

// Runs the two ranks of `scenario` as processes of this program; their exit codes.
std::vector<int> runWorld(const fs::path& root, const std::string& scenario) {
  const int port = freePort();
  std::vector<pid_t> children;
  for (int rank = 0; rank < kWorld; ++rank) {
    const pid_t pid = fork();
    if (pid == 0) {
      const std::string r = std::to_string(rank), p = std::to_string(port), folder = root.string();
      execl("/proc/self/exe", "test_data_parallel", "rank", r.c_str(), p.c_str(), folder.c_str(), scenario.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    children.push_back(pid);
  }
  std::vector<int> codes;
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  }
  return codes;
}

model::StateDict weightsOf(const fs::path& folder) {
  auto file = model::SafetensorsFile::read((folder / "model.safetensors").string());
  EXPECT(file.ok(), "the weights of " + folder.string() + " read");
  return file ? file->tensors : model::StateDict();
}

// The largest absolute difference between two state dicts of the same names; -1 when the names differ.
double largestDifference(const model::StateDict& a, const model::StateDict& b) {
  if (a.size() != b.size() || a.empty()) return -1;
  double largest = 0;
  for (const auto& [name, tensor] : a) {
    auto other = b.find(name);
    if (other == b.end() || other->second.sizes() != tensor.sizes()) return -1;
    largest = std::max(largest, (tensor - other->second).abs().max().item<double>());
  }
  return largest;
}

bool sameBits(const model::StateDict& a, const model::StateDict& b) {
  if (a.size() != b.size() || a.empty()) return false;
  for (const auto& [name, tensor] : a) {
    auto other = b.find(name);
    if (other == b.end() || !at::equal(tensor, other->second)) return false;
  }
  return true;
}

void checkOptions() {
  DistributedOptions o;
  EXPECT(o.check().ok() && !o.active(), "the default is a world of one, valid");
  o.worldSize = 2;
  o.rank = 2;
  EXPECT(!o.check() && o.check().error().field == "rank", "rank 2 of a world of 2 is refused, naming the rank");
  o.rank = -1;
  EXPECT(!o.check(), "a negative rank is refused");
  o.rank = 1;
  o.worldSize = 0;
  EXPECT(!o.check() && o.check().error().field == "world_size", "a world of 0 is refused");
  EXPECT(o.setMaster("10.0.0.5:23456").ok() && o.masterHost == "10.0.0.5" && o.masterPort == 23456,
         "HOST:PORT sets both");
  EXPECT(o.setMaster("[::1]:29501").ok() && o.masterHost == "::1" && o.masterPort == 29501,
         "an IPv6 address in brackets");
  for (const char* bad : {"host", "host:", ":29500", "host:0", "host:65536", "host:12ab"})
    EXPECT(!o.setMaster(bad) && o.setMaster(bad).error().field == "master",
           std::string("\"") + bad + "\" is not a master address");
  DataParallelGroup alone;
  EXPECT(alone.shard({4, 5, 6}) == std::vector<int32_t>({4, 5, 6}) && alone.writes(),
         "alone: the whole batch, and this process writes");
}

void checkUnreachableMaster() {
  DistributedOptions o;
  o.worldSize = 2;
  o.rank = 1;
  o.masterPort = freePort();
  o.timeoutSeconds = 2;
  auto joined = DataParallelGroup::join(o);
  EXPECT(!joined, "rank 1 without a rank 0 fails after the timeout");
  if (!joined)
    EXPECT(joined.error().message.find("rank 1") != std::string::npos &&
               joined.error().message.find("127.0.0.1:" + std::to_string(o.masterPort)) != std::string::npos,
           "the error names the rank and the master address: " + joined.error().message);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::string(argv[1]) == "rank")
    return runRank(std::atoi(argv[2]), std::atoi(argv[3]), argv[4], argv[5]);

  checkOptions();
  if (!DataParallelGroup::available()) {
    std::printf("SKIP: this LibTorch build has no c10d Gloo backend; only the options were checked\n");
    return quarry::test::g_failures == 0 ? 0 : 1;
  }
  checkUnreachableMaster();

  const fs::path root = fs::temp_directory_path() / ("quarry-data-parallel-" + std::to_string(getpid()));
  fs::remove_all(root);
  quarry::test::writeTopicBaseFolder(root / "base", 2, 0.0);  // no dropout: the shards see the same masks

  // One process on the whole batches.
  model::CpuThreadOptions threads;
  threads.intraOpThreads = 1;
  model::configureCpuThreads(threads);
  TrainRequest single = request(root, "single", 0);
  auto alone = runTraining(single);
  EXPECT(alone.ok() && alone->steps == 12 && alone->worldSize == 1, "one process trains 4 steps x 3 epochs");

  // Two processes on half batches each.
  const std::vector<int> same = runWorld(root, "same");
  EXPECT(same == std::vector<int>({0, 0}), "both ranks train to the end");
  const fs::path rank0 = root / "same" / "rank0", rank1 = root / "same" / "rank1";
  const model::StateDict one = weightsOf(root / "single" / "rank0" / "best");
  const model::StateDict two = weightsOf(rank0 / "best");
  const double difference = largestDifference(one, two);
  std::printf("largest weight difference, 2 ranks vs 1 process: %.3g\n", difference);
  EXPECT(difference >= 0 && difference < 1e-5, "two ranks on half batches end where one process on the whole batches does");
  EXPECT(!fs::exists(rank1 / "best") && !fs::exists(rank1 / "last") && !fs::exists(rank1 / "run.json"),
         "rank 1 writes no folder of its own");
  if (fs::exists(rank0 / "run.json")) {
    const json run = json::parse(std::ifstream(rank0 / "run.json"));
    EXPECT(run["world_size"] == 2 && run["result"]["steps"] == 12 && run["result"]["world_size"] == 2,
           "rank 0's run record says two processes trained, 12 steps");
    const json single = json::parse(std::ifstream(root / "single" / "rank0" / "run.json"));
    EXPECT(run["result"]["train_positions"] == single["result"]["train_positions"],
           "the world counts the positions of every rank's items");
  }

  // A cancel on rank 1 stops both at the same step; the world then resumes to where it would have ended.
  const std::vector<int> cancelled = runWorld(root, "cancel");
  EXPECT(cancelled == std::vector<int>({4, 4}), "rank 1's cancel stops both ranks");
  const fs::path cancelFolder = root / "cancel" / "rank0";
  if (fs::exists(cancelFolder / "last" / "state.json")) {
    const json state = json::parse(std::ifstream(cancelFolder / "last" / "state.json"));
    EXPECT(state["step"] == 4, "rank 0 saved last/ at the step rank 1 cancelled");
  }
  // Rank 1 has no last/ of its own (as on a machine that does not share the folder): it receives rank 0's.
  EXPECT(!fs::exists(root / "cancel" / "rank1" / "last"), "rank 1 kept no checkpoint");
  const std::vector<int> again = runWorld(root, "cancel-again");
  EXPECT(again == std::vector<int>({4, 4}), "the world resumes, and is cancelled again at step 8");
  EXPECT(fs::exists(root / "cancel" / "rank1" / "last" / "state.json"), "rank 1 resumed from rank 0's last/, sent to it");
  // By now rank 1's received copy (step 4) is stale: the next resume replaces it with rank 0's (step 8).
  const std::vector<int> resumed = runWorld(root, "resume");
  EXPECT(resumed == std::vector<int>({0, 0}), "the world resumes again and finishes");
  EXPECT(sameBits(weightsOf(cancelFolder / "best"), two), "the resumed world ends with the uninterrupted world's weights bit for bit");

  // Different data on one rank is refused by both.
  const std::vector<int> mismatched = runWorld(root, "otherdata");
  EXPECT(mismatched == std::vector<int>({3, 3}), "ranks given different documents refuse to train");

  fs::remove_all(root);
  if (quarry::test::g_failures == 0) std::printf("PASS: data-parallel training\n");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
