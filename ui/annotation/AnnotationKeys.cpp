#include "annotation/AnnotationKeys.h"

#include <QKeyEvent>
#include <QKeySequence>

namespace quarry::ui {
namespace {

ViewKey key(ViewCommand c, QKeyCombination k, bool shiftExtends = false) {
  return ViewKey{c, k, QChar(), shiftExtends};
}

ViewKey character(ViewCommand c, char ch) {
  return ViewKey{c, QKeyCombination(), QChar::fromLatin1(ch), false};
}

}  // namespace

const QVector<ViewKey>& AnnotationKeys::all() {
  static const QVector<ViewKey> keys = {
      key(ViewCommand::MoveLeft, Qt::Key_Left, true),
      key(ViewCommand::MoveRight, Qt::Key_Right, true),
      key(ViewCommand::MoveUp, Qt::Key_Up, true),
      key(ViewCommand::MoveDown, Qt::Key_Down, true),
      key(ViewCommand::LineStart, Qt::Key_Home, true),
      key(ViewCommand::LineEnd, Qt::Key_End, true),
      key(ViewCommand::DocumentStart, Qt::CTRL | Qt::Key_Home, true),
      key(ViewCommand::DocumentEnd, Qt::CTRL | Qt::Key_End, true),
      key(ViewCommand::PageUp, Qt::Key_PageUp, true),
      key(ViewCommand::PageDown, Qt::Key_PageDown, true),
      key(ViewCommand::NextSpan, Qt::Key_Tab),
      key(ViewCommand::PreviousSpan, Qt::SHIFT | Qt::Key_Tab),
      key(ViewCommand::Remove, Qt::Key_Delete),
      key(ViewCommand::Remove, Qt::Key_Backspace),
      key(ViewCommand::Cancel, Qt::Key_Escape),
      key(ViewCommand::Confirm, Qt::Key_Return),
      key(ViewCommand::Confirm, Qt::Key_Enter),
      key(ViewCommand::MarkDone, Qt::CTRL | Qt::Key_Return),
      key(ViewCommand::MarkDone, Qt::CTRL | Qt::Key_Enter),
      key(ViewCommand::AcceptAllSuggestions, Qt::SHIFT | Qt::Key_A),
      character(ViewCommand::StartRelation, 'r'),
      character(ViewCommand::Answer, 'q'),
      character(ViewCommand::NextDocument, 'n'),
      character(ViewCommand::PreviousDocument, 'p'),
      character(ViewCommand::KeyboardSheet, '?'),
      character(ViewCommand::AcceptSuggestion, 'a'),
      character(ViewCommand::RejectSuggestion, 'x'),
  };
  return keys;
}

ViewCommand AnnotationKeys::commandFor(const QKeyEvent& event, bool* extend) {
  if (extend) *extend = false;
  Qt::KeyboardModifiers mods = event.modifiers() & ~Qt::KeypadModifier;
  int code = event.key();
  // Shift+Tab arrives as Backtab.
  if (code == Qt::Key_Backtab) {
    code = Qt::Key_Tab;
    mods |= Qt::ShiftModifier;
  }
  for (const ViewKey& k : all()) {
    if (!k.character.isNull()) continue;
    if (k.key.key() != code) continue;
    if (k.key.keyboardModifiers() == mods) return k.command;
    if (k.shiftExtends && (k.key.keyboardModifiers() | Qt::ShiftModifier) == mods) {
      if (extend) *extend = true;
      return k.command;
    }
  }
  if (mods & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return ViewCommand::None;
  const QString text = event.text().toLower();
  if (text.size() != 1) return ViewCommand::None;
  for (const ViewKey& k : all())
    if (!k.character.isNull() && k.character == text.front()) return k.command;
  return ViewCommand::None;
}

QStringList AnnotationKeys::keyNames(ViewCommand command) {
  QStringList out;
  for (const ViewKey& k : all()) {
    if (k.command != command) continue;
    out << (k.character.isNull() ? QKeySequence(k.key).toString(QKeySequence::NativeText)
                                 : QString(k.character.toUpper()));
  }
  return out;
}

QString AnnotationKeys::description(ViewCommand command) {
  switch (command) {
    case ViewCommand::None:
      return {};
    case ViewCommand::MoveLeft:
      return tr("Caret a word left (a character with word snapping off); with Shift: extend the selection");
    case ViewCommand::MoveRight:
      return tr("Caret a word right (a character with word snapping off); with Shift: extend the selection");
    case ViewCommand::MoveUp:
      return tr("Caret a line up; with Shift: extend the selection");
    case ViewCommand::MoveDown:
      return tr("Caret a line down; with Shift: extend the selection");
    case ViewCommand::LineStart:
      return tr("Start of the line; with Shift: extend the selection");
    case ViewCommand::LineEnd:
      return tr("End of the line; with Shift: extend the selection");
    case ViewCommand::DocumentStart:
      return tr("Start of the document; with Shift: extend the selection");
    case ViewCommand::DocumentEnd:
      return tr("End of the document; with Shift: extend the selection");
    case ViewCommand::PageUp:
      return tr("A screen up; with Shift: extend the selection");
    case ViewCommand::PageDown:
      return tr("A screen down; with Shift: extend the selection");
    case ViewCommand::NextSpan:
      return tr("Next span (or the relation's tail while drawing a relation)");
    case ViewCommand::PreviousSpan:
      return tr("Previous span");
    case ViewCommand::Remove:
      return tr("Remove the current relation, else the current span");
    case ViewCommand::Cancel:
      return tr("Cancel the relation being drawn, else clear the selection and the current span");
    case ViewCommand::Confirm:
      return tr("Confirm the relation being drawn");
    case ViewCommand::MarkDone:
      return tr("Mark the document done and open the next one");
    case ViewCommand::StartRelation:
      return tr("Start a relation at the current span");
    case ViewCommand::Answer:
      return tr("Answer a QA field with the selection");
    case ViewCommand::NextDocument:
      return tr("Next document");
    case ViewCommand::PreviousDocument:
      return tr("Previous document");
    case ViewCommand::KeyboardSheet:
      return tr("Show the keyboard shortcuts");
    case ViewCommand::AcceptSuggestion:
      return tr("Accept the model's current suggestion (dashed), else the next one after the caret");
    case ViewCommand::RejectSuggestion:
      return tr("Reject the model's current suggestion, else the next one after the caret");
    case ViewCommand::AcceptAllSuggestions:
      return tr("Accept every suggestion of the document at or above the confidence threshold");
  }
  return {};
}

QStringList AnnotationKeys::reservedCharacters() {
  QStringList out;
  for (const ViewKey& k : all())
    if (!k.character.isNull()) out << QString(k.character);
  return out;
}

ViewCommand AnnotationKeys::reservedBy(const QString& hotkey) {
  const QString k = hotkey.trimmed().toLower();
  if (k.size() != 1) return ViewCommand::None;
  for (const ViewKey& v : all())
    if (!v.character.isNull() && v.character == k.front()) return v.command;
  return ViewCommand::None;
}

}  // namespace quarry::ui
