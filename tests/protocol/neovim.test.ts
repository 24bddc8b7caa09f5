/**
 * A real client that nobody here wrote: headless Neovim (Debian's 0.7.2, installed by .ci/run)
 * runs tests/protocol/neovim/client.lua with the README's Neovim 0.7–0.10 configuration, which
 * starts `report-language-server` (here a wrapper of dist/server.js on PATH) when a real report
 * is opened; the script waits for its diagnostics, asks for document symbols and a quick fix,
 * applies it and waits for the diagnostics to follow. Bounded in time; no process is left behind.
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SERVER } from '../support/lsp';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SEED = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8');
const SCRIPT = path.join(__dirname, 'neovim', 'client.lua');
const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The README's Lua block for Neovim 0.7–0.10, as a user copies it into init.lua. */
function readmeConfig(): string {
  const block = /<!-- neovim-0\.7[^>]*-->\n```lua\n([\s\S]*?)```\n<!-- \/neovim-0\.7 -->/.exec(README);
  assert.ok(block?.[1], 'README.md has no <!-- neovim-0.7 --> block');
  return block[1];
}
const LIMIT_MS = 45_000;

interface VimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  message: string;
}
interface Result {
  error?: string;
  nvim: string;
  filetype: string;
  pid?: number;
  steps: string[];
  before: VimDiagnostic[];
  after: VimDiagnostic[];
  symbols: Array<{ name: string; line: number; children: string[] }>;
  offered: string[];
  line: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('headless Neovim as the client', function () {
  this.timeout(LIMIT_MS + 15_000);
  let tmp: string;
  let result: Result;

  before(async function () {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.strictEqual(version.status, 0, 'nvim is not installed: `apt-get install neovim` (.ci/run installs it)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-nvim-'));
    const file = path.join(tmp, '述职报告.report.md');
    fs.writeFileSync(file, SEED);
    const outFile = path.join(tmp, 'result.json');
    const home = path.join(tmp, 'home');
    fs.mkdirSync(home);
    const config = path.join(tmp, 'init.lua');
    fs.writeFileSync(config, readmeConfig());
    // `report-language-server` on PATH, as `npm install -g` puts it: this build's server.
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'report-language-server'), `#!/bin/sh\nexec '${process.execPath}' '${SERVER}' "$@"\n`, { mode: 0o755 });
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `luafile ${SCRIPT}`], {
      cwd: tmp,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_STATE_HOME: path.join(home, 'state'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`,
        LANG: 'en_US.UTF-8',
        LC_ALL: '',
        REPORT_NVIM_CONFIG: config,
        REPORT_NVIM_FILE: file,
        REPORT_NVIM_OUT: outFile,
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, LIMIT_MS);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    clearTimeout(killer);
    assert.ok(!timedOut, `Neovim did not finish within ${LIMIT_MS} ms: ${output}`);
    assert.ok(fs.existsSync(outFile), `Neovim wrote no result (exit ${code}): ${output}`);
    result = JSON.parse(fs.readFileSync(outFile, 'utf8')) as Result;
    if (result.pid !== undefined) {
      // The server exits with its client; kill it (and fail) if it does not.
      const until = Date.now() + 5000;
      while (alive(result.pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const left = alive(result.pid);
      if (left) process.kill(result.pid, 'SIGKILL');
      assert.ok(!left, `the server (pid ${result.pid}) outlived Neovim`);
    }
    assert.strictEqual(result.error, undefined, `${result.error ?? ''} (after ${result.steps.join(', ')})`);
    assert.strictEqual(code, 0);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gets the diagnostics at exact positions, with the settings it pushed', () => {
    assert.match(result.nvim, /^0\.\d+\.\d+$/);
    assert.strictEqual(result.filetype, 'report');
    const stray = result.before.filter((d) => d.code === 'stray-marker');
    // Line 7 is 「（四）廉洁从政守##paidbegin##底线……」: the marker starts after 8 characters, 24 bytes in UTF-8.
    const line = SEED.split('\n')[6] ?? '';
    const start = Buffer.byteLength(line.slice(0, line.indexOf('##paidbegin##')), 'utf8');
    assert.deepStrictEqual(
      stray.map((d) => [d.lnum, d.col, d.end_col]),
      [
        [6, start, start + '##paidbegin##'.length],
        [24, 0, '##paidend##'.length],
      ],
    );
    assert.strictEqual(start, 24);
    // placeholder is an error by the settings pushed in on_init (vim.diagnostic.severity.ERROR = 1).
    const placeholders = result.before.filter((d) => d.code === 'placeholder');
    assert.strictEqual(placeholders.length, 2);
    assert.deepStrictEqual([...new Set(placeholders.map((d) => d.severity))], [1]);
  });

  it('gets the outline as document symbols', () => {
    assert.deepStrictEqual(
      result.symbols.map((s) => s.name),
      ['一、持之以恒加强领导班子自身建设', '二、主动作为全面提升参谋辅政能力', '三、统筹兼顾确保各项工作高效运转', '四、下一步工作打算'],
    );
    assert.deepStrictEqual(result.symbols[0]?.children, ['（一）主动学习强素质', '（二）党建引领促发展', '（三）民主决策聚合力', '（四）廉洁从政守##paidbegin##底线']);
  });

  it('applies the quick fix Neovim chose, and the diagnostics follow', () => {
    assert.ok(result.offered.includes('Remove "##paidbegin##"'), result.offered.join(' | '));
    assert.strictEqual(result.line, (SEED.split('\n')[6] ?? '').replace('##paidbegin##', ''));
    assert.deepStrictEqual(
      result.after.filter((d) => d.code === 'stray-marker').map((d) => d.lnum),
      [24],
    );
    assert.deepStrictEqual(result.steps, ['started', 'diagnostics', 'symbols', 'code action', 'updated', 'stopped']);
  });
});
