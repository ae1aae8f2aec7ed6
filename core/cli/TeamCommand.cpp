#include "cli/TeamCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/TaskCommandSupport.h"
#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"

namespace quarry::cli {

void TeamCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("project"),
                               QStringLiteral("The project: a file (*.quarry) or a postgresql:// URL."));
  parser.addOption({QStringLiteral("role"),
                    QStringLiteral("Set a member's role: NAME=annotator|reviewer|adjudicator|manager (repeatable; "
                                   "adds the member when new). On a postgresql:// project whose server has a login user of that name, "
                                   "the project's owner also grants that user the tables; each member then logs in "
                                   "as themselves and the server refuses their writes to anyone else's layer."),
                    QStringLiteral("name=role")});
  parser.addOption({QStringLiteral("assign"),
                    QStringLiteral("Assign the documents to these annotators (comma-separated), --per-document of them "
                                   "each, loads balanced; turns on separate layers."),
                    QStringLiteral("names")});
  parser.addOption({QStringLiteral("per-document"), QStringLiteral("Annotators per document (default 2)."),
                    QStringLiteral("k"), QStringLiteral("2")});
  parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the assignment (default 1)."), QStringLiteral("n"),
                    QStringLiteral("1")});
  parser.addOption({QStringLiteral("splits"),
                    QStringLiteral("Assign only documents of these splits (comma-separated). Default: every split."),
                    QStringLiteral("splits")});
  parser.addOption({QStringLiteral("done"), QStringLiteral("Mark the assignment of this document (by name) done."),
                    QStringLiteral("document")});
  parser.addOption({QStringLiteral("reopen"), QStringLiteral("Mark the assignment of this document (by name) not done."),
                    QStringLiteral("document")});
  parser.addOption({QStringLiteral("annotator"), QStringLiteral("Whose assignment --done or --reopen marks."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the team as one JSON object.")});
}

int TeamCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one project"));
  if (!ProjectLocation::mayExist(args[0])) return fail(io, Error("no such project", args[0].toStdString()));
  const bool writes = parser.isSet(QStringLiteral("role")) || parser.isSet(QStringLiteral("assign")) ||
                      parser.isSet(QStringLiteral("done")) || parser.isSet(QStringLiteral("reopen"));
  auto opened = ProjectStore::open(args[0], writes ? OpenMode::ReadWrite : OpenMode::ReadOnly);
  if (!opened) return fail(io, opened.error());
  ProjectStore& store = *opened.value();

  for (const QString& item : parser.values(QStringLiteral("role"))) {
    const int eq = item.indexOf(QLatin1Char('='));
    TeamRole role;
    if (eq <= 0 || !parseTeamRole(item.mid(eq + 1), &role))
      return usage(io, QStringLiteral("--role expects NAME=annotator|reviewer|adjudicator|manager, not '%1'").arg(item));
    if (Status s = store.setTeamRole(item.left(eq).trimmed(), role); !s) return fail(io, s.error());
  }

  if (parser.isSet(QStringLiteral("assign"))) {
    QStringList names = parser.value(QStringLiteral("assign")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString& n : names) n = n.trimmed();
    bool ok = false;
    const int k = parser.value(QStringLiteral("per-document")).toInt(&ok);
    if (!ok || k < 1) return usage(io, QStringLiteral("--per-document expects a positive number"));
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) return usage(io, QStringLiteral("--seed expects a number"));
    DocumentListFilter filter;
    if (parser.isSet(QStringLiteral("splits"))) {
      Result<QVector<Split>> splits = readSplits(parser, QStringLiteral("splits"));
      if (!splits) return fail(io, splits.error());
      filter.splits = splits.value();
    }
    Result<QVector<DocumentSummary>> documents = store.listDocuments(filter);
    if (!documents) return fail(io, documents.error());
    QVector<qint64> ids;
    for (const DocumentSummary& d : documents.value()) ids << d.id;
    Result<AssignmentSummary> summary = store.assignDocuments(ids, names, k, seed);
    if (!summary) return fail(io, summary.error());
    if (Status s = store.setSeparateLayers(true); !s) return fail(io, s.error());
    if (!parser.isSet(QStringLiteral("json")))
      io.out << "assigned " << summary->created << " (document, annotator) pairs over " << summary->documents
             << " documents, " << k << " annotators each\n";
  }

  for (const QString& option : {QStringLiteral("done"), QStringLiteral("reopen")}) {
    if (!parser.isSet(option)) continue;
    if (!parser.isSet(QStringLiteral("annotator"))) return usage(io, QStringLiteral("--%1 needs --annotator").arg(option));
    DocumentListFilter filter;
    Result<QVector<DocumentSummary>> documents = store.listDocuments(filter);
    if (!documents) return fail(io, documents.error());
    qint64 id = 0;
    for (const DocumentSummary& d : documents.value())
      if (d.name == parser.value(option)) id = d.id;
    if (id == 0) return fail(io, Error("no document named '" + parser.value(option).toStdString() + "'", store.displayPath().toStdString()));
    if (Status s = store.setAssignmentDone(id, parser.value(QStringLiteral("annotator")), option == QLatin1String("done")); !s)
      return fail(io, s.error());
  }

  Result<QVector<TeamMember>> members = store.teamMembers();
  if (!members) return fail(io, members.error());
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonArray list;
    for (const TeamMember& m : members.value())
      list.append(QJsonObject{{QStringLiteral("name"), m.name},
                              {QStringLiteral("role"), teamRoleName(m.role)},
                              {QStringLiteral("assigned"), m.assigned},
                              {QStringLiteral("done"), m.done}});
    Result<ProjectInfo> info = store.info();
    if (!info) return fail(io, info.error());
    io.out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("members"), list},
                                                          {QStringLiteral("separate_layers"), info->separateLayers}})
                                    .toJson(QJsonDocument::Indented));
    io.out.flush();
    return kExitOk;
  }
  int width = 6;
  for (const TeamMember& m : members.value()) width = std::max(width, int(m.name.size()));
  io.out << QStringLiteral("member").leftJustified(width) << "  role         assigned    done\n";
  for (const TeamMember& m : members.value())
    io.out << m.name.leftJustified(width) << "  " << teamRoleName(m.role).leftJustified(11)
           << QString::number(m.assigned).rightJustified(10) << QString::number(m.done).rightJustified(8) << '\n';
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
