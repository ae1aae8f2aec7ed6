#include "text/HfTokenizerJson.h"

#include "common/JsonReader.h"
#include "text/BertWordPieceTokenizer.h"
#include "text/ByteLevelBpeTokenizer.h"

namespace quarry::text {

namespace {

using nlohmann::json;

// Token and type ids must fit an embedding table; these bounds only keep hostile values out.
constexpr std::int64_t kMaxTokenId = 50'000'000;
constexpr std::int64_t kMaxTypeId = 1024;

std::string typeOf(const json* j) {
  if (!j || !j->is_object()) return {};
  auto t = j->find("type");
  return (t != j->end() && t->is_string()) ? t->get<std::string>() : std::string();
}

Result<std::vector<AddedToken>> readAddedTokens(const JsonFields& root) {
  std::vector<AddedToken> out;
  const json* list = root.find("added_tokens");
  if (!list) return out;
  if (!list->is_array()) return root.error("added_tokens", "expected an array, got " + jsonSummary(*list));
  for (std::size_t i = 0; i < list->size(); ++i) {
    const JsonFields t((*list)[i], root.file(), jsonIndexPath("added_tokens", i));
    if (!t.value().is_object()) return t.error("", "expected an object, got " + jsonSummary(t.value()));
    AddedToken a;
    auto id = t.integer("id", -1, 0, kMaxTokenId);
    if (!id) return id.error();
    auto content = t.string("content", "");
    if (!content) return content.error();
    if (!t.find("id") || !t.find("content"))
      return t.error("", "every added token needs an integer \"id\" and a string \"content\"");
    auto lstrip = t.boolean("lstrip", false);
    if (!lstrip) return lstrip.error();
    auto rstrip = t.boolean("rstrip", false);
    if (!rstrip) return rstrip.error();
    auto special = t.boolean("special", false);
    if (!special) return special.error();
    a.id = *id;
    a.content = std::move(*content);
    a.lstrip = *lstrip, a.rstrip = *rstrip, a.special = *special;
    out.push_back(std::move(a));
  }
  return out;
}

// The (token, id) of a BertProcessing / RobertaProcessing "cls" or "sep" field.
Result<std::pair<std::string, TokenId>> tokenPair(const JsonFields& pp, const char* key) {
  const json* it = pp.find(key);
  if (!it || !it->is_array() || it->size() != 2 || !(*it)[0].is_string() || !(*it)[1].is_number_integer() ||
      (*it)[1].get<std::int64_t>() < 0 || (*it)[1].get<std::int64_t>() > kMaxTokenId)
    return pp.error(key, "expected [token, id] with a non-negative id");
  return std::make_pair((*it)[0].get<std::string>(), (*it)[1].get<TokenId>());
}

Result<TemplateItem> readTemplateItem(const JsonFields& item, const JsonFields& specials) {
  TemplateItem ti;
  const bool special = item.find("SpecialToken") != nullptr;
  if (!special && !item.find("Sequence")) return item.error("", "expected a SpecialToken or a Sequence item");
  const JsonFields s = item.child(special ? "SpecialToken" : "Sequence");
  auto typeId = s.integer("type_id", 0, 0, kMaxTypeId);
  if (!typeId) return typeId.error();
  ti.typeId = *typeId;
  auto id = s.string("id", special ? "" : "A");
  if (!id) return id.error();
  if (!special) {
    if (*id != "A" && *id != "B")
      return s.error("id", "expected \"A\" or \"B\", got " + jsonSummary(*s.find("id")));
    ti.kind = *id == "B" ? TemplateItem::Kind::SequenceB : TemplateItem::Kind::SequenceA;
    return ti;
  }
  ti.kind = TemplateItem::Kind::Special;
  ti.token = *id;
  const json* sp = specials.value().is_object() ? specials.find(ti.token.c_str()) : nullptr;
  const json* ids = sp && sp->is_object() && sp->contains("ids") ? &(*sp)["ids"] : nullptr;
  if (!ids || !ids->is_array() || ids->size() != 1 || !(*ids)[0].is_number_integer() ||
      (*ids)[0].get<std::int64_t>() < 0 || (*ids)[0].get<std::int64_t>() > kMaxTokenId)
    return specials.error(
        "", "special token \"" + ti.token + "\" has no single non-negative id in special_tokens");
  ti.id = (*ids)[0].get<TokenId>();
  return ti;
}

Result<PostTemplate> readTemplate(const JsonFields& pp) {
  PostTemplate t;
  const JsonFields specials = pp.child("special_tokens");
  for (const char* which : {"single", "pair"}) {
    const json* list = pp.find(which);
    if (!list || !list->is_array()) return pp.error(which, "expected an array");
    auto& items = std::string(which) == "single" ? t.single : t.pair;
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item =
          readTemplateItem(JsonFields((*list)[i], pp.file(), jsonIndexPath(pp.pathOf(which), i)), specials);
      if (!item) return item.error();
      items.push_back(std::move(*item));
    }
  }
  return t;
}

Result<std::unordered_map<std::string, TokenId>> readVocab(const JsonFields& model) {
  const json* vocab = model.find("vocab");
  if (!vocab || !vocab->is_object()) return model.error("vocab", "expected an object of token -> id");
  std::unordered_map<std::string, TokenId> map;
  for (const auto& [k, v] : vocab->items()) {
    if (!v.is_number_integer())
      return model.error("vocab", "the id of a token is not an integer: " + jsonSummary(v));
    map[k] = v.get<TokenId>();
  }
  return map;
}

Result<std::unique_ptr<Tokenizer>> loadWordPiece(const JsonFields& root, std::vector<AddedToken> added) {
  const JsonFields model = root.child("model");
  const std::string& file = root.file();
  BertOptions o;
  auto unk = model.string("unk_token", "[UNK]");
  if (!unk) return unk.error();
  auto prefix = model.string("continuing_subword_prefix", "##");
  if (!prefix) return prefix.error();
  auto maxChars = model.integer("max_input_chars_per_word", 100, 0, 1'000'000'000);
  if (!maxChars) return maxChars.error();
  o.unk = *unk, o.continuingPrefix = *prefix, o.maxInputCharsPerWord = static_cast<size_t>(*maxChars);
  const json* norm = root.find("normalizer");
  if (norm) {
    if (typeOf(norm) != "BertNormalizer")
      return Error("unsupported normalizer \"" + typeOf(norm) + "\" (only BertNormalizer)", file, 0,
                   "normalizer.type");
    const JsonFields n = root.child("normalizer");
    auto clean = n.boolean("clean_text", true);
    auto cjk = n.boolean("handle_chinese_chars", true);
    auto lower = n.boolean("lowercase", true);
    auto strip = n.optionalBoolean("strip_accents");
    if (!clean) return clean.error();
    if (!cjk) return cjk.error();
    if (!lower) return lower.error();
    if (!strip) return strip.error();
    o.cleanText = *clean, o.tokenizeChineseChars = *cjk, o.lowercase = *lower, o.stripAccents = *strip;
  } else {
    o.cleanText = false, o.tokenizeChineseChars = false, o.lowercase = false, o.stripAccents = false;
  }
  const std::string pre = typeOf(root.find("pre_tokenizer"));
  if (pre != "BertPreTokenizer" && pre != "WhitespaceSplit")
    return Error("unsupported pre_tokenizer \"" + pre + "\" for WordPiece", file, 0, "pre_tokenizer.type");
  o.doBasicTokenize = pre == "BertPreTokenizer";

  const json* ppValue = root.find("post_processor");
  const JsonFields pp = root.child("post_processor");
  std::optional<PostTemplate> tmpl;
  if (typeOf(ppValue) == "BertProcessing") {
    auto cls = tokenPair(pp, "cls");
    if (!cls) return cls.error();
    auto sep = tokenPair(pp, "sep");
    if (!sep) return sep.error();
    o.cls = cls->first, o.sep = sep->first;
  } else if (typeOf(ppValue) == "TemplateProcessing") {
    auto t = readTemplate(pp);
    if (!t) return t.error();
    tmpl = t.value();
    // The first special of the single template plays [CLS], the last one [SEP].
    std::vector<std::string> specials;
    for (const auto& i : tmpl->single)
      if (i.kind == TemplateItem::Kind::Special) specials.push_back(i.token);
    if (!specials.empty()) o.cls = specials.front(), o.sep = specials.back();
  } else if (ppValue) {
    return Error("unsupported post_processor \"" + typeOf(ppValue) + "\" for WordPiece", file, 0,
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
  auto map = readVocab(model);
  if (!map) return map.error();
  auto vocab = Vocab::fromMap(std::move(*map), file);
  if (!vocab) return vocab.error();
  auto t = BertWordPieceTokenizer::create(std::move(vocab.value()), std::move(o), file);
  if (!t) return t.error();
  if (tmpl) t.value()->setPostTemplate(*tmpl);
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

Result<std::vector<std::pair<std::string, std::string>>> readMerges(const JsonFields& model) {
  std::vector<std::pair<std::string, std::string>> merges;
  const json* list = model.find("merges");
  if (!list || !list->is_array()) return model.error("merges", "expected an array of merges");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& m = (*list)[i];
    const std::string field = jsonIndexPath(model.pathOf("merges"), i);
    if (m.is_string()) {
      const auto s = m.get<std::string>();
      const auto sp = s.find(' ');
      if (sp == std::string::npos)
        return Error("a merge is not \"left right\": " + jsonSummary(m), model.file(), 0, field);
      merges.emplace_back(s.substr(0, sp), s.substr(sp + 1));
    } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
      merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
    } else {
      return Error("a merge is neither \"left right\" nor [left, right]", model.file(), 0, field);
    }
  }
  return merges;
}

Result<std::unique_ptr<Tokenizer>> loadBpe(const JsonFields& root, std::vector<AddedToken> added) {
  const JsonFields model = root.child("model");
  const std::string& file = root.file();
  ByteLevelBpeOptions o;
  const json* pre = root.find("pre_tokenizer");
  std::optional<JsonFields> byteLevel;
  if (typeOf(pre) == "ByteLevel") {
    byteLevel.emplace(*pre, file, "pre_tokenizer");
  } else if (typeOf(pre) == "Sequence" && pre->contains("pretokenizers") &&
             (*pre)["pretokenizers"].is_array()) {
    const json& list = (*pre)["pretokenizers"];
    for (std::size_t i = 0; i < list.size(); ++i)
      if (typeOf(&list[i]) == "ByteLevel")
        byteLevel.emplace(list[i], file, jsonIndexPath("pre_tokenizer.pretokenizers", i));
  }
  if (!byteLevel) return Error("only ByteLevel BPE is supported", file, 0, "pre_tokenizer.type");
  auto prefixSpace = byteLevel->boolean("add_prefix_space", false);
  if (!prefixSpace) return prefixSpace.error();
  o.addPrefixSpace = *prefixSpace;
  if (root.find("normalizer"))
    return Error("a normalizer is not supported for byte-level BPE", file, 0, "normalizer");

  const json* ppValue = root.find("post_processor");
  const JsonFields pp = root.child("post_processor");
  std::optional<PostTemplate> tmpl;
  auto trim = pp.boolean("trim_offsets", true);
  if (!trim) return trim.error();
  if (typeOf(ppValue) == "RobertaProcessing") {
    auto cls = tokenPair(pp, "cls");
    if (!cls) return cls.error();
    auto sep = tokenPair(pp, "sep");
    if (!sep) return sep.error();
    o.cls = o.bos = cls->first;
    o.sep = o.eos = sep->first;
    o.trimOffsets = *trim;
  } else if (typeOf(ppValue) == "TemplateProcessing") {
    auto t = readTemplate(pp);
    if (!t) return t.error();
    tmpl = t.value();
  } else if (!ppValue || typeOf(ppValue) == "ByteLevel") {
    o.robertaTemplate = false;
    o.trimOffsets = ppValue ? *trim : false;
  } else {
    return Error("unsupported post_processor \"" + typeOf(ppValue) + "\" for BPE", file, 0,
                 "post_processor.type");
  }
  // Special strings the template does not name come from the added tokens.
  auto has = [&added](const std::string& s) {
    for (const auto& a : added)
      if (a.content == s) return true;
    return false;
  };
  if (!has(o.unk)) {
    const json* unk = model.find("unk_token");
    o.unk = unk && unk->is_string() ? unk->get<std::string>() : "";
  }
  if (!has(o.pad)) o.pad.clear();
  if (!has(o.mask)) o.mask.clear();
  o.maskLstrip = false;  // taken from the added token itself
  o.extraAdded = std::move(added);

  auto map = readVocab(model);
  if (!map) return map.error();
  auto vocab = Vocab::fromMap(std::move(*map), file);
  if (!vocab) return vocab.error();
  auto merges = readMerges(model);
  if (!merges) return merges.error();
  if (tmpl) o.robertaTemplate = false;
  auto t = ByteLevelBpeTokenizer::create(std::move(vocab.value()), *merges, std::move(o), file);
  if (!t) return t.error();
  if (tmpl) t.value()->setPostTemplate(*tmpl);
  return std::unique_ptr<Tokenizer>(std::move(t.value()));
}

}  // namespace

Result<std::unique_ptr<Tokenizer>> loadHfTokenizerJson(const std::filesystem::path& path) {
  auto parsed = readJsonFile(path);
  if (!parsed) return parsed.error();
  const JsonFields root(*parsed, path.string());
  if (!parsed->is_object() || !root.find("model") || !root.find("model")->is_object())
    return root.error("model", "no \"model\" object");
  auto added = readAddedTokens(root);
  if (!added) return added.error();
  const std::string type = typeOf(root.find("model"));
  if (type == "WordPiece") return loadWordPiece(root, std::move(added.value()));
  if (type == "BPE") return loadBpe(root, std::move(added.value()));
  return root.error("model.type", "unsupported model type \"" + type + "\" (WordPiece or BPE)");
}

}  // namespace quarry::text
