#include "formats/OutputFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRandomGenerator>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace quarry {
namespace {

// A name beside `target` that nothing uses yet: ".<name>.<tag>-<random>" (hidden, same folder, so a
// rename into place never crosses file systems).
QString siblingName(const QString& target, const QString& tag) {
  const QFileInfo info(target);
  for (;;) {
    const QString candidate = info.absoluteDir().filePath(
        QStringLiteral(".%1.%2-%3")
            .arg(info.fileName(), tag)
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    if (!QFileInfo::exists(candidate) && !QFileInfo(candidate).isSymLink()) return candidate;
  }
}

// rename(2): replaces an existing file atomically, where QFile::rename refuses to.
bool renameOver(const QString& from, const QString& to) {
  return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

// Moves `from` to `to` only when nothing is at `to`; errno EEXIST when something is. Atomic: of two
// writers racing for one name, exactly one succeeds.
bool renameNoReplace(const QString& from, const QString& to) {
  const QByteArray f = QFile::encodeName(from), t = QFile::encodeName(to);
#ifdef Q_OS_LINUX
  if (::renameat2(AT_FDCWD, f.constData(), AT_FDCWD, t.constData(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;  // a file system without it: a hard link instead
#endif
#ifdef Q_OS_UNIX
  if (::link(f.constData(), t.constData()) != 0) return false;
  ::unlink(f.constData());
  return true;
#else
  if (QFileInfo::exists(to)) {
    errno = EEXIST;
    return false;
  }
  return std::rename(f.constData(), t.constData()) == 0;
#endif
}

QString errnoText() { return QString::fromLocal8Bit(std::strerror(errno)); }

// Flushes the whole file system holding `folder` to disk and reports a failed write-back (Linux: syncfs
// returns the errors of files already closed). Elsewhere each file was checked when it was closed.
Status syncFolder(const QString& folder) {
#ifdef Q_OS_LINUX
  const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return Error("cannot open the folder to sync it: " + errnoText().toStdString(), folder.toStdString());
  const int rc = ::syncfs(fd);
  const QString why = rc != 0 ? errnoText() : QString();
  ::close(fd);
  if (rc != 0) return Error("cannot write to disk: " + why.toStdString(), folder.toStdString());
#else
  Q_UNUSED(folder);
#endif
  return {};
}

// The first file under `folder` (links included) whose name matches none of `owned`; empty when none.
QString firstForeignFile(const QString& folder, const QStringList& owned) {
  QDirIterator it(folder, QDir::Files | QDir::System | QDir::Hidden | QDir::AllDirs | QDir::NoDotAndDotDot,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    const QFileInfo info = it.fileInfo();
    if (info.isDir() && !info.isSymLink()) continue;
    if (!QDir::match(owned, info.fileName())) return file;
  }
  return {};
}

}  // namespace

// A QFile that writes all it is given or records why not. QFileDevice reports a short write (the disk
// filled up half-way) as success of fewer bytes and without a reason; writing the rest once more brings
// the reason (ENOSPC, EFBIG), kept here because the next seek() or write() clears the device's error.
class OutputFile::File : public QFile {
 public:
  using QFile::QFile;
  QString firstError;

 protected:
  qint64 writeData(const char* data, qint64 len) override {
    qint64 done = 0;
    while (done < len) {
      const qint64 n = QFile::writeData(data + done, len - done);
      if (n <= 0) {
        if (firstError.isEmpty()) firstError = errorString();
        return done > 0 ? done : -1;
      }
      done += n;
    }
    return done;
  }
};

OutputFile::OutputFile(QString path, Mode mode)
    : m_path(std::move(path)), m_mode(mode), m_file(std::make_unique<File>()) {}

OutputFile::~OutputFile() {
  if (m_committed || !m_opened) return;
  if (m_file->isOpen()) m_file->close();
  QFile::remove(m_file->fileName());
}

QString OutputFile::writeError() const { return m_file->firstError; }

QIODevice& OutputFile::device() { return *m_file; }

Error OutputFile::fail(const QString& what) const { return Error(what.toStdString(), m_path.toStdString()); }

Status OutputFile::open() {
  const QFileInfo info(m_path);
  if (info.isDir()) return fail(QStringLiteral("is a folder, not a file"));
  if (!QDir().mkpath(info.absolutePath()))
    return Error("cannot create the folder", info.absolutePath().toStdString());
  m_file->setFileName(m_mode == Mode::Beside ? siblingName(m_path, QStringLiteral("part")) : m_path);
  // NewOnly: never write through a file (or link) that appeared there in the meantime.
  if (!m_file->open(QIODevice::WriteOnly | QIODevice::NewOnly))
    return fail(QStringLiteral("cannot create a file here: %1").arg(m_file->errorString()));
  m_opened = true;
  if (m_mode == Mode::Beside && info.exists()) m_file->setPermissions(QFile(m_path).permissions());
  return {};
}

Status OutputFile::write(const QByteArray& bytes) {
  if (m_file->write(bytes) != bytes.size())
    return fail(QStringLiteral("cannot write: %1")
                    .arg(m_file->firstError.isEmpty() ? m_file->errorString() : m_file->firstError));
  return {};
}

Status OutputFile::finish() {
  if (m_finished) return {};
  if (!m_file->isOpen()) return fail(QStringLiteral("cannot write: the file is not open"));
  if (!m_file->firstError.isEmpty()) return fail(QStringLiteral("cannot write: %1").arg(m_file->firstError));
  if (!m_file->flush()) return fail(QStringLiteral("cannot write: %1").arg(m_file->errorString()));
#ifdef Q_OS_UNIX
  if (m_mode == Mode::Beside && ::fsync(m_file->handle()) != 0 && errno != EINVAL && errno != ENOTSUP)
    return fail(QStringLiteral("cannot write to disk: %1").arg(errnoText()));
#endif
  m_file->close();
  if (m_file->error() != QFileDevice::NoError)
    return fail(QStringLiteral("cannot write: %1").arg(m_file->errorString()));
  m_finished = true;
  return {};
}

Status OutputFile::commit() {
  if (Status s = finish(); !s) return s;
  if (m_mode == Mode::Beside && !renameOver(m_file->fileName(), m_path))
    return fail(QStringLiteral("cannot move the written file into place: %1").arg(errnoText()));
  m_committed = true;
  return {};
}

Status OutputFile::commitNew() {
  if (Status s = finish(); !s) return s;
  if (m_mode == Mode::Beside && !renameNoReplace(m_file->fileName(), m_path))
    return fail(errno == EEXIST ? QStringLiteral("a file already exists there")
                                : QStringLiteral("cannot move the written file into place: %1").arg(errnoText()));
  m_committed = true;
  return {};
}

Status OutputFile::prepare(const QByteArray& bytes) {
  if (Status s = open(); !s) return s;
  if (Status s = write(bytes); !s) return s;
  return finish();
}

Status OutputFile::write(const QString& path, const QByteArray& bytes, Mode mode) {
  OutputFile out(path, mode);
  if (Status s = out.prepare(bytes); !s) return s;
  return out.commit();
}

Status OutputFolder::write(const QString& folder, const QStringList& ownedNames,
                           const std::function<Status(const QString& staging)>& produce) {
  const QString target = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
  const QFileInfo info(target);
  const bool replacing = info.exists() || info.isSymLink();
  if (replacing) {
    if (!info.isDir() || info.isSymLink()) return Error("exists and is not a folder", target.toStdString());
    if (const QString foreign = firstForeignFile(target, ownedNames); !foreign.isEmpty())
      return Error(QStringLiteral("refusing to replace a folder that holds files this export does not write "
                                  "(%1); choose a new or empty folder")
                       .arg(foreign)
                       .toStdString(),
                   target.toStdString());
  }
  if (!QDir().mkpath(info.absolutePath()))
    return Error("cannot create the folder", info.absolutePath().toStdString());
  const QString staging = siblingName(target, QStringLiteral("saving"));
  if (!QDir().mkdir(staging)) return Error("cannot create a folder here", staging.toStdString());
  auto discard = [&](Error e) -> Status {
    QDir(staging).removeRecursively();
    // Name the file the user asked for, not its staging copy.
    const std::string prefix = staging.toStdString();
    if (e.file.rfind(prefix, 0) == 0) e.file = target.toStdString() + e.file.substr(prefix.size());
    return e;
  };
  if (Status s = produce(staging); !s) return discard(s.error());
  if (Status s = syncFolder(staging); !s) return discard(s.error());

  QString old;
  if (replacing) {
    old = siblingName(target, QStringLiteral("old"));
    if (!renameOver(target, old))
      return discard(
          Error("cannot move the existing folder aside: " + errnoText().toStdString(), target.toStdString()));
  }
  if (!renameOver(staging, target)) {
    const Error e("cannot move the written folder into place: " + errnoText().toStdString(),
                  target.toStdString());
    if (!old.isEmpty()) renameOver(old, target);
    return discard(e);
  }
  if (!old.isEmpty()) QDir(old).removeRecursively();
  return {};
}

}  // namespace quarry
