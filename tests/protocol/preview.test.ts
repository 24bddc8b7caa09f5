import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RenderRequest, type RenderParams, type RenderResponse } from '../../common/protocol';
import { TestClient } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED_TEXT = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const URI = pathToFileURL(path.join(REAL, 'preview-seed.report.md')).toString();
const BIG_URI = pathToFileURL(path.join(REAL, 'preview-big.report.md')).toString();
/** A 30,000-character report: two real government work reports back to back. */
const BIG_TEXT = (
  fs.readFileSync(path.join(REAL, '2026-shaanxi-government-work-report.txt'), 'utf8') +
  '\n' +
  fs.readFileSync(path.join(REAL, '2016-hailar-government-work-report.txt'), 'utf8')
).slice(0, 30000);

describe('report/render over stdio', function () {
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ rootUri: pathToFileURL(REAL).toString() }));
    await client.open(URI, SEED_TEXT);
  });
  after(async () => client.stop());

  const render = (params: Partial<RenderParams> = {}): Promise<RenderResponse | null> =>
    client.connection.sendRequest(RenderRequest, { uri: URI, view: 'flow', diagnostics: false, ...params });

  it('renders the flow view of the seed with its headings and line map', async () => {
    const r = await render();
    assert.ok(r);
    assert.strictEqual(r.view, 'flow');
    assert.strictEqual(r.version, 1);
    assert.strictEqual(r.title, '2023年度述职述德述廉报告');
    assert.strictEqual(r.pages, 0);
    assert.ok(r.html.includes('<h2 class="report-h report-h1" data-line="2">一、持之以恒加强领导班子自身建设</h2>'));
    assert.ok(r.html.includes('<span class="report-h report-h2">（一）主动学习强素质。</span>始终把学习贯穿于整体工作之中'));
    assert.deepStrictEqual(r.lineMap.slice(0, 4), [
      { line: 0, endLine: 0, page: 0 },
      { line: 1, endLine: 1, page: 0 },
      { line: 2, endLine: 2, page: 0 },
      { line: 3, endLine: 3, page: 0 },
    ]);
    assert.ok(r.pageCss.includes('.report-page-body'));
  });

  it('renders the page view on several A4 pages', async () => {
    const r = await render({ view: 'page' });
    assert.ok(r && r.pages > 1, `pages: ${r?.pages}`);
    assert.strictEqual((r.html.match(/<section class="report-page /g) ?? []).length, r.pages);
    assert.ok(r.html.includes('<div class="report-page-number">— 2 —</div>'));
  });

  it('marks the diagnostics when asked', async () => {
    const r = await render({ diagnostics: true });
    assert.match(r?.html ?? '', /<mark class="report-diag report-diag-error" title="[^"]*\[stray-marker\]">##paidbegin##<\/mark>/);
    assert.ok(!(await render())?.html.includes('<mark'));
  });

  it('follows incremental edits', async () => {
    const version = await client.change(URI, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 16 } }, text: '坚定不移推进<b>改革</b>' }]);
    const r = await render();
    assert.strictEqual(r?.version, version);
    assert.ok(r?.html.includes('<h2 class="report-h report-h1" data-line="2">一、坚定不移推进&lt;b&gt;改革&lt;/b&gt;</h2>'), r?.html.slice(0, 400));
  });

  it('answers null for a document the server does not have', async () => {
    assert.strictEqual(await render({ uri: 'file:///nowhere/none.report.md' }), null);
  });

  it('renders the latest version of a 30,000-character report after each keystroke', async () => {
    // Speed is measured by `npm run bench` (preview render after an edit), not by a timed test.
    await client.open(BIG_URI, BIG_TEXT);
    for (let i = 0; i < 4; i++) {
      const version = await client.change(BIG_URI, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '字' }]);
      const r = await client.connection.sendRequest(RenderRequest, { uri: BIG_URI, view: i % 2 ? 'page' : 'flow', diagnostics: true });
      assert.ok(r && r.version === version && r.html.length > 30000);
      assert.ok(r.html.includes(`${'字'.repeat(i + 1)}刚刚过去的一年`), r.html.slice(r.html.indexOf('data-line="5"') - 20, r.html.indexOf('data-line="5"') + 200));
    }
  });
});
