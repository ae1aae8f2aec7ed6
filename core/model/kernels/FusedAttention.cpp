#include "model/kernels/FusedAttention.h"

#include <atomic>
#include <cmath>
#include <vector>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/_softmax.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/from_blob.h>

#include "model/kernels/Autocast.h"
#include "model/kernels/GemmLibrary.h"

namespace quarry::model {

namespace {

bool plainCpuFloat(const at::Tensor& t) {
  return t.defined() && t.device().is_cpu() && t.scalar_type() == at::kFloat && t.layout() == at::kStrided &&
         !t.requires_grad();
}

bool applies(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& mask,
             int64_t heads) {
  if (at::GradMode::is_enabled() && (q.requires_grad() || k.requires_grad() || v.requires_grad()))
    return false;
  // A BLAS with a pool of its own is not called from several threads at once.
  if (!detail::gemmAvailable() || detail::gemmThreadsItself() || heads < 1) return false;
  if (autocastEnabled(c10::DeviceType::CPU)) return false;  // the ATen ops cast to the lower precision
  for (const at::Tensor* t : {&q, &k, &v})
    if (!plainCpuFloat(*t) || t->dim() != 3 || t->stride(2) != 1 || t->sizes() != q.sizes()) return false;
  if (q.size(2) % heads != 0) return false;
  if (mask.defined())
    return plainCpuFloat(mask) && mask.dim() == 4 && mask.size(0) == q.size(0) && mask.size(1) == 1 &&
           mask.size(2) == 1 && mask.size(3) == q.size(1);
  return true;
}

}  // namespace

at::Tensor fusedAttentionInference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                   const at::Tensor& additiveMask, int64_t heads) {
  if (!applies(q, k, v, additiveMask, heads)) return {};
  const detail::SgemmFn sgemm = detail::gemmOneThread();
  if (!sgemm) return {};
  const int64_t batch = q.size(0), length = q.size(1), width = q.size(2), headDim = width / heads;
  at::Tensor out = at::empty({batch, length, width}, q.options());
  if (out.numel() == 0) return out;
  const at::Tensor mask = additiveMask.defined() ? additiveMask.contiguous() : at::Tensor();
  const float* pm = mask.defined() ? mask.data_ptr<float>() : nullptr;
  const float* pq = q.data_ptr<float>();
  const float* pk = k.data_ptr<float>();
  const float* pv = v.data_ptr<float>();
  float* po = out.data_ptr<float>();
  const float alpha = static_cast<float>(1.0 / std::sqrt(static_cast<double>(headDim)));
  std::atomic<bool> failed{false};
  auto run = [&](int64_t begin, int64_t end) {
    std::vector<float> scores(static_cast<size_t>(length * length)), probs(scores.size());
    const at::Tensor scoresView = at::from_blob(scores.data(), {length, length}, at::kFloat);
    at::Tensor probsView = at::from_blob(probs.data(), {length, length}, at::kFloat);
    for (int64_t item = begin; item < end && !failed; ++item) {
      const int64_t b = item / heads, h = item % heads;
      const float* qh = pq + b * q.stride(0) + h * headDim;
      const float* kh = pk + b * k.stride(0) + h * headDim;
      const float* vh = pv + b * v.stride(0) + h * headDim;
      if (sgemm('N', 'T', length, length, headDim, alpha, qh, q.stride(1), kh, k.stride(1), 0.0f,
                scores.data(), length) != 0) {
        failed = true;
        break;
      }
      if (pm) {
        const float* row = pm + b * length;
        for (int64_t i = 0; i < length; ++i) {
          float* s = scores.data() + i * length;
          for (int64_t j = 0; j < length; ++j) s[j] += row[j];
        }
      }
      // Single-threaded inside the parallel region, vectorised as ATen's softmax is everywhere.
      at::_softmax_out(probsView, scoresView, 1, false);
      if (sgemm('N', 'N', length, headDim, length, 1.0f, probs.data(), length, vh, v.stride(1), 0.0f,
                po + b * length * width + h * headDim, width) != 0)
        failed = true;
    }
  };
  at::parallel_for(0, batch * heads, 1, run);
  return failed ? at::Tensor() : out;
}

}  // namespace quarry::model
