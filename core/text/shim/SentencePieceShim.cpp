// libquarry_spm_shim.so: the C interface of SentencePieceShim.h over libsentencepiece. Built with hidden
// visibility: only the quarry_spm_* functions are exported. No exception leaves a function here.

#include "SentencePieceShim.h"

#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <sentencepiece_processor.h>

#define QUARRY_SPM_EXPORT extern "C" __attribute__((visibility("default")))

struct QuarrySpmModel {
  sentencepiece::SentencePieceProcessor processor;
};

namespace {

void send(QuarrySpmTextSink sink, void* context, std::string_view text) {
  if (sink) sink(context, text.data(), text.size());
}

// Runs `body`, turning a status that is not ok, or an exception, into a message for `error`.
template <typename Body>
bool guarded(QuarrySpmTextSink error, void* context, Body&& body) {
  try {
    const sentencepiece::util::Status status = body();
    if (status.ok()) return true;
    send(error, context, status.ToString());
  } catch (const std::exception& e) {
    send(error, context, std::string("sentencepiece failed: ") + e.what());
  } catch (...) {
    send(error, context, "sentencepiece failed with an unknown exception");
  }
  return false;
}

// A new model, or nullptr after `load` failed (the reason sent to `error`).
template <typename Load>
QuarrySpmModel* newModel(QuarrySpmTextSink error, void* context, Load&& load) {
  std::unique_ptr<QuarrySpmModel> model;
  const bool ok = guarded(error, context, [&] {
    model = std::make_unique<QuarrySpmModel>();
    return load(model->processor);
  });
  return ok ? model.release() : nullptr;
}

}  // namespace

QUARRY_SPM_EXPORT int32_t quarry_spm_abi_version(void) { return QUARRY_SPM_SHIM_ABI_VERSION; }

QUARRY_SPM_EXPORT QuarrySpmModel* quarry_spm_load_file(const char* path, QuarrySpmTextSink error,
                                                       void* context) {
  return newModel(error, context, [&](sentencepiece::SentencePieceProcessor& p) { return p.Load(path); });
}

QUARRY_SPM_EXPORT QuarrySpmModel* quarry_spm_load_serialized(const char* data, size_t size,
                                                             QuarrySpmTextSink error, void* context) {
  return newModel(error, context, [&](sentencepiece::SentencePieceProcessor& p) {
    return p.LoadFromSerializedProto(std::string_view(data, size));
  });
}

QUARRY_SPM_EXPORT void quarry_spm_free(QuarrySpmModel* model) { delete model; }

QUARRY_SPM_EXPORT void quarry_spm_info(const QuarrySpmModel* model, QuarrySpmModelInfo* info) {
  const auto& p = model->processor;
  info->piece_count = p.GetPieceSize();
  info->unk_id = p.unk_id();
  info->bos_id = p.bos_id();
  info->eos_id = p.eos_id();
}

QUARRY_SPM_EXPORT int32_t quarry_spm_piece_to_id(const QuarrySpmModel* model, const char* piece,
                                                 size_t size) {
  return model->processor.PieceToId(std::string_view(piece, size));
}

QUARRY_SPM_EXPORT int quarry_spm_id_to_piece(const QuarrySpmModel* model, int32_t id, QuarrySpmTextSink out,
                                             void* context) {
  // SentencePiece itself does not check the range (the proto's repeated field is indexed directly).
  if (id < 0 || id >= model->processor.GetPieceSize()) return 0;
  send(out, context, model->processor.IdToPiece(id));
  return 1;
}

QUARRY_SPM_EXPORT int quarry_spm_encode(const QuarrySpmModel* model, const char* text, size_t size,
                                        QuarrySpmPieceSink pieces, QuarrySpmTextSink error, void* context) {
  return guarded(error, context, [&] {
    sentencepiece::ImmutableSentencePieceText encoded;
    auto status = model->processor.Encode(std::string_view(text, size), encoded.mutable_proto());
    if (!status.ok()) return status;
    for (const auto& p : encoded.pieces()) {
      const std::string& piece = p.piece();
      const QuarrySpmPiece out{static_cast<int32_t>(p.id()), piece.data(), piece.size(), p.begin(), p.end()};
      pieces(context, &out);
    }
    return status;
  });
}

QUARRY_SPM_EXPORT int quarry_spm_decode(const QuarrySpmModel* model, const char* const* pieces,
                                        const size_t* sizes, size_t count, QuarrySpmTextSink out,
                                        QuarrySpmTextSink error, void* context) {
  return guarded(error, context, [&] {
    std::vector<std::string_view> views;
    views.reserve(count);
    for (size_t i = 0; i < count; ++i) views.emplace_back(pieces[i], sizes[i]);
    std::string text;
    auto status = model->processor.Decode(views, &text);
    if (status.ok()) send(out, context, text);
    return status;
  });
}
