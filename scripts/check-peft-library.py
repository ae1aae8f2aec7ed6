#!/usr/bin/env python3
# Loads a Quarry run's best/adapter (LoRA or prefix tuning, PEFT's layout) with PEFT itself onto its base
# model in real Hugging Face transformers, and compares the logits with Quarry's own best/ folder:
#   LoRA:   PeftModel.from_pretrained(base, best/adapter) and its merge_and_unload() against best/ (the
#           merged weights, loaded as a plain transformers model); the adapter disabled must differ;
#   prefix: PeftModel.from_pretrained(base, best/adapter) against the logits Quarry computed (--expect FILE,
#           test_prefix_tuning's prefix-expect.json: {"input_ids": [[...]], "logits": [[...]]}; sequence task).
# Exit 0 when every comparison is within 1e-5, 1 on a difference, 3 when a key of the adapter was not used.
#
# Runs with ../shared/peer-hf (transformers 4.28.1 offline on Debian's torch) plus the pure-Python sources of
# PEFT and accelerate v0.21.0 (public repositories, no pip: `git archive <tag> src`) on PYTHONPATH. PEFT
# v0.4.0 runs with peer-hf's huggingface_hub 0.14.1; v0.10.0 needs huggingface_hub v0.17.3 in its place (PEFT
# 0.17 and later need a transformers with the Cache classes, newer than 4.28.1):
#   . /tmp/peers/env.sh
#   PYTHONPATH=$PYTHONPATH:/tmp/peers/peft/src:/tmp/peers/accel/src $PEER_PYTHON scripts/check-peft-library.py \
#       RUN/best BASE_FOLDER [--task token|sequence] [--expect FILE]
# Prefix tuning: Quarry trains a BERT pooler with the classifier and lists both in modules_to_save, which
# prompt-learning configs accept from PEFT 0.17 on (0.10 refuses the key, 0.4 ignores it).
# The `safetensors` package (a Rust extension) is absent there: its load_file/save_file are supplied by
# peer-hf's strict pure-Python reader and writer, installed once transformers has loaded both models.
import argparse
import importlib.machinery
import json
import os
import sys
import types

import torch

sys.path.insert(0, os.environ.get('QUARRY_SHARED_DIR', '../shared') + '/peer-hf')
import hfshim  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument('best')
parser.add_argument('base')
parser.add_argument('--task', choices=['token', 'sequence'], default='token')
parser.add_argument('--expect')
args = parser.parse_args()

auto = 'AutoModelForTokenClassification' if args.task == 'token' else 'AutoModelForSequenceClassification'
adapter = os.path.join(args.best, 'adapter')
config = json.load(open(os.path.join(adapter, 'adapter_config.json')))

if config['peft_type'] == 'LORA':
    tok = hfshim.load_tokenizer(args.best)
    enc = tok(['Identification of APC2 , a homologue of the adenomatous polyposis coli tumour suppressor .',
               'the nurse at the clinic saw a case of breast cancer', 'a bank loan of stock'],
              padding=True, return_tensors='pt')
    merged, info = hfshim.load_model(args.best, auto)
    labels = merged.config.num_labels
    base, _ = hfshim.load_model(args.base, auto, config_overrides={'num_labels': labels})
else:
    # The token ids and logits Quarry computed, one unpadded row each.
    expect = json.load(open(args.expect))
    ids = torch.tensor(expect['input_ids'])
    enc = {'input_ids': ids, 'attention_mask': torch.ones_like(ids)}
    labels = len(json.load(open(os.path.join(args.best, 'config.json')))['id2label'])
    # A base fine-tuned on other labels gets a new classifier of the adapter's size, as PEFT's users load it.
    base, _ = hfshim.load_model(args.base, auto, config_overrides={'num_labels': labels}, ignore_mismatched_sizes=True)
# transformers asks for safetensors at every load: the models above are loaded before the stand-in exists.
st = types.ModuleType('safetensors')
st.__spec__ = importlib.machinery.ModuleSpec('safetensors', None)
st_torch = types.ModuleType('safetensors.torch')
st_torch.__spec__ = importlib.machinery.ModuleSpec('safetensors.torch', None)
st_torch.load_file = lambda path, device='cpu': dict(hfshim.read_safetensors(path))
st_torch.save_file = lambda tensors, path, metadata=None: hfshim.write_safetensors(path, tensors, metadata)
st_torch.storage_ptr = lambda tensor: tensor.storage().data_ptr()  # as safetensors.torch defines them
st_torch.storage_size = lambda tensor: tensor.storage().size() * tensor.element_size()
st.torch = st_torch


class SafetensorError(Exception):
    pass


class SafeOpen:  # safetensors.safe_open over the pure-Python reader: the calls PEFT makes
    def __init__(self, path, framework='pt', device='cpu'):
        self._tensors = hfshim.read_safetensors(path)
        self._metadata = hfshim.read_safetensors_header(path)[0].get('__metadata__')

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def keys(self):
        return list(self._tensors)

    def get_tensor(self, name):
        return self._tensors[name]

    def metadata(self):
        return self._metadata


st.SafetensorError = SafetensorError
st.safe_open = SafeOpen
sys.modules['safetensors'] = st
sys.modules['safetensors.torch'] = st_torch

import peft  # noqa: E402
from peft import PeftModel  # noqa: E402

print(f'PEFT {peft.__version__}; adapter {config["peft_type"]} {config["task_type"]}')

model = PeftModel.from_pretrained(base, adapter)
model.eval()

# Every tensor of the adapter file must land in the PEFT model (load_state_dict runs with strict=False).
saved = hfshim.read_safetensors(os.path.join(adapter, 'adapter_model.safetensors'))
after = peft.get_peft_model_state_dict(model)
unused = sorted(set(saved) - set(after))
if unused:
    print('adapter keys PEFT did not use:', unused)
    sys.exit(3)
for key, value in saved.items():
    if not torch.equal(after[key], torch.as_tensor(value)):
        print('adapter key loaded with another value:', key)
        sys.exit(1)
print(f'{len(saved)} adapter tensors loaded by PEFT, none left over')

worst = 0.0
with torch.no_grad():
    if config['peft_type'] == 'LORA':
        x = model(**enc).logits
        y = merged(**enc).logits
        with model.disable_adapter():
            without = model(**enc).logits
        print(f'PEFT base + adapter vs Quarry merged: {float((x - y).abs().max()):.2e} '
              f'(adapter disabled: {float((without - y).abs().max()):.2e})')
        worst = max(worst, float((x - y).abs().max()))
        unloaded = model.merge_and_unload()
        z = unloaded(**enc).logits
        print(f'PEFT merge_and_unload vs Quarry merged: {float((z - y).abs().max()):.2e}')
        worst = max(worst, float((z - y).abs().max()))
    else:
        x = model(**enc).logits
        y = torch.tensor(expect['logits'])
        with model.disable_adapter():
            without = model(**enc).logits
        d = float((x - y).abs().max())
        print(f'PEFT base + prefix vs Quarry: {d:.2e} (prefix disabled: {float((without - y).abs().max()):.2e})')
        worst = max(worst, d)
sys.exit(0 if worst < 1e-5 else 1)
