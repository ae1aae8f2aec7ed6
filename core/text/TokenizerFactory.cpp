#include "text/TokenizerFactory.h"

#include <set>

#include "common/Log.h"
#include "text/BertWordPieceTokenizer.h"
#include "text/ByteLevelBpeTokenizer.h"
#include "text/HfTokenizerJson.h"
#include "text/JsonFile.h"
#include "text/SentencePieceTokenizer.h"

namespace quarry::text {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

enum class Family { Unknown, Bert, Bpe, XlmR, Deberta };

Family familyOfClass(std::string cls) {
  if (cls.size() > 4 && cls.compare(cls.size() - 4, 4, "Fast") == 0) cls.resize(cls.size() - 4);
  static const std::set<std::string> bert = {
      "BertTokenizer",       "DistilBertTokenizer", "ElectraTokenizer",
      "MobileBertTokenizer", "LayoutLMTokenizer",   "SqueezeBertTokenizer",
      "FunnelTokenizer",     "MPNetTokenizer",      "RetriBertTokenizer"};
  static const std::set<std::string> bpe = {"RobertaTokenizer", "GPT2Tokenizer", "BartTokenizer",
                                            "LongformerTokenizer", "BlenderbotTokenizer"};
  if (bert.count(cls)) return Family::Bert;
  if (bpe.count(cls)) return Family::Bpe;
  if (cls == "XLMRobertaTokenizer" || cls == "CamembertTokenizer") return Family::XlmR;
  if (cls == "DebertaV2Tokenizer") return Family::Deberta;
  return Family::Unknown;
}

Family familyOfModelType(const std::string& t) {
  if (t == "bert" || t == "distilbert" || t == "electra" || t == "mobilebert") return Family::Bert;
  if (t == "roberta" || t == "gpt2" || t == "bart" || t == "longformer") return Family::Bpe;
  if (t == "xlm-roberta" || t == "camembert") return Family::XlmR;
  if (t == "deberta-v2") return Family::Deberta;
  return Family::Unknown;
}

Result<int> maxLength(const json& cfg, const std::string& file) {
  auto n = jsonfield::getInt(cfg, "model_max_length", 0, file);
  if (!n) return n.error();
  // transformers writes int(1e30) for "no limit".
  return (*n <= 0 || *n > 1'000'000) ? 0 : static_cast<int>(*n);
}

Result<std::unique_ptr<Tokenizer>> loadBert(const fs::path& folder, const json& cfg,
                                            const std::string& cfgFile) {
  const fs::path vocab = folder / "vocab.txt";
  if (!fs::exists(vocab)) {
    if (fs::exists(folder / "tokenizer.json")) return loadHfTokenizerJson(folder / "tokenizer.json");
    return Error("vocab.txt not found (a BERT-style tokenizer needs it)", vocab.string());
  }
  BertOptions o;
  auto lower = jsonfield::getBool(cfg, "do_lower_case", true, cfgFile);
  if (!lower) return lower.error();
  auto strip = jsonfield::getOptionalBool(cfg, "strip_accents", cfgFile);
  if (!strip) return strip.error();
  auto cjk = jsonfield::getBool(cfg, "tokenize_chinese_chars", true, cfgFile);
  if (!cjk) return cjk.error();
  auto basic = jsonfield::getBool(cfg, "do_basic_tokenize", true, cfgFile);
  if (!basic) return basic.error();
  o.lowercase = *lower, o.stripAccents = *strip, o.tokenizeChineseChars = *cjk, o.doBasicTokenize = *basic;
  if (auto it = cfg.find("never_split"); it != cfg.end() && !it->is_null()) {
    if (!it->is_array()) return Error("expected a list of strings or null", cfgFile, 0, "never_split");
    for (const auto& w : *it) {
      if (!w.is_string()) return Error("expected a list of strings or null", cfgFile, 0, "never_split");
      o.neverSplit.push_back(w.get<std::string>());
    }
  }
  for (auto [key, field] : {std::pair<const char*, std::string*>{"unk_token", &o.unk},
                            {"sep_token", &o.sep},
                            {"pad_token", &o.pad},
                            {"cls_token", &o.cls},
                            {"mask_token", &o.mask}}) {
    auto s = jsonfield::getTokenString(cfg, key, *field, cfgFile);
    if (!s) return s.error();
    *field = *s;
  }
  auto t = BertWordPieceTokenizer::fromVocabFile(vocab, std::move(o));
  if (!t) return t.error();
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

Result<std::unique_ptr<Tokenizer>> loadBpe(const fs::path& folder, const json& cfg,
                                           const std::string& cfgFile) {
  const fs::path vocab = folder / "vocab.json", merges = folder / "merges.txt";
  if (!fs::exists(vocab) || !fs::exists(merges)) {
    if (fs::exists(folder / "tokenizer.json")) return loadHfTokenizerJson(folder / "tokenizer.json");
    return Error(std::string(fs::exists(vocab) ? "merges.txt" : "vocab.json") +
                     " not found (a byte-level BPE tokenizer needs vocab.json and merges.txt)",
                 (fs::exists(vocab) ? merges : vocab).string());
  }
  ByteLevelBpeOptions o;
  auto prefix = jsonfield::getBool(cfg, "add_prefix_space", false, cfgFile);
  if (!prefix) return prefix.error();
  o.addPrefixSpace = *prefix;
  const std::string cls = cfg.value("tokenizer_class", std::string());
  o.robertaTemplate = cls.rfind("GPT2", 0) != 0;
  if (!o.robertaTemplate) o.bos = o.eos = o.unk = "<|endoftext|>", o.sep = o.cls = o.pad = o.mask = "";
  for (auto [key, field] : {std::pair<const char*, std::string*>{"bos_token", &o.bos},
                            {"eos_token", &o.eos},
                            {"sep_token", &o.sep},
                            {"cls_token", &o.cls},
                            {"unk_token", &o.unk},
                            {"pad_token", &o.pad},
                            {"mask_token", &o.mask}}) {
    auto s = jsonfield::getTokenString(cfg, key, *field, cfgFile);
    if (!s) return s.error();
    *field = *s;
  }
  o.maskLstrip = jsonfield::tokenLstrip(cfg, "mask_token", true);
  auto t = ByteLevelBpeTokenizer::fromFiles(vocab, merges, std::move(o));
  if (!t) return t.error();
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

Result<std::unique_ptr<Tokenizer>> loadSentencePiece(const fs::path& file, SentencePieceStyle style) {
  if (!fs::exists(file)) return Error(file.filename().string() + " not found", file.string());
  auto t = SentencePieceTokenizer::fromFile(file, {style});
  if (!t) return t.error();
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

}  // namespace

Result<std::unique_ptr<Tokenizer>> loadTokenizer(const fs::path& folder) {
  if (!fs::is_directory(folder)) return Error("not a folder", folder.string());
  json cfg = json::object();
  const fs::path cfgPath = folder / "tokenizer_config.json";
  const std::string cfgFile = cfgPath.string();
  if (fs::exists(cfgPath)) {
    auto j = readJsonFile(cfgPath);
    if (!j) return j.error();
    if (!j->is_object()) return Error("expected a JSON object", cfgFile);
    cfg = std::move(j.value());
  }
  Family family = Family::Unknown;
  if (auto it = cfg.find("tokenizer_class"); it != cfg.end() && !it->is_null()) {
    if (!it->is_string()) return Error("expected a string", cfgFile, 0, "tokenizer_class");
    family = familyOfClass(it->get<std::string>());
    if (family == Family::Unknown)
      log::get("text")->warn("{}: unknown tokenizer_class \"{}\", choosing by the files present", cfgFile,
                             it->get<std::string>());
  }
  if (family == Family::Unknown && fs::exists(folder / "config.json")) {
    auto model = readJsonFile(folder / "config.json");
    if (!model) return model.error();
    if (model->is_object() && model->contains("model_type") && (*model)["model_type"].is_string())
      family = familyOfModelType((*model)["model_type"].get<std::string>());
  }
  auto maxLen = maxLength(cfg, cfgFile);
  if (!maxLen) return maxLen.error();

  Result<std::unique_ptr<Tokenizer>> result = Error("no tokenizer found");
  switch (family) {
    case Family::Bert:
      result = loadBert(folder, cfg, cfgFile);
      break;
    case Family::Bpe:
      result = loadBpe(folder, cfg, cfgFile);
      break;
    case Family::XlmR:
      result = loadSentencePiece(folder / "sentencepiece.bpe.model", SentencePieceStyle::XlmRoberta);
      break;
    case Family::Deberta:
      result = loadSentencePiece(folder / "spm.model", SentencePieceStyle::DebertaV2);
      break;
    case Family::Unknown:
      if (fs::exists(folder / "tokenizer.json"))
        result = loadHfTokenizerJson(folder / "tokenizer.json");
      else if (fs::exists(folder / "vocab.txt"))
        result = loadBert(folder, cfg, cfgFile);
      else if (fs::exists(folder / "vocab.json"))
        result = loadBpe(folder, cfg, cfgFile);
      else if (fs::exists(folder / "sentencepiece.bpe.model"))
        result = loadSentencePiece(folder / "sentencepiece.bpe.model", SentencePieceStyle::XlmRoberta);
      else if (fs::exists(folder / "spm.model"))
        result = loadSentencePiece(folder / "spm.model", SentencePieceStyle::DebertaV2);
      else if (fs::exists(folder / "spiece.model"))
        result = loadSentencePiece(folder / "spiece.model", SentencePieceStyle::XlmRoberta);
      else
        result = Error(
            "no tokenizer files (tokenizer.json, vocab.txt, vocab.json + merges.txt or a SentencePiece "
            "model) in the folder",
            folder.string());
      break;
  }
  if (result && *maxLen > 0) result.value()->setModelMaxLength(*maxLen);
  return result;
}

}  // namespace quarry::text
