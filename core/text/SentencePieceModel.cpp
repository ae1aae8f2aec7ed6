#include "text/SentencePieceModel.h"

#include <utility>

namespace quarry::text {

namespace {

// What the shim sends back through its sinks during one call (the `context` of every sink). Sinks must
// not throw across the shim: out of memory while copying a piece ends the program (noexcept).
struct Received {
  std::vector<SentencePieceModel::Piece> pieces;
  std::string text;
  std::string error;
};

void receiveText(void* context, const char* data, size_t size) noexcept {
  static_cast<Received*>(context)->text.append(data, size);
}

void receiveError(void* context, const char* data, size_t size) noexcept {
  static_cast<Received*>(context)->error.append(data, size);
}

void receivePiece(void* context, const QuarrySpmPiece* p) noexcept {
  static_cast<Received*>(context)->pieces.push_back(
      {p->id, std::string(p->piece, p->piece_size), p->begin, p->end});
}

const char* const kCannotLoad = "cannot load the SentencePiece model: ";

}  // namespace

SentencePieceModel::SentencePieceModel(std::shared_ptr<const SentencePieceLibrary> library,
                                       QuarrySpmModel* handle)
    : m_library(std::move(library)), m_handle(handle) {
  m_library->functions().info(m_handle, &m_info);
}

SentencePieceModel::SentencePieceModel(SentencePieceModel&& other) noexcept
    : m_library(std::move(other.m_library)),
      m_handle(std::exchange(other.m_handle, nullptr)),
      m_info(other.m_info) {}

SentencePieceModel& SentencePieceModel::operator=(SentencePieceModel&& other) noexcept {
  if (this != &other) {
    if (m_handle) m_library->functions().free(m_handle);
    m_library = std::move(other.m_library);
    m_handle = std::exchange(other.m_handle, nullptr);
    m_info = other.m_info;
  }
  return *this;
}

SentencePieceModel::~SentencePieceModel() {
  if (m_handle) m_library->functions().free(m_handle);
}

Result<SentencePieceModel> SentencePieceModel::fromFile(const std::filesystem::path& file) {
  const auto& library = SentencePieceLibrary::shared();
  if (!library) return Error(kCannotLoad + library.error().message, file.string());
  Received received;
  QuarrySpmModel* handle = (*library)->functions().loadFile(file.c_str(), receiveError, &received);
  if (!handle) return Error(kCannotLoad + received.error, file.string());
  return SentencePieceModel(*library, handle);
}

Result<SentencePieceModel> SentencePieceModel::fromSerialized(const std::string& proto,
                                                              const std::string& source) {
  const auto& library = SentencePieceLibrary::shared();
  if (!library) return Error(kCannotLoad + library.error().message, source);
  Received received;
  QuarrySpmModel* handle =
      (*library)->functions().loadSerialized(proto.data(), proto.size(), receiveError, &received);
  if (!handle) return Error(kCannotLoad + received.error, source);
  return SentencePieceModel(*library, handle);
}

int SentencePieceModel::pieceToId(std::string_view piece) const {
  return m_library->functions().pieceToId(m_handle, piece.data(), piece.size());
}

std::string SentencePieceModel::idToPiece(int id) const {
  Received received;
  m_library->functions().idToPiece(m_handle, id, receiveText, &received);
  return received.text;
}

Result<std::vector<SentencePieceModel::Piece>> SentencePieceModel::encode(std::string_view text) const {
  Received received;
  if (!m_library->functions().encode(m_handle, text.data(), text.size(), receivePiece, receiveError,
                                     &received))
    return Error("SentencePiece cannot encode the text: " + received.error);
  return std::move(received.pieces);
}

Result<std::string> SentencePieceModel::decode(const std::vector<std::string>& pieces) const {
  std::vector<const char*> data;
  std::vector<size_t> sizes;
  data.reserve(pieces.size());
  sizes.reserve(pieces.size());
  for (const auto& p : pieces) {
    data.push_back(p.data());
    sizes.push_back(p.size());
  }
  Received received;
  if (!m_library->functions().decode(m_handle, data.data(), sizes.data(), pieces.size(), receiveText,
                                     receiveError, &received))
    return Error("SentencePiece cannot decode the pieces: " + received.error);
  return std::move(received.text);
}

}  // namespace quarry::text
