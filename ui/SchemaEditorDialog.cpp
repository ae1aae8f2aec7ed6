#include "SchemaEditorDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "SchemaTypePage.h"
#include "common/Log.h"

namespace quarry::ui {

SchemaEditorDialog::SchemaEditorDialog(ProjectStore& store, QWidget* parent)
    : QDialog(parent), m_store(store) {
  setWindowTitle(tr("Schema and guidelines — %1").arg(QFileInfo(store.path()).completeBaseName()));
  QMap<QString, int> usage;
  if (Result<Schema> schema = store.schema()) m_original = schema.value();
  if (Result<ProjectStats> stats = store.stats()) usage = stats->annotationCounts;
  m_schema = m_original;

  m_tabs = new QTabWidget(this);
  const QList<QPair<SchemaKind, QString>> kinds = {{SchemaKind::Entity, tr("&Entities")},
                                                   {SchemaKind::Relation, tr("&Relations")},
                                                   {SchemaKind::QaField, tr("&QA fields")},
                                                   {SchemaKind::Category, tr("&Categories")}};
  for (const auto& [kind, title] : kinds) {
    auto* p = new SchemaTypePage(kind, &m_schema, usage, this);
    m_pages << p;
    m_tabs->addTab(p, title);
    connect(p, &SchemaTypePage::edited, this, &SchemaEditorDialog::updateStatus);
  }
  // Relations pick their argument types among the entity types.
  connect(page(SchemaKind::Entity), &SchemaTypePage::typesChanged, page(SchemaKind::Relation),
          &SchemaTypePage::refresh);

  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  if (store.isReadOnly()) buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_tabs, 1);
  layout->addWidget(m_status);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &SchemaEditorDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(1000, 700);
  updateStatus();
}

SchemaTypePage* SchemaEditorDialog::page(SchemaKind kind) const {
  for (SchemaTypePage* p : m_pages)
    if (p->kind() == kind) return p;
  return nullptr;
}

void SchemaEditorDialog::updateStatus() {
  bool guidelinesChanged = false;
  for (SchemaKind kind :
       {SchemaKind::Entity, SchemaKind::Relation, SchemaKind::QaField, SchemaKind::Category}) {
    const QStringList before = typeNames(m_original, kind);
    const QStringList after = typeNames(m_schema, kind);
    for (int i = 0; i < after.size() && !guidelinesChanged; ++i) {
      const int j = before.indexOf(after[i]);
      const Guideline now = *guidelineOf(m_schema, kind, i);
      guidelinesChanged = j < 0 ? !now.isEmpty() : now != *guidelineOf(m_original, kind, j);
    }
  }
  QString text = tr("Guideline version %1.").arg(m_original.guidelineVersion);
  if (guidelinesChanged)
    text += QLatin1Char(' ') +
            tr("Guideline text changed: saving makes it version %1, recorded on new annotations.")
                .arg(m_original.guidelineVersion + 1);
  if (m_store.isReadOnly()) text += QLatin1Char(' ') + tr("The project is open read-only.");
  // Keys that collide (a schema from before the view reserved its keys, or an imported one).
  for (const QString& problem : hotkeyProblems(m_schema)) text += QLatin1Char('\n') + problem;
  m_status->setText(text);
}

void SchemaEditorDialog::accept() {
  if (m_schema == m_original) {
    QDialog::accept();
    return;
  }
  if (Status s = m_store.setSchema(m_schema); !s) {
    const QString why = QString::fromStdString(s.error().toString());
    log::get("ui")->warn("schema not saved: {}", s.error().toString());
    QMessageBox::warning(this, tr("Schema not saved"), tr("The schema was not saved: %1").arg(why));
    return;
  }
  m_saved = true;
  QDialog::accept();
}

}  // namespace quarry::ui
