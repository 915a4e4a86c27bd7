"""One training loop for every model in the zoo: causal LM, masked LM, distillation, masked (pruned) healing."""
import math

import torch
import torch.nn.functional as F


class LossLog:
    """Training losses of every model, written to losses.csv for the notebook."""

    def __init__(self, every: int):
        self.every = every
        self.rows = []

    def add(self, model_id, phase, step, loss, lr):
        if step % self.every == 0 or step == 1:
            self.rows.append((model_id, phase, step, round(float(loss), 5), lr))


def windows(stream: torch.Tensor, batch: int, seq: int, generator: torch.Generator) -> torch.Tensor:
    starts = torch.randint(0, len(stream) - seq - 1, (batch,), generator=generator)
    return torch.stack([stream[s:s + seq] for s in starts.tolist()])


def mlm_batch(ids: torch.Tensor, mask_id: int, vocab: int, specials: int, generator: torch.Generator):
    """BERT masking: 15% of positions predicted; of those 80% [MASK], 10% random, 10% kept."""
    labels = ids.clone()
    chosen = torch.rand(ids.shape, generator=generator) < 0.15
    labels[~chosen] = -100
    inputs = ids.clone()
    roll = torch.rand(ids.shape, generator=generator)
    inputs[chosen & (roll < 0.8)] = mask_id
    random_ids = torch.randint(specials, vocab, ids.shape, generator=generator)
    swap = chosen & (roll >= 0.8) & (roll < 0.9)
    inputs[swap] = random_ids[swap]
    return inputs, labels


def schedule(step: int, steps: int, lr: float) -> float:
    warm = max(1, steps // 20)
    if step <= warm:
        return lr * step / warm
    progress = (step - warm) / max(1, steps - warm)
    return lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


def train(model, stream, *, steps, lr, seed, batch, seq, log: LossLog, model_id, phase="train",
          objective="causal", teacher=None, masks=None, mask_token=None, specials=0):
    """Trains in place. masks: {param name: bool tensor} kept zero after each step (pruned heal)."""
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.95), weight_decay=0.01)
    named = dict(model.named_parameters())
    model.train()
    if teacher is not None:
        teacher.eval()
    vocab = model.config.vocab_size
    for step in range(1, steps + 1):
        current = schedule(step, steps, lr)
        for group in optimizer.param_groups:
            group["lr"] = current
        ids = windows(stream, batch, seq, generator)
        if objective == "mlm":
            inputs, labels = mlm_batch(ids, mask_token, vocab, specials, generator)
            loss = model(input_ids=inputs, labels=labels).loss
        elif teacher is not None:
            with torch.no_grad():
                target = teacher(input_ids=ids).logits
            logits = model(input_ids=ids).logits
            temperature = 2.0
            loss = F.kl_div(F.log_softmax(logits / temperature, -1), F.log_softmax(target / temperature, -1),
                            log_target=True, reduction="batchmean") * temperature ** 2 / seq
        else:
            loss = model(input_ids=ids, labels=ids).loss
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        if masks:
            with torch.no_grad():
                for name, mask in masks.items():
                    named[name].mul_(mask)
        log.add(model_id, phase, step, loss.item(), current)
    model.eval()
    return model


@torch.no_grad()
def evaluate(model, stream, *, batches, batch, seq, seed, objective="causal", mask_token=None, specials=0):
    """Mean loss on seeded windows; recorded per model and domain in lineage.json."""
    generator = torch.Generator().manual_seed(seed)
    model.eval()
    total = 0.0
    for _ in range(batches):
        ids = windows(stream, batch, seq, generator)
        if objective == "mlm":
            inputs, labels = mlm_batch(ids, mask_token, model.config.vocab_size, specials, generator)
            total += model(input_ids=inputs, labels=labels).loss.item()
        else:
            total += model(input_ids=ids, labels=ids).loss.item()
    return round(total / batches, 4)
