#pragma once
// The annotation view's own keys, declared once: the view dispatches its key presses through this
// table, the keyboard sheet lists it, and schema hotkeys are checked against the characters it
// reserves (a type's hotkey may not be a key that moves or commands, or the command would win).

#include <QChar>
#include <QCoreApplication>
#include <QKeyCombination>
#include <QString>
#include <QStringList>
#include <QVector>

class QKeyEvent;

namespace quarry::ui {

enum class ViewCommand {
  None,
  MoveLeft,  // by a word (a character without word snapping)
  MoveRight,
  MoveUp,  // by a line on screen
  MoveDown,
  LineStart,
  LineEnd,
  DocumentStart,
  DocumentEnd,
  PageUp,
  PageDown,
  NextSpan,
  PreviousSpan,
  Remove,   // the current relation, else the current span
  Cancel,   // the relation being drawn, else the selection, else the current span
  Confirm,  // completes the relation being drawn
  MarkDone,
  StartRelation,
  Answer,
  NextDocument,
  PreviousDocument,
  KeyboardSheet,
  AcceptSuggestion,      // the current suggestion (else the first after the caret) becomes an annotation
  RejectSuggestion,      // ... is rejected
  AcceptAllSuggestions,  // every suggestion of the document at or above the threshold
};

struct ViewKey {
  ViewCommand command = ViewCommand::None;
  QKeyCombination key;        // a non-character key with its modifiers; unused when `character` is set
  QChar character;            // a character typed without Ctrl/Alt/Meta, case ignored
  bool shiftExtends = false;  // Shift held too: the caret moves and the selection follows
};

class AnnotationKeys {
  Q_DECLARE_TR_FUNCTIONS(AnnotationKeys)

 public:
  // Every key of the view, in the order the keyboard sheet shows them.
  static const QVector<ViewKey>& all();
  // The command of a key press; *extend is set when Shift asks to extend the selection.
  static ViewCommand commandFor(const QKeyEvent& event, bool* extend = nullptr);
  // "Shift+Tab", "R", "Ctrl+Home" (native text) for every key of `command`.
  static QStringList keyNames(ViewCommand command);
  // What the command does, translated, for the keyboard sheet and the schema editor.
  static QString description(ViewCommand command);
  // The characters schema hotkeys may not use, lower case: the view's one-key commands.
  static QStringList reservedCharacters();
  // The command a one-character hotkey would collide with; ViewCommand::None when it is free.
  static ViewCommand reservedBy(const QString& hotkey);
};

}  // namespace quarry::ui
