#pragma once
// The rich-text tooltips of the annotation view: a type's guideline (definition, one positive
// example, edge cases), every piece HTML-escaped.

#include <QCoreApplication>
#include <QString>

#include "corpus/Schema.h"

namespace quarry::ui {

class AnnotationTooltips {
  Q_DECLARE_TR_FUNCTIONS(AnnotationTooltips)

 public:
  // "<b>NAME</b><p>definition</p><p><i>Example:</i> ...</p><p><i>Edge cases:</i></p><ul>..</ul>".
  static QString guideline(const QString& typeName, const Guideline& guideline);
  // An entity span: its text, its type's guideline, and the misalignment note when not empty.
  static QString span(const QString& spanText, const QString& typeName, const EntityType* type,
                      const QString& misalignment);
  static QString relation(const QString& typeName, const QString& head, const QString& tail,
                          const RelationType* type);
  static QString answer(const QString& fieldName, const QaField* field);
  // `text` shortened to at most `maxLength` characters at a word boundary, with "…" when cut (a single
  // word longer than that is cut inside, also with "…").
  static QString excerpt(const QString& text, int maxLength);
};

}  // namespace quarry::ui
