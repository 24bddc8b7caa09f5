import { segment, getLexicon } from '../server/src/engine/model/words';
const lex = getLexicon();
for (const s of process.argv.slice(2)) {
  if (s.startsWith('?')) { const w = s.slice(1); const n = lex.find(w); console.log(w, n < 0 ? 'none' : Math.exp(lex.logProb(n) - lex.unknownLogProb).toFixed(0), n<0?'':lex.tag(n)); continue; }
  console.log(segment(s).map((t) => `${t.text}/${t.pos}`).join(' '));
}
import { scanBareUnits } from '../server/src/engine/model/bare-units';
for (const s of process.argv.slice(2)) if (s.startsWith('!')) console.log(JSON.stringify(scanBareUnits(s.slice(1))));
