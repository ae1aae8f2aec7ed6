#include "model/crf/CrfAlgorithms.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/logsumexp.h>
#include <ATen/ops/sum.h>
#include <ATen/ops/take.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/where.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/zeros_like.h>
#include <torch/csrc/autograd/custom_function.h>

namespace quarry::model {

namespace {

double logSumExp(const double* v, int64_t n) {
  double m = v[0];
  for (int64_t i = 1; i < n; ++i) m = std::max(m, v[i]);
  if (m == -std::numeric_limits<double>::infinity()) return m;
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i) s += std::exp(v[i] - m);
  return m + std::log(s);
}

// Scores copied to double once per call: the kernels read them T*C*C times per row.
struct Scores {
  int64_t numTags = 0;
  std::vector<double> transitions;  // [from * C + to]
  std::vector<double> start;
  std::vector<double> end;
};

std::vector<double> toDoubles(const at::Tensor& t) {
  at::Tensor d = t.detach().to(at::kCPU, at::kDouble).contiguous();
  return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
}

Scores readScores(const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end) {
  Scores s;
  s.numTags = start.size(0);
  s.transitions = toDoubles(transitions);
  s.start = toDoubles(start);
  s.end = toDoubles(end);
  return s;
}

void checkShapes(const at::Tensor& emissions, const std::vector<int64_t>& lengths,
                 const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end) {
  if (emissions.dim() != 3) throw std::invalid_argument("CRF: emissions must be [B,T,C]");
  const int64_t b = emissions.size(0), t = emissions.size(1), c = emissions.size(2);
  if (transitions.dim() != 2 || transitions.size(0) != c || transitions.size(1) != c || start.numel() != c ||
      end.numel() != c)
    throw std::invalid_argument("CRF: emissions have " + std::to_string(c) + " tags, the scores do not");
  if (static_cast<int64_t>(lengths.size()) != b)
    throw std::invalid_argument("CRF: one length per row needed");
  for (int64_t len : lengths)
    if (len < 1 || len > t)
      throw std::invalid_argument("CRF: row length " + std::to_string(len) + " outside 1.." +
                                  std::to_string(t));
}

// alpha[t*C + c] = log-sum of the scores of all prefixes ending in c at t (emission at t included).
template <typename S>
void forwardRow(const S* e, int64_t len, const Scores& sc, double* alpha, double* tmp) {
  const int64_t c = sc.numTags;
  for (int64_t j = 0; j < c; ++j) alpha[j] = sc.start[j] + static_cast<double>(e[j]);
  for (int64_t t = 1; t < len; ++t) {
    const double* prev = alpha + (t - 1) * c;
    for (int64_t j = 0; j < c; ++j) {
      for (int64_t i = 0; i < c; ++i) tmp[i] = prev[i] + sc.transitions[i * c + j];
      alpha[t * c + j] = static_cast<double>(e[t * c + j]) + logSumExp(tmp, c);
    }
  }
}

// beta[t*C + c] = log-sum of the scores of all suffixes after (t, c) (end score included).
template <typename S>
void backwardRow(const S* e, int64_t len, const Scores& sc, double* beta, double* tmp, double* next) {
  const int64_t c = sc.numTags;
  for (int64_t i = 0; i < c; ++i) beta[(len - 1) * c + i] = sc.end[i];
  for (int64_t t = len - 2; t >= 0; --t) {
    for (int64_t j = 0; j < c; ++j) next[j] = static_cast<double>(e[(t + 1) * c + j]) + beta[(t + 1) * c + j];
    for (int64_t i = 0; i < c; ++i) {
      for (int64_t j = 0; j < c; ++j) tmp[j] = sc.transitions[i * c + j] + next[j];
      beta[t * c + i] = logSumExp(tmp, c);
    }
  }
}

double logZRow(const double* alpha, int64_t len, const Scores& sc, double* tmp) {
  const int64_t c = sc.numTags;
  for (int64_t j = 0; j < c; ++j) tmp[j] = alpha[(len - 1) * c + j] + sc.end[j];
  return logSumExp(tmp, c);
}

int64_t grainFor(int64_t steps, int64_t numTags) {
  return std::max<int64_t>(1, 32768 / std::max<int64_t>(1, steps * numTags * numTags));
}

// Forward-backward for every row; fills alpha, beta (double [B,T,C]) and logZ (double [B]).
struct Lattice {
  at::Tensor alpha, beta, logZ;
};

template <typename S>
Lattice runForwardBackward(const at::Tensor& emissions, const std::vector<int64_t>& lengths, const Scores& sc,
                           bool withBeta) {
  const int64_t b = emissions.size(0), t = emissions.size(1), c = emissions.size(2);
  auto dbl = at::TensorOptions().dtype(at::kDouble);
  Lattice lat{at::zeros({b, t, c}, dbl), withBeta ? at::zeros({b, t, c}, dbl) : at::Tensor(),
              at::zeros({b}, dbl)};
  const S* e = emissions.data_ptr<S>();
  double* alpha = lat.alpha.data_ptr<double>();
  double* beta = withBeta ? lat.beta.data_ptr<double>() : nullptr;
  double* logZ = lat.logZ.data_ptr<double>();
  at::parallel_for(0, b, grainFor(t, c), [&](int64_t begin, int64_t endRow) {
    std::vector<double> tmp(c), next(c);
    for (int64_t r = begin; r < endRow; ++r) {
      const S* er = e + r * t * c;
      forwardRow(er, lengths[r], sc, alpha + r * t * c, tmp.data());
      logZ[r] = logZRow(alpha + r * t * c, lengths[r], sc, tmp.data());
      if (withBeta) backwardRow(er, lengths[r], sc, beta + r * t * c, tmp.data(), next.data());
    }
  });
  return lat;
}

Lattice forwardBackward(const at::Tensor& emissions, const std::vector<int64_t>& lengths, const Scores& sc,
                        bool withBeta) {
  Lattice out;
  AT_DISPATCH_FLOATING_TYPES(emissions.scalar_type(), "crfForwardBackward",
                             [&] { out = runForwardBackward<scalar_t>(emissions, lengths, sc, withBeta); });
  return out;
}

// Unary posteriors times weight[r] into gE (dtype S), and when pair != nullptr the expected
// transition counts times weight[r] into pair[r*C*C ...], start/end posteriors into ps/pe.
template <typename S>
void posteriors(const at::Tensor& emissions, const std::vector<int64_t>& lengths, const Scores& sc,
                const Lattice& lat, const double* weight, S* gE, double* pair, double* ps, double* pe) {
  const int64_t b = emissions.size(0), t = emissions.size(1), c = emissions.size(2);
  const S* e = emissions.data_ptr<S>();
  const double* alpha = lat.alpha.data_ptr<double>();
  const double* beta = lat.beta.data_ptr<double>();
  const double* logZ = lat.logZ.data_ptr<double>();
  at::parallel_for(0, b, grainFor(t, c), [&](int64_t begin, int64_t endRow) {
    for (int64_t r = begin; r < endRow; ++r) {
      const int64_t len = lengths[r], off = r * t * c;
      const double w = weight ? weight[r] : 1.0, z = logZ[r];
      for (int64_t k = 0; k < len * c; ++k)
        gE[off + k] = static_cast<S>(w * std::exp(alpha[off + k] + beta[off + k] - z));
      if (!pair) continue;
      for (int64_t j = 0; j < c; ++j) {
        ps[r * c + j] = static_cast<double>(gE[off + j]);
        pe[r * c + j] = static_cast<double>(gE[off + (len - 1) * c + j]);
      }
      double* pr = pair + r * c * c;
      for (int64_t s = 1; s < len; ++s)
        for (int64_t i = 0; i < c; ++i) {
          const double a = alpha[off + (s - 1) * c + i] - z;
          for (int64_t j = 0; j < c; ++j)
            pr[i * c + j] += w * std::exp(a + sc.transitions[i * c + j] +
                                          static_cast<double>(e[off + s * c + j]) + beta[off + s * c + j]);
        }
    }
  });
}

struct LogPartitionFunction : public torch::autograd::Function<LogPartitionFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& emissions,
                            const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end,
                            const at::Tensor& lengths) {
    at::Tensor e = emissions.contiguous();
    const std::vector<int64_t> lens(lengths.data_ptr<int64_t>(),
                                    lengths.data_ptr<int64_t>() + lengths.numel());
    const Scores sc = readScores(transitions, start, end);
    const bool needGrad = emissions.requires_grad() || transitions.requires_grad() || start.requires_grad() ||
                          end.requires_grad();
    Lattice lat = forwardBackward(e, lens, sc, needGrad);
    ctx->save_for_backward({e, transitions, start, end, lengths});
    if (needGrad) {
      ctx->saved_data["alpha"] = lat.alpha;
      ctx->saved_data["beta"] = lat.beta;
      ctx->saved_data["logZ"] = lat.logZ;
    }
    return lat.logZ.to(emissions.scalar_type());
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    auto saved = ctx->get_saved_variables();
    const at::Tensor& e = saved[0];
    const at::Tensor& lengths = saved[4];
    const std::vector<int64_t> lens(lengths.data_ptr<int64_t>(),
                                    lengths.data_ptr<int64_t>() + lengths.numel());
    const Scores sc = readScores(saved[1], saved[2], saved[3]);
    Lattice lat{ctx->saved_data["alpha"].toTensor(), ctx->saved_data["beta"].toTensor(),
                ctx->saved_data["logZ"].toTensor()};
    const int64_t b = e.size(0), c = e.size(2);
    at::Tensor g = grads[0].to(at::kCPU, at::kDouble).contiguous();
    at::Tensor gE = at::zeros_like(e);
    auto dbl = at::TensorOptions().dtype(at::kDouble);
    at::Tensor pair = at::zeros({b, c, c}, dbl), ps = at::zeros({b, c}, dbl), pe = at::zeros({b, c}, dbl);
    AT_DISPATCH_FLOATING_TYPES(e.scalar_type(), "crfLogPartitionBackward", [&] {
      posteriors<scalar_t>(e, lens, sc, lat, g.data_ptr<double>(), gE.data_ptr<scalar_t>(),
                           pair.data_ptr<double>(), ps.data_ptr<double>(), pe.data_ptr<double>());
    });
    // ps/pe already carry the weight through gE.
    const auto dtype = saved[1].scalar_type();
    return {gE, pair.sum(0).to(dtype), ps.sum(0).to(dtype), pe.sum(0).to(dtype), at::Tensor()};
  }
};

}  // namespace

std::vector<int64_t> crfLengths(const at::Tensor& mask) {
  at::Tensor sums = mask.to(at::kCPU, at::kLong).sum(1).contiguous();
  std::vector<int64_t> lens(sums.data_ptr<int64_t>(), sums.data_ptr<int64_t>() + sums.numel());
  for (int64_t len : lens)
    if (len < 1) throw std::invalid_argument("CRF: every row needs at least one position (mask[:,0] true)");
  return lens;
}

at::Tensor crfLogPartition(const at::Tensor& emissions, const std::vector<int64_t>& lengths,
                           const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end) {
  checkShapes(emissions, lengths, transitions, start, end);
  if (!emissions.device().is_cpu()) {
    at::Tensor lens = at::tensor(lengths, at::TensorOptions().dtype(at::kLong)).to(emissions.device());
    at::Tensor mask = at::arange(emissions.size(1), lens.options()).unsqueeze(0) < lens.unsqueeze(1);
    return crfLogPartitionTensorOps(emissions, mask, transitions, start, end);
  }
  at::Tensor lens = at::tensor(lengths, at::TensorOptions().dtype(at::kLong));
  return LogPartitionFunction::apply(emissions, transitions, start, end, lens);
}

at::Tensor crfLogPartitionTensorOps(const at::Tensor& emissions, const at::Tensor& mask,
                                    const at::Tensor& transitions, const at::Tensor& start,
                                    const at::Tensor& end) {
  at::Tensor keep = mask.to(at::kBool);
  at::Tensor alpha = start.unsqueeze(0) + emissions.select(1, 0);  // [B,C]
  for (int64_t t = 1; t < emissions.size(1); ++t) {
    at::Tensor next =
        at::logsumexp(alpha.unsqueeze(2) + transitions.unsqueeze(0), {1}) + emissions.select(1, t);
    alpha = at::where(keep.select(1, t).unsqueeze(1), next, alpha);
  }
  return at::logsumexp(alpha + end.unsqueeze(0), {1});
}

at::Tensor crfPathScore(const at::Tensor& emissions, const at::Tensor& tags, const at::Tensor& mask,
                        const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end) {
  const int64_t c = emissions.size(2), t = emissions.size(1);
  at::Tensor keep = mask.to(at::kBool);
  at::Tensor weight = keep.to(emissions.scalar_type());
  at::Tensor y = tags.to(at::kLong).masked_fill(keep.logical_not(), 0);
  at::Tensor score = (emissions.gather(2, y.unsqueeze(2)).squeeze(2) * weight).sum(1);
  score = score + start.index_select(0, y.select(1, 0));
  if (t > 1) {
    at::Tensor pairs = y.narrow(1, 0, t - 1) * c + y.narrow(1, 1, t - 1);
    score = score + (at::take(transitions, pairs) * weight.narrow(1, 1, t - 1)).sum(1);
  }
  at::Tensor last = keep.to(at::kLong).sum(1, /*keepdim=*/true) - 1;
  return score + end.index_select(0, y.gather(1, last).squeeze(1));
}

std::vector<std::vector<int64_t>> crfViterbi(const at::Tensor& emissions, const std::vector<int64_t>& lengths,
                                             const at::Tensor& transitions, const at::Tensor& start,
                                             const at::Tensor& end, std::vector<double>* scores) {
  checkShapes(emissions, lengths, transitions, start, end);
  const Scores sc = readScores(transitions, start, end);
  at::Tensor e = emissions.detach().to(at::kCPU, at::kDouble).contiguous();
  const int64_t b = e.size(0), t = e.size(1), c = e.size(2);
  const double* ep = e.data_ptr<double>();
  std::vector<std::vector<int64_t>> paths(b);
  std::vector<double> best(b);
  at::parallel_for(0, b, grainFor(t, c), [&](int64_t begin, int64_t endRow) {
    std::vector<double> delta(c), next(c);
    std::vector<int64_t> back(t * c);
    for (int64_t r = begin; r < endRow; ++r) {
      const double* er = ep + r * t * c;
      const int64_t len = lengths[r];
      for (int64_t j = 0; j < c; ++j) delta[j] = sc.start[j] + er[j];
      for (int64_t s = 1; s < len; ++s) {
        for (int64_t j = 0; j < c; ++j) {
          int64_t arg = 0;
          double m = delta[0] + sc.transitions[j];
          for (int64_t i = 1; i < c; ++i) {
            const double v = delta[i] + sc.transitions[i * c + j];
            if (v > m) m = v, arg = i;
          }
          next[j] = m + er[s * c + j];
          back[s * c + j] = arg;
        }
        delta.swap(next);
      }
      int64_t arg = 0;
      double m = delta[0] + sc.end[0];
      for (int64_t j = 1; j < c; ++j)
        if (delta[j] + sc.end[j] > m) m = delta[j] + sc.end[j], arg = j;
      std::vector<int64_t>& path = paths[r];
      path.assign(len, 0);
      path[len - 1] = arg;
      for (int64_t s = len - 1; s > 0; --s) path[s - 1] = back[s * c + path[s]];
      best[r] = m;
    }
  });
  if (scores) *scores = best;
  return paths;
}

at::Tensor crfMarginals(const at::Tensor& emissions, const std::vector<int64_t>& lengths,
                        const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end) {
  checkShapes(emissions, lengths, transitions, start, end);
  at::NoGradGuard noGrad;
  const Scores sc = readScores(transitions, start, end);
  at::Tensor e = emissions.detach().to(at::kCPU).contiguous();
  const Lattice lat = forwardBackward(e, lengths, sc, true);
  at::Tensor out = at::zeros_like(e);
  AT_DISPATCH_FLOATING_TYPES(e.scalar_type(), "crfMarginals", [&] {
    posteriors<scalar_t>(e, lengths, sc, lat, nullptr, out.data_ptr<scalar_t>(), nullptr, nullptr, nullptr);
  });
  return out.to(emissions.device());
}

}  // namespace quarry::model
