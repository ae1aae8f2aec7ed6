#include "model/encoder/ActivationCheckpoint.h"

#include <utility>

#include <ATen/Context.h>
#include <ATen/core/Generator.h>
#include <ATen/core/grad_mode.h>
#include <ATen/core/ivalue.h>
#include <ATen/ops/empty.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/custom_class.h>

#include "model/kernels/Autocast.h"

namespace quarry::model {

namespace {

// What backward needs to run the block again: the block, and the generator and autocast states.
struct Recomputation : torch::CustomClassHolder {
  CheckpointedPairBlock block;
  bool hasSide = false;  // false: the block's second input is undefined (an empty placeholder goes through
                         // the autograd Function, which takes no undefined input on LibTorch 1.13)
  at::Tensor cpuGeneratorState;
  c10::Device device{c10::kCPU};
  at::Tensor deviceGeneratorState;  // the input's CUDA device's generator; undefined on CPU
  AutocastState autocast;
};

// Puts the generators back to a saved state for the life of the object, then restores theirs.
class GeneratorRewind {
 public:
  explicit GeneratorRewind(const Recomputation& r) : m_device(r.device) {
    at::Generator cpu = at::detail::getDefaultCPUGenerator();
    m_cpu = cpu.get_state();
    cpu.set_state(r.cpuGeneratorState);
    if (r.deviceGeneratorState.defined()) {
      at::Generator gpu = at::globalContext().defaultGenerator(m_device);
      m_gpu = gpu.get_state();
      gpu.set_state(r.deviceGeneratorState);
    }
  }
  ~GeneratorRewind() {
    at::Generator cpu = at::detail::getDefaultCPUGenerator();
    cpu.set_state(m_cpu);
    if (m_gpu.defined()) {
      at::Generator gpu = at::globalContext().defaultGenerator(m_device);
      gpu.set_state(m_gpu);
    }
  }
  GeneratorRewind(const GeneratorRewind&) = delete;
  GeneratorRewind& operator=(const GeneratorRewind&) = delete;

 private:
  c10::Device m_device;
  at::Tensor m_cpu;
  at::Tensor m_gpu;
};

struct CheckpointFunction : torch::autograd::Function<CheckpointFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& input,
                            const at::Tensor& side, c10::intrusive_ptr<Recomputation> recomputation) {
    // Function::apply runs this with grad mode off: nothing of the block is recorded.
    ctx->save_for_backward({input, side});
    ctx->saved_data["recomputation"] = c10::IValue::make_capsule(std::move(recomputation));
    const auto& r =
        *c10::static_intrusive_pointer_cast<Recomputation>(ctx->saved_data["recomputation"].toCapsule());
    return r.block(input, r.hasSide ? side : at::Tensor());
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list gradOutputs) {
    const auto r =
        c10::static_intrusive_pointer_cast<Recomputation>(ctx->saved_data["recomputation"].toCapsule());
    const auto saved = ctx->get_saved_variables();
    at::Tensor input = saved[0].detach().requires_grad_(saved[0].requires_grad());
    at::Tensor side;
    if (r->hasSide) side = saved[1].detach().requires_grad_(saved[1].requires_grad());
    at::Tensor output;
    {
      GeneratorRewind rewind(*r);
      AutocastRestore autocast(r->autocast);
      at::AutoGradMode grad(true);
      output = r->block(input, side);
    }
    torch::autograd::backward({output}, {gradOutputs[0]});
    return {input.grad(), side.defined() ? side.grad() : at::Tensor(), at::Tensor()};
  }
};

}  // namespace

at::Tensor checkpointed(const CheckpointedPairBlock& block, const at::Tensor& input, const at::Tensor& side) {
  if (!at::GradMode::is_enabled() || !(input.requires_grad() || (side.defined() && side.requires_grad())))
    return block(input, side);
  auto r = c10::make_intrusive<Recomputation>();
  r->block = block;
  r->cpuGeneratorState = at::detail::getDefaultCPUGenerator().get_state();
  r->device = input.device();
  if (input.is_cuda())
    r->deviceGeneratorState = at::globalContext().defaultGenerator(input.device()).get_state();
  r->autocast = AutocastState::current(input.device().type());
  r->hasSide = side.defined();
  const at::Tensor carried = side.defined() ? side : at::empty({0}, input.options().requires_grad(false));
  return CheckpointFunction::apply(input, carried, std::move(r));
}

at::Tensor checkpointed(const CheckpointedBlock& block, const at::Tensor& input) {
  return checkpointed([block](const at::Tensor& x, const at::Tensor&) { return block(x); }, input,
                      at::Tensor());
}

}  // namespace quarry::model
