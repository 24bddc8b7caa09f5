// The VS Code workspace of this repository (.vscode/): what F5, the debugger and the tasks rely on.
// Read as VS Code reads them (JSONC), checked against the built files, the client's inspect port,
// the e2e harness, and — for the watch task's problem matcher — esbuild's real output.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { minimatch } from 'minimatch';
import { SERVER_DEBUG_EXEC_ARGV, SERVER_INSPECT_PORT } from '../../client/src/server-debug';

const ROOT = path.join(__dirname, '..', '..');

interface TaskGroup {
  kind: string;
  isDefault?: boolean;
}
interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  message?: number;
  severity?: number;
}
interface ProblemMatcher {
  owner: string;
  fileLocation?: string | string[];
  pattern: Pattern | Pattern[];
  background?: { activeOnStart?: boolean; beginsPattern: string; endsPattern: string };
}
interface Task {
  label?: string;
  type?: string;
  script?: string;
  command?: string;
  args?: string[];
  group?: string | TaskGroup;
  isBackground?: boolean;
  dependsOn?: string | string[];
  problemMatcher?: string | ProblemMatcher | Array<string | ProblemMatcher>;
}
interface LaunchConfig {
  name: string;
  type: string;
  request: string;
  args?: string[];
  env?: Record<string, string>;
  port?: number;
  outFiles?: string[];
  preLaunchTask?: string;
}
interface Launch {
  configurations: LaunchConfig[];
  compounds?: Array<{ name: string; configurations: string[]; preLaunchTask?: string }>;
}

/** Parses a JSONC file (comments allowed, trailing commas not) and fails on any parse error. */
function readJsonc<T>(rel: string): T {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false, disallowComments: false }) as T;
  const where = (offset: number) => `line ${text.slice(0, offset).split('\n').length}`;
  assert.deepStrictEqual(
    errors.map((e) => `${printParseErrorCode(e.error)} at ${where(e.offset)}`),
    [],
    `${rel} does not parse`,
  );
  return value;
}

/** Replaces ${workspaceFolder}; any other variable is a mistake here. */
function resolveVars(value: string): string {
  const resolved = value.replace(/\$\{workspaceFolder\}/g, ROOT);
  assert.ok(!/\$\{/.test(resolved), `unexpected variable in ${value}`);
  return resolved;
}

const taskLabel = (t: Task) => t.label ?? (t.type === 'npm' ? `npm: ${t.script}` : '');
const argValue = (args: string[], name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile());
}

describe('.vscode: launch configurations and tasks', () => {
  const launch = readJsonc<Launch>('.vscode/launch.json');
  const tasks = readJsonc<{ tasks: Task[] }>('.vscode/tasks.json').tasks;
  const labels = tasks.map(taskLabel);
  const config = (name: string) => {
    const c = launch.configurations.find((x) => x.name === name);
    assert.ok(c, `no launch configuration "${name}"`);
    return c;
  };
  const task = (label: string) => {
    const t = tasks.find((x) => taskLabel(x) === label);
    assert.ok(t, `no task "${label}"`);
    return t;
  };

  it('has the four entry points the README promises, and tasks with unique labels', () => {
    assert.deepStrictEqual(
      launch.configurations.map((c) => c.name),
      ['Run Extension', 'Attach to Language Server', 'Run Extension Tests'],
    );
    assert.deepStrictEqual(launch.compounds?.map((c) => c.configurations), [['Run Extension', 'Attach to Language Server']]);
    assert.strictEqual(new Set(labels).size, labels.length, labels.join(', '));
    assert.ok(labels.every(Boolean), 'a task without a label');
  });

  it('names an existing task in every preLaunchTask and dependsOn', () => {
    const named = [
      ...launch.configurations.map((c) => c.preLaunchTask),
      ...(launch.compounds ?? []).map((c) => c.preLaunchTask),
      ...tasks.flatMap((t) => (t.dependsOn === undefined ? [] : ([] as string[]).concat(t.dependsOn))),
    ].filter((x): x is string => x !== undefined);
    assert.ok(named.length >= 3, named.join(', '));
    for (const n of named) assert.ok(labels.includes(n), `"${n}" is not a task (tasks: ${labels.join(', ')})`);
    // Every launch of the extension waits for the first build.
    for (const c of launch.configurations.filter((x) => x.type === 'extensionHost')) {
      const pre = task(c.preLaunchTask ?? '');
      const chain = [taskLabel(pre), ...([] as string[]).concat(pre.dependsOn ?? [])];
      assert.ok(chain.includes('npm: watch'), `${c.name} does not wait for npm: watch`);
    }
  });

  it('makes `npm run watch` the default build task, a background task framed by esbuild.js lines', () => {
    const watch = task('npm: watch');
    assert.strictEqual(watch.script, 'watch');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.strictEqual(pkg.scripts['watch'], 'node esbuild.js --watch');
    assert.deepStrictEqual(watch.group, { kind: 'build', isDefault: true });
    assert.strictEqual(watch.isBackground, true);
    const defaults = tasks.filter((t) => typeof t.group === 'object' && t.group.isDefault);
    assert.strictEqual(defaults.length, 1, 'one default build task');
    const matcher = watch.problemMatcher as ProblemMatcher;
    const esbuildJs = fs.readFileSync(path.join(ROOT, 'esbuild.js'), 'utf8');
    for (const p of [matcher.background?.beginsPattern, matcher.background?.endsPattern]) {
      assert.ok(p, 'background patterns');
      const printed = [...esbuildJs.matchAll(/console\.log\('([^']+)'\)/g)].map((m) => m[1] ?? '');
      assert.ok(printed.some((line) => new RegExp(p).test(line)), `esbuild.js prints no line matching ${p}`);
    }
  });

  it('finds built files for every outFiles glob', () => {
    const built = walk(path.join(ROOT, 'dist'));
    assert.ok(built.length > 0, 'dist/ is empty: build first (node esbuild.js)');
    const globs = launch.configurations.flatMap((c) => (c.outFiles ?? []).map((g) => ({ name: c.name, glob: g })));
    assert.ok(globs.length >= 3);
    for (const { name, glob } of globs) {
      if (glob.startsWith('!')) continue;
      const abs = resolveVars(glob).split(path.sep).join('/');
      const hits = built.filter((f) => minimatch(f.split(path.sep).join('/'), abs));
      assert.ok(hits.length > 0, `${name}: outFiles ${glob} matches no built file`);
      // Built with source maps (the debugger maps dist/ back to the TypeScript sources).
      assert.ok(hits.some((f) => fs.existsSync(`${f}.map`)), `${name}: ${glob} has no source map`);
    }
  });

  it('attaches to the port the client opens the language server\'s inspector on', () => {
    const attach = config('Attach to Language Server');
    assert.strictEqual(attach.type, 'node');
    assert.strictEqual(attach.request, 'attach');
    assert.strictEqual(attach.port, SERVER_INSPECT_PORT);
    assert.ok(SERVER_DEBUG_EXEC_ARGV.includes(`--inspect=${attach.port}`), SERVER_DEBUG_EXEC_ARGV.join(' '));
    // …and the client really starts the server with these options (no other literal port).
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /debug: \{[^}]*execArgv: \[[^\]]*\.\.\.SERVER_DEBUG_EXEC_ARGV\]/);
    assert.doesNotMatch(client, /--inspect/);
    assert.deepStrictEqual(attach.outFiles, ['${workspaceFolder}/dist/server.js']);
  });

  it('runs the extension on a sample workspace of real reports', () => {
    const run = config('Run Extension');
    const args = (run.args ?? []).map(resolveVars);
    assert.strictEqual(argValue(args, 'extensionDevelopmentPath'), ROOT);
    const wsFile = args.find((a) => a.endsWith('.code-workspace'));
    assert.ok(wsFile && fs.existsSync(wsFile), `sample workspace ${wsFile}`);
    const ws = readJsonc<{ folders: Array<{ path: string }>; settings: Record<string, Record<string, string>> }>(path.relative(ROOT, wsFile));
    const associations = ws.settings['files.associations'] ?? {};
    const isReport = (f: string) => /\.report(\.md)?$/.test(f) || Object.entries(associations).some(([glob, lang]) => lang === 'report' && minimatch(path.basename(f), glob));
    const reports = ws.folders.flatMap((folder) => {
      const dir = path.resolve(path.dirname(wsFile), folder.path);
      assert.ok(fs.existsSync(dir), dir);
      return fs.readdirSync(dir).filter(isReport);
    });
    // The shipped example and the real reports of tests/fixtures/real.
    const real = fs.readdirSync(path.join(ROOT, 'tests', 'fixtures', 'real')).filter((f) => f.endsWith('.txt'));
    assert.ok(real.length >= 5);
    for (const f of [...real, '述职报告.report.md']) assert.ok(reports.includes(f), `${f} is not opened as a report`);
  });

  it('runs the e2e suite in a test window whose harness task agrees with it', () => {
    const tests = config('Run Extension Tests');
    const args = (tests.args ?? []).map(resolveVars);
    const env = Object.fromEntries(Object.entries(tests.env ?? {}).map(([k, v]) => [k, resolveVars(v)]));
    assert.ok(fs.existsSync(argValue(args, 'extensionTestsPath') ?? ''), 'extensionTestsPath');
    assert.strictEqual(argValue(args, 'extensionDevelopmentPath'), ROOT);
    // The harness task: same port, same run folder as the window's arguments and environment.
    const harness = task('e2e: attach to the test window');
    const hArgs = (harness.args ?? []).map(resolveVars);
    assert.ok(fs.existsSync(hArgs[0] ?? ''), hArgs[0]);
    const port = hArgs[hArgs.indexOf('--port') + 1];
    const root = hArgs[hArgs.indexOf('--root') + 1] ?? '';
    assert.strictEqual(argValue(args, 'remote-debugging-port'), port);
    assert.strictEqual(argValue(args, 'user-data-dir'), path.join(root, 'user-data'));
    assert.strictEqual(argValue(args, 'extensions-dir'), path.join(root, 'extensions'));
    assert.strictEqual(args[0], path.join(root, 'workspace'), 'the folder the window opens');
    assert.deepStrictEqual(
      { ws: env['E2E_WORKSPACE'], user: env['E2E_USER_DATA'], harness: env['E2E_HARNESS_DIR'], repo: env['E2E_REPO_ROOT'] },
      { ws: path.join(root, 'workspace'), user: path.join(root, 'user-data'), harness: path.join(root, 'harness'), repo: ROOT },
    );
    // Every E2E_* variable the suite needs is given (screenshots, colour and grep are optional).
    const suiteDir = path.join(ROOT, 'tests', 'e2e', 'suite');
    const read = new Set(fs.readdirSync(suiteDir).flatMap((f) => [...fs.readFileSync(path.join(suiteDir, f), 'utf8').matchAll(/process\.env\.(E2E_[A-Z_]+)/g)].map((m) => m[1] ?? '')));
    for (const name of read) {
      if (['E2E_SCREENSHOTS', 'E2E_COLOR', 'E2E_GREP'].includes(name)) continue;
      assert.ok(name in env, `the suite reads ${name}, "Run Extension Tests" does not set it`);
    }
  });

  it('recommends eslint, uses the workspace TypeScript and keeps dist/ out of search', () => {
    const rec = readJsonc<{ recommendations: string[] }>('.vscode/extensions.json');
    assert.ok(rec.recommendations.includes('dbaeumer.vscode-eslint'), rec.recommendations.join(', '));
    const settings = readJsonc<Record<string, unknown>>('.vscode/settings.json');
    const tsdk = String(settings['typescript.tsdk']);
    assert.ok(fs.existsSync(path.join(ROOT, tsdk, 'tsserver.js')), `typescript.tsdk ${tsdk}`);
    const exclude = settings['search.exclude'] as Record<string, boolean>;
    assert.ok(Object.entries(exclude).some(([glob, on]) => on && minimatch('dist/extension.js', glob)), JSON.stringify(exclude));
    assert.ok(!Object.entries(exclude).some(([glob, on]) => on && minimatch('server/src/server.ts', glob)), 'sources are searched');
  });
});

/** What VS Code's problem matcher makes of terminal lines: the patterns of a multi-line matcher
 * must match consecutive lines; a background matcher's problems belong to the cycle between its
 * begin and end lines. */
function applyMatcher(matcher: ProblemMatcher, lines: string[]) {
  const patterns = ([] as Pattern[]).concat(matcher.pattern).map((p) => ({ ...p, re: new RegExp(p.regexp) }));
  const cycles: Array<{ problems: Array<Record<string, string>>; ended: boolean }> = [];
  let current: (typeof cycles)[number] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (matcher.background && new RegExp(matcher.background.beginsPattern).test(line)) {
      current = { problems: [], ended: false };
      cycles.push(current);
      continue;
    }
    if (matcher.background && new RegExp(matcher.background.endsPattern).test(line)) {
      if (current) current.ended = true;
      current = undefined;
      continue;
    }
    const data: Record<string, string> = {};
    const ok = patterns.every((p, k) => {
      const m = p.re.exec(lines[i + k] ?? '\u0000');
      if (!m) return false;
      for (const key of ['file', 'line', 'message', 'severity'] as const) {
        const g = p[key];
        if (g !== undefined && m[g] !== undefined) data[key] = m[g].trim();
      }
      return true;
    });
    if (ok) {
      assert.ok(current, `a problem outside a build cycle: ${line}`);
      current.problems.push(data);
    }
  }
  return cycles;
}

describe('.vscode/tasks.json: the watch task\'s problem matcher on esbuild\'s real output', function () {
  this.timeout(90000);
  let scratch = '';
  let child: ChildProcess | undefined;
  const output: string[] = [];

  after(() => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM'); // its own process group: node and esbuild's service
      } catch {
        /* gone */
      }
    }
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** Resolves when `count` "[watch] build finished" lines have been printed. */
  function finishedCycles(count: number, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const check = () => {
        const n = output.join('').split('\n').filter((l) => l === '[watch] build finished').length;
        if (n >= count) resolve();
        else if (Date.now() > end || child?.exitCode !== null) reject(new Error(`no build cycle ${count} in:\n${output.join('')}`));
        else setTimeout(check, 50);
      };
      check();
    });
  }

  it('reads every error and warning of a build cycle, and what is still wrong after a rebuild', async () => {
    // A scratch copy of the sources (node_modules linked) with two deliberate mistakes: a syntax
    // error in the client bundle and code esbuild warns about in the server bundle.
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'report-watch-'));
    for (const entry of fs.readdirSync(ROOT)) {
      if (['node_modules', 'dist', 'tests', 'docs', '.git', '.vscode-test'].includes(entry)) continue;
      fs.cpSync(path.join(ROOT, entry), path.join(scratch, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'junction');
    const clientFile = path.join('client', 'src', 'word-count.ts');
    const serverFile = path.join('server', 'src', 'cli', 'report-check.ts');
    const clientText = fs.readFileSync(path.join(scratch, clientFile), 'utf8');
    const serverText = fs.readFileSync(path.join(scratch, serverFile), 'utf8');
    const errorLine = clientText.split('\n').length; // the appended line, 1-based
    fs.writeFileSync(path.join(scratch, clientFile), `${clientText}const broken = ;\n`);
    const warningLine = serverText.split('\n').length;
    fs.writeFileSync(path.join(scratch, serverFile), `${serverText}export const negativeZero = (x: number) => x === -0;\n`);

    child = spawn(process.execPath, ['esbuild.js', '--watch'], { cwd: scratch, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => output.push(d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString('utf8')));
    await finishedCycles(1, 60000);
    fs.writeFileSync(path.join(scratch, clientFile), clientText); // the fix
    await finishedCycles(2, 30000);

    const matcher = readJsonc<{ tasks: Task[] }>('.vscode/tasks.json').tasks.find((t) => taskLabel(t) === 'npm: watch')?.problemMatcher as ProblemMatcher;
    assert.deepStrictEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
    const lines = output.join('').split('\n').map((l) => l.replace(/\s+$/, '')); // the terminal trims line ends
    const cycles = applyMatcher(matcher, lines);
    assert.strictEqual(cycles.length, 2, lines.join('\n'));
    assert.ok(cycles.every((c) => c.ended));
    const toPosix = (f: string) => f.split(path.sep).join('/');
    const error = { severity: 'ERROR', message: 'Unexpected ";"', file: toPosix(clientFile), line: String(errorLine) };
    const warning = { severity: 'WARNING', message: 'Comparison with -0 using the "===" operator will also match 0 [equals-negative-zero]', file: toPosix(serverFile), line: String(warningLine) };
    const sorted = (ps: Array<Record<string, string>> = []) => [...ps].sort((a, b) => String(a['file']).localeCompare(String(b['file'])));
    assert.deepStrictEqual(sorted(cycles[0]?.problems), [error, warning], lines.join('\n'));
    // Relative to the workspace folder, as fileLocation says.
    for (const p of cycles[0]?.problems ?? []) assert.ok(fs.existsSync(path.join(scratch, String(p['file']))));
    // The fix rebuilt the client only: its error is gone, the server's warning (still there) is repeated.
    assert.deepStrictEqual(cycles[1]?.problems, [warning], lines.join('\n'));
  });
});
