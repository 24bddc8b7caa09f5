/** Numerals as written in Chinese reports: Chinese numerals, Arabic and full-width digits, circled numbers. */

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral (used in markers and counts). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * Value of a Chinese numeral below 10 000 (「三」 3, 「十二」 12, 「二十」 20, 「一百零五」 105),
 * or undefined when the string is not one.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const ch of s) {
    // 「一百零六」: 零 holds an empty place after a unit.
    if ((ch === '零' || ch === '〇') && digit === undefined && lastUnit !== Infinity) continue;
    if (ch in CN_DIGITS) {
      if (digit !== undefined) return undefined; // 「三四」 is not one numeral
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      const unit = CN_UNITS[ch] ?? 0;
      if (unit >= lastUnit) return undefined;
      lastUnit = unit;
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  if (digit !== undefined) total += digit;
  return total;
}

/** Converts a positive integer to its Chinese numeral (1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五). */
export function toChineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return '十' + (n % 10 === 0 ? '' : digits[n % 10]);
  if (n < 100) return digits[Math.floor(n / 10)] + '十' + (n % 10 === 0 ? '' : digits[n % 10]);
  if (n < 1000) {
    const rest = n % 100;
    const head = digits[Math.floor(n / 100)] + '百';
    if (rest === 0) return head;
    if (rest < 10) return head + '零' + digits[rest];
    if (rest < 20) return head + '一' + toChineseNumeral(rest);
    return head + toChineseNumeral(rest);
  }
  return String(n);
}

/** Full-width digits ０-９ to ASCII. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

export function hasFullWidthDigits(s: string): boolean {
  return /[０-９]/.test(s);
}

/** Value of an Arabic numeral written with ASCII or full-width digits. */
export function parseArabic(s: string): number | undefined {
  const ascii = toAsciiDigits(s);
  return /^[0-9]+$/.test(ascii) ? Number(ascii) : undefined;
}

const CIRCLED_RANGES: Array<[number, number, number]> = [
  [0x2460, 0x2473, 1], // ①-⑳
  [0x3251, 0x325f, 21], // ㉑-㉟
  [0x32b1, 0x32bf, 36], // ㊱-㊿
];

/** Value of a circled number ①…㊿. */
export function parseCircled(ch: string): number | undefined {
  const code = ch.codePointAt(0) ?? 0;
  for (const [lo, hi, base] of CIRCLED_RANGES) {
    if (code >= lo && code <= hi) return base + code - lo;
  }
  return undefined;
}

export function toCircled(n: number): string {
  for (const [lo, hi, base] of CIRCLED_RANGES) {
    if (n >= base && n <= base + hi - lo) return String.fromCodePoint(lo + n - base);
  }
  return `(${n})`;
}

export const CIRCLED_CLASS = '\u2460-\u2473\u3251-\u325f\u32b1-\u32bf';
