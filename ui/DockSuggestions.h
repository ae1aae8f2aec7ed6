#pragma once
// A model's suggestions that the docks show beside the open document (training/SuggestionController reads
// them from the store and decides them): an answer to a QA field in the Questions dock, a category in the
// Categories dock.

#include <QString>

namespace quarry::ui {

struct SuggestedAnswer {
  qint64 id = 0;  // the prediction row it comes from
  QString field;  // the QA field it answers
  int start = 0;  // code points; unused when noAnswer
  int end = 0;
  QString text;
  bool noAnswer = false;  // the model judges that the text does not answer the field
  double confidence = 0;

  bool operator==(const SuggestedAnswer& o) const {
    return id == o.id && field == o.field && start == o.start && end == o.end && text == o.text &&
           noAnswer == o.noAnswer && confidence == o.confidence;
  }
};

struct SuggestedCategory {
  qint64 id = 0;  // the prediction row it comes from
  QString category;
  double confidence = 0;

  bool operator==(const SuggestedCategory& o) const {
    return id == o.id && category == o.category && confidence == o.confidence;
  }
};

}  // namespace quarry::ui
