#!/usr/bin/env python3
"""hf_gpu_finetune.py — the Hugging Face side of bench_gpu_finetune, to run in the same session on the
same device (issue 17: speed ratios are quoted only from one session).

  hf_gpu_finetune.py [--device cuda|cpu] [--precision bf16|fp32|fp16] [--corpus DIR] [--tokenizer DIR]
                     [--shape 12x768] [--epochs 3] [--batch 32] [--lr 1e-4] [--group-by-length]
                     [--max-sentences N] [--synthetic-shapes 4x256,12x768,24x1024] [--lengths 128,512]
                     [--steps N] [--no-corpus] [--no-synthetic]

1. The corpus row: `transformers.Trainer` fine-tunes BertForTokenClassification (random init after
   torch.manual_seed(13); BertConfig of the shape: heads = hidden / 64, intermediate = 4 x hidden) on the
   CoNLL corpus's train.tsv (token<TAB>tag lines, blank lines between sentences), each word tokenized on
   its own by the tokenizer of --tokenizer (BertTokenizer), the tag on each word's first piece, [CLS] and
   [SEP] around, cut at 128 pieces, padded to the longest of the batch; batch 32, 3 epochs, lr 1e-4 (as bench_gpu_finetune), no evaluation or saving during
   training. Printed: trainer.train()'s seconds, real tokens/s (non-padding pieces of an epoch x epochs /
   seconds), dev F1 (exact spans of the IOB/IO tags, first pieces, over devel.tsv), peak GPU memory.
2. Synthetic rows: the same model class on random ids of batch x length, forward + cross-entropy +
   backward + torch.optim.AdamW (fused=True on CUDA) under torch.autocast, and inference under
   torch.inference_mode; tokens/s after 2 warm-up steps.
"""
import argparse
import inspect
import math
import os
import sys
import time

import torch

try:  # ../shared/peer-hf on PYTHONPATH: transformers 4.28.1 without its Rust packages (the CPU peer)
    import hfshim
    hfshim.apply()
except ImportError:
    pass
import transformers  # noqa: E402
from transformers import BertConfig, BertForTokenClassification, Trainer, TrainingArguments


def read_conll(path, limit=0):
    sentences, words, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    sentences.append((words, tags))
                    words, tags = [], []
                continue
            fields = line.split("\t") if "\t" in line else line.split()
            words.append(fields[0])
            tags.append(fields[-1])
    if words:
        sentences.append((words, tags))
    return sentences[:limit] if limit else sentences


def spans(tags):
    out, start, kind = set(), None, None
    for i, t in enumerate(list(tags) + ["O"]):
        prefix, _, label = t.partition("-")
        label = label or (t if t not in ("O",) else "")
        begins = t == "O" or prefix == "B" or label != kind
        if start is not None and begins:
            out.add((start, i, kind))
            start, kind = None, None
        if t != "O" and start is None:
            start, kind = i, label
    return out


def shape_of(text):
    layers, hidden = (int(x) for x in text.split("x"))
    return layers, hidden


def make_model(layers, hidden, labels, vocab):
    config = BertConfig(vocab_size=vocab, hidden_size=hidden, num_hidden_layers=layers,
                        num_attention_heads=max(1, hidden // 64), intermediate_size=4 * hidden,
                        max_position_embeddings=512, num_labels=labels)
    return BertForTokenClassification(config)


def peak(device):
    if device.startswith("cuda"):
        return "%.0f MiB GPU" % (torch.cuda.max_memory_allocated() / 2**20)
    import resource
    return "%.0f MiB RSS" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def training_arguments(**kwargs):
    """TrainingArguments across versions: keeps only the keywords this version takes (no_cuda / use_cpu,
    evaluation_strategy / eval_strategy)."""
    accepted = inspect.signature(TrainingArguments.__init__).parameters
    if kwargs.pop("cpu", False):
        kwargs["use_cpu" if "use_cpu" in accepted else "no_cuda"] = True
    strategy = kwargs.pop("strategy")
    kwargs["eval_strategy" if "eval_strategy" in accepted else "evaluation_strategy"] = strategy
    return TrainingArguments(**{k: v for k, v in kwargs.items() if k in accepted})


def corpus_row(a):
    from transformers import BertTokenizer
    train = read_conll(os.path.join(a.corpus, "train.tsv"), a.max_sentences)
    dev = read_conll(os.path.join(a.corpus, "devel.tsv"), a.max_sentences)
    labels = sorted({t for _, tags in train for t in tags})
    index = {t: i for i, t in enumerate(labels)}
    tokenizer = BertTokenizer.from_pretrained(a.tokenizer)

    def encode(sentences):
        items, firsts = [], []
        for words, tags in sentences:
            ids, label_ids, first = [tokenizer.cls_token_id], [-100], []
            for w, word in enumerate(words):
                pieces = tokenizer.convert_tokens_to_ids(tokenizer.tokenize(word)) or [tokenizer.unk_token_id]
                if len(ids) + len(pieces) > 127:
                    break
                first.append((w, len(ids)))
                label_ids += [index.get(tags[w], index.get("O", 0))] + [-100] * (len(pieces) - 1)
                ids += pieces
            ids.append(tokenizer.sep_token_id)
            label_ids.append(-100)
            items.append({"input_ids": ids, "labels": label_ids})
            firsts.append(first)
        return items, firsts

    def collate(batch):
        longest = max(len(x["input_ids"]) for x in batch)
        pad = tokenizer.pad_token_id
        return {"input_ids": torch.tensor([x["input_ids"] + [pad] * (longest - len(x["input_ids"])) for x in batch]),
                "attention_mask": torch.tensor([[1] * len(x["input_ids"]) + [0] * (longest - len(x["input_ids"]))
                                                for x in batch]),
                "labels": torch.tensor([x["labels"] + [-100] * (longest - len(x["labels"])) for x in batch])}

    train_items, _ = encode(train)
    dev_items, dev_firsts = encode(dev)
    real_tokens = sum(len(x["input_ids"]) for x in train_items)
    torch.manual_seed(13)
    model = make_model(*shape_of(a.shape), len(labels), tokenizer.vocab_size)
    args = training_arguments(output_dir="/tmp/hf-gpu-finetune", per_device_train_batch_size=a.batch,
                              per_device_eval_batch_size=64, num_train_epochs=a.epochs, learning_rate=a.lr,
                              bf16=a.precision == "bf16", fp16=a.precision == "fp16",
                              group_by_length=a.group_by_length, save_strategy="no", strategy="no",
                              logging_strategy="no", report_to=[], seed=13, dataloader_num_workers=0,
                              cpu=not a.device.startswith("cuda"))
    trainer = Trainer(model=model, args=args, train_dataset=train_items,
                      data_collator=collate)
    if a.device.startswith("cuda"):
        torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    trainer.train()
    seconds = time.perf_counter() - started
    output = trainer.predict(dev_items)
    predictions = output.predictions.argmax(-1)
    gold_spans = predicted_spans = correct = 0
    for k, (words, tags) in enumerate(dev):
        predicted = ["O"] * len(words)
        for w, position in dev_firsts[k]:
            predicted[w] = labels[predictions[k][position]]
        g, p = spans(tags), spans(predicted)
        gold_spans += len(g)
        predicted_spans += len(p)
        correct += len(g & p)
    f1 = 2 * correct / max(1, gold_spans + predicted_spans)
    print("\n%s: %d train / %d dev sentences, random %s BertForTokenClassification, batch %d, %d epochs, "
          "device %s, transformers %s, torch %s" % (a.corpus, len(train), len(dev), a.shape, a.batch, a.epochs,
                                                    a.device, transformers.__version__, torch.__version__))
    print("| precision | train s | real tok/s | peak memory | dev F1 |\n|---|---|---|---|---|")
    print("| %s | %.1f | %.0f | %s | %.4f |" % (a.precision, seconds, real_tokens * a.epochs / seconds,
                                              peak(a.device), f1))
    sys.stdout.flush()


def synthetic_rows(a):
    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(a.precision)
    device_type = "cuda" if a.device.startswith("cuda") else "cpu"
    print("\nsynthetic token classification, batch %d, %d timed steps after 2 warm-up, device %s" %
          (a.batch, a.steps, a.device))
    print("| shape | batch x length | precision | train tok/s | peak (train) | inference tok/s | peak (inference) |"
          "\n|---|---|---|---|---|---|---|")
    for shape in a.synthetic_shapes.split(","):
        for length in (int(x) for x in a.lengths.split(",")):
            torch.manual_seed(3)
            model = make_model(*shape_of(shape), 9, 30522).to(a.device)
            fused = {"fused": True} if device_type == "cuda" else {}
            optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, **fused)
            ids = torch.randint(1000, 30522, (a.batch, length), device=a.device)
            mask = torch.ones_like(ids)
            labels = torch.randint(0, 9, (a.batch, length), device=a.device)

            autocast = {"dtype": dtype or torch.bfloat16, "enabled": dtype is not None}

            def rate(step):
                """Tokens/s of step() over a.steps calls after 2 warm-up calls; .item() waits for the device."""
                for _ in range(2):
                    step().item()
                started = time.perf_counter()
                for _ in range(a.steps):
                    last = step()
                last.item()
                return a.batch * length * a.steps / (time.perf_counter() - started)

            def train_step():
                with torch.autocast(device_type, **autocast):
                    loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
                loss.backward()
                optimizer.step()
                optimizer.zero_grad(set_to_none=True)
                return loss

            def infer_step():
                with torch.autocast(device_type, **autocast):
                    return model(input_ids=ids, attention_mask=mask).logits.sum()

            model.train()
            if device_type == "cuda":
                torch.cuda.reset_peak_memory_stats()
            train_rate = rate(train_step)
            train_peak = peak(a.device)
            model.eval()
            if device_type == "cuda":
                torch.cuda.reset_peak_memory_stats()
            with torch.inference_mode():
                infer_rate = rate(infer_step)
            print("| %s | %dx%d | %s | %.0f | %s | %.0f | %s |" % (shape, a.batch, length, a.precision, train_rate,
                                                               train_peak, infer_rate, peak(a.device)))
            sys.stdout.flush()
            del model, optimizer


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("QUARRY_SHARED_DIR", os.path.join(here, "..", "..", "shared"))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--device", default="cuda")
    p.add_argument("--precision", default="bf16", choices=["bf16", "fp32", "fp16"])
    p.add_argument("--corpus", default=os.path.join(shared, "datasets", "ncbi-disease"))
    p.add_argument("--tokenizer", default=os.path.join(shared, "fixtures", "tokenizers", "bert-base-uncased"))
    p.add_argument("--shape", default="12x768")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--group-by-length", action="store_true")
    p.add_argument("--max-sentences", type=int, default=0)
    p.add_argument("--synthetic-shapes", default=None)
    p.add_argument("--lengths", default="128,512")
    p.add_argument("--steps", type=int, default=0)
    p.add_argument("--no-corpus", action="store_true")
    p.add_argument("--no-synthetic", action="store_true")
    a = p.parse_args()
    cuda = a.device.startswith("cuda")
    if cuda and not torch.cuda.is_available():
        print("SKIP: no CUDA device visible to torch")
        return 0
    a.synthetic_shapes = a.synthetic_shapes or ("4x256,12x768,24x1024" if cuda else "4x256")
    a.steps = a.steps or (20 if cuda else 3)
    if not a.no_corpus:
        corpus_row(a)
    if not a.no_synthetic:
        synthetic_rows(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
