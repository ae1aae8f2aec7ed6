#include "cli/TaskCommandSupport.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"

namespace quarry::cli {

void addDataOptions(QCommandLineParser& parser, const QString& defaultSplit) {
  parser.addOption({QStringLiteral("project"), QStringLiteral("Read documents from this project (*.quarry)."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("format"),
                    QStringLiteral("Format of --data/--train/--dev files (default: guessed)."),
                    QStringLiteral("name")});
  parser.addOption({QStringLiteral("tag-scheme"),
                    QStringLiteral("CoNLL input: iob1, iob2 or bioes (default: detected)."),
                    QStringLiteral("scheme")});
  if (!defaultSplit.isEmpty())
    parser.addOption({QStringLiteral("split"),
                      QStringLiteral("With --project: the split(s) to use, comma-separated (default: %1).")
                          .arg(defaultSplit),
                      QStringLiteral("names"), defaultSplit});
}

Result<jobs::DocumentSet> readDocuments(const QCommandLineParser& parser, const QString& splitsOption,
                                              const QString& dataOption) {
  if (!dataOption.isEmpty() && parser.isSet(dataOption)) {
    jobs::DocumentSet all;
    for (const QString& path : parser.value(dataOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      auto set = jobs::documentsFromFile(path, parser.value(QStringLiteral("format")),
                                            parser.value(QStringLiteral("tag-scheme")));
      if (!set) return set.error();
      all.documents.insert(all.documents.end(), set->documents.begin(), set->documents.end());
      for (const auto& [from, to] : {std::pair{&set->entityTypes, &all.entityTypes},
                                     std::pair{&set->relationTypes, &all.relationTypes},
                                     std::pair{&set->categories, &all.categories}})
        for (const QString& t : *from)
          if (!to->contains(t)) *to << t;
      for (const auto& spec : set->relationSpecs)
        if (std::none_of(all.relationSpecs.begin(), all.relationSpecs.end(),
                         [&](const document::RelationTypeSpec& s) { return s.name == spec.name; }))
          all.relationSpecs.push_back(spec);
      for (const QaField& field : set->qaFields)
        if (std::none_of(all.qaFields.cbegin(), all.qaFields.cend(), [&](const QaField& f) { return f.name == field.name; }))
          all.qaFields.push_back(field);
      all.multiLabelCategories = all.multiLabelCategories || set->multiLabelCategories;
      all.discontinuous += set->discontinuous;
    }
    return all;
  }
  if (!parser.isSet(QStringLiteral("project")))
    return Error("name the documents: --project FILE or --" + dataOption.toStdString() + " FILE", "", 0,
                 "project");
  const QString path = parser.value(QStringLiteral("project"));
  if (!ProjectLocation::mayExist(path)) return Error("no such project", path.toStdString());
  auto store = ProjectStore::open(path, OpenMode::ReadOnly);
  if (!store) return store.error();
  auto splits = readSplits(parser, splitsOption);
  if (!splits) return splits.error();
  return jobs::documentsFromStore(*store.value(), splits.value());
}

Result<QVector<Split>> readSplits(const QCommandLineParser& parser, const QString& splitsOption) {
  QVector<Split> splits;
  for (const QString& name : parser.value(splitsOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    Split s;
    if (!parseSplit(name.trimmed(), &s))
      return Error("unknown split \"" + name.toStdString() + "\" (train, dev, test, unassigned)", "", 0,
                   splitsOption.toStdString());
    splits << s;
  }
  return splits;
}

void addTaskOption(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("task"),
                    QStringLiteral("What to train: ner (entity spans, the default), classify (document "
                                   "categories), relation (relations between entities), qa (extractive "
                                   "answers to questions) or multi (the tasks of --set tasks=ner,classify on "
                                   "one shared encoder)."),
                    QStringLiteral("task")});
}

void addTrainConfigOptions(QCommandLineParser& parser) {
  parser.addOption(
      {QStringLiteral("config"),
       QStringLiteral("Training options as a JSON object (every option has a default: --help-config)."),
       QStringLiteral("file")});
  parser.addOption({QStringLiteral("set"),
                    QStringLiteral("Override one option, e.g. --set epochs=10 (repeatable)."),
                    QStringLiteral("key=value")});
  parser.addOption(
      {QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("n")});
}

Result<train::TrainConfig> readTrainConfig(const QCommandLineParser& parser, const std::string& task) {
  nlohmann::json j = nlohmann::json::object();
  std::string source = "command line";
  if (parser.isSet(QStringLiteral("config"))) {
    source = parser.value(QStringLiteral("config")).toStdString();
    auto parsed = readJsonFile(source);
    if (!parsed) return parsed.error();
    j = std::move(*parsed);
    if (!j.is_object()) return Error("a training configuration must be a JSON object", source);
  }
  // Flags come before --set (optionNames: the options given, so commands without --task never ask).
  if (parser.optionNames().contains(QStringLiteral("task")))
    j["task"] = parser.value(QStringLiteral("task")).toStdString();
  for (const QString& assignment : parser.values(QStringLiteral("set"))) {
    const int eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0) return Error("expected key=value, got \"" + assignment.toStdString() + "\"", "", 0, "set");
    const std::string key = assignment.left(eq).trimmed().toStdString();
    const std::string value = assignment.mid(eq + 1).trimmed().toStdString();
    auto parsed = parseJson(value, "--set " + key);                // numbers, true/false, "quoted"
    j[key] = parsed ? std::move(*parsed) : nlohmann::json(value);  // a bare word is a string
  }
  if (parser.isSet(QStringLiteral("threads"))) j["threads"] = parser.value(QStringLiteral("threads")).toInt();
  if (!task.empty()) {
    if (j.contains("task") && j["task"] != task)
      return Error("this command trains task \"" + task + "\", not " + j["task"].dump(), source, 0, "task");
    j["task"] = task;
  }
  return train::TrainConfig::fromJson(j, source);
}

QString trainingSubject(const QCommandLineParser& parser) {
  for (const char* option : {"model", "random-encoder", "project", "train"}) {
    const QString name = QString::fromLatin1(option);
    if (parser.optionNames().contains(name) && parser.isSet(name)) return parser.value(name);
  }
  return {};
}

}  // namespace quarry::cli
