#include "team/AgreementDialog.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include "jobs/AnnotatorAgreement.h"
#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"
#include "team/AgreementHeatMap.h"

namespace quarry::ui {

// What the worker thread found; read by the GUI thread once the thread has finished.
struct AgreementDialog::Measurement {
  QString error;           // why the project could not be read or measured; empty when it could
  QStringList annotators;  // everyone who annotated a document of the project
  QStringList inSplit;     // of them, those who annotated a document of the chosen split
  QStringList compared;    // who was measured; empty when fewer than two were left to compare
  eval::AgreementReport report;
};

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

QString figure(double v) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 4); }
QString n(int64_t count) { return QString::number(count); }

// Relation and QA figures mean nothing when there was nothing to compare.
double relationF1(const eval::AgreementCounts& c) { return c.a + c.b > 0 ? c.f1() : kNaN; }

QString pairName(const eval::PairAgreement& p) {
  return QStringLiteral("%1 – %2").arg(QString::fromStdString(p.a), QString::fromStdString(p.b));
}

QTableWidgetItem* textItem(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return item;
}

QTableWidgetItem* figureItem(double v, const QString& toolTip = {}) {
  QTableWidgetItem* item = textItem(figure(v));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setData(Qt::UserRole, v);
  if (!toolTip.isEmpty()) item->setToolTip(toolTip);
  return item;
}

}  // namespace

AgreementDialog::AgreementDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent), m_projectPath(projectPath) {
  setObjectName(QStringLiteral("AgreementDialog"));
  setWindowTitle(tr("Inter-Annotator Agreement — %1").arg(ProjectLocation::shortNameOf(projectPath)));
  buildLayout();
  resize(1040, 740);
  refresh();
}

AgreementDialog::~AgreementDialog() {
  if (!m_thread) return;
  // Measuring cannot be interrupted: the thread ends on its own and deletes itself; what it found is
  // dropped. An application quitting meanwhile waits for it, so no thread outlives the application.
  disconnect(m_thread, nullptr, this, nullptr);
  QThread* thread = m_thread;
  if (QCoreApplication::instance())
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, thread,
            [thread] { thread->wait(); });
}

void AgreementDialog::buildLayout() {
  m_annotators = new QListWidget(this);
  m_annotators->setObjectName(QStringLiteral("agreementAnnotators"));
  m_annotators->setAccessibleName(tr("Annotators to compare"));
  m_annotators->setToolTip(tr("The annotators to compare; everyone who annotated is chosen at first."));
  m_annotators->setMaximumHeight(fontMetrics().height() * 6);
  m_annotators->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 16);
  connect(m_annotators, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    const QString name = item->text();
    m_unchecked.removeAll(name);
    if (item->checkState() != Qt::Checked) m_unchecked << name;
    refresh();
  });

  m_split = new QComboBox(this);
  m_split->setObjectName(QStringLiteral("agreementSplit"));
  m_split->addItem(tr("All documents"), -1);
  m_split->addItem(tr("Train"), int(Split::Train));
  m_split->addItem(tr("Dev"), int(Split::Dev));
  m_split->addItem(tr("Test"), int(Split::Test));
  m_split->addItem(tr("Unassigned"), int(Split::Unassigned));
  connect(m_split, &QComboBox::currentIndexChanged, this, [this] { refresh(); });

  m_spansBy = new QComboBox(this);
  m_spansBy->setObjectName(QStringLiteral("agreementSpansBy"));
  m_spansBy->addItem(tr("Exact"), int(AgreementHeatMap::SpanFigure::Exact));
  m_spansBy->addItem(tr("Overlap"), int(AgreementHeatMap::SpanFigure::Overlap));
  m_spansBy->setToolTip(
      tr("Exact: a span agrees when the other annotator marked the same start, end and type.\n"
         "Overlap: when the other marked a span of the same type sharing a character."));
  connect(m_spansBy, &QComboBox::currentIndexChanged, this, [this] { spansByChanged(); });

  m_refresh = new QPushButton(tr("&Refresh"), this);
  m_refresh->setObjectName(QStringLiteral("agreementRefresh"));
  m_refresh->setToolTip(tr("Measure again, with what the annotators have done since"));
  connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });
  m_copy = new QPushButton(tr("&Copy as TSV"), this);
  m_copy->setObjectName(QStringLiteral("agreementCopy"));
  m_copy->setToolTip(tr("Copy the pair table, tab-separated, for a spreadsheet"));
  m_copy->setEnabled(false);
  connect(m_copy, &QPushButton::clicked, this, [this] { copyTsv(); });

  m_busy = new QProgressBar(this);
  m_busy->setObjectName(QStringLiteral("agreementBusy"));
  m_busy->setRange(0, 0);
  m_busy->setTextVisible(false);
  m_busy->setMaximumHeight(fontMetrics().height());
  m_busy->setAccessibleName(tr("Measuring agreement"));
  m_busy->hide();

  auto* choices = new QFormLayout;
  choices->addRow(tr("&Split:"), m_split);
  choices->addRow(tr("Spans &by:"), m_spansBy);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_refresh);
  buttons->addWidget(m_copy);
  buttons->addStretch(1);
  choices->addRow(buttons);
  choices->addRow(m_busy);
  auto* annotatorsLabel = new QLabel(tr("&Annotators:"), this);
  annotatorsLabel->setBuddy(m_annotators);
  auto* annotatorsColumn = new QVBoxLayout;
  annotatorsColumn->addWidget(annotatorsLabel);
  annotatorsColumn->addWidget(m_annotators);
  auto* top = new QHBoxLayout;
  top->addLayout(annotatorsColumn);
  top->addSpacing(12);
  top->addLayout(choices);
  top->addStretch(1);

  m_message = new QLabel(this);
  m_message->setObjectName(QStringLiteral("agreementMessage"));
  m_message->setWordWrap(true);
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

  // The pairs.
  m_pairTable = new QTableWidget(0, 8, this);
  m_pairTable->setObjectName(QStringLiteral("agreementPairs"));
  m_pairTable->setAccessibleName(tr("Agreement of each pair of annotators"));
  m_pairTable->setHorizontalHeaderLabels({tr("Pair"), tr("Documents"), tr("Exact F1"), tr("Overlap F1"),
                                          tr("Token κ"), tr("Relation F1"), tr("QA F1"), tr("Label κ")});
  const QStringList headerTips = {
      {},
      tr("Documents both annotated"),
      tr("Spans with the same start, end and type: 2·both / (one's + the other's)"),
      tr("Spans that share a character with a span of the same type of the other annotator"),
      tr("Cohen's κ on each word's type (or none), corrected for chance"),
      tr("Relations between spans both marked exactly, same head, tail and type"),
      tr("SQuAD F1 of the answers to the questions both answered"),
      tr("Cohen's κ on the labels of the documents both labelled, when each gave each exactly one")};
  for (int c = 0; c < headerTips.size(); ++c)
    if (!headerTips[c].isEmpty()) m_pairTable->horizontalHeaderItem(c)->setToolTip(headerTips[c]);
  m_pairTable->verticalHeader()->hide();
  m_pairTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_pairTable->setSelectionMode(QAbstractItemView::SingleSelection);
  m_pairTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  connect(m_pairTable, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (row >= 0) selectPair(row);
  });
  m_fleiss = new QLabel(this);
  m_fleiss->setObjectName(QStringLiteral("agreementFleiss"));
  m_fleiss->setWordWrap(true);
  m_fleiss->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_fleiss->hide();
  auto* pairsBox = new QGroupBox(tr("Pairs"), this);
  auto* pairsLayout = new QVBoxLayout(pairsBox);
  pairsLayout->addWidget(m_pairTable, 1);
  pairsLayout->addWidget(m_fleiss);

  // The heat map.
  m_heatMap = new AgreementHeatMap(this);
  m_heatMapScroll = new QScrollArea(this);
  m_heatMapScroll->setWidget(m_heatMap);
  m_heatMapScroll->setWidgetResizable(true);
  m_heatMapScroll->setFrameShape(QFrame::NoFrame);
  connect(m_heatMap, &AgreementHeatMap::currentCellChanged, this, [this](int row, int column) {
    const QRect cell = m_heatMap->cellRect(row, column);
    m_heatMapScroll->ensureVisible(cell.center().x(), cell.center().y(), cell.width(), cell.height());
    selectPair(column);
  });
  connect(m_heatMap, &AgreementHeatMap::cellActivated, this, [this](int, int column) { selectPair(column); });
  auto* mapBox = new QGroupBox(tr("Per type"), this);
  auto* mapLayout = new QVBoxLayout(mapBox);
  mapLayout->addWidget(m_heatMapScroll);

  // The chosen pair's documents.
  m_documentsTitle = new QLabel(this);
  m_documentsTitle->setWordWrap(true);
  m_documentTable = new QTableWidget(0, 5, this);
  m_documentTable->setObjectName(QStringLiteral("agreementDocuments"));
  m_documentTable->setAccessibleName(tr("Agreement per document of the chosen pair, least first"));
  m_documentTable->setHorizontalHeaderLabels(
      {tr("Document"), tr("Exact F1"), tr("Overlap F1"), tr("Token κ"), tr("Relation F1")});
  m_documentTable->verticalHeader()->hide();
  m_documentTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_documentTable->setSelectionMode(QAbstractItemView::SingleSelection);
  m_documentTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_documentTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  connect(m_documentTable, &QTableWidget::activated, this, [this](const QModelIndex& index) {
    if (QTableWidgetItem* item = m_documentTable->item(index.row(), 0))
      Q_EMIT documentActivated(item->text());
  });
  auto* documentsBox = new QGroupBox(tr("Documents"), this);
  auto* documentsLayout = new QVBoxLayout(documentsBox);
  documentsLayout->addWidget(m_documentsTitle);
  documentsLayout->addWidget(m_documentTable, 1);

  auto* lower = new QSplitter(Qt::Horizontal, this);
  lower->addWidget(mapBox);
  lower->addWidget(documentsBox);
  lower->setStretchFactor(0, 1);
  lower->setStretchFactor(1, 1);
  m_lower = lower;
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(pairsBox);
  split->addWidget(lower);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 3);
  split->setChildrenCollapsible(false);
  m_results = split;
  m_results->hide();

  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(m_message, 1);  // in the middle until there are results (showMeasurement)
  m_message->setAlignment(Qt::AlignCenter);
  layout->addWidget(m_results, 1);
  m_layout = layout;
  layout->addWidget(close);
}

void AgreementDialog::refresh() {
  if (m_thread) {
    m_refreshPending = true;
    return;
  }
  m_refreshPending = false;
  QVector<Split> splits;
  if (const int s = m_split->currentData().toInt(); s >= 0) splits << Split(s);
  const QString path = m_projectPath;
  const QStringList leftOut = m_unchecked;
  auto result = std::make_shared<Measurement>();
  m_thread = QThread::create([result, path, splits, leftOut] { measure(*result, path, splits, leftOut); });
  m_thread->setObjectName(QStringLiteral("quarry-agreement"));
  connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
  connect(m_thread, &QThread::finished, this, [this, result] {
    m_thread = nullptr;
    m_busy->hide();
    m_refresh->setEnabled(true);
    showMeasurement(*result);
    if (m_refreshPending) refresh();
  });
  m_busy->show();
  m_refresh->setEnabled(false);
  if (!m_results->isVisible() && m_report.pairs.empty()) showMessage(tr("Measuring agreement…"), false);
  m_thread->start();
}

void AgreementDialog::showMessage(const QString& text, bool error) {
  m_message->setText(text);
  QPalette p = palette();
  if (error) p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
  m_message->setPalette(p);
  m_message->setVisible(!text.isEmpty());
}

void AgreementDialog::showMeasurement(const Measurement& m) {
  if (!m.annotators.isEmpty() || m.error.isEmpty()) fillAnnotators(m.annotators);
  bool shared = false;
  for (const eval::PairAgreement& p : m.report.pairs) shared = shared || p.documents > 0;
  if (!m.error.isEmpty() || !shared) {
    m_report = {};
    m_selectedPair = -1;
    m_heatMap->clear();
    m_pairTable->setRowCount(0);
    m_documentTable->setRowCount(0);
    m_results->hide();
    m_copy->setEnabled(false);
    // The message takes the results' place, in the middle.
    m_layout->setStretchFactor(m_message, 1);
    m_message->setAlignment(Qt::AlignCenter);
    if (!m.error.isEmpty()) {
      showMessage(tr("Agreement could not be measured: %1").arg(m.error), true);
    } else {
      QString why;
      if (m.inSplit.size() < 2)
        why = m.inSplit.isEmpty()
                  ? tr("Nobody annotated these documents.")
                  : tr("Only %1 annotated these documents.").arg(m.inSplit.join(QStringLiteral(", ")));
      else if (m.compared.isEmpty())
        why = tr("Choose at least two annotators.");
      else
        why = tr("%1 annotated no document in common.").arg(m.compared.join(QStringLiteral(", ")));
      showMessage(tr("Agreement needs at least two annotators who annotated the same documents.") +
                      QLatin1Char('\n') + why,
                  false);
    }
    Q_EMIT measured(false);
    return;
  }
  m_report = m.report;
  m_layout->setStretchFactor(m_message, 0);
  m_message->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  const QString where = m_split->currentData().toInt() < 0
                            ? tr("all documents")
                            : tr("the %1 documents").arg(m_split->currentText());
  showMessage(tr("%1 compared on %2.").arg(m.compared.join(QStringLiteral(", ")), where), false);
  const int keep = m_selectedPair;
  m_selectedPair = -1;
  fillPairTable();
  fillFleiss();
  m_heatMap->setReport(m_report);
  m_results->show();
  if (!m_splitSized) {
    // The pairs as tall as they need (up to half), the heat map as wide as it needs (up to half).
    m_splitSized = true;
    auto* vertical = static_cast<QSplitter*>(m_results);
    const int height = std::max(1, vertical->height());
    const int pairRows = std::min<int>(int(m_report.pairs.size()), 6);
    const int pairs = m_pairTable->horizontalHeader()->sizeHint().height() +
                      pairRows * m_pairTable->verticalHeader()->defaultSectionSize() +
                      2 * m_pairTable->frameWidth() +
                      (m_fleiss->isVisibleTo(this) ? m_fleiss->sizeHint().height() : 0) + 56;
    const int top = std::clamp(pairs, height / 5, height / 2);
    vertical->setSizes({top, height - top});
    const int width = std::max(1, m_lower->width());
    const int map = std::clamp(m_heatMap->sizeHint().width() + 48, width / 4, width / 2);
    m_lower->setSizes({map, width - map});
  }
  m_copy->setEnabled(true);
  selectPair(keep >= 0 && keep < int(m_report.pairs.size()) ? keep : 0);
  Q_EMIT measured(true);
}

void AgreementDialog::fillAnnotators(const QStringList& all) {
  if (all == m_knownAnnotators) return;
  m_knownAnnotators = all;
  const QSignalBlocker blocker(m_annotators);
  m_annotators->clear();
  for (const QString& name : all) {
    auto* item = new QListWidgetItem(name, m_annotators);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(m_unchecked.contains(name) ? Qt::Unchecked : Qt::Checked);
  }
}

void AgreementDialog::fillPairTable() {
  const QSignalBlocker blocker(m_pairTable);
  m_pairTable->setRowCount(int(m_report.pairs.size()));
  for (int r = 0; r < int(m_report.pairs.size()); ++r) {
    const eval::PairAgreement& p = m_report.pairs[size_t(r)];
    const QString a = QString::fromStdString(p.a), b = QString::fromStdString(p.b);
    m_pairTable->setItem(r, 0, textItem(pairName(p)));
    QTableWidgetItem* docs = textItem(n(p.documents));
    docs->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_pairTable->setItem(r, 1, docs);
    m_pairTable->setItem(
        r, 2,
        figureItem(
            p.exact.f1(),
            tr("%1 of %2's %3 spans, %1 of %4's %5").arg(n(p.exact.both), a, n(p.exact.a), b, n(p.exact.b))));
    m_pairTable->setItem(
        r, 3,
        figureItem(p.overlap.f1(), tr("%1 of %2's %3 spans overlap one of %4's, %5 of %4's %6 "
                                      "overlap one of %2's")
                                       .arg(n(p.overlap.agreeingA), a, n(p.overlap.a), b,
                                            n(p.overlap.agreeingB), n(p.overlap.b))));
    m_pairTable->setItem(r, 4, figureItem(p.tokenKappa, tr("over %1 words").arg(n(p.tokens))));
    QString relationTip;
    if (p.relations.a + p.relations.b > 0)
      relationTip = tr("%1 of %2's %3 relations, %1 of %4's %5")
                        .arg(n(p.relations.both), a, n(p.relations.a), b, n(p.relations.b));
    if (p.relationsWithoutMatchedArguments > 0)
      relationTip += (relationTip.isEmpty() ? QString() : QStringLiteral("\n")) +
                     tr("%1 relations left out: an argument not marked alike by both")
                         .arg(n(p.relationsWithoutMatchedArguments));
    m_pairTable->setItem(r, 5, figureItem(relationF1(p.relations), relationTip));
    m_pairTable->setItem(
        r, 6,
        figureItem(
            p.questions ? p.qaF1 : kNaN,
            p.questions
                ? tr("exact match %1 over %2 questions both answered").arg(figure(p.qaExact), n(p.questions))
                : QString()));
    m_pairTable->setItem(
        r, 7,
        figureItem(p.labelKappa, p.labelledDocuments ? tr("over %1 documents both labelled; per category in "
                                                          "the heat map")
                                                           .arg(n(p.labelledDocuments))
                                                     : QString()));
  }
  m_pairTable->resizeColumnsToContents();
}

void AgreementDialog::fillFleiss() {
  const int raters = int(m_report.annotators.size());
  if (raters < 3) {
    m_fleiss->hide();
    return;
  }
  QString text;
  if (m_report.fleissDocuments == 0) {
    text = tr("Fleiss' κ: no document was labelled by all %1 annotators.").arg(raters);
  } else {
    text = tr("Fleiss' κ over %1 annotators (documents all labelled: %2): %3")
               .arg(n(raters), n(m_report.fleissDocuments), figure(m_report.fleissLabelKappa));
    QStringList categories;
    for (const auto& [category, kappa] : m_report.fleissKappaByCategory)
      categories << QStringLiteral("%1 %2").arg(QString::fromStdString(category), figure(kappa));
    if (!categories.isEmpty()) text += tr("; per category: %1").arg(categories.join(QStringLiteral(", ")));
  }
  m_fleiss->setText(text);
  m_fleiss->show();
}

void AgreementDialog::selectPair(int pair) {
  if (pair < 0 || pair >= int(m_report.pairs.size()) || pair == m_selectedPair) return;
  m_selectedPair = pair;
  if (m_pairTable->currentRow() != pair) {
    const QSignalBlocker blocker(m_pairTable);
    m_pairTable->setCurrentCell(pair, 0);
    m_pairTable->selectRow(pair);
  }
  fillDocumentTable();
}

// Least agreement first: the chosen span F1 plus the relation F1 (1 where neither related anything),
// then the token κ; so the documents to discuss come first.
void AgreementDialog::fillDocumentTable() {
  m_documentTable->setRowCount(0);
  if (m_selectedPair < 0) return;
  const eval::PairAgreement& p = m_report.pairs[size_t(m_selectedPair)];
  const QString a = QString::fromStdString(p.a), b = QString::fromStdString(p.b);
  const bool overlap = m_spansBy->currentData().toInt() == int(AgreementHeatMap::SpanFigure::Overlap);
  std::vector<const eval::DocumentAgreement*> docs;
  for (const eval::DocumentAgreement& d : p.perDocument) docs.push_back(&d);
  const auto score = [overlap](const eval::DocumentAgreement* d) {
    return (overlap ? d->overlap.f1() : d->exact.f1()) + d->relations.f1();
  };
  const auto kappa = [](const eval::DocumentAgreement* d) {
    return std::isnan(d->tokenKappa) ? 2.0 : d->tokenKappa;
  };
  std::stable_sort(docs.begin(), docs.end(), [&](const auto* x, const auto* y) {
    if (score(x) != score(y)) return score(x) < score(y);
    return kappa(x) < kappa(y);
  });
  m_documentsTitle->setText(tr("%1, least agreement first:").arg(pairName(p)));
  m_documentsTitle->setToolTip(overlap ? tr("Ordered by overlap span F1 plus relation F1, then token κ")
                                       : tr("Ordered by exact span F1 plus relation F1, then token κ"));
  m_documentTable->setRowCount(int(docs.size()));
  for (int r = 0; r < int(docs.size()); ++r) {
    const eval::DocumentAgreement& d = *docs[size_t(r)];
    m_documentTable->setItem(r, 0, textItem(QString::fromStdString(d.id)));
    m_documentTable->setItem(
        r, 1,
        figureItem(
            d.exact.f1(),
            tr("%1 of %2's %3 spans, %1 of %4's %5").arg(n(d.exact.both), a, n(d.exact.a), b, n(d.exact.b))));
    m_documentTable->setItem(r, 2, figureItem(d.overlap.f1()));
    m_documentTable->setItem(r, 3, figureItem(d.tokenKappa));
    m_documentTable->setItem(r, 4, figureItem(relationF1(d.relations)));
  }
  for (int c = 1; c < m_documentTable->columnCount(); ++c) m_documentTable->resizeColumnToContents(c);
}

void AgreementDialog::spansByChanged() {
  m_heatMap->setSpanFigure(AgreementHeatMap::SpanFigure(m_spansBy->currentData().toInt()));
  fillDocumentTable();
}

QString AgreementDialog::pairTableTsv() const {
  QStringList lines;
  QStringList header;
  for (int c = 0; c < m_pairTable->columnCount(); ++c) header << m_pairTable->horizontalHeaderItem(c)->text();
  lines << header.join(QLatin1Char('\t'));
  for (int r = 0; r < m_pairTable->rowCount(); ++r) {
    QStringList cells;
    for (int c = 0; c < m_pairTable->columnCount(); ++c) {
      const QTableWidgetItem* item = m_pairTable->item(r, c);
      cells << (item ? item->text() : QString());
    }
    lines << cells.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void AgreementDialog::copyTsv() {
  if (m_pairTable->rowCount() == 0) return;
  QApplication::clipboard()->setText(pairTableTsv());
}

// Reads who annotated what (to fill the annotator list, and to tell "fewer than two" from a failure), then
// measures through the job; each opens its own read-only connection.
void AgreementDialog::measure(Measurement& m, const QString& path, const QVector<Split>& splits,
                              const QStringList& leftOut) {
  try {
    if (!ProjectLocation::mayExist(path)) {
      m.error = QString::fromStdString(Error("no such project", path.toStdString()).toString());
      return;
    }
    QVector<DocumentSummary> documents;
    QHash<QString, QSet<QString>> touched;
    {
      auto store = ProjectStore::open(path, OpenMode::ReadOnly);
      if (!store) {
        m.error = QString::fromStdString(store.error().toString());
        return;
      }
      const Status read = store.value()->readConsistently([&]() -> Status {
        DocumentListFilter filter;
        filter.splits = splits;
        Result<QVector<DocumentSummary>> listed = store.value()->listDocuments(filter);
        if (!listed) return listed.error();
        documents = std::move(listed.value());
        Result<QHash<QString, QSet<QString>>> who = store.value()->annotatorDocuments();
        if (!who) return who.error();
        touched = std::move(who.value());
        return {};
      });
      if (!read) {
        m.error = QString::fromStdString(read.error().toString());
        return;
      }
    }
    QSet<QString> inFilter;
    for (const DocumentSummary& d : documents) inFilter.insert(d.name);
    for (auto it = touched.cbegin(); it != touched.cend(); ++it) {
      if (it.value().isEmpty()) continue;
      m.annotators << it.key();
      if (it.value().intersects(inFilter)) m.inSplit << it.key();
    }
    m.annotators.sort();
    m.inSplit.sort();
    for (const QString& name : m.inSplit)
      if (!leftOut.contains(name)) m.compared << name;
    if (m.compared.size() < 2) {
      m.compared.clear();
      return;
    }
    jobs::AgreementSpec spec;
    spec.projectPath = path;
    spec.annotators = m.compared;
    spec.splits = splits;
    Result<jobs::AgreementOutcome> outcome = jobs::measureProjectAgreement(spec);
    if (!outcome) {
      m.error = QString::fromStdString(outcome.error().toString());
      return;
    }
    m.report = std::move(outcome->report);
  } catch (const std::exception& e) {
    m.error = QString::fromUtf8(e.what());
  }
}

}  // namespace quarry::ui
