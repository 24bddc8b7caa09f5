import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  getLexicon,
  isMeasureWord,
  keepsWhole,
  measureWordAt,
  nounPhraseAfter,
  nounPhraseBefore,
  segment,
  tagOf,
  wordAt,
  type Token,
} from '../../server/src/engine/model/words';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const brief = (tokens: readonly Token[]): string => tokens.map((t) => `${t.text}/${t.pos}`).join(' ');
const tok = (text: string, start: number, pos: string): Token => ({ text, start, end: start + text.length, pos });

describe('word layer: segmentation by jieba\'s dictionary', () => {
  it('wordAt gives the token segment gives at every offset of the real reports, with and without extra words, letters, digits, CRLF and surrogate pairs', () => {
    const extra = { extraWords: new Map([['获批', 2000], ['人次', 5000], ['户厕', 500]]) };
    const lines = fs
      .readdirSync(REAL)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => fs.readFileSync(path.join(REAL, f), 'utf8').split('\n'));
    lines.push('建成5G基站1.2万个、ABC公司3家，接待游客120万人次，新建户厕800个。\r\n', '𠀀𠀁家𠀂项目', '😀家😀个人😀😀项目，a😀b', 'GDP增长5.3%，CPI上涨0.2%', '国家'.repeat(100));
    let checked = 0;
    for (const line of lines) {
      for (const options of [undefined, extra]) {
        const tokens = segment(line, options);
        for (const t of tokens) {
          for (let i = t.start; i < t.end; i++) {
            const w = wordAt(line, i, options);
            if (w === undefined) continue; // a window over 48 characters
            assert.deepStrictEqual([w.start, w.end], [t.start, t.end], `${line.slice(0, 40)} @${i}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 100_000, String(checked));
    assert.strictEqual(wordAt('x'.repeat(100), 50), undefined); // letters run together: one window of 100
  });

  it('wordAt routes a window the same wherever its text comes again, and apart for each map of extra words (its routes are kept by window text)', () => {
    const extra = { extraWords: new Map([['获批', 2000]]) };
    const token = (line: string, at: number, options?: { extraWords: ReadonlyMap<string, number> }): [number, number] => {
      const t = segment(line, options).find((x) => x.start <= at && at < x.end) as Token;
      return [t.start, t.end];
    };
    // 获批 is two words without the extra word, one with it.
    for (let round = 0; round < 2; round++) {
      for (const line of ['全年获批项目', '新增获批项目，获批', '获批']) {
        const at = line.indexOf('获批');
        assert.deepStrictEqual(wordAt(line, at), { start: at, end: at + 1 }, line);
        assert.deepStrictEqual(wordAt(line, at, extra), { start: at, end: at + 2 }, line);
        assert.deepStrictEqual(wordAt(line, at + 1, { extraWords: new Map([['获批', 2000]]) }), { start: at, end: at + 2 }, line);
        for (let i = 0; i < line.length; i++) {
          assert.deepStrictEqual(Object.values(wordAt(line, i) ?? {}), token(line, i), `${line} @${i}`);
          assert.deepStrictEqual(Object.values(wordAt(line, i, extra) ?? {}), token(line, i, extra), `${line} @${i} (extra)`);
        }
      }
    }
  });

  it('wordAt stays right once its kept routes are more than it keeps (the table is emptied and filled again)', () => {
    // 9,000 words of two characters of the lexicon, each alone in its line: 9,000 windows routed, past the 8,192 kept per map.
    const lex = getLexicon();
    const chars = [...new Set(fs.readFileSync(path.join(REAL, '2026-shaanxi-government-work-report.txt'), 'utf8').replace(/[^\u4e00-\u9fff]/gu, ''))];
    const lines: string[] = [];
    for (const a of chars) for (const b of chars) if (lines.length < 9000 && lex.find(a + b) >= 0) lines.push(`${a}${b}。`);
    assert.strictEqual(lines.length, 9000);
    for (let round = 0; round < 2; round++) {
      for (const line of lines) {
        for (const at of [0, 1]) {
          const w = wordAt(line, at);
          const t = segment(line).find((x) => x.start <= at && at < x.end) as Token;
          assert.deepStrictEqual(w && [w.start, w.end], [t.start, t.end], `${line} @${at}`);
        }
      }
    }
  });

  it('reads the issue\'s deleted count 「对全区个景区景点」 as p n q n n, the 个 a free measure word', () => {
    const s = '对全区个景区景点的环境实施了完善提升';
    const tokens = segment(s);
    assert.deepStrictEqual(tokens.slice(0, 5), [tok('对', 0, 'p'), tok('全区', 1, 'n'), tok('个', 3, 'q'), tok('景区', 4, 'n'), tok('景点', 6, 'n')]);
    assert.strictEqual(brief(tokens.slice(5)), '的/uj 环境/n 实施/v 了/ul 完善/v 提升/v');
    assert.deepStrictEqual(measureWordAt(s, 3), tok('个', 3, 'q'));
    assert.strictEqual(measureWordAt(s, 2), undefined);
  });

  it('finds the free measure word of the other deleted counts: clause end, before 以上, after a 、 list', () => {
    assert.deepStrictEqual(segment('实施省级重点项目个'), [tok('实施', 0, 'v'), tok('省级重点', 2, 'n'), tok('项目', 6, 'n'), tok('个', 8, 'q')]);
    const s2 = '年内实现家以上企业入驻';
    assert.deepStrictEqual(segment(s2).slice(1, 4), [tok('实现', 2, 'v'), tok('家', 4, 'q'), tok('以上', 5, 'f')]);
    assert.deepStrictEqual(measureWordAt(s2, 4), tok('家', 4, 'q'));
    assert.deepStrictEqual(segment('新建、改扩建酒店家').slice(-2), [tok('酒店', 6, 'n'), tok('家', 8, 'q')]);
  });

  it('keeps words that merely contain a measure-word character whole (real sentences)', () => {
    const cases: Array<[string, string, number]> = [
      ['对职工个人来说，', '个人', 3],
      ['由于缺少预备项目，', '项目', 6],
      ['家庭财产普遍增多。', '家庭财产', 0],
      ['改善办学条件。', '办学条件', 2],
      ['没有设计文件的项目，', '文件', 4],
      ['清理和减少了行政审批事项。', '事项', 10],
      ['充分激发企业家精神，', '企业家', 4],
      ['引导店家诚信经营，', '店家', 2],
      ['从整个工业生产计算，', '整个', 1],
      ['个别商品的每人平均供应量，', '个别', 0],
    ];
    for (const [s, word, start] of cases) {
      const tokens = segment(s);
      const t = tokens.find((x) => x.start === start);
      assert.ok(t && t.text === word && t.end === start + word.length, `${s}: ${brief(tokens)}`);
      assert.notStrictEqual(t.pos, 'q', s);
      for (let k = start; k < t.end; k++) assert.strictEqual(measureWordAt(s, k, tokens), undefined, `${s} at ${k}`);
    }
  });

  it('puts the numeral before its measure word in counts (half- and full-width digits, Chinese numerals)', () => {
    assert.deepStrictEqual(segment('引进省级首店200家以上。').slice(4, 7), [tok('200', 6, 'm'), tok('家', 9, 'q'), tok('以上', 10, 'f')]);
    assert.deepStrictEqual(segment('杂技等７个项目，').slice(2, 5), [tok('７', 3, 'm'), tok('个', 4, 'q'), tok('项目', 5, 'n')]);
    // jieba lists numeral + measure compounds as one numeral word: the 个 is not free-standing.
    const s = '商业建设项目是四十七个，';
    assert.deepStrictEqual(segment(s).slice(3, 4), [tok('四十七个', 7, 'm')]);
    assert.strictEqual(measureWordAt(s, 10), undefined);
  });

  it('shows 这个, 各个, 每个 as words (r) and 这条 as 这 + a free 条: the rule decides', () => {
    assert.deepStrictEqual(segment('为了解决这个问题，')[2], tok('这个', 4, 'r'));
    assert.deepStrictEqual(segment('各个地方都要密切关心，')[0], tok('各个', 0, 'r'));
    assert.deepStrictEqual(segment('在每个企业内部，')[1], tok('每个', 1, 'r'));
    const s = '我们始终坚持农牧业生产发展、农村环境改善、农民收入提高这条主线';
    const tokens = segment(s);
    const at = s.indexOf('这条');
    assert.deepStrictEqual(tokens.filter((t) => t.start >= at).slice(0, 2), [tok('这', at, 'r'), tok('条', at + 1, 'n')]);
    assert.deepStrictEqual(measureWordAt(s, at + 1, tokens), tok('条', at + 1, 'n'));
  });

  it('in the real county report, a free count word lacks its numeral only at the real defect and in 家次', () => {
    const COUNT = new Set(['个', '家', '件', '项', '次', '名', '条', '份', '批', '户', '辆', '篇', '人次']);
    const lines = fs.readFileSync(path.join(REAL, '2023-county-office-shuzhi-report.txt'), 'utf8').split('\n');
    const found: string[] = [];
    let counted = 0;
    lines.forEach((line, i) => {
      const tokens = segment(line);
      tokens.forEach((t, k) => {
        if (!COUNT.has(t.text)) return;
        counted++;
        const prev = tokens[k - 1];
        if (prev?.pos !== 'm') found.push(`${i + 1}:${t.start} ${prev?.text}|${t.text}`);
      });
    });
    assert.ok(counted > 30, `${counted} count words`);
    const defect = (lines[16] ?? '').indexOf('事项件') + 2;
    const jiaci = lines.flatMap((l, i) => [...l.matchAll(/家次/gu)].map((m) => `${i + 1}:${(m.index ?? 0) + 1} 家|次`));
    assert.strictEqual(jiaci.length, 2);
    assert.deepStrictEqual(found.sort(), [`17:${defect} 事项|件`, ...jiaci].sort());
  });

  it('gives the noun phrase next to a figure: 城市书房 for both 「新建城市书房38个」 and 「城市书房40个」', () => {
    assert.deepStrictEqual(pick(nounPhraseBefore('新建城市书房38个', 6)), { text: '城市书房', start: 2, end: 6 });
    assert.deepStrictEqual(pick(nounPhraseBefore('城市书房40个', 4)), { text: '城市书房', start: 0, end: 4 });
    const s = '新增科技型中小企业7227家、高新技术企业3200家';
    assert.deepStrictEqual(pick(nounPhraseBefore(s, s.indexOf('7227'))), { text: '科技型中小企业', start: 2, end: 9 });
    assert.deepStrictEqual(pick(nounPhraseBefore(s, s.indexOf('3200'))), { text: '高新技术企业', start: 15, end: 21 });
    // 培育 is tagged vn (a verbal noun): at the left edge it is the verb, not part of the phrase.
    assert.deepStrictEqual(pick(nounPhraseBefore('培育高新技术企业56家', 8)), { text: '高新技术企业', start: 2, end: 8 });
    assert.deepStrictEqual(pick(nounPhraseAfter('建成38个城市书房', 5)), { text: '城市书房', start: 5, end: 9 });
    // A verb next to the figure: no noun phrase.
    assert.strictEqual(nounPhraseBefore('完成雨水管网改造12公里', 8), undefined);
  });

  it('tells the typo rule whether the best route keeps a wrong form whole', () => {
    assert.strictEqual(brief(segment('发布署名')), '发布/v 署名/v');
    assert.strictEqual(keepsWhole('发布署名', 1, 3, 10), false);
    const s = '全面贯彻党中央决策布署';
    assert.strictEqual(brief(segment(s).slice(-2)), '布/nr 署/ng');
    assert.strictEqual(keepsWhole(s, 9, 11, 10), true);
    assert.strictEqual(brief(segment('发布署名', { extraWords: new Map([['布署', 1e7]]) })), '发/v 布署/x 名/q');
  });

  it('gives UTF-16 offsets covering the text: surrogate pairs, \\r\\n, Latin and digit runs', () => {
    assert.deepStrictEqual(segment('𠀀个a\r\nb'), [tok('𠀀', 0, 'x'), tok('个', 2, 'q'), tok('a', 3, 'eng'), tok('\r\n', 4, 'x'), tok('b', 6, 'eng')]);
    assert.strictEqual(brief(segment('2024年GDP增长5.2%')), '2024/m 年/m GDP/eng 增长/v 5/m ./x 2/m %/x');
    for (const file of fs.readdirSync(REAL).filter((f) => f.endsWith('.txt'))) {
      for (const line of fs.readFileSync(path.join(REAL, file), 'utf8').split('\n')) {
        const tokens = segment(line);
        let at = 0;
        for (const t of tokens) {
          assert.ok(t.start === at && t.end > t.start && line.slice(t.start, t.end) === t.text, `${file}: ${t.text}@${t.start}`);
          at = t.end;
        }
        assert.strictEqual(at, line.length);
      }
    }
  });

  it('holds jieba\'s words, tags and frequencies, pruned as scripts/build-lexicon.ts documents', () => {
    const lex = getLexicon();
    assert.strictEqual(lex.size, 222644);
    assert.strictEqual(tagOf('个'), 'q');
    assert.strictEqual(tagOf('件'), 'zg');
    assert.ok(isMeasureWord('件') && isMeasureWord('人次') && isMeasureWord('公里') && !isMeasureWord('个人'));
    assert.strictEqual(tagOf('大力发展'), 'nz'); // frequency 3, four characters: kept
    assert.strictEqual(tagOf('四次会议'), 'nz'); // frequency 3, a numeral: kept
    assert.strictEqual(tagOf('极不'), undefined); // frequency 3, two characters: pruned
    assert.strictEqual(tagOf('布署'), undefined); // frequency 2: pruned
    const logP = (w: string): number => lex.logProb(lex.find(w));
    assert.ok(Math.abs(logP('个') - Math.log(125538 / 60101964)) < 0.011);
    assert.strictEqual(logP('大力发展'), Math.log(3 / 60101964));
  });
});

function pick(p: { text: string; start: number; end: number } | undefined): { text: string; start: number; end: number } | undefined {
  return p && { text: p.text, start: p.start, end: p.end };
}
