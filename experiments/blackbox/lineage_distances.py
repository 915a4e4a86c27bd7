"""Issue 9: does removing each model's prompt-independent logits find lineage through a shared-data trap?

First-position next-token logits of zoo models (ONNX Runtime), distance 1 - Pearson per prompt, mean over
prompts; variants: raw logits, centred (each model's mean logit vector over the prompt set subtracted, the
product's `centred-logits`), z-scored (centred, then each token scaled by its spread over the prompts).
Run from the repository root after the zoo is in place:

    /work/venv/bin/python experiments/blackbox/lineage_distances.py > experiments/blackbox/lineage_distances.txt
"""
import numpy as np, onnxruntime as ort
from tokenizers import Tokenizer
root='src/test/resources/zoo/models/'
P=[l for l in open('prompts/sentences-en.txt').read().split('\n') if l][:100]+[l for l in open('prompts/code.txt').read().split('\n') if l][:100]
def logits(name):
    s=ort.InferenceSession(root+name+'/onnx/model.onnx'); t=Tokenizer.from_file(root+name+'/tokenizer.json')
    out=[]
    for p in P:
        ids=t.encode(p).ids[-100:]
        o=s.run(['logits'],{'input_ids':np.array([ids],dtype=np.int64),'attention_mask':np.ones((1,len(ids)),dtype=np.int64)})[0]
        out.append(o[0,-1])
    return np.array(out,dtype=np.float64)
names=['tiny-llama-a','tiny-llama-b','tiny-llama-b-py-heavy','tiny-gpt2-a','tiny-gpt2-a-ft','tiny-llama-a-py-heavy','tiny-llama-a-ft','tiny-llama-a-distilled']
L={n:logits(n) for n in names}
def corr_rows(a,b):
    a=a-a.mean(1,keepdims=True); b=b-b.mean(1,keepdims=True)
    return (a*b).sum(1)/np.sqrt((a*a).sum(1)*(b*b).sum(1))
def variants(x):
    lp=x-np.log(np.exp(x-x.max(1,keepdims=True)).sum(1,keepdims=True))-x.max(1,keepdims=True)
    c=x-x.mean(0)
    z=c/ (c.std(0)+1e-9)
    lpc=lp-lp.mean(0)
    return {'raw':x,'centred':c,'zscored':z,'logprob-centred':lpc}
for target,pool in  [('tiny-llama-a-py-heavy',['tiny-llama-a','tiny-llama-b','tiny-llama-b-py-heavy','tiny-gpt2-a','tiny-gpt2-a-ft']),('tiny-llama-a-distilled',['tiny-llama-a','tiny-llama-b','tiny-llama-b-py-heavy','tiny-gpt2-a','tiny-gpt2-a-ft']),('tiny-llama-a-ft',['tiny-llama-a','tiny-llama-b','tiny-llama-b-py-heavy','tiny-gpt2-a','tiny-gpt2-a-ft'])]:
    vt=variants(L[target])
    for v in vt:
        res=sorted((1-corr_rows(vt[v],variants(L[c])[v])).mean() for c in pool)
        d={c:round(float((1-corr_rows(vt[v],variants(L[c])[v])).mean()),4) for c in pool}
        print(target,v,sorted(d.items(),key=lambda kv:kv[1]))
print('--- per prompt set, target tiny-llama-a-py-heavy, centred')
for setname in ['sentences-en','code','random-tokens','facts-qa']:
    P=[l for l in open('prompts/%s.txt'%setname).read().split('\n') if l][:200]
    Ls={n:logits(n) for n in ['tiny-llama-a-py-heavy','tiny-llama-a','tiny-llama-b-py-heavy','tiny-llama-b']}
    for v in ['raw','centred','zscored']:
        vt=variants(Ls['tiny-llama-a-py-heavy'])
        d={c:round(float((1-corr_rows(vt[v],variants(Ls[c])[v])).mean()),4) for c in ['tiny-llama-a','tiny-llama-b-py-heavy','tiny-llama-b']}
        print(setname,v,sorted(d.items(),key=lambda kv:kv[1]))
