import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ExportRequest } from '../../common/protocol';
import { paragraphs, readDocx } from '../support/ooxml';
import { TestClient } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED_TEXT = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const URI = pathToFileURL(path.join(REAL, 'export-seed.report.md')).toString();

describe('report/export over stdio', function () {
  this.timeout(20000);
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ rootUri: pathToFileURL(REAL).toString() }));
    await client.open(URI, SEED_TEXT);
  });
  after(async () => client.stop());

  it('returns the .docx of the open document (base64), built from its current version', async () => {
    const r = await client.connection.sendRequest(ExportRequest, { uri: URI, format: 'docx' });
    assert.ok(r);
    assert.strictEqual(r.format, 'docx');
    assert.strictEqual(r.title, '2023年度述职述德述廉报告');
    const parts = await readDocx(Buffer.from(r.data, 'base64'));
    const headings = paragraphs(parts.document).filter((p) => p.style?.startsWith('Heading'));
    assert.strictEqual(headings.length, 19);
    assert.strictEqual(headings[0]?.text, '一、持之以恒加强领导班子自身建设');

    await client.change(URI, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 16 } }, text: '全面加强班子建设' }]);
    const after = await client.connection.sendRequest(ExportRequest, { uri: URI, format: 'docx' });
    assert.ok(after);
    const changed = paragraphs((await readDocx(Buffer.from(after.data, 'base64'))).document).find((p) => p.style === 'Heading1');
    assert.strictEqual(changed?.text, '一、全面加强班子建设');
  });

  it('returns self-contained HTML, and exports text the server does not have open', async () => {
    const r = await client.connection.sendRequest(ExportRequest, { uri: 'untitled:other', format: 'html', text: '工作总结\n一、主要工作\n正文。' });
    assert.ok(r);
    const html = Buffer.from(r.data, 'base64').toString('utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<title>工作总结<\/title>/);
    assert.match(html, /一、主要工作/);
    assert.strictEqual(await client.connection.sendRequest(ExportRequest, { uri: 'file:///not/open.report.md', format: 'docx' }), null);
  });
});
