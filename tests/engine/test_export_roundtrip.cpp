// A user's checkpoint folder -> TransformerModel -> saved HF folder -> loaded again: the same logits,
// the same tensors, and a config.json that names the architecture and labels (what transformers'
// AutoModelFor*.from_pretrained needs).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <ATen/ops/allclose.h>
#include <ATen/ops/equal.h>
#include <ATen/ops/tensor.h>
#include <nlohmann/json.hpp>

#include "SharedData.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/encoder/EncoderConfig.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "model/encoder/TransformerModel.h"

namespace fs = std::filesystem;
using namespace quarry::model;

namespace {

int failures = 0;
void check(bool ok, const std::string& what) {
  if (!ok) {
    ++failures;
    std::printf("FAIL: %s\n", what.c_str());
  }
}

struct Loaded {
  TransformerModel model{nullptr};
  Checkpoint checkpoint;
};

bool load(const fs::path& folder, Task task, Loaded& out) {
  auto ckpt = readCheckpoint(folder.string());
  if (!ckpt.ok()) {
    std::printf("FAIL: read %s: %s\n", folder.c_str(), ckpt.error().toString().c_str());
    ++failures;
    return false;
  }
  std::ifstream in(folder / "config.json");
  auto config = EncoderConfig::fromJson(nlohmann::json::parse(in), (folder / "config.json").string());
  if (!config.ok()) {
    std::printf("FAIL: config %s\n", config.error().toString().c_str());
    ++failures;
    return false;
  }
  TransformerModelOptions options;
  options.task = task;
  auto model = TransformerModelImpl::create(config.value(), options);
  if (!model.ok()) {
    std::printf("FAIL: create %s\n", model.error().toString().c_str());
    ++failures;
    return false;
  }
  out.model = TransformerModel(model.value());
  LoadReport report;
  auto status = out.model->loadStateDict(ckpt->weights, report);
  check(status.ok(), "load weights of " + folder.string());
  check(report.missing.empty() && report.unexpected.empty(), "clean load of " + folder.string());
  out.model->eval();
  out.checkpoint = std::move(ckpt.value());
  return true;
}

void roundTrip(const fs::path& source, Task task, const std::string& architecture) {
  Loaded original;
  if (!load(source, task, original)) return;
  const fs::path exported = fs::temp_directory_path() / ("quarry_export_" + source.filename().string());
  std::vector<std::string> tokenizerFiles;
  for (const char* f : {"vocab.txt", "tokenizer_config.json", "vocab.json", "merges.txt"})
    if (fs::exists(source / f)) tokenizerFiles.push_back((source / f).string());
  auto saved = saveHfFolder(exported.string(), original.checkpoint.config, original.model->stateDict(), tokenizerFiles);
  check(saved.ok(), "save " + exported.string() + (saved.ok() ? "" : ": " + saved.error().toString()));
  if (!saved.ok()) return;
  check(fs::exists(exported / "model.safetensors") && fs::exists(exported / "vocab.txt"), "files in the export");
  std::ifstream in(exported / "config.json");
  const nlohmann::json config = nlohmann::json::parse(in);
  check(config.value("architectures", nlohmann::json::array()).dump() == "[\"" + architecture + "\"]",
        "architectures is " + architecture + ", got " + config.value("architectures", nlohmann::json()).dump());
  check(config.contains("model_type"), "config.json has model_type");
  // transformers writes id2label only when it differs from its default (QA heads have none).
  if (task == Task::TokenClassification || task == Task::SequenceClassification)
    check(config.contains("id2label") && config.contains("label2id") &&
              config["id2label"].dump() == nlohmann::json::parse(std::ifstream(source / "config.json"))["id2label"].dump(),
          "config.json keeps id2label and label2id");

  Loaded reloaded;
  if (!load(exported, task, reloaded)) return;
  const at::Tensor ids = at::tensor({101, 2000, 3000, 4000, 102}, at::kLong).unsqueeze(0);
  const at::Tensor mask = at::ones_like(ids);
  const ModelOutput a = original.model->forward(ids, mask);
  const ModelOutput b = reloaded.model->forward(ids, mask);
  check(at::equal(a.lastHiddenState, b.lastHiddenState), "same hidden states after export");
  if (a.logits.defined()) check(at::equal(a.logits, b.logits), "same logits after export");
  if (a.startLogits.defined()) check(at::equal(a.startLogits, b.startLogits) && at::equal(a.endLogits, b.endLogits),
                                     "same QA logits after export");
  fs::remove_all(exported);
}

}  // namespace

int main() {
  const fs::path models = quarry::test::fixturesDir() / "models";
  if (!fs::exists(models)) {
    std::printf("SKIP: %s not found (set QUARRY_SHARED_DIR)\n", models.c_str());
    return 77;
  }
  roundTrip(models / "bert-token-classification", Task::TokenClassification, "BertForTokenClassification");
  roundTrip(models / "bert-question-answering", Task::QuestionAnswering, "BertForQuestionAnswering");
  roundTrip(models / "bert-sequence-classification", Task::SequenceClassification, "BertForSequenceClassification");
  std::printf("%d passed, %d failed\n", failures == 0 ? 3 : 0, failures);
  return failures == 0 ? 0 : 1;
}
