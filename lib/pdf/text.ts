/**
 * Text for PDFs laid out by hand with pdf-lib (the annual register, letters, the paper complaint form): pure helpers,
 * so every document wraps and cleans text the same way.
 */

/** Words onto lines no wider than `width`; a word longer than a line is broken between characters. */
export function wrapText(text: string, measure: (s: string) => number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        // Never split a surrogate pair (an emoji, a rare letter) in two.
        if (cut > 1 && /[\uD800-\uDBFF]/.test(rest[cut - 1]!)) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Text as it can be drawn: line breaks as `\n`, tabs as spaces, and no other control characters (they have no glyph
 * and pdf-lib would draw them as boxes or refuse them). Letters, marks such as the RTL mark, and emoji stay: they are
 * the writer's text, drawn with the embedded font (a box where the font has no glyph).
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '');
}
