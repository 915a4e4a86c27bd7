# Reference values for MpkWeightSimilarityTest, computed with numpy the way MPK's weight_signals.py does.
# Regenerate: python3 experiments/compare/make_weight_signals_reference.py > src/test/resources/signals/mpk/weight-signals.json
import json
import numpy as np
rng = np.random.RandomState(0)
ea = rng.randn(16, 6).astype(np.float32); eb = (ea + 0.5 * rng.randn(16, 6)).astype(np.float32)
def selfsim(e):
    n = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-8); return n @ n.T
sa, sb = selfsim(ea.astype(np.float64)), selfsim(eb.astype(np.float64))
idx = np.triu_indices(16, 1)
eas = round((np.corrcoef(sa[idx], sb[idx])[0, 1] + 1) / 2, 4)
pa = np.array([0.2, 0.5, 1.0, 0.7]); pb = np.array([0.1, 0.4, 0.9, 1.0, 0.6, 0.3])
x = np.linspace(0, 1, 4)
lep = round((np.corrcoef(np.interp(x, np.linspace(0, 1, 4), pa), np.interp(x, np.linspace(0, 1, 6), pb))[0, 1] + 1) / 2, 4)
norms = (rng.rand(1000) * 3 + 1).astype(np.float32)
ha, _ = np.histogram(norms, bins=20, density=True); ha = ha / (ha.sum() + 1e-10)
normsb = (rng.randn(1000) * 0.5 + 2).astype(np.float32)
hb, _ = np.histogram(normsb, bins=20, density=True); hb = hb / (hb.sum() + 1e-10)
end = round(max(0.0, min(1.0, float(np.dot(ha, hb) / (np.linalg.norm(ha) * np.linalg.norm(hb))))), 4)
va = (np.arange(1, 129, dtype=np.float32) / 100).astype(np.float32); vb = np.linspace(0.5, 2, 192).astype(np.float32) ** 2
def stats(v, n):
    c = len(v) // n; out = []
    for i in range(n):
        ch = v[i*c:(i+1)*c]; out += [float(ch.mean()), float(ch.std()), float(ch.max()), float(ch.min())]
    return np.array(out)
a_, b_ = stats(va, 2), stats(vb, 3)
m = min(len(a_), len(b_)); a_, b_ = a_[:m], b_[:m]
nlf = round(max(0, min(1, float(np.dot(a_, b_) / (np.linalg.norm(a_) * np.linalg.norm(b_))))), 4)
# WVC: layer -> flattened samples; one layer shorter than 64 values is skipped
wa = {0: rng.randn(100), 1: rng.randn(80), 2: rng.randn(10)}
wb = {0: wa[0] + 0.5 * rng.randn(100), 1: -wa[1][:70], 2: rng.randn(10), 3: rng.randn(100)}
cos = []
for l in sorted(set(wa) & set(wb)):
    a, b = wa[l], wb[l]; ml = min(len(a), len(b))
    if ml < 64: continue
    a, b = a[:ml], b[:ml]; cos.append(max(0.0, min(1.0, float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))))))
wvc = round(float(np.mean(cos)), 4)
print(json.dumps({
    "eas": {"a": ea.tolist(), "b": eb.tolist(), "expected": eas},
    "lep": {"a": pa.tolist(), "b": pb.tolist(), "expected": lep},
    "end": {"a": norms.tolist(), "b": normsb.tolist(), "hist_a": ha.tolist(), "expected": end},
    "nlf": {"a": va.tolist(), "b": vb.tolist(), "expected": nlf},
    "wvc": {"a": {str(k): v.tolist() for k, v in wa.items()}, "b": {str(k): v.tolist() for k, v in wb.items()}, "expected": wvc},
}))
