#!/usr/bin/env python3
"""tests/static/ui-calls.py [-e] [TOP]: the reader's files call each other
one way. An edge A -> B when ui file A names a function or object that ui
file B defines (not static): a call, or a view's or layer's ops named in a
table. Prints TAP: ok when no two files reach each other (no circle); with
-e the edges first, as "A -> B NAMES".
"""
import re,glob,os,sys
args=[a for a in sys.argv[1:] if a != '-e']
os.chdir(args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
files=sorted(glob.glob('src/ui*.c'))
defs={}
for f in files:
    s=open(f).read()
    for m in re.finditer(r'^(?!static)[a-z][^\n;]*\n((?:ui|article)_\w+)\(',s,re.M):
        defs[m.group(1)]=f
    for m in re.finditer(r'^(?:const )?struct ui_\w+ (?:\*const )?(ui_\w+)(?:\[[^\]]*\])? =',s,re.M):
        defs[m.group(1)]=f
    for m in re.finditer(r'^const size_t (ui_\w+) =',s,re.M):
        defs[m.group(1)]=f
edges={}
for f in files:
    s=open(f).read()
    s=re.sub(r'/\*.*?\*/','',s,flags=re.S)
    for name,df in defs.items():
        if df!=f and re.search(r'\b'+name+r'\b',s):
            edges.setdefault(f,{}).setdefault(df,[]).append(name)
b=lambda x: os.path.basename(x)
if '-e' in sys.argv:
    for f in files:
        for d,ns in sorted(edges.get(f,{}).items()):
            print(b(f),'->',b(d),' '.join(sorted(ns)))
# Tarjan
idx={};low={};st=[];on=set();out=[];c=[0]
def sc(v):
    idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
    for w in edges.get(v,{}):
        if w not in idx: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        comp=[]
        while True:
            w=st.pop();on.discard(w);comp.append(w)
            if w==v:break
        out.append(comp)
sys.setrecursionlimit(10000)
for f in files:
    if f not in idx: sc(f)
circ=[sorted(map(b,c)) for c in out if len(c)>1]
print('1..1')
if circ:
    print('not ok 1 - the ui files call each other one way')
    for c in circ:
        print('# a circle: ' + ' '.join(c))
    sys.exit(1)
print('ok 1 - the ui files call each other one way (%d files, %d edges)' %
      (len(files), sum(len(v) for v in edges.values())))
