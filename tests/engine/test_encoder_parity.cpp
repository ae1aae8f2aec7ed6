// Forward parity with Python transformers 4.28.1: all 8 fixture models x 5 input cases from
// shared/fixtures/outputs.jsonl, every position (padding included), in two arithmetic paths:
// gradient recording on (the training path) and InferenceMode (fused q/k/v), with the oneDNN
// matmuls and with ATen's, on CPU and, when present, CUDA. Tolerances from the fixtures README: 1e-5 absolute, masked-LM logits 2e-5.

#include <map>

#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include "EncoderTestSupport.h"
#include "model/kernels/FastLinear.h"

using namespace quarry;
using quarry::test::Checker;

namespace {

constexpr double kTol = 1e-5;
constexpr double kMlmTol = 2e-5;

void checkCase(Checker& c, model::TransformerModel& m, const nlohmann::json& rec, const std::string& label,
               const at::Device& device) {
  at::Tensor ids = test::jsonTensor(rec["input_ids"], at::kLong).to(device);
  at::Tensor mask = test::jsonTensor(rec["attention_mask"], at::kLong).to(device);
  at::Tensor types;
  if (rec.value("token_type_ids_passed_to_model", true)) types = test::jsonTensor(rec["token_type_ids"], at::kLong).to(device);
  model::ModelOutput out = m->forward(ids, mask, types);

  c.close(label + " last_hidden_state", out.lastHiddenState, test::jsonTensor(rec["last_hidden_state"]), kTol);
  const auto& hs = rec["hidden_states"];
  c.expect(out.hiddenStates.size() == hs.size(), label + " number of hidden_states");
  for (std::size_t i = 0; i < hs.size() && i < out.hiddenStates.size(); ++i)
    c.close(label + " hidden_states[" + std::to_string(i) + "]", out.hiddenStates[i], test::jsonTensor(hs[i]), kTol);
  if (rec.contains("pooler_output"))
    c.close(label + " pooler_output", out.poolerOutput, test::jsonTensor(rec["pooler_output"]), kTol);
  if (rec.contains("start_logits")) {
    c.close(label + " start_logits", out.startLogits, test::jsonTensor(rec["start_logits"]), kTol);
    c.close(label + " end_logits", out.endLogits, test::jsonTensor(rec["end_logits"]), kTol);
  }
  if (rec.contains("logits")) c.close(label + " logits", out.logits, test::jsonTensor(rec["logits"]), kTol);

  if (rec.contains("mlm_positions")) {
    at::Tensor positions = test::jsonTensor(rec["mlm_positions"], at::kLong);  // [B,3]
    at::Tensor logits = out.logits.detach().to(at::kCPU);                        // [B,T,V]
    const int64_t batch = positions.size(0);
    std::vector<at::Tensor> rows;
    for (int64_t b = 0; b < batch; ++b)
      rows.push_back(logits[b].index_select(0, positions[b]));
    at::Tensor picked = at::stack(rows);  // [B,3,V]
    at::Tensor fixed = test::jsonTensor(rec["mlm_fixed_ids"], at::kLong);
    c.close(label + " mlm_logits_at_fixed_ids", picked.index_select(2, fixed), test::jsonTensor(rec["mlm_logits_at_fixed_ids"]), kMlmTol);
    c.close(label + " mlm_logsumexp", picked.logsumexp(-1), test::jsonTensor(rec["mlm_logsumexp"]), kMlmTol);
    at::Tensor topIds = test::jsonTensor(rec["mlm_top5_ids"], at::kLong);
    at::Tensor topLogits = test::jsonTensor(rec["mlm_top5_logits"]);
    c.close(label + " mlm logits at the reference top5 ids", picked.gather(2, topIds), topLogits, kMlmTol);
    c.close(label + " mlm top5 logits", std::get<0>(picked.topk(5, -1)), topLogits, kMlmTol);
    if (rec.contains("mlm_logits")) c.close(label + " mlm_logits (full rows)", picked, test::jsonTensor(rec["mlm_logits"]), kMlmTol);
  }
}

}  // namespace

int main() {
  const auto dir = test::fixturesOrSkip();
  auto records = test::readJsonLines(dir / "outputs.jsonl");
  Checker c;
  c.expect(records.size() == 41, "outputs.jsonl has 41 lines (has " + std::to_string(records.size()) + ")");

  std::vector<at::Device> devices{at::kCPU};
  if (torch::cuda::is_available()) devices.emplace_back(at::kCUDA);

  std::map<std::string, std::vector<const nlohmann::json*>> byModel;
  for (const auto& r : records)
    if (r.value("case", "") != "adamw_train_steps") byModel[r["model"].get<std::string>()].push_back(&r);
  c.expect(byModel.size() == 8, "8 models in outputs.jsonl");

  for (const auto& [folderName, cases] : byModel) {
    const auto folder = dir / "models" / folderName;
    auto config = test::loadConfig(folder);
    auto weights = test::loadPytorchBin(folder / "pytorch_model.bin");
    if (!config || !weights) {
      c.expect(false, folderName + ": config.json or pytorch_model.bin unreadable");
      continue;
    }
    model::TransformerModelOptions options;
    options.task = test::taskForFixture(folderName);
    auto created = model::TransformerModelImpl::create(*config, options);
    if (!created) {
      c.expect(false, folderName + ": " + created.error().toString());
      continue;
    }
    model::TransformerModel m(created.value());
    model::LoadReport report;
    Status st = m->loadStateDict(*weights, report);
    c.expect(st.ok(), folderName + ": load: " + (st ? std::string() : st.error().toString()));
    c.expect(report.clean() && report.tied.empty(),
             folderName + ": load report clean (missing " + std::to_string(report.missing.size()) + ", unexpected " +
                 std::to_string(report.unexpected.size()) + ", tied " + std::to_string(report.tied.size()) + ")");
    for (const auto& n : report.missing) std::cerr << "  missing " << n << "\n";
    for (const auto& n : report.unexpected) std::cerr << "  unexpected " << n << "\n";
    // Every checkpoint name is a model name and vice versa.
    auto sd = m->stateDict();
    c.expect(sd.size() == weights->size(), folderName + ": stateDict() has " + std::to_string(sd.size()) +
                                               " tensors, checkpoint " + std::to_string(weights->size()));
    for (const auto& [name, t] : *weights) c.expect(sd.count(name) == 1, folderName + ": stateDict() lacks " + name);
    m->eval();

    for (const auto& device : devices) {
      m->to(device);
      for (const auto backend : {model::KernelBackend::Auto, model::KernelBackend::Aten}) {
        model::setKernelBackend(backend);
        model::setGemmLibrary(model::GemmLibrary::OneDnn);  // the oneDNN path, whatever this CPU prefers
        const char* backendName = backend == model::KernelBackend::Auto ? "oneDNN/auto" : "ATen";
        for (const auto* rec : cases) {
          const std::string base = folderName + "/" + (*rec)["case"].get<std::string>() + " [" + device.str() + ", " +
                                   backendName + "]";
          checkCase(c, m, *rec, base + " grad", device);
          c10::InferenceMode guard;
          checkCase(c, m, *rec, base + " inference", device);
        }
      }
      model::setKernelBackend(model::KernelBackend::Auto);
    }
  }
  return c.finish("test_encoder_parity");
}
