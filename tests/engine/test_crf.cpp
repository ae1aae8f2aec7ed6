// Linear-chain CRF against brute-force enumeration of all C^T paths: log partition, Viterbi path and
// score, marginals and log-likelihood; autograd gradients against finite differences (double); the
// CPU kernel against the tensor-op forward algorithm; BIO constraints; variable lengths in a batch.

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/csrc/autograd/autograd.h>

#include "model/crf/Crf.h"
#include "model/crf/CrfAlgorithms.h"

#include "EngineCheck.h"

using namespace quarry::model;

namespace {

using quarry::test::check;
using quarry::test::g_failures;

void near(double actual, double expected, double tol, const std::string& what) {
  if (!(std::fabs(actual - expected) <= tol * (1.0 + std::fabs(expected)))) {
    ++g_failures;
    std::printf("FAIL: %s: expected %.12g, got %.12g\n", what.c_str(), expected, actual);
  }
}

void nearTensor(const at::Tensor& actual, const at::Tensor& expected, double tol, const std::string& what) {
  const double diff = (actual.to(at::kDouble) - expected.to(at::kDouble)).abs().max().item<double>();
  if (!(diff <= tol)) {
    ++g_failures;
    std::printf("FAIL: %s: max abs difference %.3g > %.3g\n", what.c_str(), diff, tol);
  }
}

double lse(const std::vector<double>& v) {
  double m = -std::numeric_limits<double>::infinity();
  for (double x : v) m = std::max(m, x);
  double s = 0;
  for (double x : v) s += std::exp(x - m);
  return m + std::log(s);
}

// Everything brute force knows about one row.
struct Brute {
  double logZ = 0;
  std::vector<int64_t> best;
  double bestScore = -std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> marginals;  // [len][C]
};

double pathScore(const at::Tensor& e, const std::vector<int64_t>& path, const at::Tensor& tr,
                 const at::Tensor& st, const at::Tensor& en) {
  auto ea = e.accessor<double, 2>();
  auto ta = tr.accessor<double, 2>();
  double s = st[path[0]].item<double>() + en[path.back()].item<double>();
  for (size_t t = 0; t < path.size(); ++t) {
    s += ea[t][path[t]];
    if (t > 0) s += ta[path[t - 1]][path[t]];
  }
  return s;
}

// e: [len, C] double; scores already penalised.
Brute bruteForce(const at::Tensor& e, const at::Tensor& tr, const at::Tensor& st, const at::Tensor& en) {
  const int64_t len = e.size(0), c = e.size(1);
  Brute b;
  std::vector<double> all;
  std::vector<std::vector<int64_t>> paths;
  std::vector<int64_t> path(len, 0);
  while (true) {
    const double s = pathScore(e, path, tr, st, en);
    all.push_back(s);
    paths.push_back(path);
    if (s > b.bestScore) b.bestScore = s, b.best = path;
    int64_t k = len - 1;
    while (k >= 0 && path[k] == c - 1) path[k--] = 0;
    if (k < 0) break;
    ++path[k];
  }
  b.logZ = lse(all);
  b.marginals.assign(len, std::vector<double>(c, 0.0));
  for (size_t i = 0; i < all.size(); ++i)
    for (int64_t t = 0; t < len; ++t) b.marginals[t][paths[i][t]] += std::exp(all[i] - b.logZ);
  return b;
}

Crf makeCrf(int64_t c, uint64_t seed) {
  Crf crf(c);
  crf->reset(seed);
  crf->to(at::kDouble);
  {
    // Larger scores than the default init, so that paths differ clearly.
    at::NoGradGuard g;
    crf->transitions.normal_(0, 1.0);
    crf->startTransitions.normal_(0, 1.0);
    crf->endTransitions.normal_(0, 1.0);
  }
  return crf;
}

at::Tensor maskFor(const std::vector<int64_t>& lengths, int64_t t) {
  at::Tensor m = at::zeros({static_cast<int64_t>(lengths.size()), t}, at::kBool);
  for (size_t b = 0; b < lengths.size(); ++b) m[b].narrow(0, 0, lengths[b]).fill_(true);
  return m;
}

void testAgainstBruteForce(int64_t c, int64_t t, bool constrained) {
  const std::string tag =
      "C=" + std::to_string(c) + " T=" + std::to_string(t) + (constrained ? " constrained" : "");
  at::manual_seed(11 + c * 7 + t);
  Crf crf = makeCrf(c, 3);
  if (constrained) {
    std::vector<std::vector<bool>> allowed(c, std::vector<bool>(c, true));
    allowed[0][c - 1] = false;
    allowed[c - 1][0] = false;
    std::vector<bool> start(c, true), end(c, true);
    start[c - 1] = false;
    end[0] = false;
    crf->setAllowed(allowed, start, end);
  }
  const std::vector<int64_t> lengths = {t, 1, std::max<int64_t>(1, t - 1), t};
  const int64_t b = static_cast<int64_t>(lengths.size());
  at::Tensor e = at::randn({b, t, c}, at::kDouble) * 2.0;
  at::Tensor mask = maskFor(lengths, t);
  at::Tensor tags = at::randint(0, c, {b, t}, at::kLong);
  at::Tensor tr = crf->effectiveTransitions().detach(), st = crf->effectiveStart().detach(),
             en = crf->effectiveEnd().detach();

  at::Tensor logZ = crf->logPartition(e, mask);
  at::Tensor logZOps = crfLogPartitionTensorOps(e, mask, tr, st, en);
  at::Tensor ll = crf->logLikelihood(e, tags, mask);
  std::vector<double> vScores;
  auto paths = crf->viterbi(e, mask, &vScores);
  at::Tensor marg = crf->marginals(e, mask);
  for (int64_t r = 0; r < b; ++r) {
    const std::string row = tag + " row " + std::to_string(r);
    const int64_t len = lengths[r];
    Brute bf = bruteForce(e[r].narrow(0, 0, len), tr, st, en);
    near(logZ[r].item<double>(), bf.logZ, 1e-10, row + " log Z (kernel)");
    near(logZOps[r].item<double>(), bf.logZ, 1e-10, row + " log Z (tensor ops)");
    std::vector<int64_t> gold(tags[r].data_ptr<int64_t>(), tags[r].data_ptr<int64_t>() + len);
    near(ll[r].item<double>(), pathScore(e[r].narrow(0, 0, len), gold, tr, st, en) - bf.logZ, 1e-10,
         row + " log-likelihood");
    check(paths[r] == bf.best, row + " viterbi path");
    near(vScores[r], bf.bestScore, 1e-10, row + " viterbi score");
    for (int64_t s = 0; s < t; ++s)
      for (int64_t k = 0; k < c; ++k)
        near(marg[r][s][k].item<double>(), s < len ? bf.marginals[s][k] : 0.0, 1e-10,
             row + " marginal t=" + std::to_string(s) + " c=" + std::to_string(k));
  }
}

// d(sum_r w_r * ll_r) by autograd (kernel and tensor ops) against central differences.
void testGradients() {
  at::manual_seed(5);
  const int64_t c = 4, t = 5;
  Crf crf = makeCrf(c, 9);
  const std::vector<int64_t> lengths = {5, 3, 1};
  at::Tensor mask = maskFor(lengths, t);
  at::Tensor e = at::randn({3, t, c}, at::kDouble).requires_grad_(true);
  at::Tensor tags = at::randint(0, c, {3, t}, at::kLong);
  at::Tensor w = at::rand({3}, at::kDouble) + 0.5;
  auto objective = [&](const at::Tensor& em) { return (crf->logLikelihood(em, tags, mask) * w).sum(); };
  at::Tensor loss = objective(e);
  auto grads =
      torch::autograd::grad({loss}, {e, crf->transitions, crf->startTransitions, crf->endTransitions});

  // Tensor-op version through autograd.
  auto tensorOpsObjective = [&](const at::Tensor& em) {
    at::Tensor tr = crf->effectiveTransitions(), st = crf->effectiveStart(), en = crf->effectiveEnd();
    return ((crfPathScore(em, tags, mask, tr, st, en) - crfLogPartitionTensorOps(em, mask, tr, st, en)) * w)
        .sum();
  };
  auto refGrads = torch::autograd::grad({tensorOpsObjective(e)},
                                        {e, crf->transitions, crf->startTransitions, crf->endTransitions});
  const char* names[] = {"emissions", "transitions", "start", "end"};
  for (int i = 0; i < 4; ++i)
    nearTensor(grads[i], refGrads[i], 1e-10, std::string("grad vs tensor ops: ") + names[i]);

  at::NoGradGuard noGrad;
  const double h = 1e-5;
  std::vector<at::Tensor> params = {e, crf->transitions, crf->startTransitions, crf->endTransitions};
  for (int i = 0; i < 4; ++i) {
    at::Tensor p = params[i];
    at::Tensor flat = p.view({-1});
    at::Tensor numeric = at::zeros_like(flat);
    for (int64_t k = 0; k < flat.numel(); ++k) {
      const double old = flat[k].item<double>();
      flat[k] = old + h;
      const double up = objective(e).item<double>();
      flat[k] = old - h;
      const double down = objective(e).item<double>();
      flat[k] = old;
      numeric[k] = (up - down) / (2 * h);
    }
    nearTensor(grads[i].reshape({-1}), numeric, 1e-6, std::string("grad vs finite differences: ") + names[i]);
  }
  // Padded emissions get no gradient.
  check(grads[0][1].narrow(0, 3, 2).abs().max().item<double>() == 0.0, "no gradient past a row's length");
}

// O=0, B-X=1, I-X=2, B-Y=3, I-Y=4: Viterbi must never produce an invalid BIO sequence.
void testBioConstraints() {
  const int64_t c = 5, t = 7;
  auto isI = [](int64_t k) { return k == 2 || k == 4; };
  auto typeOf = [](int64_t k) { return k == 0 ? 0 : (k + 1) / 2; };
  std::vector<std::vector<bool>> allowed(c, std::vector<bool>(c, true));
  for (int64_t from = 0; from < c; ++from)
    for (int64_t to = 0; to < c; ++to)
      if (isI(to) && typeOf(from) != typeOf(to)) allowed[from][to] = false;
  std::vector<bool> start = {true, true, false, true, false}, end(c, true);
  Crf crf(c);
  crf->reset(1);
  crf->setAllowed(allowed, start, end);
  at::manual_seed(2);
  int invalid = 0;
  for (int trial = 0; trial < 50; ++trial) {
    at::Tensor e = at::randn({8, t, c}) * 3.0;
    e.select(2, 2).add_(4.0);  // emissions push towards I-X everywhere
    e.select(2, 4).add_(2.0);
    at::Tensor mask = at::ones({8, t}, at::kBool);
    for (const auto& path : crf->viterbi(e, mask)) {
      if (isI(path[0])) ++invalid;
      for (size_t s = 1; s < path.size(); ++s)
        if (!allowed[path[s - 1]][path[s]]) ++invalid;
    }
    at::Tensor marg = crf->marginals(e, mask);
    if (marg.select(1, 0).select(1, 2).max().item<float>() > 1e-6f) ++invalid;
  }
  check(invalid == 0, "BIO constraint: " + std::to_string(invalid) + " invalid moves or start marginals");
  // Without the constraint the same emissions do give I at the start.
  crf->allowAll();
  at::Tensor e = at::zeros({1, 3, c});
  e.select(2, 2).fill_(5.0);
  check(crf->viterbi(e, at::ones({1, 3}, at::kBool))[0][0] == 2, "unconstrained Viterbi may start with I");
  crf->setAllowed(allowed, start, end);
  check(crf->viterbi(e, at::ones({1, 3}, at::kBool))[0][0] != 2, "constrained Viterbi never starts with I");
}

// Each row of a batch with mixed lengths (garbage past the end) equals the row computed alone.
void testBatchEqualsRows() {
  at::manual_seed(8);
  const int64_t c = 6, t = 9;
  Crf crf(c);
  crf->reset(4);
  const std::vector<int64_t> lengths = {9, 2, 5, 1, 7};
  const int64_t b = static_cast<int64_t>(lengths.size());
  at::Tensor e = at::randn({b, t, c});
  at::Tensor tags = at::randint(0, c, {b, t}, at::kLong);
  at::Tensor mask = maskFor(lengths, t);
  tags.masked_fill_(mask.logical_not(), -100);  // ignored labels past the end
  at::Tensor ll = crf->logLikelihood(e, tags, mask);
  auto paths = crf->viterbi(e, mask);
  at::Tensor marg = crf->marginals(e, mask);
  for (int64_t r = 0; r < b; ++r) {
    const int64_t len = lengths[r];
    at::Tensor er = e[r].narrow(0, 0, len).unsqueeze(0);
    at::Tensor mr = at::ones({1, len}, at::kByte);
    const std::string row = "row " + std::to_string(r);
    near(ll[r].item<double>(),
         crf->logLikelihood(er, tags[r].narrow(0, 0, len).unsqueeze(0), mr)[0].item<double>(), 1e-5,
         row + " log-likelihood alone");
    check(paths[r] == crf->viterbi(er, mr)[0], row + " viterbi alone");
    check(static_cast<int64_t>(paths[r].size()) == len, row + " viterbi length");
    nearTensor(marg[r].narrow(0, 0, len), crf->marginals(er, mr)[0], 1e-6, row + " marginals alone");
    near(marg[r].narrow(0, 0, len).sum().item<double>(), static_cast<double>(len), 1e-5,
         row + " marginals sum to 1");
  }
  // Float NLL against the double computation.
  at::Tensor nll = crf->negativeLogLikelihood(e, tags, mask);
  Crf dbl(c);
  dbl->reset(4);
  dbl->to(at::kDouble);
  near(nll.item<double>(), dbl->negativeLogLikelihood(e.to(at::kDouble), tags, mask).item<double>(), 1e-5,
       "float NLL vs double");
}

void testInitAndErrors() {
  Crf a(4), b(4);
  a->reset(7);
  b->reset(7);
  check(at::equal(a->transitions, b->transitions), "same seed, same transitions");
  check(a->transitions.abs().max().item<float>() <= 0.1f, "init within (-0.1, 0.1)");
  b->reset(8);
  check(!at::equal(a->transitions, b->transitions), "other seed, other transitions");
  bool threw = false;
  try {
    a->setAllowed({{true}}, {true}, {true});
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  check(threw, "setAllowed with the wrong size throws");
  threw = false;
  try {
    a->logPartition(at::zeros({1, 2, 4}), at::zeros({1, 2}, at::kBool));
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  check(threw, "an empty row throws");
}

}  // namespace

int main() {
  at::set_num_threads(2);
  for (int64_t c : {1, 2, 3})
    for (int64_t t : {1, 2, 4, 6}) testAgainstBruteForce(c, t, false);
  testAgainstBruteForce(3, 5, true);
  testAgainstBruteForce(4, 4, true);
  testGradients();
  testBioConstraints();
  testBatchEqualsRows();
  testInitAndErrors();
  if (g_failures) {
    std::printf("%d check(s) failed\n", g_failures);
    return 1;
  }
  std::printf("test_crf: all checks passed\n");
  return 0;
}
