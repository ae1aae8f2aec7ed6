#!/usr/bin/env python3
# Checks a prefix-tuned classifier's best/adapter (PEFT's PREFIX_TUNING layout) in real Hugging Face
# transformers by the rules PEFT applies: the base model (base_model_name_or_path) with the modules_to_save
# tensors ("base_model.<path>") put in place, then PeftModelForSequenceClassification's prefix forward:
# prompt_embeddings [P, L*2*H] viewed as [B, P, L*2, heads, head_dim], permuted to [L*2, B, heads, P,
# head_dim] and split in twos (each layer's key and value) as past_key_values; the attention mask gets P
# ones in front; the backbone's pooled output goes through the classifier. The logits must equal the ones
# Quarry computed (EXPECT.json from test_prefix_tuning, 1e-5) and differ without the prefix.
# Runs with ../shared/peer-hf (transformers 4.28.1 offline; PEFT itself is not installed there):
#   . /tmp/peers/env.sh; $PEER_PYTHON scripts/check-peft-prefix.py ART/prefix-tuned ART/prefix-expect.json
import json, os, sys, torch
sys.path.insert(0, os.environ.get('QUARRY_SHARED_DIR', '../shared') + '/peer-hf')
import hfshim
best, expect_path = sys.argv[1], sys.argv[2]
adapter = best + '/adapter'
cfg = json.load(open(adapter + '/adapter_config.json'))
assert cfg['peft_type'] == 'PREFIX_TUNING' and not cfg['prefix_projection'], cfg
weights = hfshim.read_safetensors(adapter + '/adapter_model.safetensors')
base = cfg['base_model_name_or_path']
if not os.path.isdir(base):  # the test keeps the base beside the folder
    base = os.path.join(os.path.dirname(os.path.abspath(best)), 'prefix-base')
labels = json.load(open(best + '/config.json'))['id2label']
# A base fine-tuned on other labels gets a new classifier of the adapter's size, as PEFT's users load it
# (ignore_mismatched_sizes); modules_to_save then fills it.
model, info = hfshim.load_model(base, 'AutoModelForSequenceClassification',
                                config_overrides={'num_labels': len(labels)}, ignore_mismatched_sizes=True)
model.eval()
saved = 0
with torch.no_grad():
    for key, value in weights.items():
        if key == 'prompt_embeddings':
            continue
        assert key.startswith('base_model.'), key
        param = model.get_parameter(key[len('base_model.'):])
        assert param.shape == value.shape, key
        param.copy_(value)
        saved += 1
expect = json.load(open(expect_path))
ids = torch.tensor(expect['input_ids'])
mask = torch.ones_like(ids)
batch, p = ids.shape[0], cfg['num_virtual_tokens']
prompt = weights['prompt_embeddings']
assert list(prompt.shape) == [p, cfg['num_layers'] * 2 * cfg['token_dim']], prompt.shape
past = prompt.repeat(batch, 1, 1).view(batch, p, cfg['num_layers'] * 2, cfg['num_attention_heads'],
                                      cfg['token_dim'] // cfg['num_attention_heads'])
past = past.permute([2, 0, 3, 1, 4]).split(2)
backbone = getattr(model, model.base_model_prefix)
with torch.no_grad():
    out = backbone(input_ids=ids, attention_mask=torch.cat([torch.ones(batch, p, dtype=mask.dtype), mask], 1),
                   past_key_values=past)
    logits = model.classifier(model.dropout(out[1])) if hasattr(model, 'dropout') else model.classifier(out[1])
    without = model(input_ids=ids, attention_mask=mask).logits
ours = torch.tensor(expect['logits'])
diff = float((logits - ours).abs().max())
print(f'{saved} modules_to_save tensors; prefix of {p}: largest logit difference {diff:.2e} '
      f'(without the prefix: {float((without - ours).abs().max()):.2e})')
sys.exit(0 if diff < 1e-5 else 1)
