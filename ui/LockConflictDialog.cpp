#include "LockConflictDialog.h"

#include <utility>

#include <QFileInfo>
#include <QPushButton>

namespace quarry::ui {
namespace {

std::optional<LockConflictDialog::Choice>& prepared() {
  static std::optional<LockConflictDialog::Choice> answer;
  return answer;
}

}  // namespace

LockConflictDialog::LockConflictDialog(const QString& projectPath, const QString& holder, QWidget* parent)
    : QMessageBox(parent) {
  setObjectName(QStringLiteral("lockConflictDialog"));
  setIcon(QMessageBox::Warning);
  setWindowTitle(tr("Project Already Open"));
  const QString name = QFileInfo(projectPath).fileName();
  setText(holder.isEmpty() ? tr("%1 is open for editing elsewhere.").arg(name)
                           : tr("%1 is open for editing elsewhere (%2).").arg(name, holder));
  setInformativeText(
      tr("Two windows editing one project would overwrite each other's work. Open it "
         "read-only to look and review, or cancel and close the other window first."));
  m_readOnly = addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
  addButton(QMessageBox::Cancel);
  setDefaultButton(qobject_cast<QPushButton*>(m_readOnly));
}

LockConflictDialog::Choice LockConflictDialog::ask(QWidget* parent, const QString& projectPath,
                                                   const QString& holder) {
  if (std::optional<Choice> answer = std::exchange(prepared(), std::nullopt)) return *answer;
  LockConflictDialog dialog(projectPath, holder, parent);
  dialog.exec();
  return dialog.clickedButton() == dialog.m_readOnly ? Choice::OpenReadOnly : Choice::Cancel;
}

void LockConflictDialog::prepareAnswer(std::optional<Choice> answer) { prepared() = answer; }

}  // namespace quarry::ui
