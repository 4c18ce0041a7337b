import { describe, expect, it } from 'vitest';
import { printable, wrapText } from './text';

describe('printable', () => {
  it.each<[string, string, string]>([
    ['plain text stays', 'Beste Ayşe Şahin,', 'Beste Ayşe Şahin,'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['a tab becomes a space', 'a\tb', 'a b'],
    ['other control characters go', 'a\u0000b\u0007c\u001bd\u007fe\u0085f', 'abcdef'],
    ['line and paragraph separators go', 'a\u2028b\u2029c', 'abc'],
    ['markup stays text', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['the RTL mark and emoji stay', '\u200Fمرحبا 🙂', '\u200Fمرحبا 🙂'],
  ])('%s', (_label, input, expected) => expect(printable(input)).toBe(expected));
});

describe('wrapText', () => {
  const measure = (s: string) => [...s].length;
  it.each<[string, string, number, string[]]>([
    ['fits', 'een twee drie', 20, ['een twee drie']],
    ['wraps between words', 'een twee drie', 8, ['een twee', 'drie']],
    ['breaks a word longer than a line', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['keeps line breaks', 'a\nb', 10, ['a', 'b']],
    ['keeps empty lines', 'a\n\nb', 10, ['a', '', 'b']],
    ['empty', '', 10, ['']],
  ])('%s', (_label, text, width, lines) => expect(wrapText(text, measure, width)).toEqual(lines));

  it('a 300-character word breaks into lines no wider than the width, losing nothing', () => {
    const word = 'x'.repeat(300);
    const lines = wrapText(`voor ${word} na`, measure, 70);
    expect(lines.every((line) => measure(line) <= 70)).toBe(true);
    expect(lines.join('').replace(/[^x]/g, '')).toHaveLength(300);
  });

  it('never splits an emoji (a surrogate pair) in two', () => {
    const lines = wrapText('🙂'.repeat(5), (s) => s.length, 3);
    for (const line of lines) expect(line).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(lines.join('')).toBe('🙂'.repeat(5));
  });
});
