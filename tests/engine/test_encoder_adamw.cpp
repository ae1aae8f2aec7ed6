// Training parity with Python (outputs.jsonl line 41): BertForTokenClassification, dropout 0,
// AdamW lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01 on every parameter, 5 steps on one
// batch. Run with torch::optim::AdamW and with FusedAdamW; the two are also compared with each other.
// Also checks that the token-classification loss is the mean cross-entropy over labels != -100.

#include <torch/optim/adamw.h>

#include "EncoderTestSupport.h"
#include "model/optim/FusedAdamW.h"
#include "model/optim/Losses.h"

using namespace quarry;
using quarry::test::Checker;

namespace {

bool isKeyBias(const std::string& name) { return name.find("attention.self.key.bias") != std::string::npos; }

struct Batch {
  at::Tensor ids, mask, types, labels;
};

model::TransformerModel makeModel(const std::filesystem::path& folder, const model::StateDict& weights, Checker& c) {
  auto config = test::loadConfig(folder);
  config->hiddenDropout = 0.0;
  config->attentionDropout = 0.0;
  model::TransformerModelOptions options;
  options.task = model::Task::TokenClassification;
  model::TransformerModel m(model::TransformerModelImpl::create(*config, options).value());
  model::LoadReport report;
  c.expect(m->loadStateDict(weights, report).ok() && report.clean(), "load bert-token-classification");
  m->train();
  return m;
}

// Runs 5 steps; returns the parameters afterwards (HF names -> tensor).
std::map<std::string, at::Tensor> train(const std::string& label, model::TransformerModel& m, const Batch& b,
                                        const nlohmann::json& ref, bool fused, Checker& c) {
  auto named = m->namedParameters();
  std::vector<at::Tensor> params;
  for (auto& [n, t] : named) params.push_back(t);
  model::AdamWOptions o;  // lr 1e-3, betas (0.9, 0.999), eps 1e-8, wd 0.01: the reference settings
  model::FusedAdamW fusedOpt({model::AdamWGroup{params, o}});
  torch::optim::AdamW torchOpt(params, torch::optim::AdamWOptions(1e-3).betas({0.9, 0.999}).eps(1e-8).weight_decay(0.01));

  const auto& losses = ref["losses_by_step"];
  for (int step = 0; step <= 5; ++step) {
    model::ModelOutput out = m->forward(b.ids, b.mask, b.types);
    at::Tensor loss = model::tokenClassificationLoss(out.logits, b.labels);
    c.closeScalar(label + " loss after " + std::to_string(step) + " steps", loss.item<double>(),
                  losses[step].get<double>(), 1e-5, 1e-4);
    if (step == 5) break;
    if (fused) fusedOpt.zeroGrad(); else torchOpt.zero_grad();
    loss.backward();
    if (step == 0) {
      for (auto& [n, t] : named) {
        const double norm = t.grad().norm().item<double>();
        if (isKeyBias(n)) {
          c.expect(norm < 1e-6, label + " " + n + " gradient ~0 (is " + std::to_string(norm) + ")");
        } else {
          c.closeScalar(label + " grad norm " + n, norm, ref["grad_l2_norms_step1"].at(n).get<double>(), 0.0, 1e-4);
        }
      }
    }
    if (fused) fusedOpt.step(); else torchOpt.step();
  }
  std::map<std::string, at::Tensor> after;
  for (auto& [n, t] : named) {
    after[n] = t.detach().clone();
    if (isKeyBias(n)) continue;
    c.closeScalar(label + " param norm " + n, t.norm().item<double>(),
                  ref["param_l2_norms_after_5_steps"].at(n).get<double>(), 0.0, 1e-5);
  }
  c.expect(after.size() == ref["param_l2_norms_after_5_steps"].size(), label + " every parameter has a reference norm");
  return after;
}

void checkLossDefinition(Checker& c) {
  at::Tensor logits = at::randn({2, 4, 3}, at::TensorOptions().dtype(at::kDouble));
  at::Tensor labels = at::tensor({-100, 0, 2, -100, 1, -100, 2, 2}, at::kLong).view({2, 4});
  double sum = 0.0;
  int count = 0;
  at::Tensor logp = logits.log_softmax(-1);
  for (int64_t b = 0; b < 2; ++b)
    for (int64_t t = 0; t < 4; ++t) {
      const int64_t y = labels[b][t].item<int64_t>();
      if (y == -100) continue;
      sum -= logp[b][t][y].item<double>();
      ++count;
    }
  c.closeScalar("token loss = mean CE over labels != -100", model::tokenClassificationLoss(logits, labels).item<double>(),
                sum / count, 1e-12);
  at::Tensor one = at::full({1, 3}, -100, at::kLong);
  one[0][1] = 2;
  c.closeScalar("token loss with one labelled position",
                model::tokenClassificationLoss(logits.narrow(0, 0, 1).narrow(1, 0, 3), one).item<double>(),
                -logp[0][1][2].item<double>(), 1e-12);
}

}  // namespace

int main() {
  Checker c;
  checkLossDefinition(c);
  const auto dir = test::fixturesOrSkip();
  auto records = test::readJsonLines(dir / "outputs.jsonl");
  const nlohmann::json* ref = nullptr;
  for (const auto& r : records)
    if (r.value("case", "") == "adamw_train_steps") ref = &r;
  if (!ref) {
    std::printf("SKIP: no adamw_train_steps line in outputs.jsonl\n");
    return 77;
  }
  const auto folder = dir / "models" / "bert-token-classification";
  auto weights = test::loadPytorchBin(folder / "pytorch_model.bin");
  c.expect(weights.has_value(), "read pytorch_model.bin");
  if (!weights) return c.finish("test_encoder_adamw");

  Batch b{test::jsonTensor((*ref)["input_ids"], at::kLong), test::jsonTensor((*ref)["attention_mask"], at::kLong),
          test::jsonTensor((*ref)["token_type_ids"], at::kLong), test::jsonTensor((*ref)["labels"], at::kLong)};

  auto mTorch = makeModel(folder, *weights, c);
  auto afterTorch = train("torch::optim::AdamW", mTorch, b, *ref, false, c);
  auto mFused = makeModel(folder, *weights, c);
  auto afterFused = train("FusedAdamW", mFused, b, *ref, true, c);

  // The fused update against torch's, parameter by parameter (key.bias follows rounding noise).
  for (const auto& [n, t] : afterTorch) {
    if (isKeyBias(n)) continue;
    const double scale = std::max(1.0, t.abs().max().item<double>());
    c.close("FusedAdamW vs torch AdamW: " + n, afterFused.at(n), t, 2e-6 * scale);
  }
  return c.finish("test_encoder_adamw");
}
