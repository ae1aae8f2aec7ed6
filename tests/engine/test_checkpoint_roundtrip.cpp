// Writing and reading back: safetensors bit-exact for every dtype and the documented layout; config.json
// keeps unknown keys; saveHfFolder -> readCheckpoint gives the same config and tensors, and a failed save
// leaves nothing behind.

#include <filesystem>
#include <fstream>
#include <iostream>

#include <ATen/Context.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/randn.h>
#include <nlohmann/json.hpp>

#include "SharedData.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "test_checkpoint_util.h"

using namespace quarry;
using namespace quarry::model;
using quarry::test::bitEqual;
using quarry::test::contains;
namespace fs = std::filesystem;

namespace {

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::size_t entriesIn(const fs::path& dir) {
  std::size_t n = 0;
  for (auto it = fs::directory_iterator(dir); it != fs::directory_iterator(); ++it) ++n;
  return n;
}

StateDict everyDtype() {
  at::manual_seed(7);
  StateDict sd;
  sd["f32.matrix"] = at::randn({3, 5});
  sd["f16.vector"] = at::randn({7}).to(at::kHalf);
  sd["bf16.vector"] = at::randn({9}).to(at::kBFloat16);
  sd["f64.scalar"] = at::randn({}).to(at::kDouble);
  sd["i64.ids"] = at::arange(11).unsqueeze(0);
  sd["i32.values"] = at::arange(-3, 4).to(at::kInt);
  sd["i16.values"] = at::arange(-2, 3).to(at::kShort);
  sd["i8.values"] = at::arange(-5, 0).to(at::kChar);
  sd["u8.values"] = at::arange(250, 256).to(at::kByte);
  sd["bool.mask"] = at::arange(5).remainder(2).to(at::kBool);
  sd["f32.empty"] = at::randn({0, 4});
  sd["f32.transposed"] = at::randn({4, 3}).t();  // not contiguous: must be written row-major
  return sd;
}

void safetensorsRoundTrip(const quarry::test::TempDir& tmp) {
  const StateDict sd = everyDtype();
  const std::string f = tmp.file("all.safetensors");
  Status s = SafetensorsFile::write(f, sd);
  QCHECK(s.ok(), "write: " << (s.ok() ? "" : s.error().toString()));
  auto back = SafetensorsFile::read(f);
  QCHECK(back.ok(), "read back: " << (back.ok() ? "" : back.error().toString()));
  if (!back) return;
  QCHECK_EQ(back->tensors.size(), sd.size(), "tensor count");
  for (const auto& [name, t] : sd)
    QCHECK(back->tensors.count(name) && bitEqual(back->tensors.at(name), t),
           "bit-equal after round trip: " << name);
  QCHECK(back->metadata == (std::map<std::string, std::string>{{"format", "pt"}}), "metadata {format: pt}");

  // The layout of the fixtures README: data starts at a multiple of 8, sorted by element size then name.
  const std::string bytes = readAll(f);
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes[i]);
  QCHECK_EQ((8 + n) % 8, 0u, "header padded to a multiple of 8");
  const auto header = nlohmann::ordered_json::parse(bytes.substr(8, n));
  std::vector<std::string> order;
  for (auto it = header.begin(); it != header.end(); ++it) {
    if (it.key() == "__metadata__") continue;
    order.push_back(it.key());
    const std::uint64_t begin = it.value()["data_offsets"][0];
    const auto item = back->tensors.at(it.key()).element_size();
    QCHECK_EQ(begin % item, 0u, it.key() << " aligned to its element size");
  }
  const std::vector<std::string> expected{"f64.scalar",     "i64.ids",    "f32.empty",   "f32.matrix",
                                          "f32.transposed", "i32.values", "bf16.vector", "f16.vector",
                                          "i16.values",     "bool.mask",  "i8.values",   "u8.values"};
  QCHECK(order == expected, "tensors ordered by element size, then name");

  // Overwriting replaces the file whole; a refused write leaves the old file and no temporary file.
  StateDict small{{"x", at::arange(4).to(at::kFloat)}};
  QCHECK(SafetensorsFile::write(f, small).ok(), "overwrite");
  auto again = SafetensorsFile::read(f);
  QCHECK(again.ok() && again->tensors.size() == 1, "overwritten file holds the new tensors only");
  const std::size_t before = entriesIn(tmp.path());
  StateDict complex{{"z", at::randn({2}).to(at::kComplexFloat)}};
  Status refused = SafetensorsFile::write(f, complex);
  QCHECK(!refused.ok() && contains(refused.error().toString(), "z"),
         "complex dtype refused naming the tensor");
  QCHECK_EQ(entriesIn(tmp.path()), before, "no temporary file left by a refused write");
  QCHECK(SafetensorsFile::read(f).ok(), "old file intact after a refused write");
}

ModelConfig smallConfig(const std::string& type) {
  ModelConfig c = ModelConfig::defaultsFor(type);
  c.hiddenSize = 8;
  c.numHiddenLayers = 1;
  c.numAttentionHeads = 2;
  c.intermediateSize = 16;
  c.vocabSize = 20;
  c.maxPositionEmbeddings = 32;
  if (type == "electra") c.embeddingSize = 4;
  c.architectures = {type == "distilbert" ? "DistilBertForTokenClassification"
                                          : "BertForTokenClassification"};
  c.setLabels({"O", "B-X", "I-X"});
  c.extra["my_custom_key"] = R"({"nested":[1,2,3]})";
  return c;
}

void configRoundTrip(const quarry::test::TempDir& tmp) {
  for (const std::string type : {"bert", "roberta", "distilbert", "electra"}) {
    const ModelConfig c = smallConfig(type);
    const std::string f = tmp.file(type + "-config.json");
    QCHECK(c.save(f).ok(), type << ": save config");
    auto back = ModelConfig::load(f);
    QCHECK(back.ok(), type << ": load config: " << (back.ok() ? "" : back.error().toString()));
    if (!back) continue;
    QCHECK_EQ(back->toJsonText(), c.toJsonText(), type << ": config text stable");
    QCHECK_EQ(back->hiddenSize, 8, type << ": hidden size");
    QCHECK_EQ(back->embeddingWidth(), type == "electra" ? 4 : 8, type << ": embedding width");
    QCHECK(back->labels() == (std::vector<std::string>{"O", "B-X", "I-X"}), type << ": labels");
    QCHECK(back->extra.count("my_custom_key") && back->extra.at("my_custom_key") == R"({"nested":[1,2,3]})",
           type << ": unknown key kept verbatim");
    const auto j = nlohmann::json::parse(readAll(f));
    QCHECK(j.contains(type == "distilbert" ? "dim" : "hidden_size"), type << ": family's own key names");
    QCHECK(j["id2label"]["2"] == "I-X" && j["label2id"]["B-X"] == 1, type << ": id2label/label2id written");
  }
  // A transformers 5 config keeps its "dtype" key.
  auto v5 = ModelConfig::parse(
      R"({"model_type":"bert","dtype":"bfloat16","hidden_size":8,"num_attention_heads":2})", "inline.json");
  QCHECK(v5.ok() && v5->torchDtype == "bfloat16", "v5 dtype read");
  if (v5) {
    const auto j = nlohmann::json::parse(v5->toJsonText());
    QCHECK(j.contains("dtype") && !j.contains("torch_dtype"), "v5 dtype key written back as dtype");
  }
}

void folderRoundTrip(const quarry::test::TempDir& tmp) {
  const fs::path tok = tmp.path() / "tok";
  fs::create_directories(tok);
  std::ofstream(tok / "vocab.txt") << "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\n";
  std::ofstream(tok / "tokenizer_config.json") << R"({"do_lower_case": true})";
  const std::vector<std::string> tokFiles{(tok / "vocab.txt").string(),
                                          (tok / "tokenizer_config.json").string()};

  const ModelConfig config = smallConfig("bert");
  at::manual_seed(3);
  StateDict weights{{"bert.embeddings.word_embeddings.weight", at::randn({20, 8})},
                    {"bert.embeddings.LayerNorm.weight", at::randn({8})},
                    {"classifier.weight", at::randn({3, 8})},
                    {"classifier.bias", at::randn({3})}};
  const std::string out = (tmp.path() / "saved-model").string();
  Status s = saveHfFolder(out, config, weights, tokFiles);
  QCHECK(s.ok(), "saveHfFolder: " << (s.ok() ? "" : s.error().toString()));
  auto cp = readCheckpoint(out);
  QCHECK(cp.ok(), "readCheckpoint after save: " << (cp.ok() ? "" : cp.error().toString()));
  if (cp) {
    QCHECK_EQ(cp->weights.size(), weights.size(), "tensor count");
    for (const auto& [name, t] : weights)
      QCHECK(cp->weights.count(name) && bitEqual(cp->weights.at(name), t), "saved tensor " << name);
    QCHECK(cp->config.architectures == config.architectures, "architectures");
    QCHECK(cp->config.labels() == config.labels(), "labels");
    QCHECK_EQ(cp->config.transformersVersion, std::string(HfFolderWriter::kTransformersVersion),
              "transformers_version filled in");
  }
  QCHECK(readAll(out + "/vocab.txt") == readAll(tokFiles[0]), "vocab.txt copied");
  QCHECK(fs::exists(out + "/tokenizer_config.json"), "tokenizer_config.json copied");

  // Saving again over it replaces the folder; a failing save leaves it as it was and no temporary.
  std::ofstream(out + "/stale.txt") << "from an older save";
  QCHECK(saveHfFolder(out, config, weights, tokFiles).ok(), "save over an existing folder");
  QCHECK(!fs::exists(out + "/stale.txt"), "the old folder's files are gone after a replacing save");
  const std::size_t before = entriesIn(tmp.path());
  Status bad = saveHfFolder(out, config, weights, {(tok / "merges.txt").string()});
  QCHECK(!bad.ok() && contains(bad.error().toString(), "merges.txt"), "missing tokenizer file named");
  StateDict complex{{"z", at::randn({2}).to(at::kComplexFloat)}};
  Status bad2 = saveHfFolder(out, config, complex, tokFiles);
  QCHECK(!bad2.ok() && contains(bad2.error().toString(), "z"), "unwritable dtype named");
  QCHECK_EQ(entriesIn(tmp.path()), before, "no temporary folders left by failed saves");
  auto still = readCheckpoint(out);
  QCHECK(still.ok() && still->weights.size() == weights.size(), "the previous save is intact");
  const std::string fresh = (tmp.path() / "never-created").string();
  QCHECK(!saveHfFolder(fresh, config, complex).ok() && !fs::exists(fresh),
         "failed first save creates nothing");
}

// A fixture folder through readCheckpoint -> saveHfFolder -> readCheckpoint, when the fixtures exist.
void fixtureRoundTrip(const quarry::test::TempDir& tmp) {
  for (const char* name : {"bert-token-classification", "distilbert", "electra-discriminator"}) {
    const fs::path dir = quarry::test::fixturesDir() / "models" / name;
    if (!fs::is_directory(dir)) {
      std::cout << "note: " << dir.string() << " not found; fixture round trip skipped\n";
      return;
    }
    auto cp = readCheckpoint(dir.string());
    QCHECK(cp.ok(), name << ": read");
    if (!cp) continue;
    const std::string out = tmp.file(std::string("resaved-") + name);
    Status s = saveHfFolder(out, cp->config, cp->weights,
                            {(dir / "vocab.txt").string(), (dir / "tokenizer_config.json").string()});
    QCHECK(s.ok(), name << ": save: " << (s.ok() ? "" : s.error().toString()));
    auto back = readCheckpoint(out);
    QCHECK(back.ok(), name << ": read back");
    if (!back) continue;
    QCHECK_EQ(back->config.toJsonText(), cp->config.toJsonText(), name << ": config");
    QCHECK_EQ(back->weights.size(), cp->weights.size(), name << ": tensor count");
    for (const auto& [n, t] : cp->weights)
      QCHECK(back->weights.count(n) && bitEqual(back->weights.at(n), t), name << ": " << n);
    // Every key of the original config.json survives with its value.
    const auto original = nlohmann::json::parse(readAll((dir / "config.json").string()));
    const auto saved = nlohmann::json::parse(readAll(out + "/config.json"));
    for (auto it = original.begin(); it != original.end(); ++it)
      QCHECK(saved.contains(it.key()) && saved[it.key()] == it.value(), name << ": config key " << it.key());
  }
}

}  // namespace

int main() {
  quarry::test::TempDir tmp;
  safetensorsRoundTrip(tmp);
  configRoundTrip(tmp);
  folderRoundTrip(tmp);
  fixtureRoundTrip(tmp);
  return quarry::test::finish("test_checkpoint_roundtrip");
}
