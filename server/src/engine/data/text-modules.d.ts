/** Data files bundled as text (esbuild's `text` loader; tests/register.js in the tests and scripts). */
declare module '*.tsv' {
  const text: string;
  export default text;
}
