/**
 * The exported .docx as another word processor lays it out: LibreOffice (headless) converts the
 * real reports to PDF; poppler's pdfinfo/pdftotext read the pages back. Skipped, with the reason,
 * only where LibreOffice or poppler-utils are not installed (.ci/run installs them).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildModel, type ReportModel } from '../../server/src/engine';
import { exportBlocks, runsText, textWidthChars } from '../../server/src/engine/features/export/blocks';
import { exportDocx } from '../../server/src/engine/features/export/docx';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED = '2023-county-office-shuzhi-report';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const soffice = which('soffice') ?? which('libreoffice');
const missing = [soffice ? '' : 'LibreOffice (soffice)', which('pdftotext') && which('pdfinfo') ? '' : 'poppler-utils (pdftotext, pdfinfo)'].filter(Boolean);

const pdftotext = (pdf: string, ...args: string[]): string => spawnSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' }).stdout;
const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Lines the body needs at 28 characters a line (first lines indented two characters), title block included. */
function estimatedLines(model: ReportModel): number {
  let lines = 0;
  for (const b of exportBlocks(model)) {
    if (b.kind === 'title') lines += 2;
    else if (b.kind === 'heading') lines += Math.ceil((2 + textWidthChars(runsText(b.heading) + runsText(b.body))) / 28);
    else if (b.kind === 'paragraph') lines += Math.ceil((2 + textWidthChars(runsText(b.runs))) / 28);
  }
  return lines;
}

describe('export: the .docx in LibreOffice (PDF)', function () {
  this.timeout(120000);
  let tmp: string;
  const models = new Map<string, ReportModel>();
  const pdfs = new Map<string, string>();

  before(async function () {
    if (missing.length > 0) {
      console.log(`      skipped: ${missing.join(' and ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`);
      // CI installs these tools (.ci/run): there a missing tool is a broken set-up, not a reason to skip.
      assert.ok(!process.env['CI'], 'CI must install chromium, LibreOffice and poppler-utils (.ci/run)');
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lo-'));
    const docs: string[] = [];
    for (const f of fs.readdirSync(REAL).filter((n) => n.endsWith('.txt'))) {
      const name = f.replace(/\.txt$/, '');
      const model = buildModel({ text: fs.readFileSync(path.join(REAL, f), 'utf8') });
      models.set(name, model);
      const docx = path.join(tmp, `${name}.docx`);
      fs.writeFileSync(docx, await exportDocx(model));
      docs.push(docx);
    }
    const profile = pathToFileURL(path.join(tmp, 'profile')).toString();
    const r = spawnSync(soffice ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', tmp, ...docs], {
      encoding: 'utf8',
      timeout: 110000,
      env: { ...process.env, HOME: tmp },
    });
    for (const name of models.keys()) {
      const pdf = path.join(tmp, `${name}.pdf`);
      assert.ok(fs.existsSync(pdf), `LibreOffice made no PDF of ${name}: ${r.stderr || r.error?.message || ''}`);
      pdfs.set(name, pdf);
    }
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the seed: as many pages as its text needs at 22 lines of 28 characters', () => {
    const pdf = pdfs.get(SEED) ?? '';
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
    const model = models.get(SEED);
    assert.ok(model);
    const expected = Math.ceil(estimatedLines(model) / 22);
    assert.ok(pages >= expected && pages <= expected + 1, `${pages} pages, expected ${expected} (or one more for kept-together lines)`);
    assert.ok(pages > 1);
  });

  it('a full page holds 22 lines of at most 28 characters, most of them exactly 28', () => {
    const text = pdftotext(pdfs.get(SEED) ?? '', '-f', '2', '-l', '2');
    const lines = text.split('\n').map(squeeze).filter((l) => l !== '' && !/^—\d+—$/.test(l));
    assert.strictEqual(lines.length, 22, lines.join('\n'));
    const widths = lines.map(textWidthChars);
    assert.ok(Math.max(...widths) <= 28, `widest line ${Math.max(...widths)} characters`);
    assert.ok(widths.filter((w) => w === 28).length >= 11, `lines of 28: ${widths.join(' ')}`);
  });

  it('page 1: the title takes one line, one blank line follows, and the rows are 28.95 pt apart', () => {
    const bbox = pdftotext(pdfs.get(SEED) ?? '', '-bbox', '-f', '1', '-l', '1');
    const height = Number(/height="([\d.]+)"/.exec(bbox)?.[1]);
    const tops = [...new Set([...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"/g)].map((m) => Math.round(Number(m[1]) * 10) / 10))]
      .filter((y) => y < (height * 262) / 297)
      .sort((a, b) => a - b);
    const [title = 0, ...body] = tops;
    const pitch = (225 / 25.4) * 72 / 22;
    // The title's glyphs are taller: its row starts where the text block does (37 mm).
    assert.ok(Math.abs(title - (37 / 25.4) * 72) < 6, `title at ${title} pt`);
    const gaps = body.slice(1).map((y, i) => y - (body[i] ?? 0));
    assert.ok(gaps.every((g) => Math.abs(g - pitch) < 0.5), `row gaps ${gaps.join(' ')}`);
    // Body text starts on the third row of the text block (title, blank line, body).
    const blockTop = (37 / 25.4) * 72;
    assert.strictEqual(Math.floor(((body[0] ?? 0) - blockTop) / pitch), 2, `first body text at ${body[0]} pt`);
    assert.ok(body.length >= 19 && body.length <= 20, `${body.length} body rows on page 1`);
  });

  it('page numbers 「— N —」: odd pages on the right, even pages on the left', () => {
    const bbox = pdftotext(pdfs.get(SEED) ?? '', '-bbox', '-f', '1', '-l', '2');
    const pages = bbox.split('<page ').slice(1);
    assert.strictEqual(pages.length, 2);
    pages.forEach((page, i) => {
      const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      // Words below the text block (297 − 35 mm): the footer.
      const num = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].filter((m) => Number(m[2]) > (height * 262) / 297);
      const digit = num.find((m) => (m[3] ?? '').includes(String(i + 1)));
      assert.ok(digit, `page number ${i + 1} on page ${i + 1}`);
      assert.ok(num.length >= 1 && squeeze(num.map((m) => m[3]).join('')) === `—${i + 1}—`, num.map((m) => m[3]).join(' '));
      const x = Number(digit[1]);
      if (i % 2 === 0) assert.ok(x > width / 2, `odd page number at x=${x}, right half`);
      else assert.ok(x < width / 2, `even page number at x=${x}, left half`);
    });
  });

  it("every heading's text of every real report is in the PDF", () => {
    for (const [name, model] of models) {
      const text = squeeze(pdftotext(pdfs.get(name) ?? ''));
      if (model.title) assert.ok(text.includes(squeeze(model.title.text)), `${name}: title ${model.title.text}`);
      for (const h of model.headings) {
        const heading = squeeze(`${h.marker}${h.title}`);
        assert.ok(text.includes(heading), `${name}:${h.line + 1}: ${heading}`);
      }
    }
  });
});
