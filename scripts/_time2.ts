import { buildModel, DEFAULT_CONFIG, runRules } from '../server/src/engine';
import { figuresOf } from '../server/src/engine/model/figures';
import { sentencesOf } from '../server/src/engine/model/statements';
import { bareUnitsOf } from '../server/src/engine/model/bare-units';
import { figureConflicts } from '../server/src/engine/rules/figure-conflict';
import { breakdownsOf } from '../server/src/engine/model/breakdown';
import { generateReport } from './bench-inputs';
const text = generateReport(1_000_000);
const t = (f: () => unknown): number => { const t0 = performance.now(); f(); return performance.now() - t0; };
for (let i = 0; i < 4; i++) {
  const m = buildModel({ text });
  const r = { figures: t(() => figuresOf(m)), sentences: t(() => sentencesOf(m)), bare: t(() => bareUnitsOf(m)), breakdowns: t(() => breakdownsOf(m)), conflicts: t(() => figureConflicts(m)), rest: t(() => runRules(m, DEFAULT_CONFIG)) };
  console.log(Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
}
