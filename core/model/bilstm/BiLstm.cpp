#include "model/bilstm/BiLstm.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>

#include <ATen/Parallel.h>
#include <ATen/TensorOperators.h>
#include <ATen/ops/_pack_padded_sequence.h>
#include <ATen/ops/_pad_packed_sequence.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/empty_like.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/lstm.h>
#include <ATen/ops/mm.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/sort.h>
#include <ATen/ops/tanh.h>
#include <ATen/ops/zeros.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/kernels/FastDropout.h"
#include "model/kernels/FastLinear.h"
#include "model/kernels/GemmLibrary.h"

namespace quarry::model {

namespace {

// C[m,n] = A op B, row-major with row strides; the chosen GEMM library when reachable (GemmLibrary.h).
void gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda,
          const float* b, int64_t ldb, float* c, int64_t ldc) {
  if (m == 0 || n == 0) return;
  if (detail::gemm(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, a, lda, b, ldb, 0.0f, c, ldc)) return;
  auto opts = at::TensorOptions().dtype(at::kFloat);
  at::Tensor ta = transA ? at::from_blob(const_cast<float*>(a), {k, m}, {lda, 1}, opts).t()
                         : at::from_blob(const_cast<float*>(a), {m, k}, {lda, 1}, opts);
  at::Tensor tb = transB ? at::from_blob(const_cast<float*>(b), {n, k}, {ldb, 1}, opts).t()
                         : at::from_blob(const_cast<float*>(b), {k, n}, {ldb, 1}, opts);
  at::Tensor tc = at::from_blob(c, {m, n}, {ldc, 1}, opts);
  at::mm_out(tc, ta, tb);
}

// Sentences sorted by length, longest first (stable), so that the sentences still running at step s
// are a prefix of the state matrix: the per-step GEMM covers exactly them.
struct Schedule {
  std::vector<int64_t> lengths;  // per sentence
  std::vector<int64_t> start;    // packed row of each sentence's first word
  std::vector<int64_t> order;    // state row k holds sentence order[k]
  std::vector<int64_t> active;   // active[s]: sentences longer than s
  int64_t total = 0;             // N
};

Schedule schedule(const at::Tensor& lengthsTensor) {
  at::Tensor l = lengthsTensor.to(at::kCPU, at::kLong).contiguous();
  Schedule sc;
  sc.lengths.assign(l.data_ptr<int64_t>(), l.data_ptr<int64_t>() + l.numel());
  for (int64_t len : sc.lengths) {
    if (len < 1) throw std::invalid_argument("biLstm: every sentence needs at least one word");
    sc.start.push_back(sc.total);
    sc.total += len;
  }
  sc.order.resize(sc.lengths.size());
  std::iota(sc.order.begin(), sc.order.end(), 0);
  std::stable_sort(sc.order.begin(), sc.order.end(),
                   [&](int64_t a, int64_t b) { return sc.lengths[a] > sc.lengths[b]; });
  const int64_t maxLen = sc.lengths.empty() ? 0 : sc.lengths[sc.order[0]];
  sc.active.assign(maxLen, 0);
  for (int64_t len : sc.lengths)
    for (int64_t s = 0; s < len; ++s) ++sc.active[s];
  return sc;
}

// Packed row of sentence `sent` at step s of a direction.
inline int64_t rowAt(const Schedule& sc, int64_t sent, int64_t s, bool reverse) {
  return sc.start[sent] + (reverse ? sc.lengths[sent] - 1 - s : s);
}

// Layout shared by forward and backward: proj/acts/dProj [N,8H] (direction d at column 4H*d),
// out/cells [N,2H] (direction d at column H*d).
struct Layer {
  const Schedule* sc;
  int64_t h;
};

void forwardDirection(const Layer& L, int d, const float* proj, const float* whh, float* out, float* acts,
                      float* cells) {
  const Schedule& sc = *L.sc;
  const int64_t h = L.h, g4 = 4 * h, g8 = 8 * h, b = static_cast<int64_t>(sc.lengths.size());
  std::vector<float> hState(b * h, 0.0f), cState(b * h, 0.0f), rec(b * g4), tanhC(b * h);
  // The nonlinearities run as ATen ops on these views: vectorised exp/tanh, where a scalar
  // std::exp per gate costs more than the step's GEMM.
  auto opts = at::TensorOptions().dtype(at::kFloat);
  at::Tensor recT = at::from_blob(rec.data(), {b, g4}, opts);
  at::Tensor cT = at::from_blob(cState.data(), {b, h}, opts),
             tanhT = at::from_blob(tanhC.data(), {b, h}, opts);
  for (int64_t s = 0; s < static_cast<int64_t>(sc.active.size()); ++s) {
    const int64_t bs = sc.active[s];
    gemm(false, true, bs, g4, h, hState.data(), h, whh, h, rec.data(), g4);
    for (int64_t k = 0; k < bs; ++k) {
      const float* x = proj + rowAt(sc, sc.order[k], s, d == 1) * g8 + d * g4;
      float* r = rec.data() + k * g4;
      for (int64_t j = 0; j < g4; ++j) r[j] += x[j];
    }
    at::Tensor gates = recT.narrow(0, 0, bs);
    at::Tensor sig = gates.narrow(1, 0, 2 * h), g = gates.narrow(1, 2 * h, h), o = gates.narrow(1, 3 * h, h);
    at::sigmoid_(sig);
    at::tanh_(g);
    at::sigmoid_(o);
    for (int64_t k = 0; k < bs; ++k) {
      const float* a = rec.data() + k * g4;
      float* c = cState.data() + k * h;
      for (int64_t j = 0; j < h; ++j) c[j] = a[h + j] * c[j] + a[j] * a[2 * h + j];
    }
    at::Tensor tanhRows = tanhT.narrow(0, 0, bs);
    at::tanh_out(tanhRows, cT.narrow(0, 0, bs));
    for (int64_t k = 0; k < bs; ++k) {
      const int64_t row = rowAt(sc, sc.order[k], s, d == 1);
      const float* a = rec.data() + k * g4;
      const float* c = cState.data() + k * h;
      const float* tc = tanhC.data() + k * h;
      float* hs = hState.data() + k * h;
      float* o = out + row * 2 * h + d * h;
      for (int64_t j = 0; j < h; ++j) hs[j] = o[j] = a[3 * h + j] * tc[j];
      std::memcpy(acts + row * g8 + d * g4, a, sizeof(float) * g4);
      std::memcpy(cells + row * 2 * h + d * h, c, sizeof(float) * h);
    }
  }
}

void backwardDirection(const Layer& L, int d, const float* whh, const float* out, const float* acts,
                       const float* cells, const float* tanhCells, const float* dOut, float* dProj,
                       float* dWhh) {
  const Schedule& sc = *L.sc;
  const int64_t h = L.h, g4 = 4 * h, g8 = 8 * h, b = static_cast<int64_t>(sc.lengths.size());
  const bool reverse = d == 1;
  std::vector<float> dh(b * h, 0.0f), dc(b * h, 0.0f), staged(b * g4);
  for (int64_t s = static_cast<int64_t>(sc.active.size()) - 1; s >= 0; --s) {
    const int64_t bs = sc.active[s];
    for (int64_t k = 0; k < bs; ++k) {
      const int64_t sent = sc.order[k];
      const int64_t row = rowAt(sc, sent, s, reverse);
      const float* a = acts + row * g8 + d * g4;
      const float* cPrev = s == 0 ? nullptr : cells + rowAt(sc, sent, s - 1, reverse) * 2 * h + d * h;
      const float* tanhNow = tanhCells + row * 2 * h + d * h;
      const float* gOut = dOut + row * 2 * h + d * h;
      float* dg = dProj + row * g8 + d * g4;
      float* st = staged.data() + k * g4;
      float* dhk = dh.data() + k * h;
      float* dck = dc.data() + k * h;
      for (int64_t j = 0; j < h; ++j) {
        const float ig = a[j], fg = a[h + j], gg = a[2 * h + j], og = a[3 * h + j];
        const float tc = tanhNow[j];
        const float dhv = gOut[j] + dhk[j];
        const float dcv = dhv * og * (1.0f - tc * tc) + dck[j];
        const float cpv = cPrev ? cPrev[j] : 0.0f;
        st[j] = dg[j] = dcv * gg * ig * (1.0f - ig);
        st[h + j] = dg[h + j] = dcv * cpv * fg * (1.0f - fg);
        st[2 * h + j] = dg[2 * h + j] = dcv * ig * (1.0f - gg * gg);
        st[3 * h + j] = dg[3 * h + j] = dhv * tc * og * (1.0f - og);
        dck[j] = dcv * fg;
      }
    }
    gemm(false, false, bs, h, g4, staged.data(), g4, whh, h, dh.data(), h);
  }
  // dW_hh = sum over words of dGates^T h_prev, h_prev the state before the word (zero at a
  // sentence's first step).
  std::vector<float> hPrev(sc.total * h, 0.0f);
  for (size_t sent = 0; sent < sc.lengths.size(); ++sent)
    for (int64_t s = 1; s < sc.lengths[sent]; ++s)
      std::memcpy(hPrev.data() + rowAt(sc, sent, s, reverse) * h,
                  out + rowAt(sc, sent, s - 1, reverse) * 2 * h + d * h, sizeof(float) * h);
  gemm(true, false, g4, h, sc.total, dProj + d * g4, g8, hPrev.data(), h, dWhh, h);
}

// Runs fn(0) and fn(1), on two threads when ATen has them.
template <typename Fn>
void bothDirections(Fn&& fn) {
  if (at::get_num_threads() >= 2 && !at::in_parallel_region()) {
    at::parallel_for(0, 2, 1, [&](int64_t begin, int64_t end) {
      for (int64_t d = begin; d < end; ++d) fn(static_cast<int>(d));
    });
  } else {
    fn(0);
    fn(1);
  }
}

struct BiLstmLayerFunction : public torch::autograd::Function<BiLstmLayerFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& projIn,
                            const at::Tensor& whhF, const at::Tensor& whhR, const at::Tensor& lengths) {
    const at::Tensor proj = projIn.contiguous(), wf = whhF.detach().contiguous(),
                     wr = whhR.detach().contiguous();
    const Schedule sc = schedule(lengths);
    const int64_t h = wf.size(1);
    if (proj.size(0) != sc.total || proj.size(1) != 8 * h)
      throw std::invalid_argument("biLstm: input rows must equal the sum of the lengths");
    auto opts = proj.options();
    at::Tensor out = at::empty({sc.total, 2 * h}, opts), cells = at::empty({sc.total, 2 * h}, opts);
    at::Tensor acts = at::empty({sc.total, 8 * h}, opts);
    const Layer layer{&sc, h};
    bothDirections([&](int d) {
      forwardDirection(layer, d, proj.data_ptr<float>(), (d ? wr : wf).data_ptr<float>(),
                       out.data_ptr<float>(), acts.data_ptr<float>(), cells.data_ptr<float>());
    });
    ctx->save_for_backward({whhF, whhR, out});
    ctx->saved_data["acts"] = acts;
    ctx->saved_data["cells"] = cells;
    ctx->saved_data["lengths"] = lengths;
    return out;
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    auto saved = ctx->get_saved_variables();
    const at::Tensor wf = saved[0].detach().contiguous(), wr = saved[1].detach().contiguous(), out = saved[2];
    const at::Tensor acts = ctx->saved_data["acts"].toTensor(), cells = ctx->saved_data["cells"].toTensor();
    const at::Tensor tanhCells = at::tanh(cells);
    const Schedule sc = schedule(ctx->saved_data["lengths"].toTensor());
    const int64_t h = wf.size(1);
    const at::Tensor dOut = grads[0].defined() ? grads[0].contiguous() : at::zeros_like(out);
    at::Tensor dProj = at::empty({sc.total, 8 * h}, out.options());
    at::Tensor dWf = at::empty_like(wf), dWr = at::empty_like(wr);
    const Layer layer{&sc, h};
    bothDirections([&](int d) {
      backwardDirection(layer, d, (d ? wr : wf).data_ptr<float>(), out.data_ptr<float>(),
                        acts.data_ptr<float>(), cells.data_ptr<float>(), tanhCells.data_ptr<float>(),
                        dOut.data_ptr<float>(), dProj.data_ptr<float>(), (d ? dWr : dWf).data_ptr<float>());
    });
    return {dProj, dWf, dWr, at::Tensor()};
  }
};

// Pads, runs pack_padded_sequence(enforce_sorted=false) -> at::lstm -> pad_packed_sequence, packs.
at::Tensor atenBiLstm(const at::Tensor& input, const at::Tensor& lengths,
                      const std::vector<at::Tensor>& weights, const BiLstmOptions& options) {
  const Schedule sc = schedule(lengths);
  const int64_t b = static_cast<int64_t>(sc.lengths.size()),
                t = sc.active.empty() ? 0 : sc.lengths[sc.order[0]];
  const int64_t h = weights[1].size(1);
  std::vector<int64_t> flat;  // padded position of each packed row
  for (int64_t i = 0; i < b; ++i)
    for (int64_t s = 0; s < sc.lengths[i]; ++s) flat.push_back(i * t + s);
  at::Tensor where =
      at::from_blob(flat.data(), {static_cast<int64_t>(flat.size())}, at::kLong).clone().to(input.device());
  at::Tensor padded =
      at::zeros({b * t, input.size(1)}, input.options()).index_copy(0, where, input).view({b, t, -1});
  at::Tensor lens = lengths.to(at::kCPU, at::kLong);
  auto sorted = at::sort(lens, /*stable=*/true, 0, /*descending=*/true);
  at::Tensor order = std::get<1>(sorted);
  at::Tensor inverse = at::empty_like(order).scatter_(0, order, at::arange(b, order.options()));
  auto packed =
      at::_pack_padded_sequence(padded.index_select(0, order.to(input.device())), std::get<0>(sorted), true);
  at::Tensor h0 = at::zeros({2 * options.numLayers, b, h}, input.options());
  auto out = at::lstm(std::get<0>(packed), std::get<1>(packed), {h0, h0}, weights, /*has_biases=*/true,
                      options.numLayers, options.dropout, options.training, /*bidirectional=*/true);
  at::Tensor unpacked =
      std::get<0>(at::_pad_packed_sequence(std::get<0>(out), std::get<1>(packed), true, 0.0, t));
  return unpacked.index_select(0, inverse.to(input.device())).reshape({b * t, 2 * h}).index_select(0, where);
}

}  // namespace

at::Tensor biLstm(const at::Tensor& input, const at::Tensor& lengths, const std::vector<at::Tensor>& weights,
                  const BiLstmOptions& options) {
  if (static_cast<int64_t>(weights.size()) != 8 * options.numLayers)
    throw std::invalid_argument("biLstm: expected 8 weight tensors per layer");
  if (options.useAten || !input.device().is_cpu() || input.scalar_type() != at::kFloat)
    return atenBiLstm(input, lengths, weights, options);
  const at::Tensor lens = lengths.to(at::kCPU, at::kLong).contiguous();
  at::Tensor x = input;
  for (int64_t layer = 0; layer < options.numLayers; ++layer) {
    const at::Tensor* w = weights.data() + 8 * layer;
    at::Tensor wIh = at::cat({w[0], w[4]}, 0);
    at::Tensor bias = at::cat({w[2] + w[3], w[6] + w[7]}, 0);
    // Under autocast the input projection computes in bfloat16; the recurrence runs in float32.
    x = BiLstmLayerFunction::apply(fastLinear(x, wIh, bias).to(at::kFloat), w[1], w[5], lens);
    if (layer + 1 < options.numLayers) x = fastDropout(x, options.dropout, options.training);
  }
  return x;
}

}  // namespace quarry::model
