#include "model/kernels/BatchedMatmul.h"
#include "model/kernels/Autocast.h"

#include <atomic>
#include <vector>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/matmul.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/kernels/GemmLibrary.h"

namespace quarry::model {

namespace {

// Element offset of each matrix of a [..., rows, cols] tensor, leading dimensions flattened.
std::vector<int64_t> batchOffsets(const at::Tensor& t) {
  const int64_t d = t.dim();
  int64_t batch = 1;
  for (int64_t i = 0; i < d - 2; ++i) batch *= t.size(i);
  std::vector<int64_t> offsets(static_cast<std::size_t>(batch));
  for (int64_t flat = 0; flat < batch; ++flat) {
    int64_t rest = flat, offset = 0;
    for (int64_t i = d - 3; i >= 0; --i) {
      offset += (rest % t.size(i)) * t.stride(i);
      rest /= t.size(i);
    }
    offsets[static_cast<std::size_t>(flat)] = offset;
  }
  return offsets;
}

// How one operand's matrices sit in memory.
struct Operand {
  at::Tensor tensor;  // keeps the storage alive (maybe a contiguous copy)
  char trans = 'N';
  int64_t ld = 0;
  std::vector<int64_t> offsets;
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
  op.offsets = batchOffsets(op.tensor);
  return op;
}

bool applies(const at::Tensor& a, const at::Tensor& b) {
  auto ok = [](const at::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.layout() == at::kStrided && t.dim() >= 3;
  };
  if (!detail::gemmAvailable() || autocastEnabled(c10::DeviceType::CPU) || !ok(a) || !ok(b) ||
      a.dim() != b.dim())
    return false;
  for (int64_t i = 0; i < a.dim() - 2; ++i)
    if (a.size(i) != b.size(i)) return false;
  return a.size(-1) == b.size(-2);
}

// Writes a @ b into `out` ([..., M, N], rows of stride out.stride(-2), unit column stride, any batch
// strides); no autograd. false when the library is gone (backend switched) or refused a product.
bool computeInto(const at::Tensor& a, const at::Tensor& b, at::Tensor& out) {
  const detail::SgemmFn sgemm = detail::gemmOneThread();
  if (!sgemm) return false;
  const int64_t m = a.size(-2), k = a.size(-1), n = b.size(-1);
  if (out.numel() == 0) return true;
  if (k == 0) {
    out.zero_();
    return true;
  }
  const Operand oa = describe(a), ob = describe(b);
  const std::vector<int64_t> oc = batchOffsets(out);
  const float* pa = oa.tensor.data_ptr<float>();
  const float* pb = ob.tensor.data_ptr<float>();
  float* pc = out.data_ptr<float>();
  const int64_t ldc = out.stride(-2);
  const int64_t batch = static_cast<int64_t>(oa.offsets.size());
  std::atomic<bool> failed{false};
  auto run = [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      if (sgemm(oa.trans, ob.trans, m, n, k, 1.0f, pa + oa.offsets[i], oa.ld, pb + ob.offsets[i], ob.ld, 0.0f,
                pc + oc[i], ldc) != 0)
        failed = true;
    }
  };
  // Each product single-threaded, the batch spread over the intra-op threads; a BLAS with a pool of its
  // own threads each product instead.
  if (detail::gemmThreadsItself())
    run(0, batch);
  else
    at::parallel_for(0, batch, 1, run);
  return !failed;
}

at::Tensor compute(const at::Tensor& a, const at::Tensor& b) {
  std::vector<int64_t> shape(a.sizes().begin(), a.sizes().end());
  shape.back() = b.size(-1);
  at::Tensor out = at::empty(shape, a.options());
  return computeInto(a, b, out) ? out : at::matmul(a, b);
}

// [B, M, H, N] with the products written through its [B, H, M, N] view.
at::Tensor computeHeadsLast(const at::Tensor& a, const at::Tensor& b) {
  at::Tensor out = at::empty({a.size(0), a.size(2), a.size(1), b.size(-1)}, a.options());
  at::Tensor view = out.transpose(1, 2);
  return computeInto(a, b, view) ? out : at::matmul(a, b).transpose(1, 2).contiguous();
}

struct BatchedMatmulFunction : public torch::autograd::Function<BatchedMatmulFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& a, const at::Tensor& b,
                            bool headsLast) {
    ctx->save_for_backward({a, b});
    ctx->saved_data["headsLast"] = headsLast;
    return headsLast ? computeHeadsLast(a, b) : compute(a, b);
  }
  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    // The gradient of the heads-last result, seen as [B, H, M, N] (strided, read in place).
    const at::Tensor g = ctx->saved_data["headsLast"].toBool() ? grads[0].transpose(1, 2) : grads[0];
    at::Tensor da, db;
    if (ctx->needs_input_grad(0)) da = compute(g, saved[1].transpose(-1, -2));
    if (ctx->needs_input_grad(1)) db = compute(saved[0].transpose(-1, -2), g);
    return {da, db, at::Tensor()};
  }
};

bool recordsGradient(const at::Tensor& a, const at::Tensor& b) {
  return at::GradMode::is_enabled() && (a.requires_grad() || b.requires_grad());
}

}  // namespace

at::Tensor batchedMatmul(const at::Tensor& a, const at::Tensor& b) {
  if (!applies(a, b)) return at::matmul(a, b);
  if (recordsGradient(a, b)) return BatchedMatmulFunction::apply(a, b, false);
  return compute(a, b);
}

at::Tensor batchedMatmulHeadsLast(const at::Tensor& a, const at::Tensor& b) {
  if (a.dim() != 4 || !applies(a, b)) return at::matmul(a, b).transpose(1, 2).contiguous();
  if (recordsGradient(a, b)) return BatchedMatmulFunction::apply(a, b, true);
  return computeHeadsLast(a, b);
}

}  // namespace quarry::model
