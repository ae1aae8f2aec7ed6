// Hostile and damaged model folders, built here from a tiny saved tagger: each copy changes one file
// the way an attacker or a broken disk would, and loading it must give an Error naming the file and the
// field or tensor, never a crash, an exception or a model that silently predicts nothing.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <ATen/ops/arange.h>
#include <nlohmann/json.hpp>

#include "TorchZipTestSupport.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/checkpoint/PytorchBinFile.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "test_checkpoint_util.h"
#include "text/HfTokenizerJson.h"
#include "text/TokenizerFactory.h"
#include "train/ner/NerTagger.h"

using namespace quarry;
using quarry::test::expectFailure;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeText(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

// "[[[...]]]" nested `depth` deep: what a hostile file puts under any key.
std::string deepArray(int depth) {
  return std::string(static_cast<size_t>(depth), '[') + std::string(static_cast<size_t>(depth), ']');
}

// A tiny saved transformer tagger (random BERT, one layer) in `root`/best.
fs::path makeTagger(const fs::path& root) {
  const fs::path tok = root / "tokenizer";
  fs::create_directories(tok);
  std::ofstream v(tok / "vocab.txt");
  for (const char* t : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "aspirin", "given", "was", "."})
    v << t << '\n';
  v.close();
  writeText(tok / "tokenizer_config.json", R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true})");
  train::TrainConfig c;
  c.kind = train::ModelKind::Transformer;
  c.tokenizerFolder = tok.string();
  c.randomLayers = 1;
  c.randomHidden = 16;
  c.randomHeads = 2;
  c.randomIntermediate = 32;
  c.maxLength = 32;
  c.stride = 8;
  const train::TagSet tags({"DRUG"}, train::TagEncoding::IOB2);
  auto tagger = train::createNerTagger(c, tags, {});
  QCHECK(tagger.ok(), "tiny tagger: " << (tagger ? "" : tagger.error().toString()));
  const fs::path best = root / "best";
  if (tagger) QCHECK(tagger.value()->save(best.string()).ok(), "tiny tagger saves");
  return best;
}

// A fresh copy of `best` to damage.
fs::path copyOf(const fs::path& best, const std::string& name) {
  const fs::path to = best.parent_path() / name;
  fs::remove_all(to);
  fs::copy(best, to, fs::copy_options::recursive);
  return to;
}

void editJson(const fs::path& file, const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json j = nlohmann::json::parse(readText(file));
  edit(j);
  writeText(file, j.dump(2));
}

void editWeights(const fs::path& folder, const std::function<void(model::StateDict&)>& edit) {
  const std::string file = (folder / "model.safetensors").string();
  auto content = model::SafetensorsFile::read(file);
  QCHECK(content.ok(), "weights read");
  if (!content) return;
  edit(content->tensors);
  QCHECK(model::SafetensorsFile::write(file, content->tensors).ok(), "weights written");
}

void jsonFiles(const fs::path& best) {
  // Every JSON file the loader reads, with a 100,000-deep array under a key it does not know.
  for (const char* name : {"config.json", "quarry_ner.json", "tokenizer_config.json"}) {
    const fs::path f = copyOf(best, std::string("deep-") + name);
    std::string text = readText(f / name);
    text.insert(text.find('{') + 1, "\"hostile\": " + deepArray(100000) + ",");
    writeText(f / name, text);
    expectFailure(train::loadNerTagger(f.string()), std::string("100,000-deep array in ") + name, name,
                  "hostile", {"nested more than 64"});
  }
  {
    const fs::path f = copyOf(best, "index-deep");
    fs::rename(f / "model.safetensors", f / "shard.safetensors");
    writeText(f / "model.safetensors.index.json",
              "{\"metadata\": " + deepArray(100000) + ", \"weight_map\": {}}");
    expectFailure(train::loadNerTagger(f.string()), "deep model.safetensors.index.json",
                  "model.safetensors.index.json", "metadata", {"nested"});
    writeText(f / "model.safetensors.index.json", "{\"weight_map\": {\"a\": " + deepArray(50) + "}}");
    expectFailure(train::loadNerTagger(f.string()), "index value summarised, not dumped",
                  "model.safetensors.index.json", "weight_map.a", {"an array of 1 item"});
  }
  {
    const fs::path f = copyOf(best, "max-length-1e400");
    writeText(f / "tokenizer_config.json",
              R"({"tokenizer_class": "BertTokenizer", "model_max_length": 1e400})");
    expectFailure(train::loadNerTagger(f.string()), "model_max_length 1e400", "tokenizer_config.json",
                  "model_max_length", {"number overflow"});
  }
  {
    const fs::path f = copyOf(best, "kind-number");
    editJson(f / "quarry_ner.json", [](nlohmann::json& j) { j["kind"] = 5; });
    expectFailure(train::loadNerTagger(f.string()), "quarry_ner.json kind a number", "quarry_ner.json",
                  "kind");
    editJson(f / "quarry_ner.json", [](nlohmann::json& j) {
      j["kind"] = "transformer";
      j["max_length"] = "long";
    });
    expectFailure(train::loadNerTagger(f.string()), "quarry_ner.json max_length a string", "quarry_ner.json",
                  "max_length");
    editJson(f / "quarry_ner.json", [](nlohmann::json& j) {
      j["max_length"] = 32;
      j["stride"] = -3;
    });
    expectFailure(train::loadNerTagger(f.string()), "quarry_ner.json negative stride", "quarry_ner.json",
                  "stride");
  }
  {
    const fs::path f = copyOf(best, "format-999");
    editJson(f / "quarry_ner.json", [](nlohmann::json& j) { j["format_version"] = 999; });
    expectFailure(train::loadNerTagger(f.string()), "quarry_ner.json from a newer Quarry", "quarry_ner.json",
                  "format_version", {"newer"});
    editJson(f / "quarry_ner.json", [](nlohmann::json& j) { j["format_version"] = "1"; });
    expectFailure(train::loadNerTagger(f.string()), "quarry_ner.json format_version a string",
                  "quarry_ner.json", "format_version");
  }
}

void configSizes(const fs::path& best) {
  struct Case {
    const char* what;
    const char* key;
    nlohmann::json value;
    std::string file;   // the file the Error names
    std::string field;  // and the field
  };
  const Case cases[] = {
      {"hidden_size 10^12", "hidden_size", 1000000000000LL, "config.json", "hidden_size"},
      {"num_hidden_layers 10^7", "num_hidden_layers", 10000000, "config.json", "num_hidden_layers"},
      {"num_hidden_layers beyond the weights", "num_hidden_layers", 6, "config.json", "num_hidden_layers"},
      {"intermediate_size beyond the weights", "intermediate_size", 4096, "model.safetensors",
       "bert.encoder.layer.0.intermediate.dense.weight"},
      {"vocab_size beyond the weights", "vocab_size", 5000000, "model.safetensors",
       "bert.embeddings.word_embeddings.weight"},
      {"type_vocab_size 0", "type_vocab_size", 0, "config.json", "type_vocab_size"},
      {"num_labels 10^12", "num_labels", 1000000000000LL, "config.json", "num_labels"},
  };
  for (const Case& c : cases) {
    const fs::path f = copyOf(best, std::string("config-") + c.key);
    editJson(f / "config.json", [&](nlohmann::json& j) { j[c.key] = c.value; });
    expectFailure(train::loadNerTagger(f.string()), c.what, c.file, c.field);
  }
}

void randomEncoder(const fs::path& root) {
  auto big =
      train::TrainConfig::fromJson({{"model", "transformer"}, {"random_hidden", 1000000}}, "train.json");
  expectFailure(big, "training config random_hidden 10^6", "train.json", "random_hidden");
  // Each size within its limit, together about 50 billion weights: refused before anything is allocated.
  train::TrainConfig c;
  c.kind = train::ModelKind::Transformer;
  c.tokenizerFolder = (root / "tokenizer").string();
  c.randomLayers = 64;
  c.randomHidden = 8192;
  c.randomHeads = 8;
  c.randomIntermediate = 32768;
  c.maxLength = 32;
  c.stride = 8;
  const train::TagSet tags({"DRUG"}, train::TagEncoding::IOB2);
  expectFailure(train::createNerTagger(c, tags, {}), "a random encoder of 50 billion weights",
                "random encoder", "num_hidden_layers", {"million weights"});
}

void vocabulary(const fs::path& best) {
  {
    const fs::path f = copyOf(best, "vocab-too-long");
    std::ofstream(f / "vocab.txt", std::ios::app) << "extra1\nextra2\nextra3\n";
    expectFailure(train::loadNerTagger(f.string()), "vocab.txt longer than the embedding", "vocab.txt",
                  "vocab_size", {"rows"});
  }
  {
    const fs::path f = copyOf(best, "vocab-bad-utf8");
    std::string text = readText(f / "vocab.txt");
    text.insert(text.find("given"), "\xff\xfe");
    writeText(f / "vocab.txt", text);
    auto r = train::loadNerTagger(f.string());
    expectFailure(r, "vocab.txt with invalid UTF-8", "vocab.txt", "", {"UTF-8"});
    QCHECK(!r.ok() && r.error().line == 7, "the error names line 7, got " << (r ? 0 : r.error().line));
  }
}

void weights(const fs::path& best) {
  {
    const fs::path f = copyOf(best, "no-encoder-tensor");
    editWeights(f, [](model::StateDict& sd) { sd.erase("bert.encoder.layer.0.output.dense.weight"); });
    expectFailure(train::loadNerTagger(f.string()), "an encoder tensor missing", "model.safetensors",
                  "bert.encoder.layer.0.output.dense.weight", {"missing"});
  }
  {
    // Fine-tuning a Quarry folder on other tags (train --model) replaces its head; a tensor missing from it
    // is still damage, not something to initialise.
    train::TrainConfig c;
    c.kind = train::ModelKind::Transformer;
    c.modelFolder = best.string();
    c.maxLength = 32;
    c.stride = 8;
    const train::TagSet other({"DISEASE", "DRUG"}, train::TagEncoding::IOB2);
    auto fine = train::createNerTagger(c, other, {});
    QCHECK(fine.ok(), "a Quarry folder fine-tunes on other tags: " << (fine ? "" : fine.error().toString()));
    c.modelFolder = (best.parent_path() / "no-encoder-tensor").string();
    expectFailure(train::createNerTagger(c, other, {}), "fine-tuning a Quarry folder missing a tensor",
                  "model.safetensors", "bert.encoder.layer.0.output.dense.weight", {"missing"});
  }
  {
    const fs::path f = copyOf(best, "no-classifier");
    editWeights(f, [](model::StateDict& sd) { sd.erase("classifier.weight"); });
    expectFailure(train::loadNerTagger(f.string()), "the classifier missing", "model.safetensors",
                  "classifier.weight", {"missing"});
  }
  {
    const fs::path f = copyOf(best, "classifier-other-size");
    editWeights(f, [](model::StateDict& sd) { sd["classifier.weight"] = at::zeros({7, 16}); });
    expectFailure(train::loadNerTagger(f.string()), "a classifier of another size", "model.safetensors",
                  "classifier.weight");
  }
  {
    const fs::path f = copyOf(best, "float-as-int");
    editWeights(f, [](model::StateDict& sd) {
      at::Tensor& t = sd.at("bert.encoder.layer.0.attention.self.query.weight");
      t = t.to(at::kInt);
    });
    expectFailure(train::loadNerTagger(f.string()), "an F32 tensor stored as I32", "model.safetensors",
                  "bert.encoder.layer.0.attention.self.query.weight", {"Int"});
  }
  {
    const fs::path f = copyOf(best, "extra-tensor");
    editWeights(f,
                [](model::StateDict& sd) { sd["bert.encoder.layer.7.output.dense.bias"] = at::zeros({16}); });
    expectFailure(train::loadNerTagger(f.string()), "a tensor of a layer the config lacks",
                  "model.safetensors", "*");
  }
  // The same folder with pytorch_model.bin instead of model.safetensors loads; damaged archives do not.
  const fs::path bin = copyOf(best, "as-bin");
  auto sd = model::SafetensorsFile::read((bin / "model.safetensors").string());
  QCHECK(sd.ok(), "read the weights");
  if (!sd) return;
  fs::remove(bin / "model.safetensors");
  QCHECK(model::PytorchBinFile::write((bin / "pytorch_model.bin").string(), sd->tensors).ok(), "write .bin");
  auto good = train::loadNerTagger(bin.string());
  QCHECK(good.ok(), "the folder loads from pytorch_model.bin: " << (good ? "" : good.error().toString()));
}

void pytorchArchives(const quarry::test::TempDir& tmp) {
  using quarry::test::PickleTensorSpec;
  std::string floats;
  for (int i = 0; i < 6; ++i) floats.append("\0\0\x80\x3f", 4);  // 1.0f
  const PickleTensorSpec base{"w", "0", "FloatStorage", 6, 0, {2, 3}, {3, 1}};
  auto archive = [&](PickleTensorSpec t, const std::string& record) {
    return quarry::test::torchArchive(quarry::test::stateDictPickle({t}), {{"0", record}});
  };
  auto parse = [&](const std::string& bytes, const std::string& name) {
    const std::string path = tmp.file(name);
    writeText(path, bytes);
    return model::PytorchBinFile::read(path);
  };
  auto ok = parse(archive(base, floats), "good.bin");
  QCHECK(ok.ok() && ok->tensors.at("w").sum().item<float>() == 6.0f,
         "a hand-made archive reads: " << (ok ? "" : ok.error().toString()));

  PickleTensorSpec offset = base;
  offset.offset = 0x7fffff00;
  expectFailure(parse(archive(offset, floats), "offset.bin"), "storage offset 0x7fffff00", "offset.bin", "w",
                {"runs past its storage"});
  PickleTensorSpec big = base;
  big.sizes = {2, 4};
  expectFailure(parse(archive(big, floats), "sizes.bin"), "a view larger than its storage", "sizes.bin", "w",
                {"runs past its storage"});
  expectFailure(parse(archive(base, floats.substr(0, 10)), "record10.bin"), "a record truncated to 10 bytes",
                "record10.bin", "w", {"truncated"});
  PickleTensorSpec claims = base;
  claims.storageNumel = 1 << 30;
  expectFailure(parse(archive(claims, floats), "numel.bin"), "a storage claiming 2^30 values", "numel.bin",
                "w", {"truncated"});
  // One storage described as 6 floats by one tensor and 12 halves by another (same 24 bytes): the second view
  // must not be taken of the first's storage.
  PickleTensorSpec halves = base;
  halves.name = "h";
  halves.storageType = "HalfStorage";
  halves.storageNumel = 12;
  halves.sizes = {12};
  halves.strides = {1};
  expectFailure(
      parse(quarry::test::torchArchive(quarry::test::stateDictPickle({base, halves}), {{"0", floats}}),
            "retyped.bin"),
      "a storage shared under two types", "retyped.bin", "h", {"described differently"});
  // A million nested tuples (EMPTY_TUPLE, then TUPLE1 a million times) as the dict's value.
  std::string nested = "\x80\x02}(";
  quarry::test::pickleString(nested, "w");
  nested += ")" + std::string(1000000, '\x85') + "u.";
  expectFailure(parse(quarry::test::torchArchive(nested, {}), "nested.bin"), "a million nested tuples",
                "nested.bin", "", {"nested more than"});
  std::string flipped = archive(base, floats);
  flipped[flipped.find(floats) + 2] ^= 0x01;
  expectFailure(parse(flipped, "crc.bin"), "a flipped bit in a record", "crc.bin", "", {"checksum"});
  std::string evil = "\x80\x02}(";
  quarry::test::pickleString(evil, "w");
  evil += "cos\nsystem\n(";
  quarry::test::pickleString(evil, "ls");
  evil += "tRu.";
  auto skipped = parse(quarry::test::torchArchive(evil + "", {}), "global.bin");
  expectFailure(skipped, "os.system is never called", "global.bin", "", {"no tensors"});
}

void tokenizerJson(const quarry::test::TempDir& tmp) {
  const std::string base = R"({"model": {"type": "WordPiece", "unk_token": "[UNK]",
      "vocab": {"[UNK]": 0, "[CLS]": 1, "[SEP]": 2, "a": 3}},
    "normalizer": {"type": "BertNormalizer"}, "pre_tokenizer": {"type": "BertPreTokenizer"},
    "post_processor": {"type": "BertProcessing", "cls": ["[CLS]", 1], "sep": ["[SEP]", 2]},
    "added_tokens": [ADDED]})";
  struct Case {
    const char* what;
    std::string added;
    std::string field;
  };
  const Case cases[] = {
      {"rstrip a string", R"({"id": 0, "content": "[UNK]", "rstrip": "yes"})", "added_tokens[0].rstrip"},
      {"special a number", R"({"id": 0, "content": "[UNK]"}, {"id": 1, "content": "[CLS]", "special": 2})",
       "added_tokens[1].special"},
      {"negative id", R"({"id": -5, "content": "[UNK]"})", "added_tokens[0].id"},
      {"not an object", R"(17)", "added_tokens[0]"},
  };
  for (const Case& c : cases) {
    std::string text = base;
    text.replace(text.find("ADDED"), 5, c.added);
    const std::string path = tmp.file("tokenizer.json");
    writeText(path, text);
    expectFailure(text::loadHfTokenizerJson(path), std::string("tokenizer.json: ") + c.what, "tokenizer.json",
                  c.field);
  }
  std::string text = base;
  text.replace(text.find("ADDED"), 5, "");
  text.replace(text.find("\"normalizer\": {"), 15, "\"normalizer\": {\"lowercase\": \"no\", ");
  writeText(tmp.file("tokenizer.json"), text);
  expectFailure(text::loadHfTokenizerJson(tmp.file("tokenizer.json")), "tokenizer.json: lowercase a string",
                "tokenizer.json", "normalizer.lowercase");
}

}  // namespace

// With an argument, runs only the section of that name (to see one section fail against older code).
int main(int argc, char** argv) {
  const std::string only = argc > 1 ? argv[1] : "";
  auto run = [&](const char* name) { return only.empty() || only == name; };
  quarry::test::TempDir tmp;
  const fs::path best = makeTagger(tmp.path());
  QCHECK(train::loadNerTagger(best.string()).ok(), "the undamaged folder loads");
  if (run("json")) jsonFiles(best);
  if (run("config")) configSizes(best);
  if (run("random")) randomEncoder(tmp.path());
  if (run("vocabulary")) vocabulary(best);
  if (run("weights")) weights(best);
  if (run("archives")) pytorchArchives(tmp);
  if (run("tokenizer")) tokenizerJson(tmp);
  return quarry::test::finish("test_hostile_models");
}
