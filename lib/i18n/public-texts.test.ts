import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, STATUSES } from '@/lib/procedure/vocabulary';
import en from './messages/en.json';
import nl from './messages/nl.json';

/** Issue 10: a product promises nothing that is not there; every status and outcome has words for the client. */

type Tree = { [key: string]: string | Tree };
const values = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
const COMING_SOON = /binnenkort|straks ook|coming soon|\bsoon\b|later issue/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('public texts', () => {
  it.each([
    ['nl', nl],
    ['en', en],
  ])('%s messages say nothing about "coming soon"', (_, messages) => {
    expect(values(messages as Tree).filter((v) => COMING_SOON.test(v))).toEqual([]);
  });

  it('public pages and components say nothing about "coming soon" either', () => {
    const sources = [...files('app/[locale]'), ...files('components').filter((f) => !f.includes('beheer'))];
    expect(sources.length).toBeGreaterThan(5);
    expect(sources.filter((f) => COMING_SOON.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it.each([
    ['nl', nl],
    ['en', en],
  ])('%s has a plain explanation for every status and every outcome', (_, messages) => {
    for (const status of STATUSES) expect(messages.status.explain[status], status).toBeTruthy();
    for (const outcome of OUTCOMES) expect(messages.status.outcomes[outcome], outcome).toBeTruthy();
  });
});
