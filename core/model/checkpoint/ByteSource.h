#pragma once
// Random access to the bytes of a weights file, on disk or in memory, for the readers that check a
// header before copying any data (safetensors, the zip archive of pytorch_model.bin).

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "common/Error.h"

namespace quarry::model {

// Copies `n` bytes at `offset` into `dst`; false when they are not there.
using ByteSource = std::function<bool(std::uint64_t offset, void* dst, std::uint64_t n)>;

// A file opened for reading at any offset.
class FileBytes {
 public:
  // Errors name the file: no such file, size or content unreadable.
  static Result<std::shared_ptr<FileBytes>> open(const std::string& path);

  std::uint64_t size() const { return m_size; }
  bool read(std::uint64_t offset, void* dst, std::uint64_t n);
  // A source reading this file; it keeps the file open.
  static ByteSource source(std::shared_ptr<FileBytes> file);

 private:
  std::ifstream m_in;
  std::uint64_t m_size = 0;
};

// A source over `size` bytes at `data`, which must outlive it.
ByteSource memoryBytes(const char* data, std::size_t size);

}  // namespace quarry::model
