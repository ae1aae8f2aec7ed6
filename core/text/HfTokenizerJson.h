#pragma once
// Loads a Hugging Face `tokenizer.json` (the tokenizers library's format) into the same classes as
// the slow-tokenizer files: model WordPiece (BertNormalizer + BertPreTokenizer) or BPE (ByteLevel),
// post_processor TemplateProcessing / BertProcessing / RobertaProcessing / ByteLevel, added_tokens.
// Anything else is an Error naming the field, not a silently different tokenizer.

#include <filesystem>
#include <memory>

#include "common/Error.h"
#include "text/Tokenizer.h"

namespace quarry::text {

Result<std::unique_ptr<Tokenizer>> loadHfTokenizerJson(const std::filesystem::path& file);

}  // namespace quarry::text
