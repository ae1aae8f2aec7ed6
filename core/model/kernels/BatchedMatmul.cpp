#include "model/kernels/BatchedMatmul.h"

#include <atomic>
#include <vector>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/matmul.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/kernels/OneDnnGemm.h"

namespace quarry::model {

namespace {

// How one operand's matrices sit in memory.
struct Operand {
  at::Tensor tensor;  // keeps the storage alive (maybe a contiguous copy)
  char trans = 'N';
  int64_t ld = 0;
  std::vector<int64_t> batchOffsets;  // element offset of each matrix
};

Operand describe(const at::Tensor& t) {
  const int64_t d = t.dim();
  const int64_t rows = t.size(d - 2), cols = t.size(d - 1);
  Operand op;
  op.tensor = t;
  const int64_t rs = t.stride(d - 2), cs = t.stride(d - 1);
  if ((cs == 1 || cols == 1) && rs >= std::max<int64_t>(1, cols)) {
    op.trans = 'N';
    op.ld = rs;
  } else if ((rs == 1 || rows == 1) && cs >= std::max<int64_t>(1, rows)) {
    op.trans = 'T';
    op.ld = cs;
  } else {
    op.tensor = t.contiguous();
    op.trans = 'N';
    op.ld = std::max<int64_t>(1, cols);
  }
  int64_t batch = 1;
  for (int64_t i = 0; i < d - 2; ++i) batch *= t.size(i);
  op.batchOffsets.resize(static_cast<std::size_t>(batch));
  for (int64_t flat = 0; flat < batch; ++flat) {
    int64_t rest = flat, offset = 0;
    for (int64_t i = d - 3; i >= 0; --i) {
      offset += (rest % t.size(i)) * op.tensor.stride(i);
      rest /= t.size(i);
    }
    op.batchOffsets[static_cast<std::size_t>(flat)] = offset;
  }
  return op;
}

bool applies(const at::Tensor& a, const at::Tensor& b) {
  auto ok = [](const at::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.layout() == at::kStrided && t.dim() >= 3;
  };
  if ((!detail::oneDnnSgemm() && !detail::blasSgemm()) || !ok(a) || !ok(b) || a.dim() != b.dim())
    return false;
  for (int64_t i = 0; i < a.dim() - 2; ++i)
    if (a.size(i) != b.size(i)) return false;
  return a.size(-1) == b.size(-2);
}

// No autograd; returns undefined when oneDNN is gone (backend switched).
at::Tensor compute(const at::Tensor& a, const at::Tensor& b) {
  // oneDNN single-threaded per matrix across the OpenMP threads; the BLAS threads each product itself.
  const detail::SgemmFn oneDnn = detail::oneDnnSgemm();
  const detail::SgemmFn sgemm = oneDnn ? oneDnn : detail::blasSgemm();
  if (!sgemm) return at::matmul(a, b);
  const int64_t m = a.size(-2), k = a.size(-1), n = b.size(-1);
  std::vector<int64_t> shape(a.sizes().begin(), a.sizes().end());
  shape.back() = n;
  at::Tensor out = at::empty(shape, a.options());
  if (out.numel() == 0) return out;
  if (k == 0) return out.zero_();
  const Operand oa = describe(a), ob = describe(b);
  const float* pa = oa.tensor.data_ptr<float>();
  const float* pb = ob.tensor.data_ptr<float>();
  float* pc = out.data_ptr<float>();
  const int64_t batch = static_cast<int64_t>(oa.batchOffsets.size());
  std::atomic<bool> failed{false};
  auto run = [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      if (sgemm(oa.trans, ob.trans, m, n, k, 1.0f, pa + oa.batchOffsets[i], oa.ld, pb + ob.batchOffsets[i], ob.ld,
                0.0f, pc + i * m * n, n) != 0)
        failed = true;
    }
  };
  // oneDNN runs single-threaded inside a parallel region; the batch is the parallel dimension.
  if (oneDnn)
    at::parallel_for(0, batch, 1, run);
  else
    run(0, batch);
  return failed ? at::matmul(a, b) : out;
}

struct BatchedMatmulFunction : public torch::autograd::Function<BatchedMatmulFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& a, const at::Tensor& b) {
    ctx->save_for_backward({a, b});
    return compute(a, b);
  }
  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    const at::Tensor& g = grads[0];
    at::Tensor da, db;
    if (ctx->needs_input_grad(0)) da = compute(g, saved[1].transpose(-1, -2));
    if (ctx->needs_input_grad(1)) db = compute(saved[0].transpose(-1, -2), g);
    return {da, db};
  }
};

}  // namespace

at::Tensor batchedMatmul(const at::Tensor& a, const at::Tensor& b) {
  if (!applies(a, b)) return at::matmul(a, b);
  if (at::GradMode::is_enabled() && (a.requires_grad() || b.requires_grad()))
    return BatchedMatmulFunction::apply(a, b);
  return compute(a, b);
}

}  // namespace quarry::model
