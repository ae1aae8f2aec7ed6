#include "train/distributed/DataParallelGroup.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstdlib>
#include <exception>
#include <map>
#include <string>

#include <ATen/ops/cat.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/zeros.h>

#ifdef QUARRY_C10D_GLOO
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#ifdef QUARRY_C10D_NCCL  // a CUDA LibTorch with NCCL (CMake defines it, with USE_C10D_NCCL)
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <nlohmann/json.hpp>

#include "common/Log.h"

namespace quarry::train {

#ifdef QUARRY_C10D_GLOO
struct DataParallelGroup::Connection {
  c10::intrusive_ptr<c10d::TCPStore> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group;  // CPU tensors: scalars, and every tensor without NCCL
#ifdef QUARRY_C10D_NCCL
  c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;  // CUDA tensors, where the model is on a GPU
#endif
  bool onDevice() const {
#ifdef QUARRY_C10D_NCCL
    return static_cast<bool>(nccl);
#else
    return false;
#endif
  }
  // The collective for `tensors`: NCCL for CUDA tensors when joined with it, Gloo otherwise.
  c10::intrusive_ptr<c10d::Work> allreduce(std::vector<at::Tensor>& tensors,
                                           const c10d::AllreduceOptions& options = {}) {
#ifdef QUARRY_C10D_NCCL
    if (nccl && tensors.front().is_cuda()) return nccl->allreduce(tensors, options);
#endif
    return group->allreduce(tensors, options);
  }
  c10::intrusive_ptr<c10d::Work> broadcast(std::vector<at::Tensor>& tensors) {
#ifdef QUARRY_C10D_NCCL
    if (nccl && tensors.front().is_cuda()) return nccl->broadcast(tensors);
#endif
    return group->broadcast(tensors);
  }
};
#else
struct DataParallelGroup::Connection {};
#endif

namespace {

bool isLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// Runs a c10d call, turning what it throws (a timeout, a rank that died) into an Error naming this rank.
template <typename Call>
Status collective(int rank, const char* what, Call&& call) {
  try {
    call();
    return {};
  } catch (const std::exception& e) {
    std::string message = e.what();
    if (const size_t newline = message.find('\n'); newline != std::string::npos) message.resize(newline);
    // A peer that ended (killed, failed, out of memory) shows as a reset or closed connection.
    const bool peerGone = message.find("Connection reset") != std::string::npos ||
                          message.find("Connection closed") != std::string::npos ||
                          message.find("Broken pipe") != std::string::npos;
    return Error("data-parallel training, rank " + std::to_string(rank) + ", " + what + ": " + message +
                     (peerGone ? " (another rank has stopped: its own output says why; start every rank again "
                                 "with --resume to continue from the last checkpoint)"
                               : ""),
                 "", 0, "distributed");
  }
}

}  // namespace

DataParallelGroup::DataParallelGroup() = default;
DataParallelGroup::~DataParallelGroup() = default;
DataParallelGroup::DataParallelGroup(DataParallelGroup&&) noexcept = default;
DataParallelGroup& DataParallelGroup::operator=(DataParallelGroup&&) noexcept = default;

bool DataParallelGroup::available() {
#ifdef QUARRY_C10D_GLOO
  return true;
#else
  return false;
#endif
}

bool DataParallelGroup::ncclAvailable() {
#if defined(QUARRY_C10D_GLOO) && defined(QUARRY_C10D_NCCL)
  return true;
#else
  return false;
#endif
}

const char* DataParallelGroup::tensorBackend() const {
#ifdef QUARRY_C10D_GLOO
  if (m_connection && m_connection->onDevice()) return "nccl";
#endif
  return "gloo";
}

Result<DataParallelGroup> DataParallelGroup::join(const DistributedOptions& options,
                                                  const c10::Device& device) {
  if (Status s = options.check(); !s) return s.error();
  DataParallelGroup joined;
  if (!options.active()) return joined;
#ifdef QUARRY_C10D_GLOO
  joined.m_rank = options.rank;
  joined.m_worldSize = options.worldSize;
  joined.m_timeoutSeconds = options.timeoutSeconds;
  joined.m_connection = std::make_unique<Connection>();
  const std::chrono::milliseconds timeout(static_cast<int64_t>(options.timeoutSeconds) * 1000);
  const std::string master = options.masterHost + ":" + std::to_string(options.masterPort);
  log::get("train")->info("rank {} of {}: joining at {}", options.rank, options.worldSize, master);
  Status met = collective(options.rank, options.rank == 0 ? "listening at the master address" : "reaching the master",
                          [&] {
                            c10d::TCPStoreOptions storeOptions;
                            storeOptions.port = static_cast<std::uint16_t>(options.masterPort);
                            storeOptions.isServer = options.rank == 0;
                            storeOptions.numWorkers = static_cast<size_t>(options.worldSize);
                            storeOptions.waitWorkers = true;
                            storeOptions.timeout = timeout;
                            joined.m_connection->store =
                                c10::make_intrusive<c10d::TCPStore>(options.masterHost, storeOptions);
                          });
  if (!met) {
    Error e = met.error();
    e.message += " (" + master + ")";
    return e;
  }
  Status formed = collective(options.rank, "forming the Gloo process group", [&] {
    auto groupOptions = c10d::ProcessGroupGloo::Options::create(timeout);
    // The transport binds to the loopback address when the master is local, to GLOO_SOCKET_IFNAME's
    // interface when set (as torch.distributed does), else to the address this machine's name resolves to.
    if (isLoopback(options.masterHost))
      groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
    else if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
      groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(interface));
    else
      groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
    joined.m_connection->group = c10::make_intrusive<c10d::ProcessGroupGloo>(
        c10::make_intrusive<c10d::PrefixStore>("gloo", joined.m_connection->store), options.rank,
        options.worldSize, groupOptions);
  });
  if (!formed) return formed.error();
  if (device.is_cuda()) {
#ifdef QUARRY_C10D_NCCL
    Status nccl = collective(options.rank, "forming the NCCL process group", [&] {
      auto ncclOptions = c10d::ProcessGroupNCCL::Options::create();
      ncclOptions->timeout = timeout;
      joined.m_connection->nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(
          c10::make_intrusive<c10d::PrefixStore>("nccl", joined.m_connection->store), options.rank,
          options.worldSize, ncclOptions);
    });
    if (!nccl) return nccl.error();
#else
    log::get("train")->warn(
        "rank {}: this LibTorch has no c10d NCCL backend; gradients go through Gloo via "
        "host memory",
        options.rank);
#endif
  }
  log::get("train")->info("rank {} of {}: joined", options.rank, options.worldSize);
  return joined;
#else
  return Error("this build of LibTorch has no c10d Gloo backend: train with a world size of 1", "", 0,
               "world_size");
#endif
}

std::vector<int32_t> DataParallelGroup::shard(const std::vector<int32_t>& batch) const {
  if (m_worldSize <= 1) return batch;
  std::vector<int32_t> mine;
  for (size_t i = static_cast<size_t>(m_rank); i < batch.size(); i += static_cast<size_t>(m_worldSize))
    mine.push_back(batch[i]);
  return mine;
}

#ifdef QUARRY_C10D_GLOO
namespace {

// Tensors of one dtype flattened into one buffer, on their device when NCCL carries it, else in host
// memory for Gloo; and copied back.
at::Tensor flatten(const std::vector<at::Tensor>& tensors, bool onDevice) {
  std::vector<at::Tensor> flat;
  flat.reserve(tensors.size());
  for (const at::Tensor& t : tensors) {
    at::Tensor row = t.detach().reshape({-1});
    flat.push_back(onDevice && row.is_cuda() ? row : row.to(at::kCPU));
  }
  return at::cat(flat).contiguous();
}

void unflatten(const at::Tensor& buffer, const std::vector<at::Tensor>& tensors) {
  int64_t offset = 0;
  for (const at::Tensor& t : tensors) {
    const int64_t n = t.numel();
    t.detach().copy_(buffer.narrow(0, offset, n).view(t.sizes()));
    offset += n;
  }
}

}  // namespace
#endif

Status DataParallelGroup::broadcast(const std::vector<at::Tensor>& tensors) {
  if (!active() || tensors.empty()) return {};
#ifdef QUARRY_C10D_GLOO
  at::NoGradGuard noGrad;
  std::map<at::ScalarType, std::vector<at::Tensor>> byType;
  for (const at::Tensor& t : tensors)
    if (t.defined() && t.numel() > 0) byType[t.scalar_type()].push_back(t);
  for (auto& [type, group] : byType) {
    std::vector<at::Tensor> buffer{flatten(group, m_connection->onDevice())};
    if (Status s =
            collective(m_rank, "broadcasting the weights", [&] { m_connection->broadcast(buffer)->wait(); });
        !s)
      return s;
    unflatten(buffer[0], group);
  }
#endif
  return {};
}

Status DataParallelGroup::sumGradients(const std::vector<at::Tensor>& parameters, std::vector<double>& scalars) {
  if (!active()) return {};
#ifdef QUARRY_C10D_GLOO
  at::NoGradGuard noGrad;
  // Which parameters have a gradient on this rank, and the scalars, summed in double.
  std::vector<double> counts(parameters.size() + scalars.size(), 0.0);
  std::map<at::ScalarType, std::vector<size_t>> byType;
  for (size_t i = 0; i < parameters.size(); ++i) {
    counts[i] = parameters[i].grad().defined() ? 1.0 : 0.0;
    byType[parameters[i].scalar_type()].push_back(i);
  }
  std::copy(scalars.begin(), scalars.end(), counts.begin() + static_cast<std::ptrdiff_t>(parameters.size()));
  std::vector<at::Tensor> summed{
      at::from_blob(counts.data(), {static_cast<int64_t>(counts.size())}, at::TensorOptions().dtype(at::kDouble)).clone()};
  if (Status s = collective(m_rank, "summing the gradients", [&] { m_connection->group->allreduce(summed)->wait(); });
      !s)
    return s;
  const double* total = summed[0].data_ptr<double>();
  for (size_t i = 0; i < scalars.size(); ++i) scalars[i] = total[parameters.size() + i];

  for (auto& [type, indices] : byType) {
    std::vector<at::Tensor> gradients;
    for (size_t i : indices) {
      const at::Tensor& p = parameters[i];
      gradients.push_back(p.grad().defined() ? p.grad() : at::zeros(p.sizes(), p.options()));
    }
    std::vector<at::Tensor> buffer{flatten(gradients, m_connection->onDevice())};
    if (Status s =
            collective(m_rank, "summing the gradients", [&] { m_connection->allreduce(buffer)->wait(); });
        !s)
      return s;
    int64_t offset = 0;
    for (size_t i : indices) {
      at::Tensor p = parameters[i];
      const int64_t n = p.numel();
      if (total[i] > 0) {
        at::Tensor sum = buffer[0].narrow(0, offset, n).view(p.sizes()).to(p.device());
        if (p.grad().defined())
          p.mutable_grad().copy_(sum);
        else
          p.mutable_grad() = sum.clone();
      }
      offset += n;
    }
  }
#else
  (void)parameters;
  (void)scalars;
#endif
  return {};
}

Status DataParallelGroup::copyFolderFromRankZero(const std::string& folder, bool receive) {
  if (!active()) return {};
#ifdef QUARRY_C10D_GLOO
  namespace fs = std::filesystem;
  const std::string prefix = "quarry/folder/" + std::to_string(m_folderCopies++) + "/";
  constexpr size_t kChunk = size_t{32} << 20;
  if (m_rank == 0) {
    nlohmann::json index = nlohmann::json::array();
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder, ec))
      if (entry.is_regular_file()) files.push_back(entry.path());
    if (ec) return Error("cannot list the checkpoint to send: " + ec.message(), folder);
    std::sort(files.begin(), files.end());
    for (size_t f = 0; f < files.size(); ++f) {
      std::ifstream in(files[f], std::ios::binary);
      std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) return Error("cannot read the checkpoint file to send", files[f].string());
      const size_t chunks = (bytes.size() + kChunk - 1) / kChunk;
      index.push_back({{"path", fs::relative(files[f], folder).generic_string()}, {"size", bytes.size()}, {"chunks", chunks}});
      for (size_t c = 0; c < chunks; ++c) {
        std::vector<uint8_t> piece(bytes.begin() + static_cast<std::ptrdiff_t>(c * kChunk),
                                   bytes.begin() + static_cast<std::ptrdiff_t>(std::min(bytes.size(), (c + 1) * kChunk)));
        if (Status s = collective(m_rank, "sending the checkpoint",
                                  [&] { m_connection->store->set(prefix + std::to_string(f) + "/" + std::to_string(c), piece); });
            !s)
          return s;
      }
    }
    const std::string text = index.dump();
    return collective(m_rank, "sending the checkpoint", [&] {
      m_connection->store->set(prefix + "index", std::vector<uint8_t>(text.begin(), text.end()));
    });
  }
  if (!receive) return {};
  std::vector<uint8_t> indexBytes;
  if (Status s = collective(m_rank, "receiving rank 0's checkpoint", [&] { indexBytes = m_connection->store->get(prefix + "index"); });
      !s)
    return s;
  const nlohmann::json index = nlohmann::json::parse(indexBytes.begin(), indexBytes.end(), nullptr, false);
  if (!index.is_array()) return Error("rank 0's checkpoint index is damaged", "", 0, "distributed");
  std::error_code ec;
  const fs::path incoming = fs::path(folder).string() + ".from-rank0";
  fs::remove_all(incoming, ec);
  for (size_t f = 0; f < index.size(); ++f) {
    const fs::path path = incoming / index[f].value("path", std::string());
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (size_t c = 0; c < index[f].value("chunks", size_t{0}); ++c) {
      std::vector<uint8_t> piece;
      if (Status s = collective(m_rank, "receiving rank 0's checkpoint",
                                [&] { piece = m_connection->store->get(prefix + std::to_string(f) + "/" + std::to_string(c)); });
          !s)
        return s;
      out.write(reinterpret_cast<const char*>(piece.data()), static_cast<std::streamsize>(piece.size()));
    }
    if (!out.good()) return Error("cannot write rank 0's checkpoint here", path.string());
  }
  fs::remove_all(folder, ec);
  fs::rename(incoming, folder, ec);
  if (ec) return Error("cannot put rank 0's checkpoint in place: " + ec.message(), folder);
  log::get("train")->info("rank {}: received rank 0's checkpoint ({} files) into {}", m_rank, index.size(), folder);
#else
  (void)folder;
  (void)receive;
#endif
  return {};
}

Result<int64_t> DataParallelGroup::maxOverRanks(int64_t value) {
  if (!active()) return value;
#ifdef QUARRY_C10D_GLOO
  std::vector<at::Tensor> t{at::from_blob(&value, {1}, at::TensorOptions().dtype(at::kLong)).clone()};
  c10d::AllreduceOptions o;
  o.reduceOp = c10d::ReduceOp::MAX;
  if (Status s = collective(m_rank, "agreeing with the other ranks", [&] { m_connection->group->allreduce(t, o)->wait(); });
      !s)
    return s.error();
  return t[0].item<int64_t>();
#else
  return value;
#endif
}

Result<int64_t> DataParallelGroup::minOverRanks(int64_t value) {
  auto negated = maxOverRanks(-value);
  if (!negated) return negated.error();
  return -negated.value();
}

}  // namespace quarry::train
