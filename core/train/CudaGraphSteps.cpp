#include "train/CudaGraphSteps.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <torch/version.h>

#if defined(QUARRY_WITH_CUDA) && \
    (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))
#define QUARRY_CUDA_GRAPH_STEPS 1
#include <ATen/autocast_mode.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace quarry::train {

#ifdef QUARRY_CUDA_GRAPH_STEPS

struct CudaGraphSteps::Impl {
  struct Shape {
    int uses = 0;                                // eager steps of this shape so far
    std::unique_ptr<at::cuda::CUDAGraph> graph;  // captured after `eagerRuns` uses
    std::vector<at::Tensor> inputs;              // the graph's static inputs
    StagedBatch batch;                           // the captured batch (its tensors are `inputs`)
    at::Tensor loss;                             // the graph's output, rewritten by every replay
  };
  // The work already queued on the current stream (the weights' copies) is done before the side stream
  // takes over.
  static c10::cuda::CUDAStream sideStream(const c10::Device& device) {
    const c10::DeviceIndex index = device.has_index() ? device.index() : c10::cuda::current_device();
    c10::cuda::getCurrentCUDAStream(index).synchronize();
    return c10::cuda::getStreamFromPool(false, index);
  }
  Impl(const c10::Device& device, int eager) : side(sideStream(device)), guard(side), eagerRuns(eager) {}
  c10::cuda::CUDAStream side;
  c10::cuda::CUDAStreamGuard guard;  // the side stream is current while this lives
  int eagerRuns;
  std::map<std::string, Shape> shapes;
  size_t replays = 0;
};

Status CudaGraphSteps::supported(const c10::Device& device) {
  if (!device.is_cuda())
    return Error("CUDA graphs run on a CUDA device only (device is \"" + device.str() + "\")", "", 0,
                 "cuda_graphs");
  return {};
}

CudaGraphSteps::CudaGraphSteps(const c10::Device& device, int eagerRuns)
    : m_impl(std::make_unique<Impl>(device, eagerRuns)) {}

CudaGraphSteps::~CudaGraphSteps() {
  if (m_impl) m_impl->side.synchronize();  // the work queued on the side stream is done before it goes
}

CudaGraphSteps::Outcome CudaGraphSteps::run(const StagedBatch& batch, const Step& step,
                                            const std::function<void()>& dropGradients) {
  Impl::Shape& shape = m_impl->shapes[batch.shapeKey()];
  Outcome out;
  if (!shape.graph && shape.uses < m_impl->eagerRuns) {
    ++shape.uses;
    out.loss = step(batch);
    out.hostRan = true;
    return out;
  }
  if (!shape.graph) {
    shape.batch = batch;
    shape.inputs.clear();
    for (const at::Tensor& t : batch.tensors) shape.inputs.push_back(t.defined() ? t.clone() : t);
    shape.batch.tensors = shape.inputs;
    dropGradients();
    m_impl->side.synchronize();
    shape.graph = std::make_unique<at::cuda::CUDAGraph>();
    const bool cache = at::autocast::is_autocast_cache_enabled();
    at::autocast::set_autocast_cache_enabled(false);
    try {
      shape.graph->capture_begin();
      shape.loss = step(shape.batch);
      shape.graph->capture_end();
    } catch (...) {
      at::autocast::set_autocast_cache_enabled(cache);
      shape.graph.reset();
      throw;
    }
    at::autocast::set_autocast_cache_enabled(cache);
    out.hostRan = true;  // the capture ran the host side once (it recorded, the replay below computes)
  } else {
    for (size_t i = 0; i < shape.inputs.size(); ++i)
      if (shape.inputs[i].defined()) shape.inputs[i].copy_(batch.tensors[i], /*non_blocking=*/true);
    ++m_impl->replays;
  }
  shape.graph->replay();
  out.loss = shape.loss.clone();
  return out;
}

size_t CudaGraphSteps::graphCount() const {
  size_t n = 0;
  for (const auto& [key, shape] : m_impl->shapes) n += shape.graph ? 1 : 0;
  return n;
}

size_t CudaGraphSteps::replays() const { return m_impl->replays; }

#else  // a LibTorch without CUDA, or older than 2.4

struct CudaGraphSteps::Impl {};

Status CudaGraphSteps::supported(const c10::Device& device) {
  if (!device.is_cuda())
    return Error("CUDA graphs run on a CUDA device only (device is \"" + device.str() + "\")", "", 0,
                 "cuda_graphs");
  return Error(
      std::string("CUDA graphs need LibTorch 2.4 or later built with CUDA; this build has LibTorch ") +
          TORCH_VERSION,
      "", 0, "cuda_graphs");
}

CudaGraphSteps::CudaGraphSteps(const c10::Device&, int) {
  throw std::logic_error("CudaGraphSteps: not supported by this build (ask supported() first)");
}

CudaGraphSteps::~CudaGraphSteps() = default;

CudaGraphSteps::Outcome CudaGraphSteps::run(const StagedBatch&, const Step&, const std::function<void()>&) {
  throw std::logic_error("CudaGraphSteps: not supported by this build");
}

size_t CudaGraphSteps::graphCount() const { return 0; }
size_t CudaGraphSteps::replays() const { return 0; }

#endif

}  // namespace quarry::train
