import { describe, expect, it } from 'vitest';
import { bestParty, compareWithClient, type KnownParty, nameTokens, normalisePartyName, type StatedParty, suggestParties } from './party-match';

const PARTIES: KnownParty[] = [
  { id: 1, type: 'employer', name: 'Bouwbedrijf Van Dongen B.V.' },
  { id: 2, type: 'employer', name: 'Zorggroep De Meierij' },
  { id: 3, type: 'employer', name: 'Logistiek Centrum Brabant B.V.' },
  { id: 4, type: 'municipality', name: "Gemeente 's-Hertogenbosch" },
  { id: 5, type: 'municipality', name: 'Gemeente Oss' },
  { id: 6, type: 'municipality', name: 'Gemeente Meierijstad' },
  { id: 7, type: 'uwv', name: 'UWV' },
];
const byId = (id: number) => PARTIES.find((p) => p.id === id)!;

describe('normalisePartyName and nameTokens', () => {
  it.each([
    ['Gemeente Oss', 'gemeente oss', ['oss']],
    ['  GEMEENTE   OSS. ', 'gemeente oss', ['oss']],
    ['De gemeente', 'de gemeente', []],
    ["Gemeente 's-Hertogenbosch", 'gemeente hertogenbosch', ['hertogenbosch']],
    ['gemeente Den Bosch', 'gemeente hertogenbosch', ['hertogenbosch']],
    ['Zorggroep Dé Méierij', 'zorggroep de meierij', ['zorggroep', 'meierij']],
    ['Bouwbedrijf Van Dongen B.V.', 'bouwbedrijf van dongen b v', ['bouwbedrijf', 'dongen']],
    ['', '', []],
  ])('%j → %j, words %j', (input, normalised, tokens) => {
    expect(normalisePartyName(input)).toBe(normalised);
    expect(nameTokens(input)).toEqual(tokens);
  });
});

describe('suggestParties and bestParty', () => {
  it.each<[string, StatedParty, number[], number | null]>([
    ['exact name', { choice: 'municipality', name: 'Gemeente Oss' }, [5], 5],
    ['name in lower case without prefix', { choice: 'municipality', name: 'oss' }, [5], 5],
    ['another name for the same town', { choice: 'municipality', name: 'gemeente Den Bosch' }, [4], 4],
    ['a shortened company name', { choice: 'employer', name: 'Van Dongen Bouw' }, [1], 1],
    ['the kind of party as the tie-breaker', { choice: 'employer', name: 'LCB Oss' }, [3, 5], 3],
    ['UWV with a place', { choice: 'uwv', name: 'UWV Den Bosch' }, [7, 4], 7],
    ['town, not the employer with a similar word', { choice: 'municipality', name: 'Meierijstad' }, [6, 2], 6],
    ['only the kind: several municipalities, no single best', { choice: 'municipality', name: 'De gemeente' }, [4, 5, 6], null],
    ['only the kind: one UWV', { choice: 'uwv', name: null }, [7], 7],
    ['does not know', { choice: 'unknown', name: '' }, [], null],
    ['a name we do not know', { choice: 'municipality', name: 'Gemeente Uden' }, [], null],
  ])('%s', (_label, stated, ids, best) => {
    const suggestions = suggestParties(stated, PARTIES);
    expect(suggestions.map((s) => s.id)).toEqual(ids);
    expect(bestParty(suggestions)).toBe(best);
  });
});

describe('compareWithClient', () => {
  it.each<[string, StatedParty, number, string]>([
    ['the municipality the client named', { choice: 'municipality', name: 'Gemeente Oss' }, 5, 'agrees'],
    ['another municipality than the one named', { choice: 'municipality', name: 'Gemeente Oss' }, 4, 'differs'],
    ['any municipality when only "de gemeente" was said', { choice: 'municipality', name: 'De gemeente' }, 6, 'agrees'],
    ['UWV when the client said municipality', { choice: 'municipality', name: 'De gemeente' }, 7, 'differs'],
    ['a party for a name we do not know', { choice: 'municipality', name: 'Gemeente Uden' }, 5, 'differs'],
    ['anything when the client did not know', { choice: 'unknown', name: null }, 1, 'unknown'],
    ['the employer named by its abbreviation', { choice: 'employer', name: 'LCB Oss' }, 3, 'agrees'],
  ])('%s', (_label, stated, chosen, expected) => {
    expect(compareWithClient(stated, byId(chosen), PARTIES)).toBe(expected);
  });
});
