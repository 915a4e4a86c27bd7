# Reference values for the Nikolić baseline tests (src/test/java/dev/pedigree/stats/baseline).
# Run: /work/venv/bin/python experiments/nikolic/reference_values.py
import numpy as np
from scipy import stats
def z(x1,n1,x2,n2):
    p1,p2=x1/n1,x2/n2; pp=(x1+x2)/(n1+n2); se=np.sqrt(pp*(1-pp)*(1/n1+1/n2))
    zz=(p1-p2)/se; return zz, stats.norm.sf(zz)
for c in [(60,100,45,100),(420,1000,380,1000),(30,50,30,50),(2600,5000,2400,5000),(15,40,25,60),(700,5000,500,5000),(10,100,30,100)]:
    print("z",c, "%.17g %.17g"%z(*c))
for c in [(5,10,1,10),(3,20,0,20),(0,10,0,10),(4,4,0,4),(2,30,2,30),(12,100,3,100),(4,5000,0,5000),(1,10,3,10)]:
    x1,n1,x2,n2=c
    r=stats.fisher_exact([[x1,n1-x1],[x2,n2-x2]],alternative='greater')
    print("fisher",c,"%.17g %.17g"%(r[0],r[1]))
def holm(p):
    p=np.asarray(p,float); m=len(p); o=np.argsort(p,kind='stable')
    adj=np.minimum(1,np.maximum.accumulate((m-np.arange(m))*p[o])); out=np.empty(m); out[o]=adj; return out
for p in [[0.01,0.04,0.03,0.005],[0.2,0.2,0.2],[0.001],[0.5,0.01,0.6,0.02,0.9],[0.04,0.03]]:
    print("holm",p,["%.17g"%v for v in holm(p)])
print("pool")
n=1000; counts=[250,300,200,3,290]  # best index 1
b=1; ps=[]
for i,c in enumerate(counts):
    if i==b: continue
    x1,x2=counts[b],c
    if min(x1,n-x1,x2,n-x2)<5:
        p=stats.fisher_exact([[x1,n-x1],[x2,n-x2]],alternative='greater')[1]; t='F'
    else:
        p=z(x1,n,x2,n)[1]; t='Z'
    ps.append(p); print(i,t,"%.17g"%p)
print(["%.17g"%v for v in holm(ps)])
n=1000; counts=[400,200,210,190]
ps=[z(400,n,c,n)[1] for c in counts[1:]]; print(["%.17g"%v for v in ps], ["%.17g"%v for v in holm(ps)])
