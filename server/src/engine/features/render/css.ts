/**
 * CSS of the page view: A4 pages laid out per GB/T 9704-2012. The preview loads it in a
 * nonce'd <style>; the HTML export inlines it. Paper is always white: it is what prints.
 *
 * Page 210 × 297 mm; margins top 37, bottom 35, left (binding) 28, right 26 mm; text block
 * 156 × 225 mm; 22 lines of 28 characters; body 3号 (16 pt) 仿宋; title 2号 (22 pt) 小标宋;
 * level-1 headings 黑体, level-2 楷体, levels 3–4 仿宋; page numbers 「— 1 —」 in 4号 (14 pt) 宋体,
 * 7 mm below the text block, odd pages right, even pages left, one character in from the edge.
 */

/** Font stacks: the standard names first (Windows, macOS), then Noto / Source Han CJK (Linux). */
export const FONT_STACKS = {
  xiaobiaosong: `"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif`,
  fangsong: `"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "report-halfwidth", "STFangsong", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  heiti: `"黑体", "SimHei", "STHeiti", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`,
  kaiti: `"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", "Kaiti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  songti: `"宋体", "SimSun", "STSong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
} as const;

/**
 * The grid counts an ASCII character as half a character, as the GB2312 fonts (仿宋_GB2312, SimSun)
 * draw it. Where those are missing, "report-halfwidth" gives ASCII from a CJK font whose Latin is
 * exactly half-width, so the browser breaks lines where the engine's pagination does.
 */
/** The page view's CSS (selectors scoped under .report-pages). */
export function pageCss(): string {
  const f = FONT_STACKS;
  return `
@font-face { font-family: "report-halfwidth"; src: local("Noto Sans Mono CJK SC"), local("NotoSansMonoCJKsc-Regular"), local("WenQuanYi Micro Hei Mono"), local("SimSun"), local("NSimSun"); unicode-range: U+0020-007E; }
.report-pages { --report-line: calc(225mm / 22); --report-char: calc(156mm / 28);
  display: flex; flex-direction: column; align-items: center; gap: 8mm; padding: 8mm 0; background: #d9d9d9; }
.report-pages .report-page { position: relative; box-sizing: border-box; width: 210mm; height: 297mm; flex: none;
  padding: 37mm 26mm 35mm 28mm; background: #fff; color: #000; box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.35); }
.report-pages .report-page-body { width: 156mm; height: 225mm; font-family: ${f.fangsong}; font-size: 16pt;
  line-height: var(--report-line); letter-spacing: calc(var(--report-char) - 16pt); text-align: justify;
  word-break: break-all; line-break: strict; }
.report-pages .report-page-body > * { margin: 0; padding: 0; font-size: 16pt; font-weight: normal; line-height: var(--report-line); }
.report-pages .report-p, .report-pages .report-h { text-indent: calc(2 * var(--report-char)); }
.report-pages .report-cont { text-indent: 0; }
.report-pages .report-split { text-align-last: justify; }
.report-pages .report-gap { margin-bottom: var(--report-line); }
.report-pages .report-title { font-family: ${f.xiaobiaosong}; font-size: 22pt; text-align: center; letter-spacing: 0; text-indent: 0; }
.report-pages .report-subtitle, .report-pages .report-author { font-family: ${f.kaiti}; text-align: center; text-indent: 0; }
.report-pages .report-h1 { font-family: ${f.heiti}; }
.report-pages .report-h2 { font-family: ${f.kaiti}; }
.report-pages .report-h3, .report-pages .report-h4, .report-pages .report-h5 { font-family: ${f.fangsong}; }
.report-pages span.report-h { text-indent: 0; }
.report-pages .report-quote { color: #333; }
.report-pages .report-hr { border: 0; border-top: 1px solid #000; height: 0; margin: calc(var(--report-line) / 2 - 0.5px) 0; }
.report-pages .report-code { font-family: monospace; font-size: 12pt; letter-spacing: 0; white-space: pre-wrap; }
.report-pages .report-table { border-collapse: collapse; width: 100%; margin: 0 0 var(--report-line) 0; letter-spacing: 0; text-indent: 0; }
.report-pages .report-table th, .report-pages .report-table td { border: 1px solid #000; padding: 0 0.3em; line-height: var(--report-line); text-align: center; }
.report-pages .report-table th { font-family: ${f.heiti}; font-weight: normal; }
.report-pages .report-align-left { text-align: left !important; }
.report-pages .report-align-right { text-align: right !important; }
.report-pages .report-total td { font-family: ${f.heiti}; font-weight: bold; }
.report-pages .report-signature { margin-top: var(--report-line); text-align: right; letter-spacing: 0; }
.report-pages .report-signature p { margin: 0; padding-right: calc(4 * var(--report-char)); }
.report-pages .report-signature .report-sign-unit { padding-right: calc(2 * var(--report-char)); }
.report-pages .report-page-number { position: absolute; top: calc(37mm + 225mm + 7mm); font-family: ${f.songti}; font-size: 14pt; line-height: 1; }
.report-pages .report-page-odd .report-page-number { right: calc(26mm + 14pt); }
.report-pages .report-page-even .report-page-number { left: calc(28mm + 14pt); }
.report-pages img { max-width: 100%; }
@media print {
  @page { size: A4; margin: 0; }
  .report-pages { display: block; padding: 0; gap: 0; background: none; }
  .report-pages .report-page { box-shadow: none; break-after: page; }
}
`.trim();
}
