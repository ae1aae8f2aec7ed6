#pragma once
// Edits on a Schema that treat its four kinds of type alike (the schema editor's pages share them):
// names, colours, hotkeys, guidelines, adding, renaming and removing, with the knock-on changes
// (an entity type renamed or removed is renamed or dropped in the relations' argument lists).

#include <QString>
#include <QStringList>

#include "corpus/Schema.h"

namespace quarry::ui {

enum class SchemaKind { Entity, Relation, QaField, Category };

QStringList typeNames(const Schema& schema, SchemaKind kind);
// The ProjectStats::annotationCounts key of a type: "entity:X", "relation:X", "answer:X", "label:X".
QString usageKey(SchemaKind kind, const QString& name);
// "entity type", "relation type", ... (translated), for messages.
QString kindLabel(SchemaKind kind);

// Pointers into `schema` for type `index` of `kind`; colourOf is nullptr for QA fields (no colour).
Guideline* guidelineOf(Schema& schema, SchemaKind kind, int index);
QString* colourOf(Schema& schema, SchemaKind kind, int index);
QString* hotkeyOf(Schema& schema, SchemaKind kind, int index);

// Appends a type named `name` with a colour far from every colour the schema uses; returns its index.
int addType(Schema& schema, SchemaKind kind, const QString& name);
void renameType(Schema& schema, SchemaKind kind, int index, const QString& name);
void removeType(Schema& schema, SchemaKind kind, int index);

// Who already uses hotkey `key` (case ignored), other than type `index` of `kind`, as
// "entity type DISEASE"; empty when nobody does.
QString hotkeyOwner(const Schema& schema, const QString& key, SchemaKind kind, int index);

// Why `key` cannot be a hotkey because the document view reserves it (AnnotationKeys), translated;
// empty when it is free.
QString reservedKeyProblem(const QString& key);
// Every hotkey of `schema` that is reserved or used twice, one sentence each; empty when none is.
QStringList hotkeyProblems(const Schema& schema);

}  // namespace quarry::ui
