import { loadTexts } from './accuracy/texts';
import { sentencesOf } from '../server/src/engine/model/statements';
import { sameMeasure } from '../server/src/engine/model/breakdown';
for (const set of ['corpus', 'examples'] as const) for (const t of loadTexts(set)) for (const s of sentencesOf(t.model)) {
  const fs = s.figures;
  for (let i = 0; i < fs.length; i++) {
    const tot = fs[i]!;
    if (tot.approx !== 'exact') continue;
    // parts after
    let sum = 0; let n = 0;
    for (let j = i + 1; j < fs.length; j++) {
      const p = fs[j]!;
      if (!sameMeasure(p, tot)) continue;
      sum += p.value; n++;
      if (n >= 2 && Math.abs(sum - tot.value) < 1e-6 * Math.max(1, tot.value)) { console.log(`AFTER ${t.name}:${tot.line + 1} ${s.text.slice(Math.max(0, tot.range.start.character - s.start - 20), p.range.end.character - s.start + 8)}`); break; }
      if (sum > tot.value) break;
    }
    // parts before (total after)
    sum = 0; n = 0;
    for (let j = i - 1; j >= 0; j--) {
      const p = fs[j]!;
      if (!sameMeasure(p, tot)) continue;
      sum += p.value; n++;
      if (n >= 2 && Math.abs(sum - tot.value) < 1e-6 * Math.max(1, tot.value)) { console.log(`BEFORE ${t.name}:${tot.line + 1} ${s.text.slice(Math.max(0, p.range.start.character - s.start - 20), tot.range.end.character - s.start + 4)}`); break; }
      if (sum > tot.value) break;
    }
  }
}
