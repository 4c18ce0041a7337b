import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_WORDS, searchWords, toPrefixQuery } from './search';

describe('the free-text search query', () => {
  it.each([
    ['Jansen', "'Jansen':*"],
    ['jans', "'jans':*"],
    ['van der Linden', "'van':* & 'der':* & 'Linden':*"],
    ['KL-2026-0042', "'KL':* & '2026':* & '0042':*"],
    ['0042', "'0042':*"],
    ['42', "('42':* | '0042':*)"], // reference numbers are padded to four digits
    ['7', "('7':* | '0007':*)"],
    ['12345', "'12345':*"],
    ["d'Souza", "'d':* & 'Souza':*"],
    ['Jean-Luc', "'Jean':* & 'Luc':*"],
    ['J.P. de Vries', "'J':* & 'P':* & 'de':* & 'Vries':*"],
    ['Özdemir', "'Özdemir':*"],
    ['Aydın', "'Aydın':*"],
    ['  Zoë   ', "'Zoë':*"],
  ])('%j → %s', (text, query) => {
    expect(toPrefixQuery(text)).toBe(query);
  });

  it.each(['', '   ', '---', "'", '%_*', "'):* | !("])('has no words in %j', (text) => {
    expect(toPrefixQuery(text)).toBeNull();
  });

  it('never lets tsquery syntax through: only letters and digits end up between the quotes', () => {
    const query = toPrefixQuery("a' | b:* & !c <-> (d)") ?? '';
    expect(query).toBe("'a':* & 'b':* & 'c':* & 'd':*");
  });

  it(`uses at most ${MAX_SEARCH_WORDS} words`, () => {
    expect(searchWords('a b c d e f g h i j')).toHaveLength(MAX_SEARCH_WORDS);
  });
});
