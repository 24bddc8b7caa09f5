import { buildModel } from '../server/src/engine';
import { scanBareUnits } from '../server/src/engine/model/bare-units';
import { segment } from '../server/src/engine/model/words';
import { generateReport } from './bench-inputs';
const text = generateReport(1_000_000);
const m = buildModel({ text });
const paras = m.paragraphs.map((p) => p.text);
segment('预热');
const cpu = (f: () => void): number => { const c0 = process.cpuUsage(); f(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
for (let k = 0; k < 3; k++) {
  console.log('bare cpu ms', cpu(() => { for (const p of paras) scanBareUnits(p); }).toFixed(0), ' segment-all cpu ms', cpu(() => { for (const p of paras) segment(p); }).toFixed(0));
}
