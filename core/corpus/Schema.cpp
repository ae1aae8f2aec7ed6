#include "corpus/Schema.h"

#include <algorithm>

#include <QSet>

namespace quarry {
namespace {

template <typename T>
const T* findByName(const QVector<T>& items, const QString& name) {
  auto it = std::find_if(items.cbegin(), items.cend(), [&](const T& t) { return t.name == name; });
  return it == items.cend() ? nullptr : &*it;
}

// Hashes the names once: a SQuAD import brings one QA field per question (10,000+).
template <typename T>
void appendMissing(QVector<T>& mine, const QVector<T>& theirs) {
  QSet<QString> names;
  names.reserve(mine.size());
  for (const T& t : mine) names.insert(t.name);
  for (const T& t : theirs)
    if (!names.contains(t.name)) {
      names.insert(t.name);
      mine.push_back(t);
    }
}

}  // namespace

bool Guideline::isEmpty() const {
  return definition.isEmpty() && positiveExamples.isEmpty() && negativeExamples.isEmpty() &&
         edgeCases.isEmpty();
}

bool Guideline::operator==(const Guideline& o) const {
  return definition == o.definition && positiveExamples == o.positiveExamples &&
         negativeExamples == o.negativeExamples && edgeCases == o.edgeCases;
}

bool EntityType::operator==(const EntityType& o) const {
  return name == o.name && colour == o.colour && hotkey == o.hotkey && guideline == o.guideline;
}

bool RelationType::allows(const QString& headType, const QString& tailType) const {
  auto fits = [](const QStringList& allowed, const QString& t) {
    return allowed.isEmpty() || allowed.contains(t);
  };
  if (fits(headTypes, headType) && fits(tailTypes, tailType)) return true;
  return !directed && fits(headTypes, tailType) && fits(tailTypes, headType);
}

bool RelationType::operator==(const RelationType& o) const {
  return name == o.name && directed == o.directed && headTypes == o.headTypes &&
         tailTypes == o.tailTypes && colour == o.colour && hotkey == o.hotkey &&
         guideline == o.guideline;
}

bool QaField::operator==(const QaField& o) const {
  return name == o.name && questions == o.questions && hotkey == o.hotkey &&
         guideline == o.guideline && entityType == o.entityType;
}

bool CategoryType::operator==(const CategoryType& o) const {
  return name == o.name && colour == o.colour && hotkey == o.hotkey && guideline == o.guideline;
}

const EntityType* Schema::entityType(const QString& name) const { return findByName(entityTypes, name); }
const RelationType* Schema::relationType(const QString& name) const {
  return findByName(relationTypes, name);
}
const QaField* Schema::qaField(const QString& name) const { return findByName(qaFields, name); }
const CategoryType* Schema::category(const QString& name) const { return findByName(categories, name); }

void Schema::mergeFrom(const Schema& other) {
  appendMissing(entityTypes, other.entityTypes);
  appendMissing(relationTypes, other.relationTypes);
  appendMissing(qaFields, other.qaFields);
  appendMissing(categories, other.categories);
  multiLabelCategories = multiLabelCategories || other.multiLabelCategories;
}

bool Schema::isEmpty() const {
  return entityTypes.isEmpty() && relationTypes.isEmpty() && qaFields.isEmpty() && categories.isEmpty();
}

bool Schema::operator==(const Schema& o) const {
  return entityTypes == o.entityTypes && relationTypes == o.relationTypes && qaFields == o.qaFields &&
         categories == o.categories && multiLabelCategories == o.multiLabelCategories &&
         guidelineVersion == o.guidelineVersion;
}

}  // namespace quarry
