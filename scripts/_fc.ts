import * as fs from 'fs';
import { buildModel } from '../server/src/engine/model/parse';
import { figureStatements } from '../server/src/engine/rules/figure-conflict';
import { paragraphPeriods } from '../server/src/engine/model/periods';
const [file, grep] = process.argv.slice(2);
const model = buildModel({ text: fs.readFileSync(file as string, 'utf8') });
if (grep === '--periods') { for (const [p, per] of paragraphPeriods(model)) console.log(p.line + 1, per, p.text.slice(0, 30)); process.exit(0); }
for (const [k, list] of figureStatements(model)) if (!grep || k.includes(grep)) console.log(k, list.map((s) => `${s.figure.line + 1}:${s.figure.text}:${s.period}`).join('  '));
