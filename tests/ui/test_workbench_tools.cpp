// The tools annotators expect, on the real main window (offscreen, keys and clicks): the keyboard
// sheet (F1 and ?) listing every shortcut the window has, type names on spans by default (Alt+L to
// colour only), moving through a long document (Home/End, Up/Down, Ctrl+Home/End, Page Up/Down,
// Ctrl+G), and the find bar (Ctrl+F: matches, next/previous, Label All with a confirmation, one undo),
// which at 1280×800 leaves the document list its columns (English and German).
// Screenshots of the main window in English and German, the sheet and the search are kept as artefacts.
#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

#include "AppTranslations.h"
#include "DocumentFindBar.h"
#include "GoToDialog.h"
#include "KeyboardSheet.h"
#include "QaPanel.h"
#include "WorkbenchTestSupport.h"
#include "annotation/AnnotationKeys.h"
#include "annotation/DocumentSearch.h"

using namespace quarry;
using namespace quarry::test;
using quarry::ui::MainWindow;

namespace {

constexpr int kParagraphs = 300;

// A fresh demo copy with one more document, "long": kParagraphs paragraphs of one sentence each.
QString demoWithLongDocument(const QString& dir) {
  const QString path = freshDemo(dir);
  addLongDocument(path, QStringLiteral("long"), kParagraphs);
  return path;
}

// Whether the caret's line is inside the viewport.
bool caretOnScreen(ui::AnnotationView* v) {
  const QRect caret = v->cursorRectangle();
  return caret.top() >= 0 && caret.bottom() <= v->viewport()->height();
}

QStringList shortcutsOf(const QWidget* window) {
  QStringList out;
  for (const QAction* a : window->findChildren<QAction*>())
    for (const QKeySequence& k : a->shortcuts())
      if (!k.isEmpty()) out << k.toString(QKeySequence::NativeText);
  return out;
}

}  // namespace

class TestWorkbenchTools : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

 private Q_SLOTS:
  void initTestCase() {
    isolateSettings(QStringLiteral("test_workbench_tools"));
    ui::AppTranslations::install(QLocale(QLocale::English));
  }

  void keyboardSheetListsEveryShortcut() {
    MainWindow window;
    QVERIFY(showOn(window, freshDemo(m_dir.path())));
    QString sheetText;
    int opened = 0;
    auto readAndClose = [&](ui::KeyboardSheet* sheet) {
      ++opened;
      sheetText = sheet->plainText();
      if (opened == 1) {
        sheet->resize(760, 800);
        QTest::qWait(50);
        sheet->grab().save(artefactPath(QStringLiteral("keyboard_sheet.png")));
      }
      sheet->reject();
    };
    // F1 from the document view, then ? in it.
    answerNextModal<ui::KeyboardSheet>(readAndClose);
    QTest::keyClick(window.annotationView(), Qt::Key_F1);
    QTRY_COMPARE(opened, 1);
    answerNextModal<ui::KeyboardSheet>(readAndClose);
    QTest::keyClick(window.annotationView(), '?', Qt::ShiftModifier);
    QTRY_COMPARE(opened, 2);
    // Every shortcut of every action in the window, read from the window itself.
    const QStringList shortcuts = shortcutsOf(&window);
    QVERIFY(shortcuts.size() > 20);
    for (const QString& k : shortcuts) QVERIFY2(sheetText.contains(k), qPrintable(k));
    // Among them the two that used to be hidden, the view's own keys and the schema's hotkeys.
    for (const QString& k : {QStringLiteral("Alt+L"), QStringLiteral("Alt+W"), QStringLiteral("Ctrl+Home"),
                             QStringLiteral("PgDown"), QStringLiteral("Shift+Tab"), QStringLiteral("Ctrl+G"),
                             QStringLiteral("Ctrl+F"), QStringLiteral("F1"), QStringLiteral("Alt+0")})
      QVERIFY2(sheetText.contains(k), qPrintable(k));
    for (const ui::ViewKey& key : ui::AnnotationKeys::all())
      QVERIFY2(sheetText.contains(ui::AnnotationKeys::description(key.command)),
               qPrintable(ui::AnnotationKeys::description(key.command)));
    QVERIFY(sheetText.contains(QLatin1String("DISEASE")));
    QVERIFY(sheetText.contains(QLatin1String("Show Type Names on Spans")));
    QVERIFY(sheetText.contains(QLatin1String("Snap Selection to Words")));
    // A shortcut added later shows up without touching the sheet.
    auto* extra = new QAction(QStringLiteral("Extra Test Action"), &window);
    extra->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
    window.addAction(extra);
    const ui::KeyboardSheet sheet(&window, window.schema());
    QVERIFY(sheet.plainText().contains(QLatin1String("Extra Test Action")));
    QVERIFY(sheet.plainText().contains(
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J).toString(QKeySequence::NativeText)));
  }

  void typeNamesShownByDefault() {
    MainWindow window;
    QVERIFY(showOn(window, freshDemo(m_dir.path())));
    ui::AnnotationView* v = window.annotationView();
    QVERIFY(v->showTypeNames());
    QVERIFY(v->typeNamesAction()->isChecked());
    const QString key = v->document().entities.front().key;
    const QRect text = v->spanRect(key);
    QVERIFY(!text.isNull());
    // The type-name chip sits above the span's text: a click there is a click on the span.
    const QPoint chip(text.left() + 3, text.top() - 6);
    QCOMPARE(v->spanAt(chip), key);
    // Alt+L: colour only; the chip is gone, the lines closer together; the choice is remembered.
    const int heightWithNames = v->verticalScrollBar()->maximum() + v->viewport()->height();
    QTest::keyClick(v, Qt::Key_L, Qt::AltModifier);
    QVERIFY(!v->showTypeNames());
    QVERIFY(v->spanAt(QPoint(text.left() + 3, v->spanRect(key).top() - 6)).isEmpty());
    QVERIFY(v->verticalScrollBar()->maximum() + v->viewport()->height() <= heightWithNames);
    QCOMPARE(QSettings().value(QStringLiteral("view/typeNames")).toBool(), false);
    MainWindow second;
    QVERIFY(!second.annotationView()->showTypeNames());
    QTest::keyClick(v, Qt::Key_L, Qt::AltModifier);
    QVERIFY(v->showTypeNames());
    QCOMPARE(QSettings().value(QStringLiteral("view/typeNames")).toBool(), true);
  }

  // Alt+L and Alt+W belong to the view wherever the focus is: no button or label of the window (the
  // find bar and the QA panel shown, English and German) takes Alt+L, Alt+W or a category's Alt+digit
  // as its mnemonic, which would make the shortcut ambiguous and do nothing.
  void viewTogglesWinOverMnemonics() {
    const QString path = freshDemo(m_dir.path());
    const QList<QKeySequence> reserved = {QKeySequence(Qt::ALT | Qt::Key_L),
                                          QKeySequence(Qt::ALT | Qt::Key_W)};
    for (const QLocale& locale : {QLocale(QLocale::English), QLocale(QLocale::German)}) {
      ui::AppTranslations::install(locale);
      MainWindow window;
      QVERIFY(showOn(window, path));
      ui::AnnotationView* v = window.annotationView();
      QTest::keyClick(v, Qt::Key_F, Qt::ControlModifier);
      QTRY_VERIFY(window.findBar()->isVisible());
      QTest::keyClick(v, Qt::Key_F8);  // the Questions dock
      QTRY_VERIFY(window.qaPanel()->isVisible());
      for (const QWidget* w : window.findChildren<QWidget*>()) {
        QString text;
        if (const auto* b = qobject_cast<const QAbstractButton*>(w))
          text = b->text();
        else if (const auto* l = qobject_cast<const QLabel*>(w); l && l->buddy())
          text = l->text();
        const QKeySequence mnemonic = QKeySequence::mnemonic(text);
        if (mnemonic.isEmpty() || !w->isVisible()) continue;
        QVERIFY2(!reserved.contains(mnemonic), qPrintable(text));
        const int key = mnemonic[0].key();
        QVERIFY2(key < Qt::Key_0 || key > Qt::Key_9, qPrintable(text));
      }
      v->setFocus();
      QTRY_VERIFY(v->hasFocus());
      const bool names = v->showTypeNames(), snapping = v->wordSnapping();
      QTest::keyClick(v, Qt::Key_L, Qt::AltModifier);
      QCOMPARE(v->showTypeNames(), !names);
      QTest::keyClick(v, Qt::Key_W, Qt::AltModifier);
      QCOMPARE(v->wordSnapping(), !snapping);
      QTest::keyClick(v, Qt::Key_L, Qt::AltModifier);
      QTest::keyClick(v, Qt::Key_W, Qt::AltModifier);
      QCOMPARE(v->showTypeNames(), names);
      QCOMPARE(v->wordSnapping(), snapping);
    }
    ui::AppTranslations::install(QLocale(QLocale::English));
  }

  void movingThroughALongDocument() {
    MainWindow window;
    QVERIFY(showOn(window, demoWithLongDocument(m_dir.path())));
    QVERIFY(window.documentList()->selectDocument(documentNamed(window, QStringLiteral("long"))));
    ui::AnnotationView* v = window.annotationView();
    v->setFocus();
    const QString text = v->document().text;
    QScrollBar* bar = v->verticalScrollBar();

    // Ctrl+End / Ctrl+Home: the ends of the document, scrolled there.
    QTest::keyClick(v, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(v->cursorPosition(), int(text.size()));
    QVERIFY(bar->value() > 0);
    QVERIFY(caretOnScreen(v));
    QTest::keyClick(v, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(v->cursorPosition(), 0);
    QCOMPARE(bar->value(), 0);

    // End / Home: the ends of the line on screen (the first paragraph wraps at 1280 px or less).
    QTest::keyClick(v, Qt::Key_End);
    const int lineEnd = v->cursorPosition();
    QVERIFY(lineEnd > 0 && lineEnd <= text.indexOf(QLatin1Char('\n')));
    QTest::keyClick(v, Qt::Key_Home);
    QCOMPARE(v->cursorPosition(), 0);

    // Down / Up: a line at a time, keeping the column.
    v->setCursorPosition(10);
    const QRect start = v->cursorRectangle();
    QTest::keyClick(v, Qt::Key_Down);
    QVERIFY(v->cursorPosition() > 10);
    QVERIFY(v->cursorRectangle().top() > start.top());
    QVERIFY(qAbs(v->cursorRectangle().left() - start.left()) < 15);
    QTest::keyClick(v, Qt::Key_Up);
    QCOMPARE(v->cursorPosition(), 10);
    // Shift+Down selects down to the same column of the next line.
    QTest::keyClick(v, Qt::Key_Down, Qt::ShiftModifier);
    QVERIFY(v->selection().second > v->selection().first);

    // Page Down / Page Up: a screen at a time, the caret on screen.
    QTest::keyClick(v, Qt::Key_Escape);
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_PageDown);
    const int afterOnePage = v->cursorPosition();
    QVERIFY(afterOnePage > 0);
    QVERIFY(bar->value() > 0);
    QVERIFY(caretOnScreen(v));
    QTest::keyClick(v, Qt::Key_PageDown);
    QVERIFY(v->cursorPosition() > afterOnePage);
    QTest::keyClick(v, Qt::Key_PageUp);
    QTest::keyClick(v, Qt::Key_PageUp);
    QVERIFY(v->cursorPosition() < afterOnePage);
    QVERIFY(caretOnScreen(v));

    // Ctrl+G: paragraph 250, then offset 123.
    const QVector<int> starts = ui::GoToDialog::paragraphStarts(text);
    QCOMPARE(starts.size(), kParagraphs);
    answerNextModal<ui::GoToDialog>([](ui::GoToDialog* d) {
      QTest::mouseClick(d->paragraphButton(), Qt::LeftButton);
      d->paragraphBox()->setFocus();
      d->paragraphBox()->selectAll();
      QTest::keyClicks(d->paragraphBox(), QStringLiteral("250"));
      QTest::keyClick(d->paragraphBox(), Qt::Key_Return);
    });
    QTest::keyClick(v, Qt::Key_G, Qt::ControlModifier);
    QTRY_COMPARE(v->cursorPosition(), starts[249]);
    QVERIFY(caretOnScreen(v));
    QCOMPARE(window.focusWidget(), v);
    window.activateWindow();  // the offscreen platform does not hand activation back after a dialog
    QTRY_VERIFY(window.isActiveWindow());
    answerNextModal<ui::GoToDialog>([](ui::GoToDialog* d) {
      d->offsetBox()->selectAll();
      QTest::keyClicks(d->offsetBox(), QStringLiteral("123"));
      QTest::keyClick(d->offsetBox(), Qt::Key_Return);
    });
    QTest::keyClick(v, Qt::Key_G, Qt::ControlModifier);
    QTRY_COMPARE(v->cursorPosition(), 123);
    QVERIFY(caretOnScreen(v));
  }

  void findInTheDocumentAndLabelAllMatches() {
    MainWindow window;
    QVERIFY(showOn(window, demoWithLongDocument(m_dir.path())));
    const qint64 doc = documentNamed(window, QStringLiteral("long"));
    QVERIFY(window.documentList()->selectDocument(doc));
    ui::AnnotationView* v = window.annotationView();
    v->setFocus();
    ui::DocumentFindBar* bar = window.findBar();
    QVERIFY(!bar->isVisible());

    QTest::keyClick(v, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QTRY_VERIFY(bar->queryField()->hasFocus());
    QTest::keyClicks(bar->queryField(), QStringLiteral("insulin"));
    const QVector<QPair<int, int>> matches = bar->matches();
    QCOMPARE(matches.size(), kParagraphs);
    QCOMPARE(v->searchMatches(), matches);  // highlighted in the view
    QCOMPARE(bar->currentMatch(), 0);
    QCOMPARE(v->selection(), matches[0]);
    QVERIFY(bar->countLabel()->text().contains(QLatin1String("1 of 300")));
    // Return: next; Shift+Return: previous (wrapping round); the current match is scrolled to.
    QTest::keyClick(bar->queryField(), Qt::Key_Return);
    QCOMPARE(bar->currentMatch(), 1);
    QCOMPARE(v->selection(), matches[1]);
    QTest::keyClick(bar->queryField(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClick(bar->queryField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->currentMatch(), kParagraphs - 1);
    QVERIFY(v->verticalScrollBar()->value() > 0);
    QVERIFY(caretOnScreen(v));
    QTest::keyClick(bar->queryField(), Qt::Key_Return);
    QCOMPARE(bar->currentMatch(), 0);
    QTest::qWait(50);
    QVERIFY(window.grab().save(artefactPath(QStringLiteral("document_search.png"))));

    // Whole words by default: "in" is not found inside "insulin".
    bar->queryField()->selectAll();
    QTest::keyClicks(bar->queryField(), QStringLiteral("in"));
    QCOMPARE(bar->matches(), ui::DocumentSearch::find(v->document().text, QStringLiteral("in")));
    for (const auto& m : bar->matches()) QCOMPARE(v->document().text.mid(m.first, 2), QStringLiteral("in"));
    QVERIFY(bar->matches().size() < 2 * kParagraphs);

    // Label All as DRUG: a confirmation, then every match labelled, undone by one Ctrl+Z.
    bar->queryField()->selectAll();
    QTest::keyClicks(bar->queryField(), QStringLiteral("metformin"));
    QCOMPARE(bar->matches().size(), kParagraphs);
    bar->typeBox()->setCurrentIndex(bar->typeBox()->findText(QStringLiteral("DRUG")));
    const int undoBefore = window.undoStack()->count();
    QString question;
    answerNextModal<QMessageBox>([&question](QMessageBox* box) {
      question = box->text();
      box->button(QMessageBox::Yes)->click();
    });
    QTest::mouseClick(bar->labelAllButton(), Qt::LeftButton);
    QTRY_VERIFY(!question.isEmpty());
    QVERIFY2(question.contains(QLatin1String("300")) && question.contains(QLatin1String("DRUG")),
             qPrintable(question));
    Document d = storedDocument(window, doc);
    QCOMPARE(d.entities.size(), kParagraphs);
    for (int i = 0; i < kParagraphs; ++i) {
      QCOMPARE(d.entities[i].type, QStringLiteral("DRUG"));
      QCOMPARE(qMakePair(d.entities[i].start(), d.entities[i].end()), bar->matches()[i]);
    }
    QCOMPARE(d.status, DocumentStatus::InProgress);
    QCOMPARE(window.undoStack()->count(), undoBefore + 1);
    QCOMPARE(v->document().entities.size(), kParagraphs);
    // Cancel asks and changes nothing.
    answerNextModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Cancel)->click(); });
    QTest::mouseClick(bar->labelAllButton(), Qt::LeftButton);
    QTest::qWait(100);
    QCOMPARE(storedDocument(window, doc).entities.size(), kParagraphs);
    window.activateWindow();  // the offscreen platform does not hand activation back after a dialog
    QTRY_VERIFY(window.isActiveWindow());
    v->setFocus();
    QVERIFY(window.undoStack()->canUndo());
    QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(storedDocument(window, doc).entities.size(), 0);
    QCOMPARE(v->document().entities.size(), 0);

    // Escape closes the bar and clears the highlights.
    bar->queryField()->setFocus();
    QTest::keyClick(bar->queryField(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(v->searchMatches().isEmpty());
    QVERIFY(v->hasFocus());
  }

  // The dock sizing at 1280×800 (test_main_window::docksShowTheirContentsAt1280x800) holds with the
  // find bar open (Ctrl+F) on a long document, in English and German: the document list keeps every
  // column whole without a sideways scroll bar, every part of the find bar is shown whole, and the
  // text keeps a fair share of the window.
  void docksKeepTheirContentsWithTheFindBarOpen() {
    const QString path = demoWithLongDocument(m_dir.path());
    for (const QLocale& locale : {QLocale(QLocale::English), QLocale(QLocale::German)}) {
      ui::AppTranslations::install(locale);
      const bool german = locale.language() == QLocale::German;
      MainWindow window;
      QVERIFY(showOn(window, path));
      QCOMPARE(window.size(), QSize(1280, 800));
      QVERIFY(window.documentList()->selectDocument(documentNamed(window, QStringLiteral("long"))));
      ui::AnnotationView* v = window.annotationView();
      v->setFocus();
      QTest::keyClick(v, Qt::Key_F, Qt::ControlModifier);
      ui::DocumentFindBar* bar = window.findBar();
      QTRY_VERIFY(bar->isVisible());
      QTest::keyClicks(bar->queryField(), QStringLiteral("insulin"));
      QCOMPARE(bar->matches().size(), kParagraphs);
      QTest::qWait(50);

      QTRY_VERIFY2(documentListCut(window).isEmpty(),
                   qPrintable(locale.name() + QStringLiteral(": ") + documentListCut(window)));

      // Every part of the find bar whole and inside it; the text keeps a fair share.
      for (const QWidget* w : bar->findChildren<QWidget*>()) {
        // The bar's own controls (not the parts of a line edit or a combo box).
        const QWidget* parent = w->parentWidget();
        if (!w->isVisible() || (parent != bar && parent->metaObject() != &QWidget::staticMetaObject))
          continue;
        const QString cut = cutIn(w, bar, w->minimumSizeHint().width());
        QVERIFY2(cut.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 '%3' %4")
                                .arg(locale.name(), QString::fromLatin1(w->metaObject()->className()),
                                     w->objectName(), cut)));
      }
      QVERIFY2(bar->queryField()->width() >= bar->queryField()->minimumWidth(),
               qPrintable(QString::number(bar->queryField()->width())));
      QVERIFY2(v->width() >= 480, qPrintable(QString::number(v->width())));
      QVERIFY2(v->viewport()->height() >= 200, qPrintable(QString::number(v->viewport()->height())));
      QVERIFY(window.grab().save(artefactPath(german ? QStringLiteral("document_search_de.png")
                                                     : QStringLiteral("document_search_en.png"))));
    }
    ui::AppTranslations::install(QLocale(QLocale::English));
  }

  void screenshotsInEnglishAndGerman() {
    const QString path = freshDemo(m_dir.path());
    for (const QLocale& locale : {QLocale(QLocale::English), QLocale(QLocale::German)}) {
      ui::AppTranslations::install(locale);
      MainWindow window;
      QVERIFY(showOn(window, path));
      QCOMPARE(window.size(), QSize(1280, 800));
      const bool german = locale.language() == QLocale::German;
      QVERIFY2(window.menuBar()->actions().at(0)->text() ==
                   (german ? QStringLiteral("&Datei") : QStringLiteral("&File")),
               qPrintable(window.menuBar()->actions().at(0)->text()));
      QTest::qWait(50);
      const QString file =
          artefactPath(german ? QStringLiteral("main_window_de.png") : QStringLiteral("main_window_en.png"));
      QVERIFY(window.grab().save(file));
      QCOMPARE(QImage(file).size(), window.size() * window.devicePixelRatio());
    }
    ui::AppTranslations::install(QLocale(QLocale::English));
  }
};

QTEST_MAIN(TestWorkbenchTools)
#include "test_workbench_tools.moc"
