/** Small readers for WordprocessingML parts of a .docx, for the export tests. */
import JSZip from 'jszip';

export interface DocxParts {
  readonly files: string[];
  readonly document: string;
  readonly styles: string;
  readonly settings: string;
  /** Footer part XML by relationship type of its w:footerReference ('default', 'even', 'first'). */
  readonly footers: Record<string, string>;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> => {
    const f = zip.file(name);
    if (!f) throw new Error(`missing part ${name}`);
    return f.async('string');
  };
  const document = await text('word/document.xml');
  const rels = await text('word/_rels/document.xml.rels');
  const footers: Record<string, string> = {};
  for (const m of document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`<Relationship [^>]*Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
    if (target && m[1]) footers[m[1]] = await text(`word/${target}`);
  }
  return { files: Object.keys(zip.files), document, styles: await text('word/styles.xml'), settings: await text('word/settings.xml'), footers };
}

/** Attributes of the first element `tag` in xml, or undefined. */
export function attrs(xml: string, tag: string): Record<string, string> | undefined {
  const m = new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`).exec(xml);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) out[a[1] ?? ''] = a[2] ?? '';
  return out;
}

/** The XML of one style definition. */
export function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

export function docDefaults(styles: string): string {
  const m = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles);
  if (!m) throw new Error('no docDefaults');
  return m[0];
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export interface Run {
  readonly text: string;
  readonly style: string | undefined;
  readonly bold: boolean;
  readonly xml: string;
}

export interface Para {
  readonly style: string | undefined;
  readonly text: string;
  readonly runs: Run[];
  readonly pPr: string;
  readonly xml: string;
}

/** Paragraphs of a part in order (table cells included). */
export function paragraphs(xml: string): Para[] {
  const out: Para[] = [];
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g)) {
    const body = m[1] ?? '';
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(body)?.[0] ?? '';
    const runs: Run[] = [];
    for (const r of body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const rx = r[1] ?? '';
      const text = [...rx.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => unescape(t[1] ?? '')).join('');
      runs.push({ text, style: attrs(rx, 'w:rStyle')?.['w:val'], bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(rx), xml: rx });
    }
    out.push({ style: attrs(pPr, 'w:pStyle')?.['w:val'], text: runs.map((r) => r.text).join(''), runs, pPr, xml: m[0] });
  }
  return out;
}
