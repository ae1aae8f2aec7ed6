#include "text/HfTokenizerJson.h"

#include "text/BertWordPieceTokenizer.h"
#include "text/ByteLevelBpeTokenizer.h"
#include "text/JsonFile.h"

namespace quarry::text {

namespace {

using nlohmann::json;

std::string typeOf(const json& j) {
  if (!j.is_object()) return {};
  auto t = j.find("type");
  return (t != j.end() && t->is_string()) ? t->get<std::string>() : std::string();
}

Result<std::vector<AddedToken>> readAddedTokens(const json& root, const std::string& file) {
  std::vector<AddedToken> out;
  auto it = root.find("added_tokens");
  if (it == root.end() || it->is_null()) return out;
  if (!it->is_array()) return Error("expected an array", file, 0, "added_tokens");
  for (const auto& t : *it) {
    if (!t.is_object() || !t.contains("id") || !t["id"].is_number_integer() || !t.contains("content") ||
        !t["content"].is_string())
      return Error("every added token needs an integer \"id\" and a string \"content\"", file, 0,
                   "added_tokens");
    AddedToken a;
    a.id = t["id"].get<TokenId>();
    a.content = t["content"].get<std::string>();
    a.lstrip = t.value("lstrip", false);
    a.rstrip = t.value("rstrip", false);
    a.special = t.value("special", false);
    out.push_back(std::move(a));
  }
  return out;
}

// The (token, id) of a BertProcessing / RobertaProcessing "cls" or "sep" field.
Result<std::pair<std::string, TokenId>> tokenPair(const json& pp, const char* key, const std::string& file) {
  auto it = pp.find(key);
  if (it == pp.end() || !it->is_array() || it->size() != 2 || !(*it)[0].is_string() ||
      !(*it)[1].is_number_integer())
    return Error("expected [token, id]", file, 0, std::string("post_processor.") + key);
  return std::make_pair((*it)[0].get<std::string>(), (*it)[1].get<TokenId>());
}

Result<PostTemplate> readTemplate(const json& pp, const std::string& file) {
  PostTemplate t;
  const auto specials = pp.value("special_tokens", json::object());
  for (const char* which : {"single", "pair"}) {
    auto it = pp.find(which);
    if (it == pp.end() || !it->is_array())
      return Error("expected an array", file, 0, std::string("post_processor.") + which);
    auto& items = std::string(which) == "single" ? t.single : t.pair;
    for (const auto& item : *it) {
      TemplateItem ti;
      if (item.contains("SpecialToken")) {
        const auto& s = item["SpecialToken"];
        ti.kind = TemplateItem::Kind::Special;
        ti.token = s.value("id", std::string());
        ti.typeId = s.value("type_id", 0);
        auto sp = specials.find(ti.token);
        if (sp == specials.end() || !sp->contains("ids") || (*sp)["ids"].size() != 1)
          return Error("special token \"" + ti.token + "\" has no single id in special_tokens", file, 0,
                       "post_processor.special_tokens");
        ti.id = (*sp)["ids"][0].get<TokenId>();
      } else if (item.contains("Sequence")) {
        const auto& s = item["Sequence"];
        ti.kind = s.value("id", std::string("A")) == "B" ? TemplateItem::Kind::SequenceB
                                                         : TemplateItem::Kind::SequenceA;
        ti.typeId = s.value("type_id", 0);
      } else {
        return Error("unknown template item", file, 0, std::string("post_processor.") + which);
      }
      items.push_back(std::move(ti));
    }
  }
  return t;
}

Result<std::unique_ptr<Tokenizer>> loadWordPiece(const json& root, const std::string& file,
                                                 std::vector<AddedToken> added) {
  const json& model = root["model"];
  BertOptions o;
  o.unk = model.value("unk_token", std::string("[UNK]"));
  o.continuingPrefix = model.value("continuing_subword_prefix", std::string("##"));
  o.maxInputCharsPerWord = model.value("max_input_chars_per_word", 100u);
  const json norm = root.value("normalizer", json());
  if (!norm.is_null()) {
    if (typeOf(norm) != "BertNormalizer")
      return Error("unsupported normalizer \"" + typeOf(norm) + "\" (only BertNormalizer)", file, 0,
                   "normalizer.type");
    auto clean = jsonfield::getBool(norm, "clean_text", true, file);
    auto cjk = jsonfield::getBool(norm, "handle_chinese_chars", true, file);
    auto lower = jsonfield::getBool(norm, "lowercase", true, file);
    auto strip = jsonfield::getOptionalBool(norm, "strip_accents", file);
    if (!clean) return clean.error();
    if (!cjk) return cjk.error();
    if (!lower) return lower.error();
    if (!strip) return strip.error();
    o.cleanText = *clean, o.tokenizeChineseChars = *cjk, o.lowercase = *lower, o.stripAccents = *strip;
  } else {
    o.cleanText = false, o.tokenizeChineseChars = false, o.lowercase = false, o.stripAccents = false;
  }
  const std::string pre = typeOf(root.value("pre_tokenizer", json()));
  if (pre != "BertPreTokenizer" && pre != "WhitespaceSplit")
    return Error("unsupported pre_tokenizer \"" + pre + "\" for WordPiece", file, 0, "pre_tokenizer.type");
  o.doBasicTokenize = pre == "BertPreTokenizer";

  const json pp = root.value("post_processor", json());
  std::optional<PostTemplate> tmpl;
  if (typeOf(pp) == "BertProcessing") {
    auto cls = tokenPair(pp, "cls", file);
    if (!cls) return cls.error();
    auto sep = tokenPair(pp, "sep", file);
    if (!sep) return sep.error();
    o.cls = cls->first, o.sep = sep->first;
  } else if (typeOf(pp) == "TemplateProcessing") {
    auto t = readTemplate(pp, file);
    if (!t) return t.error();
    tmpl = t.value();
    // The first special of the single template plays [CLS], the last one [SEP].
    std::vector<std::string> specials;
    for (const auto& i : tmpl->single)
      if (i.kind == TemplateItem::Kind::Special) specials.push_back(i.token);
    if (!specials.empty()) o.cls = specials.front(), o.sep = specials.back();
  } else if (!pp.is_null()) {
    return Error("unsupported post_processor \"" + typeOf(pp) + "\" for WordPiece", file, 0,
                 "post_processor.type");
  }
  // [PAD] / [MASK] exist only as added tokens in tokenizer.json.
  o.pad.clear();
  o.mask.clear();
  for (const auto& a : added) {
    if (a.content == "[PAD]") o.pad = a.content;
    if (a.content == "[MASK]") o.mask = a.content;
  }
  o.extraAdded = std::move(added);
  if (!model.contains("vocab") || !model["vocab"].is_object())
    return Error("expected an object of token -> id", file, 0, "model.vocab");
  std::unordered_map<std::string, TokenId> map;
  for (const auto& [k, v] : model["vocab"].items()) {
    if (!v.is_number_integer()) return Error("a token id is not an integer", file, 0, "model.vocab." + k);
    map[k] = v.get<TokenId>();
  }
  auto vocab = Vocab::fromMap(std::move(map), file);
  if (!vocab) return vocab.error();
  auto t = BertWordPieceTokenizer::create(std::move(vocab.value()), std::move(o), file);
  if (!t) return t.error();
  if (tmpl) t.value()->setPostTemplate(*tmpl);
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

Result<std::unique_ptr<Tokenizer>> loadBpe(const json& root, const std::string& file,
                                           std::vector<AddedToken> added) {
  const json& model = root["model"];
  ByteLevelBpeOptions o;
  const json pre = root.value("pre_tokenizer", json());
  const json* byteLevel = nullptr;
  if (typeOf(pre) == "ByteLevel")
    byteLevel = &pre;
  else if (typeOf(pre) == "Sequence" && pre.contains("pretokenizers"))
    for (const auto& p : pre["pretokenizers"])
      if (typeOf(p) == "ByteLevel") byteLevel = &p;
  if (!byteLevel) return Error("only ByteLevel BPE is supported", file, 0, "pre_tokenizer.type");
  o.addPrefixSpace = byteLevel->value("add_prefix_space", false);
  if (!root.value("normalizer", json()).is_null())
    return Error("a normalizer is not supported for byte-level BPE", file, 0, "normalizer");

  const json pp = root.value("post_processor", json());
  std::optional<PostTemplate> tmpl;
  if (typeOf(pp) == "RobertaProcessing") {
    auto cls = tokenPair(pp, "cls", file);
    if (!cls) return cls.error();
    auto sep = tokenPair(pp, "sep", file);
    if (!sep) return sep.error();
    o.cls = o.bos = cls->first;
    o.sep = o.eos = sep->first;
    o.trimOffsets = pp.value("trim_offsets", true);
  } else if (typeOf(pp) == "TemplateProcessing") {
    auto t = readTemplate(pp, file);
    if (!t) return t.error();
    tmpl = t.value();
  } else if (pp.is_null() || typeOf(pp) == "ByteLevel") {
    o.robertaTemplate = false;
    o.trimOffsets = pp.is_null() ? false : pp.value("trim_offsets", true);
  } else {
    return Error("unsupported post_processor \"" + typeOf(pp) + "\" for BPE", file, 0, "post_processor.type");
  }
  // Special strings the template does not name come from the added tokens.
  auto has = [&added](const std::string& s) {
    for (const auto& a : added)
      if (a.content == s) return true;
    return false;
  };
  if (!has(o.unk))
    o.unk = model.value("unk_token", json()).is_string() ? model["unk_token"].get<std::string>() : "";
  if (!has(o.pad)) o.pad.clear();
  if (!has(o.mask)) o.mask.clear();
  o.maskLstrip = false;  // taken from the added token itself
  o.extraAdded = std::move(added);

  if (!model.contains("vocab") || !model["vocab"].is_object())
    return Error("expected an object of token -> id", file, 0, "model.vocab");
  std::unordered_map<std::string, TokenId> map;
  for (const auto& [k, v] : model["vocab"].items()) {
    if (!v.is_number_integer()) return Error("a token id is not an integer", file, 0, "model.vocab." + k);
    map[k] = v.get<TokenId>();
  }
  auto vocab = Vocab::fromMap(std::move(map), file);
  if (!vocab) return vocab.error();
  std::vector<std::pair<std::string, std::string>> merges;
  if (!model.contains("merges") || !model["merges"].is_array())
    return Error("expected an array of merges", file, 0, "model.merges");
  for (const auto& m : model["merges"]) {
    if (m.is_string()) {
      const auto s = m.get<std::string>();
      const auto sp = s.find(' ');
      if (sp == std::string::npos)
        return Error("a merge is not \"left right\": " + s, file, 0, "model.merges");
      merges.emplace_back(s.substr(0, sp), s.substr(sp + 1));
    } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
      merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
    } else {
      return Error("a merge is neither \"left right\" nor [left, right]", file, 0, "model.merges");
    }
  }
  if (tmpl) o.robertaTemplate = false;
  auto t = ByteLevelBpeTokenizer::create(std::move(vocab.value()), merges, std::move(o), file);
  if (!t) return t.error();
  if (tmpl) t.value()->setPostTemplate(*tmpl);
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

}  // namespace

Result<std::unique_ptr<Tokenizer>> loadHfTokenizerJson(const std::filesystem::path& path) {
  const std::string file = path.string();
  auto root = readJsonFile(path);
  if (!root) return root.error();
  if (!root->is_object() || !root->contains("model") || !(*root)["model"].is_object())
    return Error("no \"model\" object", file, 0, "model");
  auto added = readAddedTokens(*root, file);
  if (!added) return added.error();
  const std::string type = typeOf((*root)["model"]);
  if (type == "WordPiece") return loadWordPiece(*root, file, std::move(added.value()));
  if (type == "BPE") return loadBpe(*root, file, std::move(added.value()));
  return Error("unsupported model type \"" + type + "\" (WordPiece or BPE)", file, 0, "model.type");
}

}  // namespace quarry::text
