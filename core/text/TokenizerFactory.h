#pragma once
// Picks and loads the tokenizer of a model folder.

#include <filesystem>
#include <memory>

#include "common/Error.h"
#include "text/Tokenizer.h"

namespace quarry::text {

// Reads tokenizer_config.json (tokenizer_class, do_lower_case, strip_accents, special tokens,
// model_max_length ...) when present, else config.json's model_type, and loads:
//   Bert/DistilBert/Electra...Tokenizer  -> vocab.txt (else tokenizer.json)
//   Roberta/GPT2/Bart/LongformerTokenizer -> vocab.json + merges.txt (else tokenizer.json)
//   XLMRoberta/CamembertTokenizer         -> sentencepiece.bpe.model
//   DebertaV2Tokenizer                    -> spm.model
// With no known class, the files present decide (tokenizer.json, vocab.txt, vocab.json + merges.txt,
// sentencepiece.bpe.model, spm.model, spiece.model). Errors name the missing or malformed file.
Result<std::unique_ptr<Tokenizer>> loadTokenizer(const std::filesystem::path& folder);

}  // namespace quarry::text
