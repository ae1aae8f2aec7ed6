#include "training/QueuePanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace quarry::ui {

QueuePanel::QueuePanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("QueuePanel"));
  m_strategy = new QComboBox(this);
  m_strategy->setObjectName(QStringLiteral("strategyBox"));
  m_strategy->addItem(tr("Entropy (normalised by length)"), QStringLiteral("entropy"));
  m_strategy->addItem(tr("Least confidence"), QStringLiteral("least_confidence"));
  m_strategy->addItem(tr("Margin"), QStringLiteral("margin"));
  m_strategy->addItem(tr("Diversity (most uncertain per cluster)"), QStringLiteral("diversity"));
  m_batch = new QSpinBox(this);
  m_batch->setObjectName(QStringLiteral("batchBox"));
  m_batch->setRange(0, 100000);
  m_batch->setSpecialValueText(tr("all"));
  QSettings settings;
  const int strategy =
      m_strategy->findData(settings.value(QStringLiteral("queue/strategy"), QStringLiteral("entropy")));
  m_strategy->setCurrentIndex(std::max(0, strategy));
  m_batch->setValue(settings.value(QStringLiteral("queue/batch"), 10).toInt());
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("queueStatus"));
  m_status->setWordWrap(true);
  m_table = new QTableWidget(0, 4, this);
  m_table->setObjectName(QStringLiteral("queueTable"));
  m_table->setHorizontalHeaderLabels({tr("#"), tr("Document"), tr("Score"), tr("Why next")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setMinimumHeight(40);
  auto* row = new QHBoxLayout;
  row->addWidget(new QLabel(tr("Order:"), this));
  row->addWidget(m_strategy);
  row->addWidget(new QLabel(tr("Batch:"), this));
  row->addWidget(m_batch);
  row->addWidget(m_status, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row);
  layout->addWidget(m_table, 1);
  connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] {
    QSettings().setValue(QStringLiteral("queue/strategy"), m_strategy->currentData());
    refresh();
  });
  connect(m_batch, &QSpinBox::valueChanged, this, [this](int value) {
    QSettings().setValue(QStringLiteral("queue/batch"), value);
    refresh();
  });
  connect(m_table, &QTableWidget::cellActivated, this, [this](int r, int) {
    if (r >= 0 && r < m_queue.size()) Q_EMIT documentActivated(m_queue[r].documentId);
  });
}

void QueuePanel::setProject(ProjectStore* store) {
  m_store = store;
  refresh();
}

void QueuePanel::refresh() {
  m_queue.clear();
  if (m_store) {
    jobs::QueueOptions options;
    auto strategy = jobs::queueStrategyFromName(m_strategy->currentData().toString());
    if (strategy) options.strategy = strategy.value();
    options.batchSize = m_batch->value();
    if (auto queue = jobs::activeLearningQueue(*m_store, options)) {
      m_queue = std::move(queue.value());
      m_status->setText(m_queue.isEmpty() ? tr("Every predicted document is labelled.")
                                          : tr("%n document(s) queued.", nullptr, int(m_queue.size())));
    } else {
      m_status->setText(tr("No queue yet: Model ▸ Suggest predicts the unlabelled documents. (%1)")
                            .arg(QString::fromStdString(queue.error().message)));
    }
  } else {
    m_status->clear();
  }
  m_table->setRowCount(int(m_queue.size()));
  for (int r = 0; r < m_queue.size(); ++r) {
    const jobs::QueuedDocument& d = m_queue[r];
    m_table->setItem(r, 0, new QTableWidgetItem(QString::number(r + 1)));
    m_table->setItem(r, 1, new QTableWidgetItem(d.name));
    m_table->setItem(r, 2, new QTableWidgetItem(QString::number(d.score, 'f', 3)));
    m_table->setItem(r, 3, new QTableWidgetItem(d.reason));
  }
  m_table->resizeColumnsToContents();
}

qint64 QueuePanel::nextAfter(qint64 current) const {
  for (const jobs::QueuedDocument& d : m_queue)
    if (d.documentId != current) return d.documentId;
  return 0;
}

}  // namespace quarry::ui
