#pragma once
// The active-learning queue: the unlabelled documents the newest prediction run is least sure of, ordered
// by a strategy (least confidence, margin, entropy — NER's sequence entropy normalised by length — or
// diversity: the most uncertain of each cluster of the pool), each with its score and why it is next.
// "Next by active learning" (the Model menu) opens the first queued document other than the open one.
// Strategy and batch size are kept in QSettings; the queue is re-read after every prediction run and
// every edit (a labelled document leaves it).

#include <QVector>
#include <QWidget>

#include "jobs/ActiveLearningQueue.h"

class QComboBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace quarry::ui {

class QueuePanel : public QWidget {
  Q_OBJECT
 public:
  explicit QueuePanel(QWidget* parent = nullptr);

  void setProject(ProjectStore* store);
  void refresh();
  // The first queued document other than `current`; 0 = none (the label says why).
  qint64 nextAfter(qint64 current) const;
  const QVector<jobs::QueuedDocument>& queue() const { return m_queue; }

  QComboBox* strategyBox() const { return m_strategy; }
  QSpinBox* batchBox() const { return m_batch; }
  QTableWidget* table() const { return m_table; }
  QLabel* statusLabel() const { return m_status; }

 Q_SIGNALS:
  void documentActivated(qint64 documentId);

 private:
  ProjectStore* m_store = nullptr;
  QVector<jobs::QueuedDocument> m_queue;
  QComboBox* m_strategy = nullptr;
  QSpinBox* m_batch = nullptr;
  QLabel* m_status = nullptr;
  QTableWidget* m_table = nullptr;
};

}  // namespace quarry::ui
