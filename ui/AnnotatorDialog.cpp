#include "AnnotatorDialog.h"
#include "store/ProjectLocation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "AnnotatorSettings.h"

namespace quarry::ui {

AnnotatorDialog::AnnotatorDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent),
      m_projectPath(projectPath),
      m_name(new QLineEdit(this)),
      m_projectOnly(new QCheckBox(this)) {
  setObjectName(QStringLiteral("annotatorDialog"));
  setWindowTitle(tr("Who Is Annotating?"));
  auto* intro = new QLabel(tr("Every annotation you make records this name, so reviewers and the "
                              "agreement figures can tell annotators apart."),
                           this);
  intro->setWordWrap(true);
  const QString own = AnnotatorSettings::forProject(projectPath);
  m_name->setText(own.isEmpty() ? AnnotatorSettings::effective(projectPath) : own);
  m_name->selectAll();
  m_projectOnly->setText(tr("Use this name only in %1").arg(ProjectLocation::shortNameOf(projectPath)));
  m_projectOnly->setChecked(!own.isEmpty());
  m_projectOnly->setVisible(!projectPath.isEmpty());

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_ok = buttons->button(QDialogButtonBox::Ok);
  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), m_name);
  form->addRow(QString(), m_projectOnly);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &AnnotatorDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_name, &QLineEdit::textChanged, this, [this] { m_ok->setEnabled(!name().isEmpty()); });
}

QString AnnotatorDialog::name() const { return m_name->text().simplified(); }

void AnnotatorDialog::accept() {
  if (name().isEmpty()) return;
  if (!m_projectPath.isEmpty() && m_projectOnly->isChecked()) {
    AnnotatorSettings::setForProject(m_projectPath, name());
    if (AnnotatorSettings::global().isEmpty()) AnnotatorSettings::setGlobal(AnnotatorSettings::loginName());
  } else {
    AnnotatorSettings::setForProject(m_projectPath, {});
    AnnotatorSettings::setGlobal(name());
  }
  QDialog::accept();
}

}  // namespace quarry::ui
