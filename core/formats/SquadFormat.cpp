#include "formats/SquadFormat.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include "corpus/JsonText.h"
#include "corpus/TextOffsets.h"
#include "formats/CorpusValidator.h"
#include "formats/ImportProblems.h"
#include "formats/TextFile.h"

namespace quarry {
namespace {

const QString kTitle = QStringLiteral("title");
const QString kParagraph = QStringLiteral("paragraph");
const QString kVersion = QStringLiteral("squad_version");
const QString kParagraphExtra = QStringLiteral("squad_paragraph_extra");
const QString kArticleExtra = QStringLiteral("squad_article_extra");
const QString kQuestions = QStringLiteral("squad_questions");
const QString kPlausible = QStringLiteral("plausible_answers");
const QString kImpossible = QStringLiteral("is_impossible");

QJsonObject without(QJsonObject o, std::initializer_list<const char*> keys) {
  for (const char* k : keys) o.remove(QLatin1String(k));
  return o;
}

class Reader {
 public:
  Reader(const QString& file, const ImportOptions& options, ImportReport& report)
      : m_file(file), m_problems(options, report) {}

  Error fieldError(const QString& field, const QString& what) const {
    return Error(what.toStdString(), m_file.toStdString(), 0, field.toStdString());
  }

  Result<Corpus> read(const QJsonObject& root, const ProgressCallback& progress) {
    Corpus corpus;
    const QJsonValue version = root.value(QStringLiteral("version"));
    const QJsonValue data = root.value(QStringLiteral("data"));
    if (!data.isArray())
      return fieldError(QStringLiteral("data"), QStringLiteral("must be an array of articles"));
    const QJsonArray articles = data.toArray();
    for (int a = 0; a < articles.size(); ++a) {
      const QString ap = QStringLiteral("data[%1]").arg(a);
      if (!articles[a].isObject()) return fieldError(ap, QStringLiteral("must be an object"));
      const QJsonObject article = articles[a].toObject();
      const QString title = article.value(kTitle).toString();
      const QJsonValue paras = article.value(QStringLiteral("paragraphs"));
      if (!paras.isArray())
        return fieldError(ap + QStringLiteral(".paragraphs"), QStringLiteral("must be an array"));
      const QJsonObject articleExtra = without(article, {"title", "paragraphs"});
      const QJsonArray paragraphs = paras.toArray();
      for (int p = 0; p < paragraphs.size(); ++p) {
        const QString pp = ap + QStringLiteral(".paragraphs[%1]").arg(p);
        if (!paragraphs[p].isObject()) return fieldError(pp, QStringLiteral("must be an object"));
        Document d;
        if (!readParagraph(paragraphs[p].toObject(), pp, d, corpus.schema)) return m_error;
        d.name = QStringLiteral("%1:%2").arg(title).arg(p);
        d.sourceFile = m_file;
        d.metadata[kTitle] = title;
        d.metadata[kParagraph] = p;
        if (!version.isUndefined()) d.metadata[kVersion] = version;
        if (p == 0 && !articleExtra.isEmpty()) d.metadata[kArticleExtra] = articleExtra;
        corpus.documents.push_back(d);
      }
      if (progress && !progress(a + 1, articles.size()))
        return Error("import cancelled", m_file.toStdString());
    }
    return corpus;
  }

 private:
  bool fail(const QString& field, const QString& what) {
    m_error = fieldError(field, what);
    return false;
  }

  bool readParagraph(const QJsonObject& para, const QString& pp, Document& d, Schema& schema) {
    const QJsonValue context = para.value(QStringLiteral("context"));
    if (!context.isString()) return fail(pp + QStringLiteral(".context"), QStringLiteral("must be a string"));
    d.text = context.toString();
    const TextOffsets offsets(d.text);
    const QJsonObject extra = without(para, {"context", "qas"});
    if (!extra.isEmpty()) d.metadata[kParagraphExtra] = extra;
    const QJsonValue qasValue = para.value(QStringLiteral("qas"));
    if (!qasValue.isArray()) return fail(pp + QStringLiteral(".qas"), QStringLiteral("must be an array"));
    const QJsonArray qas = qasValue.toArray();
    QJsonArray questions;
    for (int q = 0; q < qas.size(); ++q) {
      const QString qp = pp + QStringLiteral(".qas[%1]").arg(q);
      const QJsonObject qa = qas[q].toObject();
      const QString id = qa.value(QStringLiteral("id")).toString();
      const QJsonValue question = qa.value(QStringLiteral("question"));
      if (id.isEmpty()) return fail(qp + QStringLiteral(".id"), QStringLiteral("must be a non-empty string"));
      if (!question.isString())
        return fail(qp + QStringLiteral(".question"), QStringLiteral("must be a string"));
      if (const auto known = m_questions.constFind(id); known != m_questions.cend()) {
        if (*known != question.toString())
          return fail(qp + QStringLiteral(".id"),
                      QStringLiteral("question id '%1' is used twice with different questions").arg(id));
      } else {
        QaField f;
        f.name = id;
        f.questions = {question.toString()};
        schema.qaFields.push_back(f);
        m_questions.insert(id, f.questions.front());
      }
      QJsonObject qExtra = without(qa, {"question", "answers", "plausible_answers"});
      questions.append(qExtra);
      const bool impossible = qa.value(kImpossible).toBool(false);
      if (impossible) {
        QaAnswer none;
        none.field = none.questionId = id;
        none.noAnswer = true;
        if (qa.contains(kPlausible)) none.attributes[kPlausible] = qa.value(kPlausible);
        d.answers.push_back(none);
      }
      const QJsonValue answersValue = qa.value(QStringLiteral("answers"));
      if (!answersValue.isUndefined() && !answersValue.isNull() && !answersValue.isArray())
        return fail(qp + QStringLiteral(".answers"), QStringLiteral("must be an array"));
      const QJsonArray answers = answersValue.toArray();
      for (int i = 0; i < answers.size(); ++i) {
        const QString field = qp + QStringLiteral(".answers[%1]").arg(i);
        const QJsonObject ans = answers[i].toObject();
        const QJsonValue startValue = ans.value(QStringLiteral("answer_start"));
        const QJsonValue textValue = ans.value(QStringLiteral("text"));
        if (!startValue.isDouble())
          return fail(field + QStringLiteral(".answer_start"), QStringLiteral("must be a number"));
        if (!textValue.isString())
          return fail(field + QStringLiteral(".text"), QStringLiteral("must be a string"));
        const QString text = textValue.toString();
        int start = startValue.toInt();
        const int length = TextOffsets::codePointLength(text);
        const QString found = offsets.slice(d.text, start, start + length);
        if (start < 0 || start + length > offsets.codePointCount() || found != text) {
          const int around = offsets.toUtf16(qBound(0, start, offsets.codePointCount()));
          const int at = ImportProblems::nearestOccurrence(d.text, text, around);
          const QString what = QStringLiteral("%1: answer '%2' is not the context at %3 ('%4')")
                                   .arg(field, text)
                                   .arg(start)
                                   .arg(found);
          if (!m_problems.raise(
                  m_file, 0, what,
                  at < 0 ? QStringLiteral("dropped") : QStringLiteral("moved to the nearest occurrence"))) {
            m_error = Error(QStringLiteral("answer '%1' is not the context at %2 ('%3')")
                                .arg(text)
                                .arg(start)
                                .arg(found)
                                .toStdString(),
                            m_file.toStdString(), 0, field.toStdString());
            return false;
          }
          if (at < 0) continue;
          start = offsets.toCodePoint(at);
        }
        QaAnswer answer;
        answer.field = answer.questionId = id;
        answer.start = start;
        answer.end = start + length;
        answer.attributes = without(ans, {"text", "answer_start"});
        d.answers.push_back(answer);
      }
    }
    if (!questions.isEmpty()) d.metadata[kQuestions] = questions;
    return true;
  }

  QString m_file;
  ImportProblems m_problems;
  Error m_error;
  QHash<QString, QString> m_questions;  // id -> question text; Schema::qaField is a linear search
};

// Question ids of a document in order: as imported, else in the order its answers name them.
QStringList questionOrder(const Document& d, QVector<QJsonObject>* extras) {
  QStringList ids;
  for (const QJsonValue& v : d.metadata.value(kQuestions).toArray()) {
    const QJsonObject o = v.toObject();
    ids << o.value(QStringLiteral("id")).toString();
    extras->push_back(o);
  }
  for (const QaAnswer& a : d.answers)
    if (!ids.contains(a.field)) {
      ids << a.field;
      extras->push_back(QJsonObject{{QStringLiteral("id"), a.field}});
    }
  return ids;
}

QJsonObject paragraphJson(const Document& d, const QHash<QString, QString>& questionTexts) {
  QJsonObject para = d.metadata.value(kParagraphExtra).toObject();
  para[QStringLiteral("context")] = d.text;
  const TextOffsets offsets(d.text);
  QVector<QJsonObject> extras;
  const QStringList ids = questionOrder(d, &extras);
  const bool v2 = d.metadata.value(kVersion).toString().contains(QLatin1Char('2'));
  QJsonArray qas;
  for (int i = 0; i < ids.size(); ++i) {
    QJsonObject qa = extras[i];
    qa[QStringLiteral("question")] = questionTexts.value(ids[i], ids[i]);
    QJsonArray answers;
    bool impossible = false;
    for (const QaAnswer& a : d.answers) {
      if (a.field != ids[i]) continue;
      if (a.noAnswer) {
        impossible = true;
        if (a.attributes.contains(kPlausible)) qa[kPlausible] = a.attributes.value(kPlausible);
        continue;
      }
      QJsonObject ans = a.attributes;
      ans[QStringLiteral("text")] = offsets.slice(d.text, a.start, a.end);
      ans[QStringLiteral("answer_start")] = a.start;
      answers.append(ans);
    }
    qa[QStringLiteral("answers")] = answers;
    if (impossible || qa.contains(kImpossible) || v2) qa[kImpossible] = impossible;
    qas.append(qa);
  }
  para[QStringLiteral("qas")] = qas;
  return para;
}

}  // namespace

QString SquadFormat::description() const {
  return QCoreApplication::translate("quarry::Format",
                                     "SQuAD v1.1/v2.0 JSON: paragraphs with questions and answer spans");
}

Result<Corpus> SquadFormat::read(const QString& path, const ImportOptions& options,
                                 ImportReport& report) const {
  ImportReport local = report;
  ImportProblems problems(options, local);
  Result<QString> text = readUtf8File(path, &problems);
  if (!text) return text.error();
  Result<QJsonDocument> doc =
      parseJson(text->toUtf8(), path, 1, problems.repairing() ? &local.warnings : nullptr);
  if (!doc) return doc.error();
  if (!doc->isObject()) return Error("a SQuAD file is a JSON object with \"data\"", path.toStdString(), 1);
  Reader reader(path, options, local);
  Result<Corpus> corpus = reader.read(doc->object(), options.progress);
  if (!corpus) return corpus.error();
  if (Status s = validateCorpus(*corpus, options, local, path); !s) return s.error();
  report = local;
  return corpus;
}

Status SquadFormat::write(const Corpus& corpus, const QString& path, const ExportOptions& options) const {
  QJsonArray data;
  QJsonObject article;
  QJsonArray paragraphs;
  QString currentTitle;
  QJsonValue version(QJsonValue::Undefined);
  auto flush = [&]() {
    if (article.isEmpty()) return;
    article[QStringLiteral("paragraphs")] = paragraphs;
    data.append(article);
    article = {};
    paragraphs = {};
  };
  QHash<QString, QString> questionTexts;
  for (const QaField& f : corpus.schema.qaFields) questionTexts.insert(f.name, f.questions.value(0));
  qint64 done = 0;
  for (const Document& d : corpus.documents) {
    if (!options.split.isEmpty() && splitName(d.split) != options.split) continue;
    const QString title = d.metadata.contains(kTitle) ? d.metadata.value(kTitle).toString() : d.name;
    // A new article starts where the title changes, or where an imported first paragraph starts one.
    const bool first = d.metadata.contains(kParagraph) && d.metadata.value(kParagraph).toInt() == 0;
    if (article.isEmpty() || title != currentTitle || first) {
      flush();
      article = d.metadata.value(kArticleExtra).toObject();
      article[kTitle] = title;
      currentTitle = title;
    }
    if (version.isUndefined() && d.metadata.contains(kVersion)) version = d.metadata.value(kVersion);
    paragraphs.append(paragraphJson(d, questionTexts));
    if (options.progress && !options.progress(++done, corpus.documents.size()))
      return Error("export cancelled", path.toStdString());
  }
  flush();
  QJsonObject root{{QStringLiteral("data"), data}};
  root[QStringLiteral("version")] = version.isUndefined() ? QJsonValue(QStringLiteral("1.1")) : version;
  return writeFileBytes(
      path, QJsonDocument(root).toJson(options.pretty ? QJsonDocument::Indented : QJsonDocument::Compact));
}

}  // namespace quarry
