#include "training/TrainOptionsForm.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace quarry::ui {
namespace {

// What the Train dialog asks for itself.
bool setByDialog(const std::string& key) {
  return key == "task" || key == "model" || key == "model_folder" || key == "tokenizer_folder";
}

QString textOf(const nlohmann::json& value) {
  if (value.is_string()) return QString::fromStdString(value.get<std::string>());
  if (value.is_number_float()) {
    // 5e-05 reads better as 0.00005 for a person; keep up to 10 significant digits.
    return QString::number(value.get<double>(), 'g', 10);
  }
  return QString::fromStdString(value.dump());
}

}  // namespace

TrainOptionsForm::TrainOptionsForm(QWidget* parent) : QWidget(parent) {
  m_layout = new QFormLayout(this);
  m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  rebuild();
}

void TrainOptionsForm::keepChanges() {
  auto values = changedValues();
  if (!values) return;  // a field that is not a number keeps its last good value
  for (const auto& entry : m_rows) m_changed.erase(entry.first);
  m_changed.update(values.value());
}

void TrainOptionsForm::setTask(const std::string& task) {
  if (task == m_task) return;
  keepChanges();
  m_task = task;
  rebuild();
}

void TrainOptionsForm::setModel(train::ModelKind kind, bool randomEncoder) {
  if (kind == m_kind && randomEncoder == m_randomEncoder) return;
  keepChanges();
  m_kind = kind;
  m_randomEncoder = randomEncoder;
  rebuild();
}

void TrainOptionsForm::rebuild() {
  while (m_layout->rowCount() > 0) m_layout->removeRow(0);
  m_rows.clear();
  const train::TrainConfig defaults = train::TrainConfig::defaultsFor(m_task);
  const nlohmann::json defaultJson = defaults.toJson();
  for (const train::TrainConfig::OptionInfo& option : train::TrainConfig::options()) {
    if (setByDialog(option.key) || !option.appliesTo(m_task) ||
        !option.appliesToModel(m_kind, m_randomEncoder))
      continue;
    Row row;
    row.defaultValue = defaultJson.contains(option.key) ? defaultJson.at(option.key) : option.defaultValue;
    auto* cell = new QWidget(this);
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(1);
    const QString key = QString::fromStdString(option.key);
    const QString help = QString::fromStdString(option.help);
    if (row.defaultValue.is_boolean()) {
      auto* box = new QCheckBox(cell);
      connect(box, &QCheckBox::toggled, this, &TrainOptionsForm::changed);
      row.editor = box;
    } else {
      auto* edit = new QLineEdit(cell);
      connect(edit, &QLineEdit::textEdited, this, &TrainOptionsForm::changed);
      row.editor = edit;
    }
    row.editor->setObjectName(QStringLiteral("option_") + key);
    row.editor->setToolTip(help);
    auto* helpLabel = new QLabel(help, cell);
    helpLabel->setWordWrap(true);
    helpLabel->setEnabled(false);  // the palette's quiet colour
    cellLayout->addWidget(row.editor);
    cellLayout->addWidget(helpLabel);
    auto* label = new QLabel(key, this);
    label->setToolTip(help);
    label->setBuddy(row.editor);
    m_layout->addRow(label, cell);
    m_rows[option.key] = row;
    show(option.key, m_changed.contains(option.key) ? m_changed.at(option.key) : row.defaultValue);
  }
}

void TrainOptionsForm::show(const std::string& key, const nlohmann::json& value) {
  auto it = m_rows.find(key);
  if (it == m_rows.end()) return;
  QSignalBlocker block(it->second.editor);
  if (auto* box = qobject_cast<QCheckBox*>(it->second.editor))
    box->setChecked(value.is_boolean() && value.get<bool>());
  else if (auto* edit = qobject_cast<QLineEdit*>(it->second.editor))
    edit->setText(textOf(value));
}

void TrainOptionsForm::setValues(const nlohmann::json& config) {
  if (!config.is_object()) return;
  for (auto it = config.begin(); it != config.end(); ++it) {
    if (setByDialog(it.key())) continue;
    m_changed[it.key()] = it.value();
    show(it.key(), it.value());
  }
  Q_EMIT changed();
}

void TrainOptionsForm::resetToDefaults() {
  m_changed = nlohmann::json::object();
  for (const auto& [key, row] : m_rows) show(key, row.defaultValue);
  Q_EMIT changed();
}

Result<nlohmann::json> TrainOptionsForm::valueOf(const std::string& key, const Row& row) const {
  if (auto* box = qobject_cast<QCheckBox*>(row.editor)) return nlohmann::json(box->isChecked());
  const QString text = qobject_cast<QLineEdit*>(row.editor)->text().trimmed();
  bool ok = true;
  if (row.defaultValue.is_number_unsigned()) {
    const qulonglong v = text.toULongLong(&ok);
    if (ok) return nlohmann::json(static_cast<uint64_t>(v));
  } else if (row.defaultValue.is_number_integer()) {
    const qlonglong v = text.toLongLong(&ok);
    if (ok) return nlohmann::json(static_cast<int64_t>(v));
  } else if (row.defaultValue.is_number_float()) {
    const double v = text.toDouble(&ok);
    if (ok) return nlohmann::json(v);
  } else {
    return nlohmann::json(text.toStdString());
  }
  return Error(
      std::string(row.defaultValue.is_number_float() ? "expects a number" : "expects a whole number") +
          ", got \"" + text.toStdString() + "\"",
      "", 0, key);
}

Result<nlohmann::json> TrainOptionsForm::changedValues() const {
  nlohmann::json values = nlohmann::json::object();
  for (const auto& [key, row] : m_rows) {
    auto value = valueOf(key, row);
    if (!value) return value.error();
    if (value.value() != row.defaultValue) values[key] = value.value();
  }
  return values;
}

QWidget* TrainOptionsForm::editor(const QString& key) const {
  auto it = m_rows.find(key.toStdString());
  return it == m_rows.end() ? nullptr : it->second.editor;
}

}  // namespace quarry::ui
