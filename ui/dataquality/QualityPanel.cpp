#include "dataquality/QualityPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

#include "BackgroundTask.h"
#include "eval/SpanContext.h"
#include "jobs/DriftJob.h"
#include "quality/GroupSplit.h"
#include "jobs/RunComparison.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"

namespace quarry::ui {
namespace {

// What a tree item stands for (Qt::UserRole), and its indexes (UserRole + 1, + 2).
enum ItemKind { kNone = 0, kDocument = 1, kFinding = 2, kOccurrence = 3 };
constexpr int kKindRole = Qt::UserRole;
constexpr int kFirstRole = Qt::UserRole + 1;
constexpr int kSecondRole = Qt::UserRole + 2;
constexpr int kDocumentRole = Qt::UserRole + 3;  // store id of the document to open
constexpr int kStartRole = Qt::UserRole + 4;
constexpr int kEndRole = Qt::UserRole + 5;

QString q(const std::string& s) { return QString::fromStdString(s); }

QString kindText(quality::ConsistencyFinding::Kind kind) { return QString::fromLatin1(quality::kindName(kind)); }

QString labelSummary(const quality::ConsistencyFinding& f) {
  QStringList parts;
  for (const auto& [label, count] : f.labels) parts << QStringLiteral("%1 %2").arg(q(label)).arg(count);
  return parts.join(QStringLiteral(", "));
}

}  // namespace

QualityPanel::QualityPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("QualityPanel"));
  m_check = new QComboBox(this);
  m_check->setObjectName(QStringLiteral("qualityCheckBox"));
  m_check->addItem(tr("Split leakage (near duplicates across splits)"));
  m_check->addItem(tr("Inconsistent labels"));
  m_check->addItem(tr("Drift of new documents"));
  m_runBox = new QComboBox(this);
  m_runBox->setObjectName(QStringLiteral("qualityRunBox"));
  m_runBox->setToolTip(tr("The trained model whose training data the unassigned documents are compared with"));
  // Narrow enough for the bottom dock area at 1280 pixels: the combo boxes do not ask for their longest item.
  for (QComboBox* box : {m_check, m_runBox}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(14);
  }
  m_run = new QPushButton(tr("&Check"), this);
  m_run->setObjectName(QStringLiteral("qualityRunButton"));
  m_cancel = new QPushButton(tr("Cancel"), this);
  m_resplit = new QPushButton(tr("&Re-split…"), this);
  m_resplit->setObjectName(QStringLiteral("resplitButton"));
  m_resplit->setToolTip(tr("Move documents so that every group of near duplicates lies in one split"));
  m_progress = new QProgressBar(this);
  m_progress->setMaximumWidth(160);
  m_progress->hide();
  m_summary = new QLabel(tr("Choose a check and press Check."), this);
  m_summary->setObjectName(QStringLiteral("qualitySummary"));
  m_summary->setWordWrap(true);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_tree = new QTreeWidget(this);
  m_tree->setObjectName(QStringLiteral("qualityTree"));
  m_tree->setColumnCount(4);
  m_tree->setHeaderLabels({tr("Finding"), tr("Labels"), tr("Document"), tr("Context")});
  m_tree->header()->setSectionResizeMode(3, QHeaderView::Stretch);
  m_tree->setUniformRowHeights(true);
  m_tree->installEventFilter(this);
  m_tree->setToolTip(tr("Enter opens the document. Inconsistent labels: R gives the occurrence the most frequent "
                        "label, Delete removes its annotation, I marks the finding as intended."));

  auto* row = new QHBoxLayout;
  row->addWidget(m_check, 1);
  row->addWidget(m_runBox, 1);
  row->addWidget(m_run);
  row->addWidget(m_cancel);
  row->addWidget(m_resplit);
  row->addWidget(m_progress);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row);
  layout->addWidget(m_summary);
  layout->addWidget(m_tree, 1);

  connect(m_run, &QPushButton::clicked, this, [this] { runCheck(static_cast<Check>(m_check->currentIndex())); });
  connect(m_cancel, &QPushButton::clicked, this, [this] { m_cancelRequested = true; });
  connect(m_resplit, &QPushButton::clicked, this, &QualityPanel::askResplit);
  connect(m_check, &QComboBox::currentIndexChanged, this, &QualityPanel::updateControls);
  connect(m_tree, &QTreeWidget::itemActivated, this, [this] { activateCurrent(); });
  updateControls();
}

QSize QualityPanel::sizeHint() const { return QSize(700, 260); }

void QualityPanel::setProject(const QString& path, ProjectStore* store) {
  m_projectPath = store ? path : QString();
  m_store = store;
  m_tree->clear();
  m_findings.clear();
  m_docs = {};
  m_summary->setText(store ? tr("Choose a check and press Check.") : QString());
  refreshRuns();
}

void QualityPanel::refreshRuns() {
  const qint64 selected = m_runBox->currentData().toLongLong();
  m_runBox->clear();
  if (m_store)
    if (auto runs = m_store->listRuns())
      for (auto it = runs->crbegin(); it != runs->crend(); ++it)
        if (jobs::isTrainingRun(*it) && !it->checkpointPath.isEmpty())
          m_runBox->addItem(tr("%1 · %2 · %3").arg(it->id).arg(jobs::taskTitle(it->task.toStdString()), it->name), it->id);
  if (int i = m_runBox->findData(selected); i >= 0) m_runBox->setCurrentIndex(i);
  updateControls();
}

void QualityPanel::fitColumns() {
  for (int c = 0; c < 3; ++c) {
    m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(c, std::min(m_tree->columnWidth(c), c == 0 ? 300 : 260));
  }
}

void QualityPanel::updateControls() {
  const bool drift = m_check->currentIndex() == static_cast<int>(Check::Drift);
  m_runBox->setVisible(drift);
  m_run->setEnabled(!m_running && m_store && (!drift || m_runBox->count() > 0));
  m_check->setEnabled(!m_running);
  m_cancel->setVisible(m_running);
  m_resplit->setVisible(!m_running && m_store && m_check->currentIndex() == static_cast<int>(Check::Leakage) &&
                        !m_leakage.crossSplit.empty() && !m_store->isReadOnly());
}

void QualityPanel::askResplit() {
  bool ok = false;
  const QString shares = QInputDialog::getText(
      this, tr("Re-split"),
      tr("Shares of the documents per split (\"train=0.8,dev=0.1,test=0.1\"), or \"current\" to keep today's "
         "proportions. Every group of near duplicates ends up in one split."),
      QLineEdit::Normal, QStringLiteral("current"), &ok);
  if (!ok) return;
  auto parsed = jobs::parseSplitShares(shares, m_docs);
  if (!parsed) {
    QMessageBox::warning(this, tr("Re-split"), QString::fromStdString(parsed.error().message));
    return;
  }
  const std::vector<std::string> proposal =
      quality::groupAwareSplit(static_cast<int32_t>(m_docs.documents.size()), m_leakage.groups, parsed.value(), 1);
  int moved = 0;
  for (size_t i = 0; i < proposal.size(); ++i) moved += proposal[i] != m_docs.splits[i] ? 1 : 0;
  if (QMessageBox::question(this, tr("Re-split"),
                            tr("%n document(s) move to another split; %1 groups of near duplicates are kept whole. "
                               "Models trained before are scored on other documents afterwards. Re-split?",
                               nullptr, moved)
                                .arg(m_leakage.groups.size())) != QMessageBox::Yes)
    return;
  resplit(shares, 1);
}

bool QualityPanel::resplit(const QString& shares, quint64 seed) {
  if (!m_store || m_running || m_leakage.groups.empty() || m_docs.documents.empty()) return false;
  auto parsed = jobs::parseSplitShares(shares, m_docs);
  if (!parsed) {
    Q_EMIT message(QString::fromStdString(parsed.error().message));
    return false;
  }
  for (const auto& s : parsed.value()) {
    Split split;
    if (!parseSplit(QString::fromStdString(s.split), &split)) {
      Q_EMIT message(tr("Unknown split \"%1\" (train, dev, test, unassigned).").arg(QString::fromStdString(s.split)));
      return false;
    }
  }
  const std::vector<std::string> proposal =
      quality::groupAwareSplit(static_cast<int32_t>(m_docs.documents.size()), m_leakage.groups, parsed.value(), seed);
  auto moved = jobs::applySplits(*m_store, m_docs, proposal, m_annotator ? m_annotator() : QString());
  if (!moved) {
    Q_EMIT message(QString::fromStdString(moved.error().toString()));
    return false;
  }
  Q_EMIT message(tr("%n document(s) moved; near duplicates now share a split.", nullptr, moved.value()));
  Q_EMIT splitsChanged();
  return runCheck(Check::Leakage);
}

bool QualityPanel::checkDrift(qint64 runId) {
  const int i = m_runBox->findData(runId);
  if (i < 0) return false;
  m_runBox->setCurrentIndex(i);
  m_check->setCurrentIndex(static_cast<int>(Check::Drift));
  return runCheck(Check::Drift);
}

bool QualityPanel::runCheck(Check check) {
  if (m_running || !m_store) return false;
  const qint64 runId = m_runBox->currentData().toLongLong();
  if (check == Check::Drift && runId <= 0) {
    m_summary->setText(tr("Choose a trained model: drift compares new documents with what it trained on."));
    return false;
  }
  m_check->setCurrentIndex(static_cast<int>(check));
  m_running = true;
  m_cancelRequested = false;
  updateControls();
  m_tree->clear();
  m_findings.clear();
  m_summary->setText(tr("Checking…"));

  const QString path = m_projectPath;
  Error failure;
  bool failed = false;
  jobs::QualityDocuments docs;
  jobs::DocumentSet incoming;
  quality::LeakageReport leakage;
  quality::ConsistencyReport consistency;
  quality::DriftReport drift;
  QSet<QString> intended[3];
  const bool completed = BackgroundTask::run(m_progress, [this] { return m_cancelRequested; }, [&](const ProgressCallback& progress) {
    auto opened = ProjectStore::open(path, OpenMode::ReadOnly);
    if (!opened) {
      failure = opened.error();
      failed = true;
      return;
    }
    ProjectStore& store = *opened.value();
    if (check == Check::Drift) {
      auto made = jobs::driftSpecForRun(store, runId);
      if (!made) {
        failure = made.error();
        failed = true;
        return;
      }
      jobs::DriftSpec spec = std::move(made.value());
      incoming = spec.incoming;
      jobs::DriftJob job;
      auto report = job.run(spec, [&](const jobs::DriftProgress& p) {
        if (!progress(p.documentsDone, p.documents)) job.cancel();
      });
      if (!report) {
        failure = report.error();
        failed = true;
        return;
      }
      drift = std::move(report.value());
      return;
    }
    // The labelled splits: the unassigned pool waits to be annotated.
    auto read = jobs::qualityDocumentsFromStore(store, {Split::Train, Split::Dev, Split::Test});
    if (!read) {
      failure = read.error();
      failed = true;
      return;
    }
    docs = std::move(read.value());
    if (!progress(0, 0)) return;
    if (check == Check::Leakage) {
      std::vector<std::string_view> texts;
      for (const auto& d : docs.documents) texts.emplace_back(d.text);
      leakage = quality::checkLeakage(texts, docs.splits);
      return;
    }
    consistency = quality::checkConsistency(docs.documents);
    const QString kinds[3] = {QStringLiteral("entity"), QStringLiteral("relation"), QStringLiteral("category")};
    for (int k = 0; k < 3; ++k)
      if (auto marked = store.intendedFindings(kinds[k])) intended[k] = marked.value();
  });
  m_running = false;
  m_progress->hide();
  updateControls();
  if (!completed) {
    m_summary->setText(tr("Cancelled."));
    return false;
  }
  if (failed) {
    m_summary->setText(tr("The check failed: %1").arg(QString::fromStdString(failure.toString())));
    return false;
  }
  m_docs = std::move(docs);
  switch (check) {
    case Check::Leakage:
      m_leakage = std::move(leakage);
      showLeakage();
      break;
    case Check::Consistency: {
      m_consistency = std::move(consistency);
      int hidden = 0;
      for (const auto* findings : {&m_consistency.entities, &m_consistency.relations, &m_consistency.categories})
        for (const auto& f : *findings) {
          if (intended[static_cast<int>(f.kind)].contains(q(f.key))) {
            ++hidden;
            continue;
          }
          m_findings.push_back(f);
        }
      showConsistency();
      if (hidden > 0) m_summary->setText(m_summary->text() + tr(" %n marked as intended are hidden.", nullptr, hidden));
      break;
    }
    case Check::Drift:
      m_incoming = std::move(incoming);
      m_drift = std::move(drift);
      showDrift();
      break;
  }
  fitColumns();
  updateControls();
  m_tree->setFocus();  // the keys act at once: Enter, and R, Delete, I on the occurrence selected
  return true;
}

QString QualityPanel::documentName(int document) const {
  return document >= 0 && static_cast<size_t>(document) < m_docs.documents.size()
             ? q(m_docs.documents[static_cast<size_t>(document)].id)
             : QString();
}

void QualityPanel::showLeakage() {
  int exact = 0;
  for (const auto& p : m_leakage.crossSplit) exact += p.identical ? 1 : 0;
  QStringList perSplit;
  for (const auto& s : m_leakage.splits)
    perSplit << tr("%1: %2 of %3 documents").arg(q(s.split)).arg(s.leakedDocuments).arg(s.compared);
  m_summary->setText(m_leakage.crossSplit.empty() && m_leakage.sentences.empty()
                         ? tr("No leakage: no document or sentence of one split repeats another split's.")
                         : tr("%n pair(s) of near-duplicate documents across splits (%1 exact); %2 sentence(s) in "
                              "more than one split. Leaked — %3. Re-split… keeps near duplicates in one split.",
                              nullptr, static_cast<int>(m_leakage.crossSplit.size()))
                               .arg(exact)
                               .arg(m_leakage.sentences.size())
                               .arg(perSplit.join(QStringLiteral("; "))));
  std::vector<quality::SimilarPair> pairs = m_leakage.crossSplit;
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
  auto documentItem = [&](QTreeWidgetItem* parent, int d, int start, int end) {
    auto* item = new QTreeWidgetItem(parent);
    item->setText(0, q(m_docs.splits[static_cast<size_t>(d)]));
    item->setText(2, documentName(d));
    item->setText(3, q(eval::spanContext(m_docs.documents[static_cast<size_t>(d)].text, start, end, 60)));
    item->setData(0, kKindRole, kDocument);
    item->setData(0, kDocumentRole, m_docs.storeIds.value(d));
    item->setData(0, kStartRole, start);
    item->setData(0, kEndRole, end);
  };
  for (const auto& p : pairs) {
    auto* top = new QTreeWidgetItem(m_tree);
    top->setText(0, p.identical ? tr("exact duplicate") : tr("similarity %1").arg(p.similarity, 0, 'f', 3));
    top->setText(2, tr("%1:%2 ~ %3:%4")
                        .arg(q(m_docs.splits[static_cast<size_t>(p.first)]), documentName(p.first),
                             q(m_docs.splits[static_cast<size_t>(p.second)]), documentName(p.second)));
    documentItem(top, p.first, 0, 0);
    documentItem(top, p.second, 0, 0);
  }
  if (!m_leakage.sentences.empty()) {
    auto* group = new QTreeWidgetItem(m_tree);
    group->setText(0, tr("Sentences in more than one split (%1)").arg(m_leakage.sentences.size()));
    for (const auto& s : m_leakage.sentences) {
      auto* sentence = new QTreeWidgetItem(group);
      sentence->setText(0, tr("%n time(s)", nullptr, static_cast<int>(s.occurrences.size())));
      sentence->setText(3, q(s.text));
      for (const auto& o : s.occurrences) documentItem(sentence, o.document, o.start, o.end);
    }
  }
  if (m_tree->topLevelItemCount() > 0) m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void QualityPanel::showConsistency() {
  int entities = 0, relations = 0, categories = 0;
  for (const auto& f : m_findings)
    (f.kind == quality::ConsistencyFinding::Kind::Entity     ? entities
     : f.kind == quality::ConsistencyFinding::Kind::Relation ? relations
                                                             : categories)++;
  m_summary->setText(tr("%1 entity surfaces, %2 relation argument pairs and %3 repeated texts are labelled more than "
                        "one way. On an occurrence: R relabels it, Delete removes it, I marks the finding as "
                        "intended, Enter opens it.")
                         .arg(entities)
                         .arg(relations)
                         .arg(categories));
  for (size_t i = 0; i < m_findings.size(); ++i) {
    const auto& f = m_findings[i];
    auto* top = new QTreeWidgetItem(m_tree);
    QString key = q(f.key);
    if (key.size() > 80) key = key.left(80) + QStringLiteral("…");
    top->setText(0, tr("%1 \"%2\"").arg(kindText(f.kind), key));
    top->setText(1, labelSummary(f));
    QStringList guidelines;
    for (const std::string& t : f.labelledTypes())
      if (const QString g = jobs::guidelineOf(m_docs.schema, q(t)); !g.isEmpty()) guidelines << q(t) + QStringLiteral(": ") + g;
    top->setText(3, tr("disagreement %1").arg(f.disagreement));
    if (!guidelines.isEmpty()) top->setToolTip(3, guidelines.join(QLatin1Char('\n')));
    top->setData(0, kKindRole, kFinding);
    top->setData(0, kFirstRole, static_cast<int>(i));
    for (size_t k = 0; k < f.occurrences.size(); ++k) {
      const auto& o = f.occurrences[k];
      auto* item = new QTreeWidgetItem(top);
      item->setText(0, q(o.label));
      item->setText(2, tr("%1:%2").arg(q(m_docs.splits[static_cast<size_t>(o.document)]), documentName(o.document)));
      const bool both = o.tailStart >= 0 && std::max(o.end, o.tailEnd) - std::min(o.start, o.tailStart) <= 120;
      const int start = both ? std::min(o.start, o.tailStart) : o.start;
      const int end = both ? std::max(o.end, o.tailEnd) : o.end;
      item->setText(3, f.kind == quality::ConsistencyFinding::Kind::Category
                           ? q(eval::spanContext(m_docs.documents[static_cast<size_t>(o.document)].text, 0, 0, 90)).mid(4)
                           : q(eval::spanContext(m_docs.documents[static_cast<size_t>(o.document)].text, start, end, 50)));
      item->setData(0, kKindRole, kOccurrence);
      item->setData(0, kFirstRole, static_cast<int>(i));
      item->setData(0, kSecondRole, static_cast<int>(k));
      item->setData(0, kDocumentRole, m_docs.storeIds.value(o.document));
      item->setData(0, kStartRole, f.kind == quality::ConsistencyFinding::Kind::Category ? 0 : start);
      item->setData(0, kEndRole, f.kind == quality::ConsistencyFinding::Kind::Category ? 0 : end);
      if (o.label != f.labels.front().first) item->setForeground(0, QColor(0xb0, 0x00, 0x20));
    }
  }
  if (m_tree->topLevelItemCount() > 0) {
    m_tree->topLevelItem(0)->setExpanded(true);
    selectNextDisagreeing(m_tree->topLevelItem(0));
  }
}

void QualityPanel::showDrift() {
  QString verdict = m_drift.drift ? tr("DRIFT: the unassigned documents differ from the training data; annotate some "
                                       "of those listed below and retrain.")
                                  : tr("No drift: the unassigned documents look like the training data.");
  m_summary->setText(tr("%1 (%2 training, %3 dev, %4 unassigned documents; low confidence: dev %5%, unassigned %6%)")
                         .arg(verdict)
                         .arg(m_drift.trainingDocuments)
                         .arg(m_drift.devDocuments)
                         .arg(m_drift.incomingDocuments)
                         .arg(100.0 * m_drift.lowConfidenceDev, 0, 'f', 1)
                         .arg(100.0 * m_drift.lowConfidenceIncoming, 0, 'f', 1));
  auto cell = [](double x) { return std::isnan(x) ? QStringLiteral("–") : QString::number(x, 'f', 3); };
  for (const auto& f : m_drift.features) {
    auto* item = new QTreeWidgetItem(m_tree);
    item->setText(0, q(f.feature) + (f.major ? tr(" — major drift") : f.flagged ? tr(" — drift") : QString()));
    item->setText(1, f.available ? tr("PSI %1 (dev %2, noise %3)").arg(f.incomingPsi, 0, 'f', 3).arg(f.devPsi, 0, 'f', 3).arg(f.noise, 0, 'f', 3)
                                 : tr("the model gives none"));
    item->setText(3, tr("%1: training %2, dev %3, unassigned %4").arg(q(f.measure), cell(f.training), cell(f.dev), cell(f.incoming)));
    if (f.flagged) item->setForeground(0, QColor(0xb0, 0x00, 0x20));
  }
  if (!m_drift.annotateNext.empty()) {
    auto* group = new QTreeWidgetItem(m_tree);
    group->setText(0, tr("Annotate next (least like the training data)"));
    for (const auto& d : m_drift.annotateNext) {
      auto* item = new QTreeWidgetItem(group);
      const auto& doc = m_incoming.documents[static_cast<size_t>(d.document)];
      item->setText(0, tr("score %1").arg(d.score, 0, 'f', 2));
      item->setText(1, tr("confidence %1, distance %2, unknown words %3%")
                           .arg(d.meanConfidence, 0, 'f', 3)
                           .arg(d.embeddingDistance, 0, 'f', 3)
                           .arg(100.0 * d.unknownWordRate, 0, 'f', 1));
      item->setText(2, q(doc.id));
      item->setText(3, q(eval::spanContext(doc.text, 0, 0, 90)).mid(4));
      item->setData(0, kKindRole, kDocument);
      item->setData(0, kDocumentRole, m_incoming.storeIds.value(d.document));
      item->setData(0, kStartRole, 0);
      item->setData(0, kEndRole, 0);
    }
    group->setExpanded(true);
  }
}

QualityPanel::Occurrence QualityPanel::currentOccurrence() const {
  const QTreeWidgetItem* item = m_tree->currentItem();
  if (!item || item->data(0, kKindRole).toInt() != kOccurrence) return {};
  return {item->data(0, kFirstRole).toInt(), item->data(0, kSecondRole).toInt()};
}

const quality::ConsistencyFinding* QualityPanel::findingAt(int index) const {
  return index >= 0 && static_cast<size_t>(index) < m_findings.size() ? &m_findings[static_cast<size_t>(index)] : nullptr;
}

bool QualityPanel::activateCurrent() {
  const QTreeWidgetItem* item = m_tree->currentItem();
  if (!item) return false;
  const int kind = item->data(0, kKindRole).toInt();
  if (kind != kDocument && kind != kOccurrence) return false;
  const qint64 id = item->data(0, kDocumentRole).toLongLong();
  if (id <= 0) return false;
  Q_EMIT documentActivated(id, item->data(0, kStartRole).toInt(), item->data(0, kEndRole).toInt());
  return true;
}

void QualityPanel::markFixed(QTreeWidgetItem* item, const QString& note) {
  item->setText(0, note);
  QFont font = item->font(0);
  font.setItalic(true);
  for (int c = 0; c < m_tree->columnCount(); ++c) {
    item->setFont(c, font);
    item->setForeground(c, QColor(0x60, 0x60, 0x60));
  }
  item->setData(0, kKindRole, kDocument);  // opens like a document; no more fixes
}

void QualityPanel::selectNextDisagreeing(QTreeWidgetItem* from) {
  // The next occurrence (from `from` on, finding by finding) not carrying its finding's most frequent label.
  QTreeWidgetItem* start = from->data(0, kKindRole).toInt() == kFinding ? from : from->parent();
  int top = m_tree->indexOfTopLevelItem(start);
  int child = start == from ? 0 : start->indexOfChild(from) + 1;
  for (; top >= 0 && top < m_tree->topLevelItemCount(); ++top, child = 0) {
    QTreeWidgetItem* finding = m_tree->topLevelItem(top);
    const auto* f = findingAt(finding->data(0, kFirstRole).toInt());
    if (!f) continue;
    for (; child < finding->childCount(); ++child) {
      QTreeWidgetItem* item = finding->child(child);
      if (item->data(0, kKindRole).toInt() != kOccurrence) continue;
      const auto& o = f->occurrences[static_cast<size_t>(item->data(0, kSecondRole).toInt())];
      if (o.label == f->labels.front().first) continue;
      finding->setExpanded(true);
      m_tree->setCurrentItem(item);
      m_tree->scrollToItem(item);
      return;
    }
  }
}

bool QualityPanel::relabelCurrent() { return fixCurrent(false); }

bool QualityPanel::removeCurrent() { return fixCurrent(true); }

bool QualityPanel::fixCurrent(bool remove) {
  // On a finding: its first occurrence that disagrees.
  if (QTreeWidgetItem* item = m_tree->currentItem(); item && item->data(0, kKindRole).toInt() == kFinding)
    selectNextDisagreeing(item);
  const Occurrence at = currentOccurrence();
  const auto* f = findingAt(at.finding);
  if (!f) return false;
  const auto& o = f->occurrences[static_cast<size_t>(at.occurrence)];
  const QString to = remove ? QStringLiteral("none") : q(f->labels.front().first);
  if (q(o.label) == to) {
    Q_EMIT message(remove ? tr("This occurrence is not annotated.")
                          : tr("This occurrence already carries the most frequent label, %1.").arg(to));
    return false;
  }
  if (f->kind == quality::ConsistencyFinding::Kind::Relation && o.tailStart < 0) {
    Q_EMIT message(tr("A document-level relation is fixed in the document: Enter opens it."));
    return false;
  }
  if (!m_fixer) return false;
  QualityFix fix{m_docs.storeIds.value(o.document), o.start, o.end, kindText(f->kind), q(o.label), to, o.tailStart, o.tailEnd};
  if (const QString error = m_fixer(fix); !error.isEmpty()) {
    Q_EMIT message(error);
    return false;
  }
  QTreeWidgetItem* item = m_tree->currentItem();
  markFixed(item, remove ? tr("%1 → removed").arg(q(o.label)) : tr("%1 → %2").arg(q(o.label), to));
  m_findings[static_cast<size_t>(at.finding)].occurrences[static_cast<size_t>(at.occurrence)].label = to.toStdString();
  selectNextDisagreeing(item);
  return true;
}

bool QualityPanel::markCurrentIntended() {
  QTreeWidgetItem* item = m_tree->currentItem();
  if (!item || !m_store) return false;
  QTreeWidgetItem* top = item->data(0, kKindRole).toInt() == kFinding ? item : item->parent();
  if (!top || top->data(0, kKindRole).toInt() != kFinding) return false;
  const auto* f = findingAt(top->data(0, kFirstRole).toInt());
  if (!f) return false;
  const QString annotator = m_annotator ? m_annotator() : QString();
  if (Status s = m_store->markFindingIntended(kindText(f->kind), q(f->key), annotator); !s) {
    Q_EMIT message(QString::fromStdString(s.error().toString()));
    return false;
  }
  Q_EMIT message(tr("\"%1\" is marked as intended: later checks hide it.").arg(q(f->key)));
  const int index = m_tree->indexOfTopLevelItem(top);
  delete m_tree->takeTopLevelItem(index);
  if (index < m_tree->topLevelItemCount()) {
    QTreeWidgetItem* next = m_tree->topLevelItem(index);
    next->setExpanded(true);
    m_tree->setCurrentItem(next);
    selectNextDisagreeing(next);
  }
  return true;
}

bool QualityPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_tree && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return QWidget::eventFilter(watched, event);
    switch (key->key()) {
      case Qt::Key_R: relabelCurrent(); return true;
      case Qt::Key_Delete: removeCurrent(); return true;
      case Qt::Key_I: markCurrentIntended(); return true;
      case Qt::Key_Return:
      case Qt::Key_Enter:
        if (activateCurrent()) return true;
        break;
      default: break;
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace quarry::ui
