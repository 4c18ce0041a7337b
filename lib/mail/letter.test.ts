import { describe, expect, it } from 'vitest';
import type { Organisation } from '@/lib/organisation';
import { compose, docFromText, heading, isLetterDoc, itemText, type Line, letterText, quote, toItem } from './letter';

const org: Organisation = { name: 'Werkpunt', phone: '053 1', email: 'k@w.example', postalAddress: '', website: null, signature: '' };

/** The text as compose() made it before letters had a structure: greeting, body and closing joined as they are. */
const before = (greeting: string, body: Line[], closing: string[]) => [greeting, '', ...body.map(String), '', ...closing].join('\n');

describe('a letter as a structure gives exactly the text it was written as', () => {
  const lines: [string, Line][] = [
    ['an empty line', ''],
    ['a list item', '- Naam: Noor'],
    ['a dash without a space', '-geen lijst'],
    ['a line that only starts with a dash and a space', '- '],
    ['a line in quotation marks that is not marked', '"zelf getypt"'],
    ['a marked quote (trimmed)', quote('  wat de klant schreef \n met een regel erbij ')],
    ['a heading', heading('De klacht')],
    ['a line with line breaks', 'een\nmeerregelig\n\nstuk'],
    ['spaces kept', '  ingesprongen  '],
    ['markup as characters', '<b>vet</b> & "quotes"'],
  ];

  it.each(lines)('%s', (_label, line) => {
    expect(itemText(toItem(line))).toBe(String(line));
  });

  it.each(['nl', 'en'] as const)('the whole letter (%s) is byte for byte the text of before', (locale) => {
    const body = lines.map(([, line]) => line);
    const letter = compose(locale, 'Beste Noor,', org, { subject: 's', body });
    const closing = locale === 'nl' ? ['Met vriendelijke groet,\nWerkpunt', '053 1 · k@w.example'] : ['Kind regards,\nWerkpunt', '053 1 · k@w.example'];
    expect(letter.text).toBe(before('Beste Noor,', body, closing));
    expect(letterText(JSON.parse(JSON.stringify(letter.doc)))).toBe(letter.text);
  });

  it('marks quotes and headings for the HTML, and keeps what the text shows', () => {
    expect(toItem(quote(' x '))).toEqual({ t: 'quote', text: 'x' });
    expect(`${quote('x')}`).toBe('"x"');
    expect(toItem(heading('Kop'))).toEqual({ t: 'heading', text: 'Kop' });
    expect(toItem('- a')).toEqual({ t: 'item', text: 'a' });
  });
});

describe('stored letters', () => {
  it('accepts only a structure this code knows', () => {
    expect(isLetterDoc(compose('nl', 'Beste Noor,', org, { subject: 's', body: ['x'] }).doc)).toBe(true);
    for (const value of [null, 'text', {}, { v: 2, lang: 'nl', body: [], greeting: '' }, { v: 1, lang: 'de', body: [], greeting: '' }, { v: 1, lang: 'nl', body: 'x', greeting: '' }]) {
      expect(isLetterDoc(value)).toBe(false);
    }
  });

  it('a text without a structure becomes lines, greeting first', () => {
    const doc = docFromText('Beste Noor,\n\nEen.\nTwee.\n\nGroet', 'nl', 'Werkpunt');
    expect(doc.greeting).toBe('Beste Noor,');
    expect(doc.body.map(itemText)).toEqual(['Een.', 'Twee.', '', 'Groet']);
    expect(doc.body.every((item) => item.t === 'line' || item.t === 'gap')).toBe(true);
  });
});
