#include "model/checkpoint/TorchPickle.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace quarry::model {
namespace {

enum class Kind : std::uint8_t {
  None,
  Bool,
  Int,
  Float,
  String,
  Bytes,
  Tuple,
  List,
  Dict,
  Global,
  Storage,
  Tensor,
  Object
};

const char* kindName(Kind k) {
  switch (k) {
    case Kind::None:
      return "None";
    case Kind::Bool:
      return "bool";
    case Kind::Int:
      return "int";
    case Kind::Float:
      return "float";
    case Kind::String:
      return "str";
    case Kind::Bytes:
      return "bytes";
    case Kind::Tuple:
      return "tuple";
    case Kind::List:
      return "list";
    case Kind::Dict:
      return "dict";
    case Kind::Global:
      return "class or function";
    case Kind::Storage:
      return "storage";
    case Kind::Tensor:
      return "tensor";
    case Kind::Object:
      return "object";
  }
  return "value";
}

struct Node {
  Kind kind = Kind::None;
  int depth = 0;                     // nesting of containers below and including this one
  std::int64_t number = 0;           // Bool/Int value; Storage/Tensor: index into their tables
  std::string text;                  // String; Global: "module.name"; Object: what built it
  std::vector<std::uint32_t> items;  // Tuple/List items; Dict: key, value, key, value, ...
};

struct Storage {
  at::ScalarType dtype;
  std::string key;
  std::int64_t numel;
};

struct StorageType {
  const char* name;
  at::ScalarType dtype;
};

constexpr StorageType kStorageTypes[] = {
    {"torch.DoubleStorage", at::kDouble}, {"torch.FloatStorage", at::kFloat},
    {"torch.HalfStorage", at::kHalf},     {"torch.BFloat16Storage", at::kBFloat16},
    {"torch.LongStorage", at::kLong},     {"torch.IntStorage", at::kInt},
    {"torch.ShortStorage", at::kShort},   {"torch.CharStorage", at::kChar},
    {"torch.ByteStorage", at::kByte},     {"torch.BoolStorage", at::kBool},
};

struct Failure {
  std::string message;
};

class Machine {
 public:
  Machine(std::string_view data, const TorchPickleLimits& limits) : m_data(data), m_limits(limits) {}

  // The index of the value STOP returns.
  std::uint32_t run() {
    if (m_data.size() > m_limits.maxBytes)
      fail("data.pkl is " + std::to_string(m_data.size()) + " bytes, more than a state dict needs (" +
           std::to_string(m_limits.maxBytes) + ")");
    while (true) {
      m_opAt = m_pos;
      const unsigned char op = byte();
      switch (op) {
        case 0x80:
          byte();
          break;  // PROTO
        case 0x95:
          bytes(8);
          break;  // FRAME
        case '}':
          push(make(Kind::Dict));
          break;  // EMPTY_DICT
        case ']':
          push(make(Kind::List));
          break;  // EMPTY_LIST
        case ')':
          push(make(Kind::Tuple));
          break;   // EMPTY_TUPLE
        case '(':  // MARK
          if (static_cast<int>(m_marks.size()) >= m_limits.maxDepth) fail("marks nested too deeply");
          m_marks.push_back(m_stack.size());
          break;
        case 't':
          push(container(Kind::Tuple, popMark()));
          break;  // TUPLE
        case 0x85:
          push(container(Kind::Tuple, popN(1)));
          break;  // TUPLE1
        case 0x86:
          push(container(Kind::Tuple, popN(2)));
          break;  // TUPLE2
        case 0x87:
          push(container(Kind::Tuple, popN(3)));
          break;  // TUPLE3
        case 'l':
          push(container(Kind::List, popMark()));
          break;     // LIST
        case 'd': {  // DICT
          auto items = popMark();
          if (items.size() % 2) fail("a dict of an odd number of keys and values");
          push(container(Kind::Dict, std::move(items)));
          break;
        }
        case 'a':
          addTo(Kind::List, popN(1));
          break;  // APPEND
        case 'e':
          addTo(Kind::List, popMark());
          break;  // APPENDS
        case 's':
          addTo(Kind::Dict, popN(2));
          break;     // SETITEM
        case 'u': {  // SETITEMS
          auto items = popMark();
          if (items.size() % 2) fail("SETITEMS with an odd number of keys and values");
          addTo(Kind::Dict, std::move(items));
          break;
        }
        case 'q':
          memoPut(byte());
          break;  // BINPUT
        case 'r':
          memoPut(unsignedLe(4));
          break;  // LONG_BINPUT
        case 0x94:
          memoPut(m_memo.size());
          break;  // MEMOIZE
        case 'h':
          memoGet(byte());
          break;  // BINGET
        case 'j':
          memoGet(unsignedLe(4));
          break;  // LONG_BINGET
        case 'J':
          pushInt(static_cast<std::int32_t>(unsignedLe(4)));
          break;  // BININT
        case 'K':
          pushInt(byte());
          break;  // BININT1
        case 'M':
          pushInt(static_cast<std::int64_t>(unsignedLe(2)));
          break;  // BININT2
        case 0x8a:
          pushLong(byte());
          break;  // LONG1
        case 'G':
          pushFloat();
          break;  // BINFLOAT
        case 'N':
          push(make(Kind::None));
          break;  // NONE
        case 0x88:
          pushBool(true);
          break;  // NEWTRUE
        case 0x89:
          pushBool(false);
          break;  // NEWFALSE
        case 'X':
          pushText(Kind::String, unsignedLe(4));
          break;  // BINUNICODE
        case 0x8c:
          pushText(Kind::String, byte());
          break;  // SHORT_BINUNICODE
        case 0x8d:
          pushText(Kind::String, unsignedLe(8));
          break;  // BINUNICODE8
        case 'T':
          pushText(Kind::String, unsignedLe(4));
          break;  // BINSTRING
        case 'U':
          pushText(Kind::String, byte());
          break;  // SHORT_BINSTRING
        case 'B':
          pushText(Kind::Bytes, unsignedLe(4));
          break;  // BINBYTES
        case 'C':
          pushText(Kind::Bytes, byte());
          break;     // SHORT_BINBYTES
        case 'c': {  // GLOBAL
          std::string module = line();
          std::uint32_t g = make(Kind::Global);
          m_nodes[g].text = module + "." + line();
          push(g);
          break;
        }
        case 0x93: {  // STACK_GLOBAL
          const std::uint32_t name = pop(), module = pop();
          if (kindOf(name) != Kind::String || kindOf(module) != Kind::String)
            fail("STACK_GLOBAL needs two strings");
          std::uint32_t g = make(Kind::Global);
          m_nodes[g].text = m_nodes[module].text + "." + m_nodes[name].text;
          push(g);
          break;
        }
        case 'R':
          reduce();
          break;      // REDUCE
        case 0x81: {  // NEWOBJ
          pop();
          const std::uint32_t cls = pop();
          push(object("an instance of " + describe(cls)));
          break;
        }
        case 'b':
          pop();
          top();
          break;  // BUILD: the state is not needed
        case 'Q':
          persistentLoad();
          break;  // BINPERSID
        case '0':
          pop();
          break;  // POP
        case '1':
          popMark();
          break;  // POP_MARK
        case '2':
          push(top());
          break;     // DUP
        case '.': {  // STOP
          const std::uint32_t result = pop();
          return result;
        }
        default: {
          char hex[8];
          std::snprintf(hex, sizeof hex, "0x%02x", op);
          fail(std::string("opcode ") + hex + " is not one torch.save writes for a state dict");
        }
      }
    }
  }

  const Node& node(std::uint32_t i) const { return m_nodes[i]; }
  const std::vector<PickledTensor>& tensors() const { return m_tensors; }
  std::size_t position() const { return m_opAt; }
  std::string describe(std::uint32_t i) const {
    const Node& n = m_nodes[i];
    if (n.kind == Kind::Global) return n.text.substr(0, 80);
    if (n.kind == Kind::Object) return n.text;
    return kindName(n.kind);
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw Failure{message}; }

  unsigned char byte() {
    if (m_pos >= m_data.size()) fail("the stream ends before STOP");
    return static_cast<unsigned char>(m_data[m_pos++]);
  }
  std::string_view bytes(std::uint64_t n) {
    if (n > m_data.size() - m_pos) fail("the stream ends inside a value");
    std::string_view out = m_data.substr(m_pos, n);
    m_pos += n;
    return out;
  }
  std::uint64_t unsignedLe(int n) {
    std::string_view b = bytes(static_cast<std::uint64_t>(n));
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i)
      v = (v << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
    return v;
  }
  std::string line() {
    const std::size_t end = m_data.find('\n', m_pos);
    if (end == std::string_view::npos || end - m_pos > 256) fail("GLOBAL without a short name line");
    std::string out(m_data.substr(m_pos, end - m_pos));
    m_pos = end + 1;
    return out;
  }

  std::uint32_t make(Kind kind) {
    if (m_nodes.size() >= m_limits.maxValues) fail("more values than a state dict holds");
    m_nodes.push_back(Node{kind, 0, 0, {}, {}});
    return static_cast<std::uint32_t>(m_nodes.size() - 1);
  }
  std::uint32_t object(const std::string& what) {
    std::uint32_t o = make(Kind::Object);
    m_nodes[o].text = what;
    return o;
  }
  Kind kindOf(std::uint32_t i) const { return m_nodes[i].kind; }
  void push(std::uint32_t i) { m_stack.push_back(i); }
  std::uint32_t top() const {
    if (m_stack.size() <= (m_marks.empty() ? 0 : m_marks.back()))
      fail("an opcode needs a value the stack lacks");
    return m_stack.back();
  }
  std::uint32_t pop() {
    const std::uint32_t v = top();
    m_stack.pop_back();
    return v;
  }
  std::vector<std::uint32_t> popN(std::size_t n) {
    const std::size_t floor = m_marks.empty() ? 0 : m_marks.back();
    if (m_stack.size() < floor + n) fail("an opcode needs more values than the stack holds");
    std::vector<std::uint32_t> out(m_stack.end() - static_cast<std::ptrdiff_t>(n), m_stack.end());
    m_stack.resize(m_stack.size() - n);
    return out;
  }
  std::vector<std::uint32_t> popMark() {
    if (m_marks.empty()) fail("an opcode needs a MARK that is not there");
    const std::size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<std::uint32_t> out(m_stack.begin() + static_cast<std::ptrdiff_t>(mark), m_stack.end());
    m_stack.resize(mark);
    return out;
  }

  void deepen(std::uint32_t parent, std::uint32_t child) {
    Node& p = m_nodes[parent];
    p.depth = std::max(p.depth, m_nodes[child].depth + 1);
    if (p.depth > m_limits.maxDepth)
      fail("values nested more than " + std::to_string(m_limits.maxDepth) + " levels deep");
  }
  std::uint32_t container(Kind kind, std::vector<std::uint32_t> items) {
    const std::uint32_t c = make(kind);
    m_nodes[c].depth = 1;
    for (std::uint32_t i : items) deepen(c, i);
    m_nodes[c].items = std::move(items);
    return c;
  }
  void addTo(Kind kind, std::vector<std::uint32_t> items) {
    const std::uint32_t target = top();
    if (kindOf(target) != kind)
      fail(std::string("adding to a ") + kindName(kindOf(target)) + " as if it were a " + kindName(kind));
    for (std::uint32_t i : items) deepen(target, i);
    auto& into = m_nodes[target].items;
    if (into.size() + items.size() > m_limits.maxValues) fail("a container larger than a state dict holds");
    into.insert(into.end(), items.begin(), items.end());
  }

  void memoPut(std::uint64_t id) {
    if (m_memo.size() >= m_limits.maxValues && !m_memo.count(id)) fail("more memo entries than values");
    m_memo[id] = top();
  }
  void memoGet(std::uint64_t id) {
    auto it = m_memo.find(id);
    if (it == m_memo.end()) fail("memo entry " + std::to_string(id) + " was never stored");
    push(it->second);
  }

  void pushInt(std::int64_t v) {
    const std::uint32_t n = make(Kind::Int);
    m_nodes[n].number = v;
    push(n);
  }
  void pushBool(bool v) {
    const std::uint32_t n = make(Kind::Bool);
    m_nodes[n].number = v ? 1 : 0;
    push(n);
  }
  void pushLong(std::size_t n) {
    if (n > 8) {
      bytes(n);
      push(object("an integer wider than 64 bits"));
      return;
    }
    std::string_view b = bytes(n);
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(b[i]);
    if (n > 0 && n < 8 && (static_cast<unsigned char>(b[n - 1]) & 0x80)) v |= ~std::uint64_t(0) << (8 * n);
    pushInt(static_cast<std::int64_t>(v));
  }
  void pushFloat() {
    std::uint64_t bits = 0;
    for (unsigned char c : bytes(8)) bits = (bits << 8) | c;  // big-endian; the value is never needed
    const std::uint32_t n = make(Kind::Float);
    m_nodes[n].number = static_cast<std::int64_t>(bits);
    push(n);
  }
  void pushText(Kind kind, std::uint64_t n) {
    std::string_view b = bytes(n);
    const std::uint32_t s = make(kind);
    m_nodes[s].text.assign(b.data(), b.size());
    push(s);
  }

  // ('storage', torch.XStorage, key, location, numel) -> a storage reference.
  void persistentLoad() {
    const std::uint32_t pid = pop();
    const Node& t = m_nodes[pid];
    auto is = [&](std::size_t i, Kind k) { return i < t.items.size() && kindOf(t.items[i]) == k; };
    if (t.kind != Kind::Tuple || t.items.size() != 5 || !is(0, Kind::String) ||
        m_nodes[t.items[0]].text != "storage" || !is(1, Kind::Global) || !is(2, Kind::String) ||
        !is(3, Kind::String) || !is(4, Kind::Int))
      fail("a persistent id that is not ('storage', type, key, location, size)");
    const std::string& type = m_nodes[t.items[1]].text;
    const StorageType* found = nullptr;
    for (const StorageType& s : kStorageTypes)
      if (type == s.name) found = &s;
    if (!found) fail("storage type " + type.substr(0, 80) + " is not supported");
    const std::int64_t numel = m_nodes[t.items[4]].number;
    if (numel < 0) fail("a storage of negative size");
    const std::string key = m_nodes[t.items[2]].text;
    const std::uint32_t s = make(Kind::Storage);
    m_nodes[s].number = static_cast<std::int64_t>(m_storages.size());
    m_storages.push_back(Storage{found->dtype, key, numel});
    push(s);
  }

  std::vector<std::int64_t> intTuple(std::uint32_t i, const char* what) {
    const Node& t = m_nodes[i];
    if (t.kind != Kind::Tuple) fail(std::string(what) + " must be a tuple of integers");
    if (t.items.size() > 64) fail(std::string(what) + " has more than 64 dimensions");
    std::vector<std::int64_t> out;
    for (std::uint32_t v : t.items) {
      if (kindOf(v) != Kind::Int || m_nodes[v].number < 0)
        fail(std::string(what) + " must be a tuple of non-negative integers");
      out.push_back(m_nodes[v].number);
    }
    return out;
  }

  void reduce() {
    const std::uint32_t args = pop(), callable = pop();
    if (kindOf(args) != Kind::Tuple) fail("REDUCE without an argument tuple");
    const std::string name = kindOf(callable) == Kind::Global ? m_nodes[callable].text : std::string();
    const std::vector<std::uint32_t> a = m_nodes[args].items;
    if (name == "torch._utils._rebuild_tensor_v2") {
      // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
      if (a.size() < 6 || a.size() > 7 || kindOf(a[0]) != Kind::Storage || kindOf(a[1]) != Kind::Int ||
          kindOf(a[4]) != Kind::Bool)
        fail(
            "_rebuild_tensor_v2 with arguments other than (storage, offset, size, stride, requires_grad, "
            "hooks)");
      const Storage& s = m_storages[static_cast<std::size_t>(m_nodes[a[0]].number)];
      PickledTensor t;
      t.storageKey = s.key;
      t.dtype = s.dtype;
      t.storageNumel = s.numel;
      t.offset = m_nodes[a[1]].number;
      if (t.offset < 0) fail("a negative storage offset");
      t.sizes = intTuple(a[2], "size");
      t.strides = intTuple(a[3], "stride");
      if (t.sizes.size() != t.strides.size()) fail("size and stride of different lengths");
      const std::uint32_t n = make(Kind::Tensor);
      m_nodes[n].number = static_cast<std::int64_t>(m_tensors.size());
      m_tensors.push_back(std::move(t));
      push(n);
    } else if (name == "torch._utils._rebuild_parameter" && !a.empty() && kindOf(a[0]) == Kind::Tensor) {
      push(a[0]);  // (tensor, requires_grad, hooks): the parameter is its tensor
    } else if (name == "torch.jit._pickle.restore_type_tag" && a.size() == 2) {
      push(a[0]);  // LibTorch's pickler wraps typed containers: (value, "Dict[str, Tensor]")
    } else if (name == "collections.OrderedDict" && a.empty()) {
      push(container(Kind::Dict, {}));
    } else {
      push(object("the result of " +
                  (name.empty() ? std::string(kindName(kindOf(callable))) : name.substr(0, 80))));
    }
  }

  std::string_view m_data;
  TorchPickleLimits m_limits;
  std::size_t m_pos = 0;
  std::size_t m_opAt = 0;
  std::vector<Node> m_nodes;
  std::vector<std::uint32_t> m_stack;
  std::vector<std::size_t> m_marks;
  std::unordered_map<std::uint64_t, std::uint32_t> m_memo;
  std::vector<Storage> m_storages;
  std::vector<PickledTensor> m_tensors;
};

}  // namespace

Result<PickledStateDict> readStateDictPickle(std::string_view pickle, const std::string& source,
                                             const TorchPickleLimits& limits) {
  Machine m(pickle, limits);
  std::uint32_t root = 0;
  try {
    root = m.run();
  } catch (const Failure& f) {
    return Error("data.pkl: " + f.message + " (at byte " + std::to_string(m.position()) + ")", source);
  }
  const Node& dict = m.node(root);
  if (dict.kind != Kind::Dict)
    return Error("the archive holds a " + m.describe(root) + ", not a dict of tensors (a state_dict)",
                 source);
  PickledStateDict out;
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    const Node& key = m.node(dict.items[i]);
    const Node& value = m.node(dict.items[i + 1]);
    if (key.kind != Kind::String) {
      out.notes.push_back(source + ": skipped an entry whose key is a " + m.describe(dict.items[i]) +
                          ", not a name");
      continue;
    }
    if (value.kind != Kind::Tensor) {
      out.notes.push_back(source + ": skipped '" + key.text.substr(0, 200) + "', a " +
                          m.describe(dict.items[i + 1]) + " rather than a tensor");
      continue;
    }
    const PickledTensor& t = m.tensors()[static_cast<std::size_t>(value.number)];
    // A key given twice keeps its last value, as Python's dict does.
    auto [it, fresh] = seen.emplace(key.text, out.tensors.size());
    if (fresh)
      out.tensors.emplace_back(key.text, t);
    else
      out.tensors[it->second].second = t;
  }
  return out;
}

}  // namespace quarry::model
