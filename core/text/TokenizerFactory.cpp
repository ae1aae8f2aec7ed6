#include "text/TokenizerFactory.h"

#include <set>

#include "common/JsonReader.h"
#include "common/Log.h"
#include "text/BertWordPieceTokenizer.h"
#include "text/ByteLevelBpeTokenizer.h"
#include "text/HfTokenizerJson.h"
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

Result<int> maxLength(const JsonFields& cfg) {
  // transformers writes int(1e30) for "no limit", which JSON readers take as a float.
  auto n = cfg.number("model_max_length", 0);
  if (!n) return n.error();
  return (*n <= 0 || *n > 1'000'000) ? 0 : static_cast<int>(*n);
}

// A token string, or an AddedToken object's "content"; null or absent gives `fallback`.
Result<std::string> tokenString(const JsonFields& cfg, const char* key, const std::string& fallback) {
  const json* v = cfg.find(key);
  if (!v) return fallback;
  if (v->is_string()) return v->get<std::string>();
  if (v->is_object()) {
    auto content = cfg.child(key).string("content", "");
    if (!content) return content.error();
    if (v->contains("content")) return content;
  }
  return cfg.error(key, "expected a token string or an object with \"content\", got " + jsonSummary(*v));
}

// Whether an AddedToken object says lstrip (`fallback` for plain strings).
Result<bool> tokenLstrip(const JsonFields& cfg, const char* key, bool fallback) {
  const json* v = cfg.find(key);
  if (!v || !v->is_object()) return fallback;
  return cfg.child(key).boolean("lstrip", fallback);
}

Result<std::unique_ptr<Tokenizer>> loadBert(const fs::path& folder, const JsonFields& cfg) {
  const fs::path vocab = folder / "vocab.txt";
  if (!fs::exists(vocab)) {
    if (fs::exists(folder / "tokenizer.json")) return loadHfTokenizerJson(folder / "tokenizer.json");
    return Error("vocab.txt not found (a BERT-style tokenizer needs it)", vocab.string());
  }
  BertOptions o;
  auto lower = cfg.boolean("do_lower_case", true);
  if (!lower) return lower.error();
  auto strip = cfg.optionalBoolean("strip_accents");
  if (!strip) return strip.error();
  auto cjk = cfg.boolean("tokenize_chinese_chars", true);
  if (!cjk) return cjk.error();
  auto basic = cfg.boolean("do_basic_tokenize", true);
  if (!basic) return basic.error();
  o.lowercase = *lower, o.stripAccents = *strip, o.tokenizeChineseChars = *cjk, o.doBasicTokenize = *basic;
  if (const json* it = cfg.find("never_split")) {
    if (!it->is_array()) return cfg.error("never_split", "expected a list of strings or null");
    for (const auto& w : *it) {
      if (!w.is_string()) return cfg.error("never_split", "expected a list of strings or null");
      o.neverSplit.push_back(w.get<std::string>());
    }
  }
  for (auto [key, field] : {std::pair<const char*, std::string*>{"unk_token", &o.unk},
                            {"sep_token", &o.sep},
                            {"pad_token", &o.pad},
                            {"cls_token", &o.cls},
                            {"mask_token", &o.mask}}) {
    auto s = tokenString(cfg, key, *field);
    if (!s) return s.error();
    *field = *s;
  }
  auto t = BertWordPieceTokenizer::fromVocabFile(vocab, std::move(o));
  if (!t) return t.error();
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

Result<std::unique_ptr<Tokenizer>> loadBpe(const fs::path& folder, const JsonFields& cfg) {
  const fs::path vocab = folder / "vocab.json", merges = folder / "merges.txt";
  if (!fs::exists(vocab) || !fs::exists(merges)) {
    if (fs::exists(folder / "tokenizer.json")) return loadHfTokenizerJson(folder / "tokenizer.json");
    return Error(std::string(fs::exists(vocab) ? "merges.txt" : "vocab.json") +
                     " not found (a byte-level BPE tokenizer needs vocab.json and merges.txt)",
                 (fs::exists(vocab) ? merges : vocab).string());
  }
  ByteLevelBpeOptions o;
  auto prefix = cfg.boolean("add_prefix_space", false);
  if (!prefix) return prefix.error();
  o.addPrefixSpace = *prefix;
  auto cls = cfg.string("tokenizer_class", "");
  if (!cls) return cls.error();
  o.robertaTemplate = cls->rfind("GPT2", 0) != 0;
  if (!o.robertaTemplate) o.bos = o.eos = o.unk = "<|endoftext|>", o.sep = o.cls = o.pad = o.mask = "";
  for (auto [key, field] : {std::pair<const char*, std::string*>{"bos_token", &o.bos},
                            {"eos_token", &o.eos},
                            {"sep_token", &o.sep},
                            {"cls_token", &o.cls},
                            {"unk_token", &o.unk},
                            {"pad_token", &o.pad},
                            {"mask_token", &o.mask}}) {
    auto s = tokenString(cfg, key, *field);
    if (!s) return s.error();
    *field = *s;
  }
  auto maskLstrip = tokenLstrip(cfg, "mask_token", true);
  if (!maskLstrip) return maskLstrip.error();
  o.maskLstrip = *maskLstrip;
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
  bool classNamesNoFamily = false;  // an unknown tokenizer_class: tokenizer.json decides
  const JsonFields fields(cfg, cfgFile);
  auto cls = fields.string("tokenizer_class", "");
  if (!cls) return cls.error();
  if (!cls->empty()) {
    family = familyOfClass(*cls);
    // A class Quarry does not know would be tokenized by guesswork (a vocab.txt read as WordPiece),
    // giving wrong tokens silently: refused, unless tokenizer.json (which says everything) is there, as
    // for transformers' generic PreTrainedTokenizerFast.
    if (family == Family::Unknown) {
      if (!fs::exists(folder / "tokenizer.json"))
        return fields.error("tokenizer_class",
                            "\"" + cls->substr(0, 60) +
                                "\" is not a tokenizer Quarry can load without a tokenizer.json (supported: BERT, "
                                "DistilBERT, ELECTRA and other WordPiece classes, RoBERTa/GPT-2 byte-level BPE, "
                                "XLM-RoBERTa, DeBERTa-v2/v3)");
      log::get("text")->info("{}: tokenizer_class \"{}\": reading tokenizer.json", cfgFile, cls->substr(0, 60));
      classNamesNoFamily = true;
    }
  }
  if (family == Family::Unknown && !classNamesNoFamily && fs::exists(folder / "config.json")) {
    auto model = readJsonFile(folder / "config.json");
    if (!model) return model.error();
    if (model->is_object() && model->contains("model_type") && (*model)["model_type"].is_string())
      family = familyOfModelType((*model)["model_type"].get<std::string>());
  }
  auto maxLen = maxLength(fields);
  if (!maxLen) return maxLen.error();

  Result<std::unique_ptr<Tokenizer>> result = Error("no tokenizer found");
  switch (family) {
    case Family::Bert:
      result = loadBert(folder, fields);
      break;
    case Family::Bpe:
      result = loadBpe(folder, fields);
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
        result = loadBert(folder, fields);
      else if (fs::exists(folder / "vocab.json"))
        result = loadBpe(folder, fields);
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
