import type { ClientContractingPartyChoice, ContractingPartyType } from '@/lib/procedure/vocabulary';

/**
 * Which known contracting party did the client mean? The form asks for a kind (employer, municipality, UWV, "don't
 * know") and optionally a name in the client's own words ("De gemeente", "gemeente Den Bosch", "Van Dongen Bouw").
 * Pure: the file page and the escalation form suggest a party with it, and the escalation step warns with it when the
 * chosen party is not the one the client named.
 */

export type StatedParty = { choice: ClientContractingPartyChoice; name: string | null };
export type KnownParty = { id: number; name: string; type: ContractingPartyType };
export type PartySuggestion = { id: number; score: number; basis: 'name' | 'type' };
export type PartyComparison = 'agrees' | 'differs' | 'unknown';

/** Words that say what kind of party it is or glue a name together, not which one. */
const GENERIC = new Set([
  'gemeente', 'gem', 'de', 'het', 'een', 'van', 'mijn', 'onze', 'werkgever', 'bedrijf', 'bv', 'nv', 'b', 'v', 'n', 's', 't',
  'vof', 'holding', 'en', 'the', 'municipality', 'of', 'my', 'employer', 'council', 'city',
]);

/** Other names people use for the same place, in normalised form. */
const ALIASES: readonly [RegExp, string][] = [
  [/\bden bosch\b/g, 'hertogenbosch'],
  [/\bs hertogenbosch\b/g, 'hertogenbosch'],
  [/\bhertogenbosch\b/g, 'hertogenbosch'],
];

/** Lower case, no accents, only letters and digits separated by single spaces; the known aliases folded. */
export function normalisePartyName(text: string): string {
  let s = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [pattern, canonical] of ALIASES) s = s.replace(pattern, canonical);
  return s;
}

/** The words of a name that say which party it is. */
export function nameTokens(text: string | null): string[] {
  if (!text) return [];
  return [...new Set(normalisePartyName(text).split(' ').filter((w) => w !== '' && !GENERIC.has(w)))];
}

/** Two words are the same, or one begins the other and both are long enough to mean something ("bouw", "bouwbedrijf"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
}

/** How well the client's words name a party, 0 (not at all) to 1: the share of words on both sides that match. */
export function nameScore(stated: readonly string[], party: readonly string[]): number {
  if (stated.length === 0 || party.length === 0) return 0;
  // An abbreviation: "LCB" for Logistiek Centrum Brabant.
  const initials = party.length >= 2 ? party.map((w) => w[0]).join('') : null;
  const acronym = initials !== null && stated.includes(initials);
  const statedHit = stated.filter((s) => s === initials || party.some((p) => sameWord(s, p))).length;
  const partyHit = acronym ? party.length : party.filter((p) => stated.some((s) => sameWord(s, p))).length;
  return (statedHit / stated.length + partyHit / party.length) / 2;
}

const TYPE_BONUS = 0.25;

/**
 * The known parties the client may have meant, best first. With a name: every party whose name shares a word with
 * it, the kind the client chose breaking ties. Without a name (or only "de gemeente"): every party of the chosen kind.
 */
export function suggestParties(stated: StatedParty, parties: readonly KnownParty[]): PartySuggestion[] {
  const tokens = nameTokens(stated.name);
  const bonus = (p: KnownParty) => (p.type === stated.choice ? TYPE_BONUS : 0);
  const ranked: PartySuggestion[] =
    tokens.length > 0
      ? parties.flatMap((p) => {
          const score = nameScore(tokens, nameTokens(p.name));
          return score > 0 ? [{ id: p.id, score: score + bonus(p), basis: 'name' as const }] : [];
        })
      : parties.filter((p) => p.type === stated.choice).map((p) => ({ id: p.id, score: TYPE_BONUS, basis: 'type' as const }));
  const order = new Map(parties.map((p, i) => [p.id, i]));
  return ranked.sort((a, b) => b.score - a.score || order.get(a.id)! - order.get(b.id)!);
}

/** The one party to pre-select as a suggestion: a clear best, never a guess between equals. */
export function bestParty(suggestions: readonly PartySuggestion[]): number | null {
  const [first, second] = suggestions;
  if (!first) return null;
  if (second && second.score === first.score) return null;
  return first.id;
}

/**
 * Does a chosen party agree with what the client said? With a name: only a party among the best matches agrees.
 * Without a name: any party of the kind the client chose. "Don't know" and nothing typed: nothing to compare.
 */
export function compareWithClient(stated: StatedParty, party: KnownParty, parties: readonly KnownParty[]): PartyComparison {
  const tokens = nameTokens(stated.name);
  if (tokens.length === 0) {
    if (stated.choice === 'unknown') return 'unknown';
    return party.type === stated.choice ? 'agrees' : 'differs';
  }
  const suggestions = suggestParties(stated, parties.some((p) => p.id === party.id) ? parties : [...parties, party]);
  const top = suggestions[0];
  const mine = suggestions.find((s) => s.id === party.id);
  return top && mine && mine.score === top.score ? 'agrees' : 'differs';
}

/** What the client said, as history details (kept when a step chose another party than the client named). */
export function clientPartyDetails(stated: StatedParty): { clientPartyChoice: ClientContractingPartyChoice; clientPartyName?: string } {
  return stated.name ? { clientPartyChoice: stated.choice, clientPartyName: stated.name } : { clientPartyChoice: stated.choice };
}
