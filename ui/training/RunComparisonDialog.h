#pragma once
// Two runs side by side, per type: precision, recall and F1 of each (QA: exact match and F1 for answerable
// and unanswerable questions), the change in F1 coloured (green better, red worse), the averages last.

#include <QDialog>

#include "store/StoreTypes.h"

class QTableWidget;

namespace quarry::ui {

class RunComparisonDialog : public QDialog {
  Q_OBJECT
 public:
  RunComparisonDialog(const ModelRun& a, const ModelRun& b, QWidget* parent = nullptr);
  QTableWidget* table() const { return m_table; }

 private:
  QTableWidget* m_table = nullptr;
};

}  // namespace quarry::ui
