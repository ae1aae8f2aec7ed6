#pragma once
// The label schema of a project: what can be annotated, and the guideline for each type.

#include <QString>
#include <QStringList>
#include <QVector>

namespace quarry {

// How to apply a label: shown as a tooltip on the span and in the schema editor.
struct Guideline {
  QString definition;              // one paragraph, Markdown
  QStringList positiveExamples;    // text that is this type
  QStringList negativeExamples;    // text that looks like it but is not
  QStringList edgeCases;           // rulings on the hard cases
  bool isEmpty() const;
  bool operator==(const Guideline& o) const;
  bool operator!=(const Guideline& o) const { return !(*this == o); }
};

struct EntityType {
  QString name;       // unique within the schema, e.g. "DISEASE"
  QString colour;     // "#rrggbb"; empty = picked from the palette
  QString hotkey;     // one key, e.g. "1" or "d"; empty = none
  Guideline guideline;
  bool operator==(const EntityType& o) const;
};

struct RelationType {
  QString name;             // e.g. "TREATS"
  bool directed = true;     // false = symmetric (head and tail may be swapped)
  QStringList headTypes;    // allowed entity types of the head; empty = any
  QStringList tailTypes;    // allowed entity types of the tail; empty = any
  QString colour;
  QString hotkey;
  Guideline guideline;
  bool allows(const QString& headType, const QString& tailType) const;
  bool operator==(const RelationType& o) const;
};

struct QaField {
  QString name;           // e.g. "effective_date"
  QStringList questions;  // one or more phrasings; the first is the canonical one
  QString hotkey;
  Guideline guideline;
  // When set, an entity type of the schema that answers the field: every span of that type is an answer
  // and a document without one answers "none" (what core/jobs trains QA on). Schema files, JSONL corpora
  // and the project store (qa_fields.entity_type) keep it.
  QString entityType;
  bool operator==(const QaField& o) const;
};

struct CategoryType {
  QString name;       // a document label, e.g. "unfair"
  QString colour;
  QString hotkey;
  Guideline guideline;
  bool operator==(const CategoryType& o) const;
};

struct Schema {
  QVector<EntityType> entityTypes;
  QVector<RelationType> relationTypes;
  QVector<QaField> qaFields;
  QVector<CategoryType> categories;
  bool multiLabelCategories = false;  // false: at most one category per document
  int guidelineVersion = 1;           // bumped whenever a guideline changes; recorded on annotations

  const EntityType* entityType(const QString& name) const;
  const RelationType* relationType(const QString& name) const;
  const QaField* qaField(const QString& name) const;
  const CategoryType* category(const QString& name) const;

  // Adds the types of `other` that this schema lacks (by name); keeps this schema's definitions.
  void mergeFrom(const Schema& other);
  bool isEmpty() const;
  bool operator==(const Schema& o) const;
  bool operator!=(const Schema& o) const { return !(*this == o); }
};

}  // namespace quarry
