#include "model/checkpoint/ByteSource.h"

#include <cstring>
#include <filesystem>

#include "common/FileCheck.h"

namespace quarry::model {

Result<std::shared_ptr<FileBytes>> FileBytes::open(const std::string& path) {
  if (Status s = requireRegularFile(path); !s) return s.error();
  std::error_code ec;
  auto file = std::make_shared<FileBytes>();
  file->m_size = std::filesystem::file_size(path, ec);
  if (ec) return Error("cannot read the file size: " + ec.message(), path);
  file->m_in.open(path, std::ios::binary);
  if (!file->m_in) return Error("cannot open the file for reading", path);
  return file;
}

bool FileBytes::read(std::uint64_t offset, void* dst, std::uint64_t n) {
  if (offset > m_size || n > m_size - offset) return false;
  m_in.clear();
  m_in.seekg(static_cast<std::streamoff>(offset));
  m_in.read(static_cast<char*>(dst), static_cast<std::streamsize>(n));
  return static_cast<bool>(m_in);
}

ByteSource FileBytes::source(std::shared_ptr<FileBytes> file) {
  return [file](std::uint64_t offset, void* dst, std::uint64_t n) { return file->read(offset, dst, n); };
}

ByteSource memoryBytes(const char* data, std::size_t size) {
  return [data, size](std::uint64_t offset, void* dst, std::uint64_t n) {
    if (offset > size || n > size - offset) return false;
    if (n > 0) std::memcpy(dst, data + offset, static_cast<std::size_t>(n));
    return true;
  };
}

}  // namespace quarry::model
