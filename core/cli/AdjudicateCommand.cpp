#include "cli/AdjudicateCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "jobs/Adjudication.h"
#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"

namespace quarry::cli {
namespace {

QJsonObject toJson(const jobs::DocumentAdjudication& a) {
  QJsonArray windows;
  for (const jobs::AdjudicationWindow& w : a.windows) {
    QJsonObject versions;
    for (int i = 0; i < w.annotators.size(); ++i) versions[w.annotators[i]] = QJsonArray::fromStringList(w.versions[i]);
    windows.append(QJsonObject{{QStringLiteral("start"), w.start},
                               {QStringLiteral("end"), w.end},
                               {QStringLiteral("agreed"), w.agreed},
                               {QStringLiteral("decided_for"), w.decided && !w.agreed ? QJsonValue(w.decidedFor) : QJsonValue()},
                               {QStringLiteral("versions"), versions}});
  }
  return {{QStringLiteral("document"), a.document},
          {QStringLiteral("annotators"), QJsonArray::fromStringList(a.annotators)},
          {QStringLiteral("agreed_windows"), a.agreedWindows},
          {QStringLiteral("undecided"), a.undecided},
          {QStringLiteral("adjudicated_by"), a.adjudicatedBy.isEmpty() ? QJsonValue() : QJsonValue(a.adjudicatedBy)},
          {QStringLiteral("windows"), windows}};
}

void print(QTextStream& out, const jobs::DocumentAdjudication& a) {
  out << a.document << "  " << a.annotators.join(QStringLiteral(", ")) << "  agreed windows " << a.agreedWindows
      << ", undecided " << a.undecided;
  if (!a.adjudicatedBy.isEmpty()) out << ", adjudicated by " << a.adjudicatedBy;
  out << '\n';
  for (const jobs::AdjudicationWindow& w : a.windows) {
    if (w.agreed) continue;
    out << "  "
        << (w.start < 0 ? QStringLiteral("document (labels, questions answered none)")
                        : QStringLiteral("window %1-%2").arg(w.start).arg(w.end));
    out << (w.decided ? QStringLiteral(" (took %1)").arg(w.decidedFor.isEmpty() ? QStringLiteral("none") : w.decidedFor)
                      : QString())
        << '\n';
    for (int i = 0; i < w.annotators.size(); ++i)
      out << "    " << w.annotators[i] << ": "
          << (w.versions[i].isEmpty() ? QStringLiteral("(nothing)") : w.versions[i].join(QStringLiteral("; "))) << '\n';
  }
}

}  // namespace

void AdjudicateCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("project"),
                               QStringLiteral("The project: a file (*.quarry) or a postgresql:// URL."));
  parser.addOption({QStringLiteral("adjudicator"), QStringLiteral("Who decides (their layer becomes the gold layer)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("document"),
                    QStringLiteral("Only this document (by name). Default: every document several annotators annotated."),
                    QStringLiteral("name")});
  parser.addOption(
      {QStringLiteral("accept"),
       QStringLiteral("With --document: take ANNOTATOR's version of the window starting at START (a code "
                      "point offset, or 'document' for the labels and the questions answered none); an empty "
                      "ANNOTATOR takes "
                      "none (repeatable)."),
       QStringLiteral("start=annotator")});
  parser.addOption({QStringLiteral("finish"),
                    QStringLiteral("With --document: mark it adjudicated (refused while a disagreement is undecided); "
                                   "training then reads its gold layer.")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the documents' windows as JSON.")});
}

int AdjudicateCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one project"));
  if (!parser.isSet(QStringLiteral("adjudicator"))) return usage(io, QStringLiteral("name the adjudicator: --adjudicator NAME"));
  if ((parser.isSet(QStringLiteral("accept")) || parser.isSet(QStringLiteral("finish"))) &&
      !parser.isSet(QStringLiteral("document")))
    return usage(io, QStringLiteral("--accept and --finish need --document"));
  if (!ProjectLocation::mayExist(args[0])) return fail(io, Error("no such project", args[0].toStdString()));
  auto opened = ProjectStore::open(args[0]);
  if (!opened) return fail(io, opened.error());
  ProjectStore& store = *opened.value();
  const QString adjudicator = parser.value(QStringLiteral("adjudicator")).trimmed();
  jobs::Adjudication adjudication(store, adjudicator);

  Result<QVector<DocumentSummary>> documents = store.listDocuments();
  if (!documents) return fail(io, documents.error());
  QVector<qint64> ids;
  for (const DocumentSummary& d : documents.value())
    if (!parser.isSet(QStringLiteral("document")) || d.name == parser.value(QStringLiteral("document"))) ids << d.id;
  if (ids.isEmpty())
    return fail(io, Error("no document named '" + parser.value(QStringLiteral("document")).toStdString() + "'",
                          store.displayPath().toStdString()));
  const qint64 one = parser.isSet(QStringLiteral("document")) ? ids.front() : 0;
  for (const QString& item : parser.values(QStringLiteral("accept"))) {
    const int eq = item.indexOf(QLatin1Char('='));
    bool ok = eq > 0;
    const QString where = item.left(eq);
    const bool wholeDocument = where == QLatin1String("document") || where == QLatin1String("labels");
    const int start = wholeDocument ? -1 : where.toInt(&ok);
    if (!ok) return usage(io, QStringLiteral("--accept expects START=ANNOTATOR, not '%1'").arg(item));
    if (Status s = adjudication.accept(one, start, item.mid(eq + 1).trimmed()); !s) return fail(io, s.error());
  }
  if (parser.isSet(QStringLiteral("finish")))
    if (Status s = adjudication.finish(one); !s) return fail(io, s.error());

  QJsonArray json;
  int merged = 0, shown = 0;
  for (qint64 id : ids) {
    Result<jobs::DocumentAdjudication> state = adjudication.review(id);
    if (!state) return fail(io, state.error());
    if (state->annotators.size() < 2 && !one) continue;  // nothing to adjudicate
    if (state->adjudicatedBy.isEmpty()) {
      Result<int> n = adjudication.mergeAgreed(id);
      if (!n) return fail(io, n.error());
      merged += *n;
      state = adjudication.review(id);
      if (!state) return fail(io, state.error());
    }
    ++shown;
    if (parser.isSet(QStringLiteral("json")))
      json.append(toJson(*state));
    else
      print(io.out, *state);
  }
  if (parser.isSet(QStringLiteral("json")))
    io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("merged"), merged}, {QStringLiteral("documents"), json}})
                                    .toJson(QJsonDocument::Indented));
  else
    io.out << shown << " document(s); " << merged << " agreed item(s) merged into " << adjudicator << "'s gold layer\n";
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
