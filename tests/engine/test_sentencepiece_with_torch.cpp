// SentencePiece in a program that links LibTorch (and so LibTorch's libprotobuf), as quarry and
// quarry-cli do: the DeBERTa-v3 tokenizer of the fixtures gives transformers' ids for every line of
// tokenization-deberta.jsonl, with tensors made before and after. Linking libsentencepiece here would
// crash at start-up or abort at the first model; Quarry reads it through its shim (SentencePieceLibrary).

#include <dlfcn.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "SharedData.h"
#include "text/SentencePieceLibrary.h"
#include "text/SentencePieceTokenizer.h"
#include "text/TokenizerFactory.h"

using namespace quarry::text;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The protobuf runtime LibTorch brought into the global scope (the one libsentencepiece must not use).
std::string globalProtobuf() {
  void* symbol = dlsym(RTLD_DEFAULT, "_ZN6google8protobuf8internal13VerifyVersionEiiPKc");
  Dl_info info{};
  return symbol && dladdr(symbol, &info) && info.dli_fname ? info.dli_fname : "";
}

std::vector<std::string> withoutSpecials(const Encoding& e) {
  std::vector<std::string> tokens;
  for (size_t i = 0; i < e.size(); ++i)
    if (!e.specialTokensMask[i]) tokens.push_back(e.tokens[i]);
  return tokens;
}

// Every reference line: ids, token type ids and pieces as transformers' DebertaV2Tokenizer gives them.
int checkReferences(const Tokenizer& tokenizer, const fs::path& jsonl, const std::string& name) {
  std::ifstream in(jsonl);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    const json j = json::parse(line);
    const std::string label = name + " line " + std::to_string(++lines) + " (" + j["id"].dump() + ")";
    const std::string text = j["text"];
    const bool pair = j.contains("pair_text") && !j["pair_text"].is_null();
    const std::string pairText = pair ? j["pair_text"].get<std::string>() : std::string();
    const Encoding e = pair ? tokenizer.encode(text, std::string_view(pairText)) : tokenizer.encode(text);
    EXPECT(json(e.ids) == j["ids"], label + " ids: " + json(e.ids).dump() + " expected " + j["ids"].dump());
    EXPECT(json(e.typeIds) == j["token_type_ids"], label + " token_type_ids");
    json tokens = j["tokens"];
    if (pair) tokens.insert(tokens.end(), j["pair_tokens"].begin(), j["pair_tokens"].end());
    EXPECT(json(withoutSpecials(e)) == tokens, label + " tokens: " + json(withoutSpecials(e)).dump());
  }
  return lines;
}

}  // namespace

int main() {
  const fs::path fixtures = quarry::test::fixturesDir();
  const fs::path jsonl = fixtures / "tokenization-deberta.jsonl";
  const fs::path tokenizerFolder = fixtures / "tokenizers" / "deberta-v3-base";
  const fs::path modelFolder = fixtures / "models" / "deberta-v3-sequence-classification";
  for (const fs::path& needed : {jsonl, tokenizerFolder / "spm.model", modelFolder / "spm.model"}) {
    if (!fs::exists(needed)) {
      std::printf("SKIP: %s not found (the DeBERTa-v3 fixtures; set QUARRY_SHARED_DIR)\n", needed.c_str());
      return 77;
    }
  }
  const std::string protobuf = globalProtobuf();
  std::printf("protobuf in the global scope: %s\n", protobuf.empty() ? "none" : protobuf.c_str());

  const torch::Tensor before = torch::arange(6, torch::kFloat32).reshape({2, 3});
  EXPECT(before.sum().item<float>() == 15.0F, "a tensor before any SentencePiece model");

  int lines = 0;
  std::vector<int64_t> allIds;
  // The fixtures' tokenizer folder, and a model folder as training and prediction load it.
  for (const fs::path& folder : {tokenizerFolder, modelFolder}) {
    auto tokenizer = loadTokenizer(folder);
    if (!tokenizer) {
      std::printf("FAIL: %s\n", tokenizer.error().toString().c_str());
      return 1;
    }
    EXPECT((*tokenizer)->kind() == "sentencepiece", "a SentencePiece tokenizer from " + folder.string());
    EXPECT((*tokenizer)->vocabSize() == 128001, "128,000 pieces and [MASK]");
    lines = checkReferences(**tokenizer, jsonl, folder.filename().string());
    const Encoding e = (*tokenizer)->encode("Hello world");
    allIds.insert(allIds.end(), e.ids.begin(), e.ids.end());
  }
  EXPECT(lines == 99, "99 reference lines, read " + std::to_string(lines));
  if (const auto& library = SentencePieceLibrary::shared(); library)
    std::printf("the shim: %s, isolated by %s\n", (*library)->path().c_str(),
                (*library)->isolation() == SentencePieceLibrary::Isolation::DeepBind
                    ? "RTLD_DEEPBIND"
                    : "dlmopen (sanitizer build)");
  EXPECT((allIds == std::vector<int64_t>{1, 5365, 447, 2, 1, 5365, 447, 2}),
         "Hello world = [CLS] 5365 447 [SEP]");

  // The same model from its serialized proto, laid out as XLM-R: the pieces' ids + 1, <s> ... </s>.
  std::ifstream modelFile(tokenizerFolder / "spm.model", std::ios::binary);
  const std::string proto((std::istreambuf_iterator<char>(modelFile)), std::istreambuf_iterator<char>());
  auto xlmr =
      SentencePieceTokenizer::fromSerialized(proto, {SentencePieceStyle::XlmRoberta}, "spm.model bytes");
  EXPECT(xlmr.ok(), "fromSerialized: " + (xlmr ? std::string() : xlmr.error().toString()));
  if (xlmr) {
    const Encoding x = (*xlmr)->encode("Hello world");
    EXPECT((x.ids == std::vector<int64_t>{0, 5366, 448, 2}), "XLM-R layout: " + json(x.ids).dump());
  }

  const torch::Tensor after = torch::tensor(allIds).to(torch::kFloat64);
  EXPECT(after.sum().item<double>() == 2.0 * (1 + 5365 + 447 + 2), "a tensor of the ids after the models");
  EXPECT((before * 2).sum().item<float>() == 30.0F, "the tensor made before still computes");
  std::printf("%d reference lines x 2 folders, %d failures\n", lines, quarry::test::g_failures);
  return quarry::test::g_failures ? 1 : 0;
}
