import { buildModel, DEFAULT_CONFIG, RULES, runRules } from '../server/src/engine';
import { generateReport } from './bench-inputs';
for (const size of [30_000, 1_000_000]) {
  const text = generateReport(size);
  for (const id of ['figure-conflict', 'count-claim', 'missing-number', 'total-mismatch']) {
    const rule = RULES.filter((r) => r.id === id);
    const xs: number[] = [];
    for (let i = 0; i < 7; i++) { const m = buildModel({ text }); const t0 = performance.now(); runRules(m, DEFAULT_CONFIG, undefined, rule); xs.push(performance.now() - t0); }
    xs.sort((a, b) => a - b);
    console.log(size, id, xs[3]?.toFixed(1));
  }
}
