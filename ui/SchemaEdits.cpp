#include "SchemaEdits.h"

#include <QCoreApplication>

#include "annotation/AnnotationKeys.h"
#include "annotation/TypeColours.h"

namespace quarry::ui {
namespace {

template <typename Fn>
void forEachKind(Fn fn) {
  for (SchemaKind k : {SchemaKind::Entity, SchemaKind::Relation, SchemaKind::QaField, SchemaKind::Category})
    fn(k);
}

int typeCount(const Schema& s, SchemaKind kind) {
  switch (kind) {
    case SchemaKind::Entity:
      return s.entityTypes.size();
    case SchemaKind::Relation:
      return s.relationTypes.size();
    case SchemaKind::QaField:
      return s.qaFields.size();
    case SchemaKind::Category:
      return s.categories.size();
  }
  return 0;
}

QString* nameOf(Schema& s, SchemaKind kind, int i) {
  switch (kind) {
    case SchemaKind::Entity:
      return &s.entityTypes[i].name;
    case SchemaKind::Relation:
      return &s.relationTypes[i].name;
    case SchemaKind::QaField:
      return &s.qaFields[i].name;
    case SchemaKind::Category:
      return &s.categories[i].name;
  }
  return nullptr;
}

// Read-only views of one type's name and hotkey.
QString nameAt(const Schema& s, SchemaKind kind, int i) {
  switch (kind) {
    case SchemaKind::Entity:
      return s.entityTypes[i].name;
    case SchemaKind::Relation:
      return s.relationTypes[i].name;
    case SchemaKind::QaField:
      return s.qaFields[i].name;
    case SchemaKind::Category:
      return s.categories[i].name;
  }
  return {};
}

QString hotkeyAt(const Schema& s, SchemaKind kind, int i) {
  switch (kind) {
    case SchemaKind::Entity:
      return s.entityTypes[i].hotkey;
    case SchemaKind::Relation:
      return s.relationTypes[i].hotkey;
    case SchemaKind::QaField:
      return s.qaFields[i].hotkey;
    case SchemaKind::Category:
      return s.categories[i].hotkey;
  }
  return {};
}

}  // namespace

QStringList typeNames(const Schema& schema, SchemaKind kind) {
  QStringList out;
  for (int i = 0; i < typeCount(schema, kind); ++i) out << nameAt(schema, kind, i);
  return out;
}

QString usageKey(SchemaKind kind, const QString& name) {
  switch (kind) {
    case SchemaKind::Entity:
      return QStringLiteral("entity:") + name;
    case SchemaKind::Relation:
      return QStringLiteral("relation:") + name;
    case SchemaKind::QaField:
      return QStringLiteral("answer:") + name;
    case SchemaKind::Category:
      return QStringLiteral("label:") + name;
  }
  return name;
}

QString kindLabel(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::Entity:
      return QCoreApplication::translate("SchemaEdits", "entity type");
    case SchemaKind::Relation:
      return QCoreApplication::translate("SchemaEdits", "relation type");
    case SchemaKind::QaField:
      return QCoreApplication::translate("SchemaEdits", "QA field");
    case SchemaKind::Category:
      return QCoreApplication::translate("SchemaEdits", "category");
  }
  return {};
}

Guideline* guidelineOf(Schema& s, SchemaKind kind, int i) {
  switch (kind) {
    case SchemaKind::Entity:
      return &s.entityTypes[i].guideline;
    case SchemaKind::Relation:
      return &s.relationTypes[i].guideline;
    case SchemaKind::QaField:
      return &s.qaFields[i].guideline;
    case SchemaKind::Category:
      return &s.categories[i].guideline;
  }
  return nullptr;
}

QString* colourOf(Schema& s, SchemaKind kind, int i) {
  switch (kind) {
    case SchemaKind::Entity:
      return &s.entityTypes[i].colour;
    case SchemaKind::Relation:
      return &s.relationTypes[i].colour;
    case SchemaKind::QaField:
      return nullptr;
    case SchemaKind::Category:
      return &s.categories[i].colour;
  }
  return nullptr;
}

QString* hotkeyOf(Schema& s, SchemaKind kind, int i) {
  switch (kind) {
    case SchemaKind::Entity:
      return &s.entityTypes[i].hotkey;
    case SchemaKind::Relation:
      return &s.relationTypes[i].hotkey;
    case SchemaKind::QaField:
      return &s.qaFields[i].hotkey;
    case SchemaKind::Category:
      return &s.categories[i].hotkey;
  }
  return nullptr;
}

QVector<QColor> coloursInUse(const Schema& s) {
  QVector<QColor> out;
  auto add = [&](const QString& c) {
    if (QColor::isValidColorName(c)) out.push_back(QColor::fromString(c));
  };
  for (const EntityType& t : s.entityTypes) add(t.colour);
  for (const RelationType& t : s.relationTypes) add(t.colour);
  for (const CategoryType& t : s.categories) add(t.colour);
  return out;
}

int addType(Schema& s, SchemaKind kind, const QString& name) {
  const QString colour = TypeColours::distinctColour(coloursInUse(s)).name();
  switch (kind) {
    case SchemaKind::Entity:
      s.entityTypes.push_back(EntityType{name, colour, {}, {}});
      break;
    case SchemaKind::Relation: {
      RelationType r;
      r.name = name;
      r.colour = colour;
      s.relationTypes.push_back(r);
      break;
    }
    case SchemaKind::QaField: {
      QaField f;
      f.name = name;
      s.qaFields.push_back(f);
      break;
    }
    case SchemaKind::Category:
      s.categories.push_back(CategoryType{name, colour, {}, {}});
      break;
  }
  return typeCount(s, kind) - 1;
}

void renameType(Schema& s, SchemaKind kind, int i, const QString& name) {
  QString* current = nameOf(s, kind, i);
  const QString old = *current;
  *current = name;
  if (kind != SchemaKind::Entity) return;
  for (RelationType& r : s.relationTypes)
    for (QStringList* args : {&r.headTypes, &r.tailTypes})
      for (QString& t : *args)
        if (t == old) t = name;
  for (QaField& f : s.qaFields)
    if (f.entityType == old) f.entityType = name;
}

void removeType(Schema& s, SchemaKind kind, int i) {
  switch (kind) {
    case SchemaKind::Entity: {
      const QString old = s.entityTypes[i].name;
      s.entityTypes.removeAt(i);
      for (RelationType& r : s.relationTypes) {
        r.headTypes.removeAll(old);
        r.tailTypes.removeAll(old);
      }
      for (QaField& f : s.qaFields)  // the field stays, answered by annotation alone
        if (f.entityType == old) f.entityType.clear();
      break;
    }
    case SchemaKind::Relation:
      s.relationTypes.removeAt(i);
      break;
    case SchemaKind::QaField:
      s.qaFields.removeAt(i);
      break;
    case SchemaKind::Category:
      s.categories.removeAt(i);
      break;
  }
}

QString hotkeyOwner(const Schema& schema, const QString& key, SchemaKind kind, int index) {
  if (key.isEmpty()) return {};
  const Schema& s = schema;
  QString owner;
  forEachKind([&](SchemaKind k) {
    for (int i = 0; i < typeCount(s, k) && owner.isEmpty(); ++i) {
      if (k == kind && i == index) continue;
      if (hotkeyAt(s, k, i).compare(key, Qt::CaseInsensitive) == 0)
        owner = kindLabel(k) + QLatin1Char(' ') + nameAt(s, k, i);
    }
  });
  return owner;
}

QString reservedKeyProblem(const QString& key) {
  const ViewCommand command = AnnotationKeys::reservedBy(key);
  if (command == ViewCommand::None) return {};
  return QCoreApplication::translate("SchemaEdits",
                                     "The key %1 is reserved in the document view (%2); pick another key.")
      .arg(key.trimmed().toUpper(), AnnotationKeys::description(command));
}

QStringList hotkeyProblems(const Schema& schema) {
  QStringList problems;
  forEachKind([&](SchemaKind kind) {
    for (int i = 0; i < typeCount(schema, kind); ++i) {
      const QString key = hotkeyAt(schema, kind, i);
      if (key.isEmpty()) continue;
      const QString who = kindLabel(kind) + QLatin1Char(' ') + nameAt(schema, kind, i);
      if (const QString reserved = reservedKeyProblem(key); !reserved.isEmpty())
        problems << who + QStringLiteral(": ") + reserved;
      // Each clash once: reported by the later of the two types.
      if (const QString owner = hotkeyOwner(schema, key, kind, i); !owner.isEmpty()) {
        bool earlier = false, reached = false;
        forEachKind([&](SchemaKind k) {
          for (int j = 0; j < typeCount(schema, k) && !reached; ++j) {
            reached = k == kind && j == i;
            if (!reached && hotkeyAt(schema, k, j).compare(key, Qt::CaseInsensitive) == 0) earlier = true;
          }
        });
        if (earlier)
          problems << who + QStringLiteral(": ") +
                          QCoreApplication::translate("SchemaEdits", "the key %1 already belongs to %2.")
                              .arg(key, owner);
      }
    }
  });
  return problems;
}

}  // namespace quarry::ui
