#!/usr/bin/env python3
# Checks a LoRA run's best/adapter (PEFT layout) against best/ (the merged weights) in real Hugging Face
# transformers, by the rules PEFT applies on load: every "base_model.model.<path>.lora_A/B.weight" names an
# nn.Linear of the base model, which becomes W + lora_alpha/r * B A; the other keys (modules_to_save) replace
# the parameter at their path. The logits must equal the merged folder's (1e-5) and differ without the deltas.
# Runs with ../shared/peer-hf (transformers 4.28.1 offline; PEFT itself is not installed there):
#   . /tmp/peers/env.sh; $PEER_PYTHON scripts/check-peft-adapter.py RUN/best BASE_FOLDER
import json, sys, torch
sys.path.insert(0, __import__('os').environ.get('QUARRY_SHARED_DIR', '../shared') + '/peer-hf')
import hfshim
best, base = sys.argv[1], sys.argv[2]
adapter = best + '/adapter'
cfg = json.load(open(adapter + '/adapter_config.json'))
weights = hfshim.read_safetensors(adapter + '/adapter_model.safetensors')
merged, info = hfshim.load_model(best, 'AutoModelForSequenceClassification')
print('merged folder loads; missing', info['raw_missing'], 'unexpected', info['raw_unexpected'])
labels = merged.config.num_labels
model, _ = hfshim.load_model(base, 'AutoModelForSequenceClassification', config_overrides={'num_labels': labels})
scale = cfg['lora_alpha'] / cfg['r']
prefix = 'base_model.model.'
done = 0
with torch.no_grad():
    for key, a in weights.items():
        assert key.startswith(prefix), key
        path = key[len(prefix):]
        if path.endswith('.lora_A.weight'):
            module = model.get_submodule(path[:-len('.lora_A.weight')])
            assert isinstance(module, torch.nn.Linear), path
            b = weights[key.replace('lora_A', 'lora_B')]
            target = path[:-len('.lora_A.weight')]
            # PEFT picks target modules by name suffix.
            assert any(target == t or target.endswith('.' + t) for t in cfg['target_modules']), target
            module.weight += scale * (torch.as_tensor(b) @ torch.as_tensor(a))
            done += 1
        elif '.lora_B.' in path:
            continue
        else:
            # modules_to_save: PEFT stores them as <module>.<param> (get_peft_model_state_dict drops "modules_to_save.default").
            param = model.get_parameter(path)
            assert param.shape == torch.as_tensor(a).shape, path
            param.copy_(torch.as_tensor(a))
tok = hfshim.load_tokenizer(best)
enc = tok(['the goal of the match', 'a bank loan of stock', 'the nurse at the clinic'], padding=True, return_tensors='pt')
with torch.no_grad():
    x, y = model(**enc).logits, merged(**enc).logits
# Without the LoRA deltas (only the saved head): the adapters must matter.
with torch.no_grad():
    for key, a in weights.items():
        path = key[len(prefix):]
        if path.endswith('.lora_A.weight'):
            module = model.get_submodule(path[:-len('.lora_A.weight')])
            module.weight -= scale * (torch.as_tensor(weights[key.replace('lora_A', 'lora_B')]) @ torch.as_tensor(a))
    without = model(**enc).logits
print(f'{done} LoRA modules applied; largest logit difference {float((x - y).abs().max()):.2e} '
      f'(without the LoRA deltas: {float((without - y).abs().max()):.2e})')
sys.exit(0 if float((x - y).abs().max()) < 1e-5 else 1)
