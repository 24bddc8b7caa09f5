/**
 * `npm run generate`: writes everything that is derived from the rule declarations (RULES) and the
 * server's settings (SERVER_SETTINGS), so that a rule is declared once, in its own file:
 * - package.json: the `report.rules` setting (one property per rule, with its severities and
 *   options) and the server's other settings;
 * - package.nls.json and package.nls.zh-cn.json: their descriptions in English and Chinese;
 * - schemas/reportrc.schema.json: the `.reportrc` schema;
 * - the rule tables of README.md and docs/configuration.md, and the header line of each
 *   docs/rules/<id>.md (between `<!-- generated … -->` markers; the rest is written by hand).
 *
 * `npm run generate -- --check` writes nothing and exits 1 naming every file that is out of date
 * (the unit test `generated.test.ts` runs the same check).
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../server/src/engine/rules';
import { SETTING_SEVERITIES, type OptionSpec, type Rule, type RuleTag } from '../server/src/engine/rules/types';
import { SERVER_SETTINGS } from '../server/src/settings';

const ROOT = path.join(__dirname, '..');
type Json = Record<string, unknown>;

const TAG_ZH: Record<RuleTag, string> = { structure: '结构', numbers: '数字', punctuation: '标点', proofreading: '校对', markdown: 'Markdown', paste: '粘贴残留', 'front-matter': '文档头', tables: '表格' };
const FIX_EN: Record<Rule['fixable'], string> = { safe: 'safe (fix-all applies it)', suggestion: 'quick fix (you choose)', none: 'none' };
const FIX_ZH: Record<Rule['fixable'], string> = { safe: '可自动修复（“全部修复”会应用）', suggestion: '提供快速修复（由您选择）', none: '无' };

function read(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** The JSON schema of one option. */
function optionSchema(spec: OptionSpec, description: string): Json {
  const base: Json = { description, default: spec.default };
  switch (spec.type) {
    case 'number':
    case 'integer':
      return { type: spec.type, ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}), ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}), ...base };
    case 'boolean':
      return { type: 'boolean', ...base };
    case 'string':
      return { type: 'string', ...(spec.enum ? { enum: [...spec.enum] } : {}), ...base };
    case 'string[]':
      return { type: 'array', items: { type: 'string' }, ...base };
  }
}

/** A rule's setting: a severity, or an object with a severity and the rule's options. */
function ruleSchema(rule: Rule, describe: (key: string, text: { en: string; zh: string }) => string, vscode: boolean): Json {
  const options: Json = {};
  for (const [name, spec] of Object.entries(rule.options)) options[name] = optionSchema(spec, describe(`config.rules.${rule.id}.${name}`, spec.description));
  const severity: Json = { type: 'string', enum: [...SETTING_SEVERITIES] };
  return {
    ...(vscode ? { markdownDescription: describe(`config.rules.${rule.id}`, rule.description) } : { description: describe(`config.rules.${rule.id}`, rule.description) }),
    default: rule.defaultSeverity,
    anyOf: [
      vscode ? { ...severity, enumDescriptions: SETTING_SEVERITIES.map((s) => `%config.severity.${s}%`) } : severity,
      { type: 'object', properties: { severity, ...options }, additionalProperties: false },
    ],
  };
}

/** Glob patterns of files the CLI and the workspace scan skip (server/src/files.ts). */
const IGNORES: Json = {
  description:
    'Glob patterns of files and folders not to check, relative to this file\'s folder ("drafts/**", "archive"); node_modules, .git, .hg and .svn are always skipped. 不检查的文件和目录（glob 模式，相对于本文件所在目录）；node_modules、.git、.hg、.svn 总是跳过。',
  type: 'array',
  items: { type: 'string', minLength: 1 },
  default: [],
};

function packageJson(): string {
  const pkg = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, Json> } } };
  const props = pkg.contributes.configuration.properties;
  const rules = props['report.rules'] ?? {};
  const nls = (key: string): string => `%${key}%`;
  rules['properties'] = Object.fromEntries(RULES.map((r) => [r.id, ruleSchema(r, nls, true)]));
  // An unknown rule id is an error (the server says so, naming the closest one): no other property is allowed.
  rules['additionalProperties'] = false;
  props['report.rules'] = rules;
  for (const s of SERVER_SETTINGS) props[s.key] = { scope: s.scope, type: s.type, default: s.default, minimum: s.minimum, markdownDescription: nls(`config.${s.key.replace(/^report\./, '')}`) };
  return json(pkg);
}

/** The nls entries of the rules and settings (other entries are kept as they are). */
function nlsJson(file: string, lang: 'en' | 'zh'): string {
  const nls = JSON.parse(read(file)) as Record<string, string>;
  const own = (key: string): boolean => key.startsWith('config.rules.') || SERVER_SETTINGS.some((s) => key === `config.${s.key.replace(/^report\./, '')}`);
  const kept = Object.entries(nls).filter(([k]) => !own(k));
  const withDefault = (text: string, value: string | number): string => (lang === 'en' ? `${text} (default: \`${value}\`)` : `${text}（默认：\`${value}\`）`);
  const generated: Array<[string, string]> = [];
  for (const r of RULES) {
    generated.push([`config.rules.${r.id}`, withDefault(`\`${r.id}\`${lang === 'en' ? ': ' : '：'}${r.description[lang]}`, r.defaultSeverity)]);
    for (const [name, spec] of Object.entries(r.options)) generated.push([`config.rules.${r.id}.${name}`, spec.description[lang]]);
  }
  for (const s of SERVER_SETTINGS) generated.push([`config.${s.key.replace(/^report\./, '')}`, withDefault(s.description[lang], s.default)]);
  // The generated entries take the place of the first one they replace, so the file keeps its order.
  const firstOwn = Object.keys(nls).findIndex(own);
  const at = firstOwn < 0 ? kept.length : Object.keys(nls).slice(0, firstOwn).filter((k) => !own(k)).length;
  return json(Object.fromEntries([...kept.slice(0, at), ...generated, ...kept.slice(at)]));
}

function schemaJson(): string {
  const schema = JSON.parse(read('schemas/reportrc.schema.json')) as { properties: { rules: Json } };
  const both = (_key: string, text: { en: string; zh: string }): string => `${text.en} ${text.zh}`;
  schema.properties.rules['properties'] = Object.fromEntries(
    RULES.map((r) => {
      const s = ruleSchema(r, both, false);
      return [r.id, { ...s, description: `${String(s['description'])} (default: ${r.defaultSeverity})` }];
    }),
  );
  schema.properties.rules['additionalProperties'] = false;
  const schemaProps = schema.properties as Record<string, Json>;
  schemaProps['ignores'] = IGNORES;
  schemaProps['$schema'] = { description: 'The schema of this file, for editors. 本文件的 JSON 模式（供编辑器使用）。', type: 'string' };
  return json(schema);
}

const optionsText = (r: Rule): string =>
  Object.entries(r.options)
    .map(([name, spec]) => `\`${name}\` (${JSON.stringify(spec.default)})`)
    .join(', ') || '—';

function readmeTable(): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${r.tags.join(', ')} | ${FIX_EN[r.fixable]} | ${r.description.en} |`);
  return ['| id | default | tags | fix | finds |', '|---|---|---|---|---|', ...rows].join('\n');
}

function configurationTable(): string {
  const rows = RULES.map((r) => `| [${r.id}](rules/${r.id}.md) | ${r.defaultSeverity} | ${r.description.zh} | ${optionsText(r)} |`);
  return ['| rule 规则 | default 默认 | 说明 | options 选项 |', '|---|---|---|---|', ...rows].join('\n');
}

function ruleHeader(r: Rule): string {
  const tags = r.tags.map((t) => `${t}（${TAG_ZH[t]}）`).join(', ');
  return `**Default severity 默认级别:** ${r.defaultSeverity} · **Tags 类别:** ${tags} · **Fix 修复:** ${FIX_EN[r.fixable]}；${FIX_ZH[r.fixable]} · **Options 选项:** ${optionsText(r)}`;
}

/** Replaces what stands between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
function replaceBlock(text: string, name: string, body: string, file: string): string {
  const open = `<!-- generated:${name} (npm run generate) -->`;
  const close = `<!-- /generated:${name} -->`;
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  if (from < 0 || to < from) throw new Error(`${file}: no ${open} … ${close} block`);
  return `${text.slice(0, from + open.length)}\n${body}\n${text.slice(to)}`;
}

/** Every generated file with the content it should have. */
export function generatedFiles(): Map<string, string> {
  const out = new Map<string, string>();
  out.set('package.json', packageJson());
  out.set('package.nls.json', nlsJson('package.nls.json', 'en'));
  out.set('package.nls.zh-cn.json', nlsJson('package.nls.zh-cn.json', 'zh'));
  out.set('schemas/reportrc.schema.json', schemaJson());
  out.set('README.md', replaceBlock(read('README.md'), 'rules', readmeTable(), 'README.md'));
  out.set('docs/configuration.md', replaceBlock(read('docs/configuration.md'), 'rules', configurationTable(), 'docs/configuration.md'));
  for (const r of RULES) {
    const file = `docs/rules/${r.id}.md`;
    out.set(file, replaceBlock(read(file), 'meta', ruleHeader(r), file));
  }
  return out;
}

/** The generated files whose content on disk differs from what they should be. */
export function staleFiles(): string[] {
  return [...generatedFiles()].filter(([file, content]) => !fs.existsSync(path.join(ROOT, file)) || read(file) !== content).map(([file]) => file);
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      process.stderr.write(`Out of date (run npm run generate):\n${stale.map((f) => `  ${f}`).join('\n')}\n`);
      process.exit(1);
    }
    process.stdout.write('generated files are up to date\n');
  } else {
    for (const [file, content] of generatedFiles()) {
      if (fs.existsSync(path.join(ROOT, file)) && read(file) === content) continue;
      fs.writeFileSync(path.join(ROOT, file), content);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
}
