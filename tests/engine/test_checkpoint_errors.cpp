// Broken files and wrong folders, built here: each must give an Error whose text names the file and the
// tensor or field at fault, never a crash or a half-read model.

#include <filesystem>
#include <fstream>
#include <iostream>

#include <ATen/ops/arange.h>

#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/checkpoint/PytorchBinFile.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "test_checkpoint_util.h"

using namespace quarry;
using namespace quarry::model;
using quarry::test::contains;
namespace fs = std::filesystem;

namespace {

void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string le64(std::uint64_t n) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  return out;
}

// A safetensors file from a header text and a data section; `declared` overrides the length prefix.
std::string safetensors(const std::string& header, std::size_t dataBytes, std::int64_t declared = -1) {
  const std::uint64_t n = declared >= 0 ? static_cast<std::uint64_t>(declared) : header.size();
  return le64(n) + header + std::string(dataBytes, '\x01');
}

// Expects `result` to fail with a message containing the file name and each of `parts`.
template <typename R>
void expectError(const R& result, const std::string& what, const std::string& file,
                 const std::vector<std::string>& parts) {
  if (result.ok()) {
    QCHECK(false, what << ": expected an error, got success");
    return;
  }
  const std::string text = result.error().toString();
  QCHECK(contains(text, file), what << ": error does not name " << file << ": " << text);
  for (const auto& p : parts) QCHECK(contains(text, p), what << ": error lacks '" << p << "': " << text);
  std::cout << "  ok " << what << " -> " << text << "\n";
}

void safetensorsErrors(const quarry::test::TempDir& tmp) {
  const std::string good =
      R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})";
  {
    const std::string f = tmp.file("good.safetensors");
    writeBytes(f, safetensors(good, 16));
    auto r = SafetensorsFile::read(f);
    QCHECK(r.ok() && r->tensors.size() == 2,
           "a hand-made valid file reads: " << (r.ok() ? "" : r.error().toString()));
  }
  struct Case {
    const char* what;
    std::string bytes;
    std::vector<std::string> parts;
  };
  const std::vector<Case> cases = {
      {"truncated data", safetensors(good, 12), {"b.data_offsets", "truncated"}},
      {"shorter than the length prefix",
       std::string("\x10\x00\x00", 3),
       {"header", "shorter than the 8-byte"}},
      {"header length past EOF", safetensors(good, 16, 1000000), {"header", "runs past the end of the file"}},
      {"header length over 100 MB", safetensors(good, 16, 200000000), {"header", "100 MB"}},
      {"overlapping ranges",
       safetensors(
           R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})",
           16),
       {"b.data_offsets", "overlaps", "'a'"}},
      {"wrong size for shape",
       safetensors(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8),
       {"a.data_offsets", "needs 12"}},
      {"unknown dtype",
       safetensors(R"({"a":{"dtype":"Q4","shape":[2],"data_offsets":[0,8]}})", 8),
       {"a.dtype", "unsupported dtype 'Q4'"}},
      {"bad JSON", safetensors(R"({"a":{"dtype":"F32",)", 8), {"header", "not valid JSON"}},
      {"header not an object", safetensors("[1,2,3]", 0), {"header", "not an object"}},
      {"hole between tensors",
       safetensors(
           R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
           12),
       {"b.data_offsets", "belong to no tensor"}},
      {"trailing bytes", safetensors(good, 20), {"b.data_offsets", "4 bytes after the last tensor"}},
      {"begin after end",
       safetensors(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8),
       {"a.data_offsets", "begin is after end"}},
      {"negative dimension",
       safetensors(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8),
       {"a.shape", "non-negative"}},
      {"missing data_offsets", safetensors(R"({"a":{"dtype":"F32","shape":[2]}})", 8), {"a.data_offsets"}},
      {"duplicate tensor name",
       safetensors(
           R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
           8),
       {"twice", "a"}},
      {"metadata not strings",
       safetensors(R"({"__metadata__":{"format":1},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})",
                   4),
       {"__metadata__.format"}},
  };
  for (const auto& c : cases) {
    const std::string f = tmp.file(std::string("case-") + std::to_string(&c - cases.data()) + ".safetensors");
    writeBytes(f, c.bytes);
    expectError(SafetensorsFile::read(f), std::string("safetensors: ") + c.what, f, c.parts);
    // The in-memory parser applies the same checks.
    expectError(SafetensorsFile::parse(c.bytes.data(), c.bytes.size(), f), std::string("parse: ") + c.what, f,
                c.parts);
  }
  expectError(SafetensorsFile::read(tmp.file("absent.safetensors")), "safetensors: absent file",
              "absent.safetensors", {"no such file"});
}

void binErrors(const quarry::test::TempDir& tmp) {
  const std::string text = tmp.file("text.bin");
  writeBytes(text, "this is not a checkpoint\n");
  expectError(PytorchBinFile::read(text), "bin: not a zip", text, {"not a PyTorch checkpoint"});

  const std::string legacy = tmp.file("legacy.bin");
  writeBytes(legacy, std::string("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.", 15));
  expectError(PytorchBinFile::read(legacy), "bin: legacy format", legacy, {"legacy", "PyTorch < 1.6"});

  // A real archive written here, then cut short.
  const std::string whole = tmp.file("whole.bin");
  StateDict sd{{"w", at::arange(1000).to(at::kFloat)}};
  QCHECK(PytorchBinFile::write(whole, sd).ok(), "writing a .bin");
  auto back = PytorchBinFile::read(whole);
  QCHECK(back.ok() && back->tensors.size() == 1 && quarry::test::bitEqual(back->tensors.at("w"), sd.at("w")),
         "bin write/read round trip");
  std::ifstream in(whole, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string truncated = tmp.file("truncated.bin");
  writeBytes(truncated, bytes.substr(0, bytes.size() / 2));
  expectError(PytorchBinFile::read(truncated), "bin: truncated", truncated, {"truncated, damaged"});
}

std::string bertConfig(const std::string& overrides) {
  return R"({"model_type":"bert","hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,)"
         R"("intermediate_size":16,"vocab_size":10,"max_position_embeddings":16)" +
         overrides + "}";
}

void folderErrors(const quarry::test::TempDir& tmp) {
  expectError(readCheckpoint(tmp.file("nowhere")), "folder: absent", "nowhere", {"no such folder"});
  const std::string aFile = tmp.file("text.bin");
  expectError(readCheckpoint(aFile), "folder: a file", aFile, {"this is a file"});

  const fs::path noConfig = tmp.path() / "no-config";
  fs::create_directories(noConfig);
  expectError(readCheckpoint(noConfig.string()), "folder: no config.json", noConfig.string(),
              {"config.json is missing"});

  const fs::path configFolder = tmp.path() / "config-folder";
  fs::create_directories(configFolder / "config.json");
  expectError(readCheckpoint(configFolder.string()), "folder: config.json a folder",
              (configFolder / "config.json").string(), {"is a folder, not a file"});

  const fs::path noWeights = tmp.path() / "no-weights";
  fs::create_directories(noWeights);
  writeBytes((noWeights / "config.json").string(), bertConfig(""));
  expectError(readCheckpoint(noWeights.string()), "folder: no weights", noWeights.string(), {"no weights"});

  const fs::path badWeights = tmp.path() / "bad-weights";
  fs::create_directories(badWeights);
  writeBytes((badWeights / "config.json").string(), bertConfig(""));
  writeBytes((badWeights / "model.safetensors").string(), "<html>404 Not Found</html>");
  expectError(readCheckpoint(badWeights.string()), "folder: html as safetensors",
              (badWeights / "model.safetensors").string(), {"header"});

  const fs::path gpt = tmp.path() / "gpt2";
  fs::create_directories(gpt);
  const std::string gptConfig = (gpt / "config.json").string();
  writeBytes(gptConfig, R"({"model_type":"gpt2","n_embd":8})");
  expectError(
      readCheckpoint(gpt.string()), "config: unsupported model_type", gptConfig,
      {"model_type", "model_type 'gpt2' is not supported; supported: bert, roberta, distilbert, electra"});

  struct ConfigCase {
    const char* what;
    std::string json;
    std::vector<std::string> parts;
  };
  const std::vector<ConfigCase> configCases = {
      {"hidden_size a string", bertConfig(R"(,"hidden_size":"big")"), {"hidden_size", "expected an integer"}},
      {"heads do not divide", bertConfig(R"(,"num_attention_heads":3)"), {"num_attention_heads", "multiple"}},
      {"id2label key not an int", bertConfig(R"(,"id2label":{"x":"A"})"), {"id2label", "key 'x'"}},
      {"id2label gap", bertConfig(R"(,"id2label":{"0":"A","2":"B"})"), {"id2label", "id 1 is missing"}},
      {"dropout negative", bertConfig(R"(,"hidden_dropout_prob":-1)"), {"hidden_dropout_prob"}},
      {"not JSON", "{model_type: bert", {"not valid JSON"}},
      {"no model_type", R"({"hidden_size":8})", {"model_type", "missing"}},
      {"pad id outside vocab",
       bertConfig(R"(,"pad_token_id":10)"),
       {"pad_token_id", "outside the vocabulary"}},
      {"unknown activation",
       bertConfig(R"(,"hidden_act":"swish-9")"),
       {"hidden_act", "unsupported activation"}},
  };
  for (const auto& c : configCases) {
    const std::string f = tmp.file("config-" + std::to_string(&c - configCases.data()) + ".json");
    writeBytes(f, c.json);
    expectError(ModelConfig::load(f), std::string("config: ") + c.what, f, c.parts);
  }

  // A shard index pointing outside the folder, and one naming a tensor its shard lacks.
  const fs::path sharded = tmp.path() / "sharded";
  fs::create_directories(sharded);
  writeBytes((sharded / "config.json").string(), bertConfig(""));
  const std::string index = (sharded / "model.safetensors.index.json").string();
  writeBytes(index, R"({"weight_map":{"a":"../good.safetensors"}})");
  expectError(readCheckpoint(sharded.string()), "index: path outside", index,
              {"weight_map.a", "not a file name"});
  fs::copy_file(tmp.file("good.safetensors"), sharded / "part1.safetensors");
  writeBytes(index, R"({"weight_map":{"a":"part1.safetensors","zz":"part1.safetensors"}})");
  expectError(readCheckpoint(sharded.string()), "index: tensor absent from shard", index,
              {"weight_map.zz", "does not hold it"});
  writeBytes(index, R"({"weight_map":{"a":"part1.safetensors","b":"part1.safetensors"}})");
  auto ok = readCheckpoint(sharded.string());
  QCHECK(ok.ok() && ok->weights.size() == 2,
         "a valid sharded index reads: " << (ok.ok() ? "" : ok.error().toString()));
}

}  // namespace

int main() {
  quarry::test::TempDir tmp;
  safetensorsErrors(tmp);
  binErrors(tmp);
  folderErrors(tmp);
  return quarry::test::finish("test_checkpoint_errors");
}
