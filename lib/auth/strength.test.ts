import { describe, expect, it } from 'vitest';
import { generateOneTimePassword } from '@/lib/settings/credentials';
import { personalWords, weakPassword } from './strength';

const sanne = personalWords({ name: 'Sanne de Vries', email: 'sanne.devries@voorbeeld.nl', organisation: 'Gemeente Voorbeeld' });

describe('password strength (zxcvbn-ts, score ≥ 3)', () => {
  it.each([
    ['aaaaaaaaaaaa', 'passwordWeakRepeat'],
    ['abcdefghijkl', 'passwordWeakRepeat'],
    ['qwertyuiopas', 'passwordWeakCommon'],
    ['password1234', 'passwordWeakCommon'],
    ['welkom123456', 'passwordWeakCommon'],
    ['Gemeente Voorbeeld', 'passwordWeakPersonal'],
    ['GemeenteVoorbeeld2026', 'passwordWeakPersonal'],
    ['sanne.devries@voorbeeld.nl', 'passwordWeakPersonal'],
    ['SanneDeVries!!', 'passwordWeakPersonal'],
    ['klachtloket2026', 'passwordWeakPersonal'],
  ] as const)('refuses %s (%s)', (password, reason) => {
    expect(weakPassword(password, sanne)).toBe(reason);
  });

  it.each(['correct horse battery staple', 'a brand new passphrase', 'Fiets-Kopje-Wolk-73', 'tulp regen zolder vijftig'])('accepts %s', (password) => {
    expect(weakPassword(password, sanne)).toBeNull();
  });

  it('accepts every generated one-time password', () => {
    for (let i = 0; i < 50; i++) expect(weakPassword(generateOneTimePassword(), sanne)).toBeNull();
  });
});
