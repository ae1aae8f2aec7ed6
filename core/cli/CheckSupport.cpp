#include "cli/CheckSupport.h"

#include "eval/SpanContext.h"

namespace quarry::cli::check {

QString q(const std::string& s) { return QString::fromStdString(s); }

Result<double> readNumber(const QCommandLineParser& parser, const QString& option, double fallback, double low,
                          double high) {
  if (!parser.isSet(option)) return fallback;
  bool ok = false;
  const double value = parser.value(option).toDouble(&ok);
  if (!ok || value < low || value > high)
    return Error("--" + option.toStdString() + " must be a number from " + QString::number(low).toStdString() +
                 " to " + QString::number(high).toStdString() + ", not \"" + parser.value(option).toStdString() + "\"");
  return value;
}

Result<int> readCount(const QCommandLineParser& parser, const QString& option, int fallback, int low, int high) {
  auto value = readNumber(parser, option, fallback, low, high);
  if (!value) return value.error();
  if (*value != static_cast<int>(*value))
    return Error("--" + option.toStdString() + " must be a whole number, not \"" + parser.value(option).toStdString() + "\"");
  return static_cast<int>(*value);
}

std::string contextOf(const jobs::QualityDocuments& docs, int32_t document, int32_t start, int32_t end) {
  return eval::spanContext(docs.documents[static_cast<size_t>(document)].text, start, end, 40);
}

QString documentName(const jobs::QualityDocuments& docs, int32_t document) {
  return q(docs.documents[static_cast<size_t>(document)].id);
}


}  // namespace quarry::cli::check
