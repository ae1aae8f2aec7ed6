#include "model/crf/Crf.h"

#include <stdexcept>
#include <string>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>

#include "model/crf/CrfAlgorithms.h"

namespace quarry::model {

namespace {

at::Tensor penalised(const at::Tensor& scores, const at::Tensor& allowed) {
  return scores + allowed.to(at::kBool).logical_not().to(scores.scalar_type()) * CrfImpl::kDisallowed;
}

at::Tensor boolTensor(const std::vector<bool>& values, const char* what, int64_t numTags) {
  if (static_cast<int64_t>(values.size()) != numTags)
    throw std::invalid_argument(std::string("Crf::setAllowed: ") + what + " has " +
                                std::to_string(values.size()) + " entries, expected " +
                                std::to_string(numTags));
  at::Tensor t = at::zeros({numTags}, at::TensorOptions().dtype(at::kBool));
  bool* p = t.data_ptr<bool>();
  for (int64_t i = 0; i < numTags; ++i) p[i] = values[i];
  return t;
}

}  // namespace

CrfImpl::CrfImpl(int64_t numTags) : m_numTags(numTags) {
  if (numTags < 1) throw std::invalid_argument("Crf: needs at least one tag");
  transitions = register_parameter("transitions", at::zeros({numTags, numTags}));
  startTransitions = register_parameter("start_transitions", at::zeros({numTags}));
  endTransitions = register_parameter("end_transitions", at::zeros({numTags}));
  auto boolOpts = at::TensorOptions().dtype(at::kBool);
  allowedTransitions = register_buffer("allowed_transitions", at::ones({numTags, numTags}, boolOpts));
  allowedStart = register_buffer("allowed_start", at::ones({numTags}, boolOpts));
  allowedEnd = register_buffer("allowed_end", at::ones({numTags}, boolOpts));
  reset(0);
}

void CrfImpl::reset(uint64_t seed) {
  at::NoGradGuard noGrad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  for (at::Tensor* p : {&transitions, &startTransitions, &endTransitions}) {
    at::Tensor values = at::empty(p->sizes(), at::TensorOptions().dtype(at::kFloat)).uniform_(-0.1, 0.1, gen);
    p->copy_(values);
  }
}

void CrfImpl::setAllowed(const std::vector<std::vector<bool>>& allowed, const std::vector<bool>& start,
                         const std::vector<bool>& end) {
  if (static_cast<int64_t>(allowed.size()) != m_numTags)
    throw std::invalid_argument("Crf::setAllowed: transitions has " + std::to_string(allowed.size()) +
                                " rows, expected " + std::to_string(m_numTags));
  at::NoGradGuard noGrad;
  for (int64_t i = 0; i < m_numTags; ++i)
    allowedTransitions.select(0, i).copy_(boolTensor(allowed[i], "a transitions row", m_numTags));
  allowedStart.copy_(boolTensor(start, "start", m_numTags));
  allowedEnd.copy_(boolTensor(end, "end", m_numTags));
}

void CrfImpl::allowAll() {
  at::NoGradGuard noGrad;
  allowedTransitions.fill_(1);
  allowedStart.fill_(1);
  allowedEnd.fill_(1);
}

at::Tensor CrfImpl::effectiveTransitions() const { return penalised(transitions, allowedTransitions); }
at::Tensor CrfImpl::effectiveStart() const { return penalised(startTransitions, allowedStart); }
at::Tensor CrfImpl::effectiveEnd() const { return penalised(endTransitions, allowedEnd); }

at::Tensor CrfImpl::logPartition(const at::Tensor& emissions, const at::Tensor& mask) {
  const at::Tensor e = emissions.to(transitions.scalar_type());
  return crfLogPartition(e, crfLengths(mask), effectiveTransitions(), effectiveStart(), effectiveEnd());
}

at::Tensor CrfImpl::logLikelihood(const at::Tensor& emissions, const at::Tensor& tags,
                                  const at::Tensor& mask) {
  const at::Tensor e = emissions.to(transitions.scalar_type());
  const at::Tensor tr = effectiveTransitions(), st = effectiveStart(), en = effectiveEnd();
  const at::Tensor gold = crfPathScore(e, tags, mask, tr, st, en);
  return gold - crfLogPartition(e, crfLengths(mask), tr, st, en);
}

at::Tensor CrfImpl::negativeLogLikelihood(const at::Tensor& emissions, const at::Tensor& tags,
                                          const at::Tensor& mask) {
  return -logLikelihood(emissions, tags, mask).mean();
}

std::vector<std::vector<int64_t>> CrfImpl::viterbi(const at::Tensor& emissions, const at::Tensor& mask,
                                                   std::vector<double>* scores) {
  at::NoGradGuard noGrad;
  return crfViterbi(emissions, crfLengths(mask), effectiveTransitions(), effectiveStart(), effectiveEnd(),
                    scores);
}

at::Tensor CrfImpl::marginals(const at::Tensor& emissions, const at::Tensor& mask) {
  at::NoGradGuard noGrad;
  const at::Tensor e = emissions.to(transitions.scalar_type());
  return crfMarginals(e, crfLengths(mask), effectiveTransitions(), effectiveStart(), effectiveEnd())
      .to(emissions.scalar_type());
}

}  // namespace quarry::model
