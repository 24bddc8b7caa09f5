/**
 * The `report-check` command as installed (dist/cli.js): runs the bundle beside it
 * (dist/report-check.js) from a V8 code cache kept in the per-user cache folder, so that a run does
 * not parse and compile two megabytes of JavaScript again (what Node 22's module.enableCompileCache
 * does; Node 20 has none). V8 checks the cached code against the source and its own version and
 * flags, and compiles afresh when it does not fit; the cache is written after a run that compiled
 * afresh, with what that run compiled. Without a cache folder (REPORT_CACHE=off) it is compiled
 * afresh every time, as `node dist/report-check.js` would.
 */
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import * as vm from 'vm';
import { cacheDir, shortHash } from '../cache-dir';

const BUNDLE = path.join(__dirname, 'report-check.js');

function launch(): void {
  const dir = cacheDir();
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const prefix = 'code-report-check-';
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  if (dir) {
    try {
      const stat = fs.statSync(BUNDLE);
      file = path.join(dir, `${prefix}${shortHash(`${process.version}:${process.arch}:${stat.size}:${stat.mtimeMs}`)}.bin`);
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
  }
  // The bundle as the CommonJS loader would run it, its first line (#!) made a comment.
  const script = new vm.Script(Module.wrap(source.replace(/^#!/, '//')), { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  if (dir && file && (cachedData === undefined || script.cachedDataRejected === true)) {
    const target = file;
    process.once('exit', () => {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const temp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, target);
        for (const name of fs.readdirSync(dir)) if (name.startsWith(prefix) && name.endsWith('.bin') && name !== path.basename(target)) fs.rmSync(path.join(dir, name), { force: true });
      } catch {
        // no cache this time
      }
    });
  }
  const run = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, mod: NodeJS.Module, filename: string, dirname: string) => void;
  // This module stands for the bundle's (require.main === module there: it runs as the command).
  run.call(module.exports, module.exports, require, module, BUNDLE, __dirname);
}

launch();
