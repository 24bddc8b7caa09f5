/** FNV-1a over the UTF-16 code units of `text`, every `step`th one (1: all), as an unsigned 32-bit number. */
export function fnv1a(text: string, step = 1): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
