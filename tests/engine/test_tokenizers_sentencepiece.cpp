// SentencePiece tokenizers on tiny models trained here with sentencepiece_trainer (no downloads):
// XLM-R id layout (fairseq offset) and DeBERTa-v3 layout; the shim they are read through, and its errors.

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "text/SentencePieceLibrary.h"
#include "text/SentencePieceTokenizer.h"
#include "text/TokenizerFactory.h"

#ifdef QUARRY_HAVE_SENTENCEPIECE
#include <dlfcn.h>

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>
#endif

using namespace quarry::text;
namespace fs = std::filesystem;

#ifdef QUARRY_HAVE_SENTENCEPIECE

namespace {

int g_fail = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    ++g_fail;
    std::cout << "FAIL sentencepiece: " << what << "\n";
  }
}

// A few hundred deterministic sentences over a small vocabulary.
void writeCorpus(const fs::path& file) {
  const std::vector<std::string> words = {
      "the", "patient", "received", "naloxone",  "clonidine", "dose", "blood",   "pressure", "heart",  "rate",
      "was", "reduced", "after",    "treatment", "with",      "drug", "disease", "study",    "effect", "of"};
  std::ofstream out(file);
  uint32_t x = 12345;
  for (int s = 0; s < 400; ++s) {
    std::string line;
    for (int w = 0; w < 8; ++w) {
      x = x * 1103515245u + 12345u;
      if (w) line += ' ';
      line += words[(x >> 16) % words.size()];
    }
    out << line << "\n";
  }
}

bool train(const std::string& args) {
  const auto status = sentencepiece::SentencePieceTrainer::Train(args);
  if (!status.ok()) std::cout << "training failed: " << status.ToString() << "\n";
  return status.ok();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The shim is found; a missing, unreadable or foreign library is an error naming it, never a crash.
void testLibrary(const fs::path& tmp, const fs::path& notALibrary) {
  const auto& shared = SentencePieceLibrary::shared();
  check(shared.ok(), "the shim is found: " + (shared ? std::string() : shared.error().toString()));
  if (shared) check(fs::exists((*shared)->path()), "the shim's path exists");
  const fs::path a = tmp / "nowhere" / "libquarry_spm_shim.so",
                 b = tmp / "elsewhere" / "libquarry_spm_shim.so";
  auto missing = SentencePieceLibrary::open({a, b});
  check(!missing && contains(missing.error().message, a.string()) &&
            contains(missing.error().message, b.string()),
        "a missing shim names every place looked at: " +
            (missing ? std::string() : missing.error().toString()));
  auto unreadable = SentencePieceLibrary::open({a, notALibrary});
  check(
      !unreadable && unreadable.error().file == notALibrary.string() &&
          contains(unreadable.error().message, "cannot open"),
      "a file that is no library is named: " + (unreadable ? std::string() : unreadable.error().toString()));
  // libutf8proc, which this program links: a real library, not the shim.
  Dl_info utf8proc{};
  const bool found = dladdr(dlsym(RTLD_DEFAULT, "utf8proc_version"), &utf8proc) && utf8proc.dli_fname;
  check(found, "libutf8proc is in this program");
  if (found) {
    auto foreign = SentencePieceLibrary::open({utf8proc.dli_fname});
    check(!foreign && contains(foreign.error().message, "quarry_spm_abi_version"),
          "another library is not taken for the shim: " +
              (foreign ? std::string() : foreign.error().toString()));
  }
}

}  // namespace

int testSentencePiece(const fs::path& tmp) {
  const fs::path corpus = tmp / "corpus.txt";
  writeCorpus(corpus);
  const std::string common = "--input=" + corpus.string() +
                             " --vocab_size=80 --model_type=bpe --character_coverage=1.0 "
                             "--normalization_rule_name=identity --minloglevel=2 ";
  // XLM-R layout: <unk>=0 <s>=1 </s>=2 inside the model, fairseq ids outside.
  const fs::path xlmr = tmp / "xlmr";
  fs::create_directories(xlmr);
  if (!train(common + "--model_prefix=" + (xlmr / "sentencepiece.bpe").string())) return 1;
  testLibrary(tmp, xlmr / "sentencepiece.bpe.model");
  std::ofstream(xlmr / "tokenizer_config.json") << "{\"tokenizer_class\": \"XLMRobertaTokenizer\"}";
  auto loaded = loadTokenizer(xlmr);
  if (!loaded) {
    std::cout << "FAIL sentencepiece: " << loaded.error().toString() << "\n";
    return 1;
  }
  const Tokenizer& t = **loaded;
  sentencepiece::SentencePieceProcessor sp;
  check(sp.Load((xlmr / "sentencepiece.bpe.model").string()).ok(), "processor loads");
  const std::string text = "the patient received naloxone";
  std::vector<int> raw;
  sp.Encode(text, &raw).IgnoreError();
  const Encoding e = t.encode(text);
  check(e.ids.size() == raw.size() + 2 && e.ids.front() == 0 && e.ids.back() == 2,
        "<s> ... </s> around the pieces");
  for (size_t i = 0; i < raw.size() && i + 1 < e.ids.size(); ++i)
    check(e.ids[i + 1] == raw[i] + 1, "fairseq offset: piece id + 1 at " + std::to_string(i));
  check(t.vocabSize() == sp.GetPieceSize() + 2, "vocab size = pieces + offset + <mask>");
  for (size_t i = 1; i + 1 < e.size(); ++i) {
    std::string surface = e.tokens[i];
    if (surface.rfind("\xE2\x96\x81", 0) == 0) surface = surface.substr(3);
    if (surface.empty()) continue;  // a lone "▁" piece: its offsets cover the space
    check(text.substr(static_cast<size_t>(e.offsets[i].start),
                      static_cast<size_t>(e.offsets[i].end - e.offsets[i].start)) == surface,
          "offsets of '" + e.tokens[i] + "'");
  }
  check(t.decode(e.ids, true) == text, "decode round trip: '" + t.decode(e.ids, true) + "'");
  // transformers 4.28: "".join(tokens).replace("▁", " ").strip()
  check(t.decode(e.ids) == "<s> " + text + "</s>", "decode keeps specials: '" + t.decode(e.ids) + "'");
  const Encoding m = t.encode("the <mask> dose");
  bool hasMask = false;
  for (auto id : m.ids) hasMask = hasMask || id == sp.GetPieceSize() + 1;
  check(hasMask, "<mask> in the text becomes the last id");
  const Encoding p = t.encode("the dose", std::string_view("heart rate"));
  int seps = 0;
  for (auto id : p.ids) seps += id == 2;
  check(seps == 3, "pair template <s> A </s></s> B </s>");

  // DeBERTa-v3 layout: [PAD]=0 [CLS]=1 [SEP]=2 [UNK]=3, [MASK] a user symbol.
  const fs::path deb = tmp / "deberta";
  fs::create_directories(deb);
  if (!train(
          common + "--model_prefix=" + (deb / "spm").string() +
          " --pad_id=0 --bos_id=1 --eos_id=2 --unk_id=3 --pad_piece=[PAD] --bos_piece=[CLS] --eos_piece=[SEP]"
          " --unk_piece=[UNK] --user_defined_symbols=[MASK]"))
    return 1;
  std::ofstream(deb / "tokenizer_config.json") << "{\"tokenizer_class\": \"DebertaV2Tokenizer\"}";
  auto d = loadTokenizer(deb);
  if (!d) {
    std::cout << "FAIL sentencepiece: " << d.error().toString() << "\n";
    return 1;
  }
  const Encoding de = (*d)->encode("the dose", std::string_view("heart [MASK] rate"));
  check(de.ids.front() == 1 && de.ids.back() == 2, "[CLS] ... [SEP]");
  check(de.typeIds.back() == 1 && de.typeIds.front() == 0, "type ids 0 then 1");
  check((*d)->specialTokens().maskId == 4, "[MASK] is the user symbol 4");
  bool found = false;
  for (auto id : de.ids) found = found || id == 4;
  check(found, "[MASK] in the text kept whole");
  check((*d)->decode(de.ids, true) == "the dose heart rate",
        "deberta decode: '" + (*d)->decode(de.ids, true) + "'");
  std::cout << "sentencepiece: " << g_fail << " failures\n";
  return g_fail;
}

#else

int testSentencePiece(const fs::path&) {
  std::cout << "note: built without sentencepiece, its tests skipped\n";
  return 0;
}

#endif
