/**
 * Complementary categories (rule `total-mismatch`): pairs of words that split a whole into two parts
 * with nothing left over, so that a total broken down into them must be their sum.
 * 「共发展新党员63名，其中男性35名、女性37名」: 35 + 37 = 72 ≠ 63.
 *
 * One pair a line, `first<TAB>second<TAB>source`; a part matches a side when its words (the text
 * before its figure) contain that side's word. Sources (codes):
 *   gbt2261 — GB/T 2261.1-2003 人的性别代码 (男性/女性; 未说明 is a third value, never written in reports)
 *   tjcx    — 国家统计局《统计上划分城乡的规定》(2008): every place is 城镇 or 乡村 (农村 in reports)
 *   xfgz    — 《信访工作条例》(2022) 第十七条: 信访事项 by 来信, 来访 and 网上 (a pair when only two are named)
 *   tjzd    — 国家统计局 statistical reporting conventions: 境内/境外 (国内/国外, 省内/省外, 市内/市外) by place,
 *             公办/民办 (《民办教育促进法》), 公有/非公有, 已/未 (a state and its absence)
 *   common  — by meaning: 线上/线下, 新建/续建 (a project is new or continued), 正式/预备 (党员)
 */
export const COMPLEMENTARY_PAIRS_TSV = `
男\t女\tgbt2261
男性\t女性\tgbt2261
男生\t女生\tgbt2261
城镇\t农村\ttjcx
城镇\t乡村\ttjcx
城市\t农村\ttjcx
城区\t农村\ttjcx
城市\t乡村\ttjcx
来信\t来访\txfgz
境内\t境外\ttjzd
国内\t国外\ttjzd
国内\t境外\ttjzd
省内\t省外\ttjzd
市内\t市外\ttjzd
区内\t区外\ttjzd
县内\t县外\ttjzd
公办\t民办\ttjzd
公有\t非公有\ttjzd
国有\t非国有\ttjzd
已\t未\ttjzd
线上\t线下\tcommon
新建\t续建\tcommon
正式党员\t预备党员\tcommon
`;

export interface ComplementaryPair {
  readonly first: string;
  readonly second: string;
  readonly source: string;
}

/** The pairs of COMPLEMENTARY_PAIRS_TSV. */
export function parseComplementaryPairs(tsv: string = COMPLEMENTARY_PAIRS_TSV): ComplementaryPair[] {
  const out: ComplementaryPair[] = [];
  for (const line of tsv.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [first, second, source] = t.split('\t');
    if (!first || !second || !source || first === second) throw new Error(`complementary pairs: bad line ${JSON.stringify(line)}`);
    out.push({ first, second, source });
  }
  return out;
}
