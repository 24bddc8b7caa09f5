/**
 * Expands a VS Code snippet body the way the editor first shows it: tab stops and placeholders
 * become their default text, choices their first option, variables their default (or nothing).
 */
export function expandSnippet(body: string): string {
  let i = 0;
  const parse = (stop: string): string => {
    let out = '';
    while (i < body.length) {
      const c = body.charAt(i);
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body.charAt(i + 1))) {
        out += body.charAt(i + 1);
        i += 2;
      } else if (stop.includes(c)) {
        return out;
      } else if (c === '$') {
        out += placeholder();
      } else {
        out += c;
        i++;
      }
    }
    if (stop !== '') throw new Error(`unterminated placeholder in ${JSON.stringify(body)}`);
    return out;
  };
  const placeholder = (): string => {
    i++; // $
    const simple = /^([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    if (body.charAt(i) !== '{') return '$';
    i++;
    const name = /^([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(i));
    if (!name) throw new Error(`bad placeholder at ${i} in ${JSON.stringify(body)}`);
    i += name[0].length;
    const next = body.charAt(i);
    let value = '';
    if (next === ':') {
      i++;
      value = parse('}');
    } else if (next === '|') {
      i++;
      value = parse('|');
      const first = value.split(',')[0] ?? '';
      value = first;
      if (body.charAt(i) === '|') i++;
      parse('}');
    }
    if (body.charAt(i) !== '}') throw new Error(`unterminated placeholder in ${JSON.stringify(body)}`);
    i++;
    return value;
  };
  return parse('');
}
