#include "training/RunComparisonDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "jobs/RunComparison.h"

namespace quarry::ui {
namespace {

QString figure(double v) { return v >= 0 ? QString::number(v, 'f', 4) : QStringLiteral("–"); }

QString figures(const jobs::RunMetricRow& row) {
  if (row.name.isEmpty()) return QStringLiteral("–");
  if (row.exact >= 0) return QStringLiteral("EM %1 · F1 %2").arg(figure(row.exact), figure(row.f1));
  return QStringLiteral("P %1 · R %2 · F1 %3").arg(figure(row.precision), figure(row.recall), figure(row.f1));
}

}  // namespace

RunComparisonDialog::RunComparisonDialog(const ModelRun& a, const ModelRun& b, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("RunComparisonDialog"));
  setWindowTitle(tr("Run %1 and Run %2").arg(a.id).arg(b.id));
  const QVector<jobs::RunComparisonRow> rows = jobs::compareRuns(a, b);
  m_table = new QTableWidget(int(rows.size()), 5, this);
  m_table->setObjectName(QStringLiteral("comparisonTable"));
  m_table->setHorizontalHeaderLabels({tr("Type"), tr("Support"), tr("Run %1 (%2)").arg(a.id).arg(a.name),
                                      tr("Run %1 (%2)").arg(b.id).arg(b.name), tr("F1 change")});
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  for (int r = 0; r < rows.size(); ++r) {
    const jobs::RunComparisonRow& row = rows[r];
    const qint64 support = row.b.support >= 0 ? row.b.support : row.a.support;
    auto* name = new QTableWidgetItem(row.name);
    if (row.average) {
      QFont bold = name->font();
      bold.setBold(true);
      name->setFont(bold);
    }
    m_table->setItem(r, 0, name);
    m_table->setItem(r, 1, new QTableWidgetItem(support >= 0 ? QString::number(support) : QString()));
    m_table->setItem(r, 2, new QTableWidgetItem(figures(row.a)));
    m_table->setItem(r, 3, new QTableWidgetItem(figures(row.b)));
    const bool both = row.a.f1 >= 0 && row.b.f1 >= 0;
    auto* change = new QTableWidgetItem(both ? QString::asprintf("%+.4f", row.f1Change()) : QString());
    if (both && row.f1Change() > 1e-9) change->setForeground(QColor(0x1b, 0x7f, 0x3b));
    if (both && row.f1Change() < -1e-9) change->setForeground(QColor(0xb0, 0x00, 0x20));
    m_table->setItem(r, 4, change);
  }
  m_table->resizeColumnsToContents();
  auto* layout = new QVBoxLayout(this);
  if (rows.isEmpty())
    layout->addWidget(new QLabel(tr("Neither run recorded a dev evaluation to compare."), this));
  layout->addWidget(m_table, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(820, 420);
}

}  // namespace quarry::ui
