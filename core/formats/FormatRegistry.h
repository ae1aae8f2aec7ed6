#pragma once
// Every format Quarry reads and writes, by name.

#include <memory>
#include <vector>

#include "formats/Format.h"

namespace quarry {

class FormatRegistry {
 public:
  static const FormatRegistry& instance();
  const std::vector<std::unique_ptr<Format>>& formats() const { return m_formats; }
  const Format* byName(const QString& name) const;
  // The format a path most likely is (by extension, or by the files inside a folder); nullptr if unsure.
  const Format* guess(const QString& path) const;
  QStringList names() const;

 private:
  FormatRegistry();
  std::vector<std::unique_ptr<Format>> m_formats;
};

}  // namespace quarry
