// Loads every reference checkpoint of shared/fixtures (models/ and models-compat/) and checks it against
// the fixtures README: both file formats bit-equal, tensor counts, parameter counts, config fields, and
// the transformers-style mapping of names (prefixes, ties, legacy names, heads).

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "SharedData.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/checkpoint/WeightMapper.h"
#include "test_checkpoint_util.h"

using namespace quarry;
using namespace quarry::model;
using quarry::test::bitEqual;
using quarry::test::contains;
namespace fs = std::filesystem;

namespace {

struct FixtureRow {
  const char* folder;
  const char* modelType;
  const char* prefix;       // "" = no prefix
  std::size_t tensors;      // as stored, position_ids included
  std::int64_t parameters;  // tied tensors and position_ids not counted
};

// The table of shared/fixtures/README.md.
const FixtureRow kRows[] = {
    {"bert", "bert", "", 40, 372572},
    {"bert-token-classification", "bert", "bert.", 40, 372481},
    {"bert-question-answering", "bert", "bert.", 40, 372442},
    {"bert-sequence-classification", "bert", "bert.", 42, 372611},
    {"bert-masked-lm", "bert", "bert.", 45, 403118},
    {"roberta", "roberta", "", 40, 609500},
    {"distilbert", "distilbert", "", 36, 372392},
    {"electra-discriminator", "electra", "electra.", 44, 250077},
};

bool isTiedTarget(const std::string& name) {
  return name == "cls.predictions.decoder.weight" || name == "cls.predictions.decoder.bias";
}

std::int64_t parameterCount(const StateDict& sd) {
  std::int64_t n = 0;
  for (const auto& [name, t] : sd)
    if (!contains(name, "position_ids") && !isTiedTarget(name)) n += t.numel();
  return n;
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<ExpectedTensor> expectedFrom(const StateDict& sd) {
  std::vector<ExpectedTensor> out;
  for (const auto& [name, t] : sd)
    if (!contains(name, "position_ids")) out.push_back({name, t.sizes().vec()});
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return "[" + out + "]";
}

void checkSameTensors(const StateDict& a, const StateDict& b, const std::string& what) {
  QCHECK_EQ(a.size(), b.size(), what << ": tensor count");
  for (const auto& [name, t] : a) {
    auto it = b.find(name);
    if (it == b.end()) {
      QCHECK(false, what << ": '" << name << "' missing on the other side");
      continue;
    }
    QCHECK(bitEqual(t, it->second), what << ": '" << name << "' differs");
  }
}

void checkModelsFolder(const fs::path& models, const FixtureRow& row) {
  const fs::path dir = models / row.folder;
  const std::string name = row.folder;
  std::vector<std::string> notes;
  auto st = CheckpointReader::readWeightsFile((dir / "model.safetensors").string(), &notes);
  auto bin = CheckpointReader::readWeightsFile((dir / "pytorch_model.bin").string(), &notes);
  QCHECK(st.ok(), name << ": safetensors: " << (st.ok() ? "" : st.error().toString()));
  QCHECK(bin.ok(), name << ": bin: " << (bin.ok() ? "" : bin.error().toString()));
  if (!st || !bin) return;
  QCHECK_EQ(st->size(), row.tensors, name << ": safetensors tensor count");
  checkSameTensors(*st, *bin, name + " safetensors vs pytorch_model.bin");
  QCHECK_EQ(parameterCount(*st), row.parameters, name << ": parameter count");
  for (const auto& [tensorName, t] : *st) {
    if (!std::string(row.prefix).empty() && !contains(tensorName, "position_ids") &&
        tensorName.rfind(row.prefix, 0) != 0 && tensorName.rfind("cls.", 0) != 0 &&
        tensorName.rfind("classifier.", 0) != 0 && tensorName.rfind("qa_outputs.", 0) != 0 &&
        tensorName.rfind("discriminator_predictions.", 0) != 0)
      QCHECK(false, name << ": unexpected name without prefix: " << tensorName);
    const bool isIds = contains(tensorName, "position_ids");
    QCHECK(t.scalar_type() == (isIds ? at::kLong : at::kFloat), name << ": dtype of " << tensorName);
  }

  auto cp = readCheckpoint(dir.string());
  QCHECK(cp.ok(), name << ": readCheckpoint: " << (cp.ok() ? "" : cp.error().toString()));
  if (!cp) return;
  QCHECK(contains(cp->weightsFile, "model.safetensors"),
         name << ": prefers model.safetensors, read " << cp->weightsFile);
  const bool hasIds = row.modelType != std::string("distilbert");
  QCHECK_EQ(cp->weights.size(), row.tensors - (hasIds ? 1 : 0), name << ": tensors without position_ids");
  for (const auto& [tensorName, t] : cp->weights)
    QCHECK(!contains(tensorName, "position_ids"), name << ": position_ids kept");
  const ModelConfig& c = cp->config;
  QCHECK_EQ(c.modelType, std::string(row.modelType), name << ": model_type");
  QCHECK_EQ(c.hiddenSize, 12, name << ": hidden size");
  QCHECK_EQ(c.numHiddenLayers, 2, name << ": layers");
  QCHECK_EQ(c.numAttentionHeads, 2, name << ": heads");
  QCHECK_EQ(c.intermediateSize, 64, name << ": intermediate size");
  QCHECK_EQ(c.hiddenAct, std::string("gelu"), name << ": activation");
  QCHECK_EQ(c.torchDtype, std::string("float32"), name << ": torch_dtype");
  QCHECK(!c.dtypeKeyV5, name << ": torch_dtype key");
  const bool roberta = row.modelType == std::string("roberta");
  QCHECK_EQ(c.vocabSize, roberta ? 50265 : 30522, name << ": vocab");
  QCHECK_EQ(c.maxPositionEmbeddings, roberta ? 130 : 128, name << ": max positions");
  QCHECK_EQ(c.padTokenId, roberta ? 1 : 0, name << ": pad id");
  QCHECK_EQ(c.layerNormEps, roberta ? 1e-5 : 1e-12, name << ": layer norm eps");
  const std::int64_t typeVocab = roberta ? 1 : (row.modelType == std::string("distilbert") ? 0 : 2);
  QCHECK_EQ(c.typeVocabSize, typeVocab, name << ": type vocab");
  QCHECK_EQ(c.embeddingWidth(), row.modelType == std::string("electra") ? 8 : 12,
            name << ": embedding width");
  QCHECK_EQ(c.hiddenDropoutProb, 0.1, name << ": dropout");

  // Our writer reproduces the fixture's file byte for byte (same header order, padding and data order).
  quarry::test::TempDir tmp;
  auto raw = SafetensorsFile::read((dir / "model.safetensors").string());
  QCHECK(raw.ok(), name << ": raw safetensors read");
  if (raw) {
    const fs::path rewritten = tmp.path() / "rewritten.safetensors";
    QCHECK(SafetensorsFile::write(rewritten.string(), raw->tensors, raw->metadata).ok(), name << ": rewrite");
    QCHECK(readAll(rewritten) == readAll(dir / "model.safetensors"),
           name << ": rewritten file differs from the fixture");
  }

  // The same folder through pytorch_model.bin alone.
  fs::create_symlink(dir / "config.json", tmp.path() / "config.json");
  fs::create_symlink(dir / "pytorch_model.bin", tmp.path() / "pytorch_model.bin");
  auto cpBin = readCheckpoint(tmp.path().string());
  QCHECK(cpBin.ok(), name << ": readCheckpoint(bin): " << (cpBin.ok() ? "" : cpBin.error().toString()));
  if (cpBin) {
    QCHECK(contains(cpBin->weightsFile, "pytorch_model.bin"), name << ": read " << cpBin->weightsFile);
    checkSameTensors(cp->weights, cpBin->weights, name + " readCheckpoint safetensors vs bin");
  }
}

void checkConfigs(const fs::path& models) {
  auto tc = ModelConfig::load((models / "bert-token-classification" / "config.json").string());
  QCHECK(tc.ok(), "token classification config");
  if (tc) {
    const std::vector<std::string> labels{"B-Disease", "I-Disease", "B-Chemical", "I-Chemical", "O"};
    QCHECK(tc->labels() == labels, "id2label: " << joined(tc->labels()));
    QCHECK_EQ(tc->numLabels(), 5, "num labels");
    QCHECK_EQ(tc->label2id.at("I-Chemical"), 3, "label2id");
    QCHECK(tc->architectures == std::vector<std::string>{"BertForTokenClassification"}, "architectures");
    QCHECK(!tc->classifierDropout.has_value(), "classifier_dropout null");
    QCHECK(tc->extra.count("use_cache") && tc->extra.at("use_cache") == "true", "unknown key kept verbatim");
  }
  auto db = ModelConfig::load((models / "distilbert" / "config.json").string());
  QCHECK(db.ok(), "distilbert config");
  if (db) {
    QCHECK_EQ(db->seqClassifDropout, 0.2, "seq_classif_dropout");
    QCHECK_EQ(db->qaDropout, 0.1, "qa_dropout");
    QCHECK_EQ(db->numLabels(), 2, "default label count");
    QCHECK(!db->sinusoidalPosEmbds, "sinusoidal_pos_embds");
  }
}

void checkCompat(const fs::path& models, const fs::path& compat) {
  auto tokenCls = readCheckpoint((models / "bert-token-classification").string());
  auto maskedLm = readCheckpoint((models / "bert-masked-lm").string());
  auto bare = readCheckpoint((models / "bert").string());
  auto seqCls = readCheckpoint((models / "bert-sequence-classification").string());
  QCHECK(tokenCls.ok() && maskedLm.ok() && bare.ok() && seqCls.ok(), "reference folders load");
  if (!tokenCls || !maskedLm || !bare || !seqCls) return;

  // transformers 5 config: "dtype", extra keys, no position_ids.
  auto v5 = readCheckpoint((compat / "bert-token-classification-v5").string());
  QCHECK(v5.ok(), "v5: " << (v5.ok() ? "" : v5.error().toString()));
  if (v5) {
    QCHECK(v5->config.dtypeKeyV5, "v5: dtype key recognised");
    QCHECK_EQ(v5->config.torchDtype, std::string("float32"), "v5: dtype");
    QCHECK_EQ(v5->config.transformersVersion, std::string("5.17.0"), "v5: transformers_version");
    QCHECK(v5->config.extra.count("is_decoder") && v5->config.extra.count("add_cross_attention") &&
               v5->config.extra.count("bos_token_id"),
           "v5: extra keys kept");
    QCHECK(v5->config.tieWordEmbeddings, "v5: tie_word_embeddings");
    QCHECK_EQ(v5->config.numLabels(), 5, "v5: labels");
    checkSameTensors(v5->weights, tokenCls->weights, "v5 vs models/bert-token-classification");
  }

  // transformers 5 masked LM: the tied decoder is not stored and must be tied on load.
  auto mlm5 = readCheckpoint((compat / "bert-masked-lm-v5").string());
  QCHECK(mlm5.ok(), "mlm v5: " << (mlm5.ok() ? "" : mlm5.error().toString()));
  if (mlm5) {
    QCHECK(!mlm5->weights.count("cls.predictions.decoder.weight"), "mlm v5: decoder weight not stored");
    const auto mapped = WeightMapper::map(mlm5->weights, expectedFrom(maskedLm->weights), "bert",
                                          WeightMapper::defaultTies("bert"));
    QCHECK(mapped.report.missing.empty(), "mlm v5: missing " << joined(mapped.report.missing));
    QCHECK(mapped.report.unexpected.empty(), "mlm v5: unexpected " << joined(mapped.report.unexpected));
    QCHECK(mapped.report.mismatched.empty(), "mlm v5: mismatched " << joined(mapped.report.mismatched));
    std::set<std::string> tied(mapped.report.tied.begin(), mapped.report.tied.end());
    QCHECK(tied.count("cls.predictions.decoder.weight"),
           "mlm v5: decoder weight tied, got " << joined(mapped.report.tied));
    if (!mlm5->weights.count("cls.predictions.decoder.bias"))
      QCHECK(tied.count("cls.predictions.decoder.bias"), "mlm v5: decoder bias tied");
    checkSameTensors(mapped.weights, maskedLm->weights, "mlm v5 tied vs models/bert-masked-lm");
  }

  // Early TF conversions: LayerNorm.gamma / .beta.
  auto legacy = readCheckpoint((compat / "bert-token-classification-legacy-names").string());
  QCHECK(legacy.ok(), "legacy: " << (legacy.ok() ? "" : legacy.error().toString()));
  if (legacy) {
    QCHECK(contains(legacy->weightsFile, "pytorch_model.bin"), "legacy: read " << legacy->weightsFile);
    bool noted = false;
    for (const auto& n : legacy->notes) noted = noted || contains(n, "renamed 10 legacy");
    QCHECK(noted, "legacy: a note says 10 names were renamed, notes " << joined(legacy->notes));
    checkSameTensors(legacy->weights, tokenCls->weights, "legacy vs models/bert-token-classification");
  }

  // A pre-training checkpoint loaded for token classification: cls.* unexpected, classifier.* missing.
  auto pre = readCheckpoint((compat / "bert-pretraining-v5").string());
  QCHECK(pre.ok(), "pretraining: " << (pre.ok() ? "" : pre.error().toString()));
  if (pre) {
    const auto mapped = WeightMapper::map(pre->weights, expectedFrom(tokenCls->weights), "bert",
                                          WeightMapper::defaultTies("bert"));
    const std::vector<std::string> unexpected{"cls.predictions.bias",
                                              "cls.predictions.transform.LayerNorm.bias",
                                              "cls.predictions.transform.LayerNorm.weight",
                                              "cls.predictions.transform.dense.bias",
                                              "cls.predictions.transform.dense.weight",
                                              "cls.seq_relationship.bias",
                                              "cls.seq_relationship.weight"};
    QCHECK(mapped.report.unexpected == unexpected,
           "pretraining: unexpected " << joined(mapped.report.unexpected));
    const std::vector<std::string> missing{"classifier.bias", "classifier.weight"};
    QCHECK(mapped.report.missing == missing, "pretraining: missing " << joined(mapped.report.missing));
    QCHECK(mapped.report.tied.empty() && mapped.report.mismatched.empty(),
           "pretraining: nothing tied/mismatched");
    for (const auto& [name, t] : tokenCls->weights)
      if (name.rfind("bert.", 0) == 0)
        QCHECK(mapped.weights.count(name) && bitEqual(mapped.weights.at(name), t),
               "pretraining body: " << name);
  }

  // A headless BertModel checkpoint into a token classifier: prefix added, classifier missing, the
  // unused pooler silently ignored (transformers' _keys_to_ignore_on_load_unexpected).
  {
    const auto mapped = WeightMapper::map(bare->weights, expectedFrom(tokenCls->weights), "bert");
    QCHECK(mapped.report.missing == (std::vector<std::string>{"classifier.bias", "classifier.weight"}),
           "headless->head: missing " << joined(mapped.report.missing));
    QCHECK(mapped.report.unexpected.empty(),
           "headless->head: unexpected " << joined(mapped.report.unexpected));
    QCHECK(mapped.weights.count("bert.embeddings.word_embeddings.weight") &&
               bitEqual(mapped.weights.at("bert.embeddings.word_embeddings.weight"),
                        bare->weights.at("embeddings.word_embeddings.weight")),
           "headless->head: word embeddings under bert.");
  }
  // And a token-classification checkpoint into a bare BertModel: prefix removed, head unexpected.
  {
    const auto mapped = WeightMapper::map(tokenCls->weights, expectedFrom(bare->weights), "bert");
    QCHECK(mapped.report.missing == (std::vector<std::string>{"pooler.dense.bias", "pooler.dense.weight"}),
           "head->headless: missing " << joined(mapped.report.missing));
    QCHECK(mapped.report.unexpected == (std::vector<std::string>{"classifier.bias", "classifier.weight"}),
           "head->headless: unexpected " << joined(mapped.report.unexpected));
    QCHECK(mapped.weights.count("encoder.layer.1.output.dense.weight") &&
               bitEqual(mapped.weights.at("encoder.layer.1.output.dense.weight"),
                        tokenCls->weights.at("bert.encoder.layer.1.output.dense.weight")),
           "head->headless: encoder weights without prefix");
  }
  // 5 labels into a 3-label classifier: shapes reported, not loaded.
  {
    const auto mapped = WeightMapper::map(tokenCls->weights, expectedFrom(seqCls->weights), "bert");
    QCHECK_EQ(mapped.report.mismatched.size(), 2u,
              "5->3 labels: mismatched " << joined(mapped.report.mismatched));
    QCHECK(!mapped.report.mismatched.empty() &&
               contains(mapped.report.mismatched[0], "classifier.bias: checkpoint [5] vs model [3]"),
           "mismatch text: " << joined(mapped.report.mismatched));
    QCHECK(!mapped.weights.count("classifier.weight"), "mismatched tensor not loaded");
    QCHECK(mapped.report.missing ==
               (std::vector<std::string>{"bert.pooler.dense.bias", "bert.pooler.dense.weight"}),
           "5->3 labels: missing " << joined(mapped.report.missing));
  }
}

}  // namespace

int main() {
  const fs::path models = quarry::test::fixturesDir() / "models";
  const fs::path compat = quarry::test::fixturesDir() / "models-compat";
  if (!fs::is_directory(models)) {
    std::cout << "SKIP: fixtures not found at " << models.string() << "\n";
    return 77;
  }
  for (const auto& row : kRows) checkModelsFolder(models, row);
  checkConfigs(models);
  if (fs::is_directory(compat))
    checkCompat(models, compat);
  else
    std::cout << "note: " << compat.string() << " not found; compat checks skipped\n";
  return quarry::test::finish("test_checkpoint");
}
