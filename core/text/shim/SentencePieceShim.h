#pragma once
// The C interface of libquarry_spm_shim.so, the only Quarry binary that links libsentencepiece.
//
// Why a library of its own: Debian's libsentencepiece carries its own copy of protobuf-lite (3.14) and
// exports its symbols; LibTorch brings libprotobuf.so.32 (3.21). In one link scope one copy serves both,
// and either the program crashes at start-up (sentencepiece's copy first) or loading a model aborts in
// protobuf's version check (LibTorch's first). Programs never link this library: SentencePieceLibrary
// opens it in a symbol scope of its own (RTLD_DEEPBIND; a link namespace of its own under sanitizers), so
// libsentencepiece binds to its own protobuf.
//
// Only C types cross this boundary. Text comes back through sinks the caller passes (called before the
// function returns, their data valid only during the call), so nothing is allocated on one side and freed
// on the other, and no exception crosses it (a sink must not throw). Offsets are bytes into the text
// given to encode.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Bumped whenever anything below changes; a shim of another version is refused.
#define QUARRY_SPM_SHIM_ABI_VERSION 1

typedef struct QuarrySpmModel QuarrySpmModel;

// Receives a piece of text (an error message, a piece, decoded text); `context` is the caller's.
typedef void (*QuarrySpmTextSink)(void* context, const char* data, size_t size);

typedef struct {
  int32_t id;         // the piece's id in the model
  const char* piece;  // the piece (with U+2581 for spaces), not NUL-terminated
  size_t piece_size;  // its length in bytes
  uint32_t begin;     // byte offset of the text the piece covers (in the input to encode)
  uint32_t end;       // one past its last byte
} QuarrySpmPiece;

typedef void (*QuarrySpmPieceSink)(void* context, const QuarrySpmPiece* piece);

typedef struct {
  int32_t piece_count;  // pieces in the model, ids 0 .. piece_count - 1
  int32_t unk_id;       // the unknown piece; -1 when the model has none
  int32_t bos_id;       // the beginning-of-sentence piece, or -1
  int32_t eos_id;       // the end-of-sentence piece, or -1
} QuarrySpmModelInfo;

// QUARRY_SPM_SHIM_ABI_VERSION of the shim.
int32_t quarry_spm_abi_version(void);

// A model read from a file, or from a serialized ModelProto; NULL after sending the reason to `error`.
QuarrySpmModel* quarry_spm_load_file(const char* path, QuarrySpmTextSink error, void* context);
QuarrySpmModel* quarry_spm_load_serialized(const char* data, size_t size, QuarrySpmTextSink error,
                                           void* context);
void quarry_spm_free(QuarrySpmModel* model);

void quarry_spm_info(const QuarrySpmModel* model, QuarrySpmModelInfo* info);
// The id of `piece`; the unknown piece's id when the model has no such piece.
int32_t quarry_spm_piece_to_id(const QuarrySpmModel* model, const char* piece, size_t size);
// Sends the piece of `id` to `out`; returns 0 (sending nothing) when `id` is out of range.
int quarry_spm_id_to_piece(const QuarrySpmModel* model, int32_t id, QuarrySpmTextSink out, void* context);

// Segments `text` (UTF-8), sending each piece in order; returns 0 after sending the reason to `error`.
int quarry_spm_encode(const QuarrySpmModel* model, const char* text, size_t size, QuarrySpmPieceSink pieces,
                      QuarrySpmTextSink error, void* context);
// Joins `count` pieces back into text as SentencePiece decodes them, sent to `out` in one call; returns 0
// after sending the reason to `error`.
int quarry_spm_decode(const QuarrySpmModel* model, const char* const* pieces, const size_t* sizes,
                      size_t count, QuarrySpmTextSink out, QuarrySpmTextSink error, void* context);

#ifdef __cplusplus
}
#endif
