import { loadTexts } from './accuracy/texts';
import { totalChecks } from '../server/src/engine/rules/total-mismatch';
for (const set of ['corpus', 'examples'] as const) for (const t of loadTexts(set)) for (const c of totalChecks(t.model)) {
  const b = c.breakdown;
  console.log(`${c.agrees ? 'AGREE' : 'diff '} ${b.complete ? 'complete' : 'partial '} ${b.parts.length} ${t.name}:${b.total.line + 1} ${b.sentence.text.slice(0, 110)}`);
}
