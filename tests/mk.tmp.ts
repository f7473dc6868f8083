import { readFileSync } from 'node:fs';
import { check } from '../core/index.ts';
import { allFixtureFiles, checkFixture } from './support/fixtures.ts';
for (const f of allFixtureFiles()) { const r = await checkFixture(f); if (r.mistakes.length || r.findings.some(x=>x.severity==='error')) console.log(f, JSON.stringify(r.mistakes)); }
const t = readFileSync('tests/fixtures/shuyang-county-gov-2025.txt','utf8');
const base = check({kind:'text',text:t}); const c = base.model.tables.B!.cells['B.total.np']!; const s = c.source as any;
const m = check({kind:'text', text: t.slice(0,s.start)+'711'+t.slice(s.end)});
console.log('shuyang 710→711', JSON.stringify(m.mistakes), m.findings.filter(x=>x.severity==='error').length);
let t0 = performance.now(); for (let i=0;i<20;i++) check({kind:'text', text: t.slice(0,s.start)+'711'+t.slice(s.end)}); console.log('ms', (performance.now()-t0)/20);
t0 = performance.now(); for (let i=0;i<20;i++) check({kind:'text', text: t}); console.log('clean ms', (performance.now()-t0)/20);
const { locateMistakes } = await import('../core/pipeline/mistakes.ts');
t0 = performance.now(); for (let i=0;i<20;i++) locateMistakes(m.model, m.findings); console.log('locate ms', (performance.now()-t0)/20);
const y = await checkFixture('yinzhou-health-2021.txt');
t0 = performance.now(); for (let i=0;i<5;i++) locateMistakes(y.model, y.findings); console.log('locate yinzhou ms', (performance.now()-t0)/5);
const l = await checkFixture('lingdong-health-2020.txt');
t0 = performance.now(); for (let i=0;i<5;i++) locateMistakes(l.model, l.findings); console.log('locate lingdong ms', (performance.now()-t0)/5);
