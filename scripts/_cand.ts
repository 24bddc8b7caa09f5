import { generateReport } from './bench-inputs';
const text = generateReport(1_000_000);
console.log(text.slice(5000, 5600));
