import { buildModel } from '../server/src/engine/model/parse';
import { breakdownsOf, complementaryPair } from '../server/src/engine/model/breakdown';
for (const s of process.argv.slice(2)) {
  const m = buildModel({ text: `标题\n${s}\n` });
  for (const b of breakdownsOf(m)) console.log(b.total.text, b.parts.map((p) => p.text), b.complete, b.pair);
}
console.log(complementaryPair('中央财政赤字', '地方财政赤字'));
