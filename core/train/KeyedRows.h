#pragma once
// A model whose tables have rows that stand for named things (a vocabulary's words and characters): warm
// start (train/WarmStart.h) takes an earlier model's row into the row of the same name, so that a table
// whose vocabulary grew or was ordered anew between two runs keeps what was learnt for every known name.

#include <string>
#include <vector>

namespace quarry::train {

class KeyedRows {
 public:
  virtual ~KeyedRows() = default;
  // The name of each row of the tensor `tensorName` (as TaskModel::module() names it), in row order; empty
  // when that tensor's rows are not keyed.
  virtual std::vector<std::string> rowKeys(const std::string& tensorName) const = 0;
};

}  // namespace quarry::train
