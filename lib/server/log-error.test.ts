import { describe, expect, it } from 'vitest';
import { loggableError } from './log-error';

const pgError = (code: string, extra: object = {}) => Object.assign(new Error('insert into complaints … Jansen'), { name: 'DatabaseError', code, ...extra });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert into "complaints" … params: Fatima Jansen,fatima@example.nl'), { cause });

describe('loggableError: what the server log may say', () => {
  it.each([
    ['a database error: class and SQLSTATE only', pgError('22P02'), 'DatabaseError/DatabaseError sqlstate=22P02'],
    ['with its constraint', pgError('23505', { constraint: 'complaints_reference_unique' }), 'DatabaseError/DatabaseError sqlstate=23505 constraint=complaints_reference_unique'],
    ['wrapped by drizzle: the code of the cause, never the params', wrapped(pgError('57P01')), 'Error/DatabaseError sqlstate=57P01'],
    ['a failed query without a code', wrapped(new Error('socket hang up')), 'Error (query failed; parameters not logged)'],
    ['another error: class and message', new TypeError('x is not a function'), 'TypeError: x is not a function'],
    ['not an Error', 'boom', 'string: boom'],
  ])('%s', (_label, error, expected) => {
    const line = loggableError(error);
    expect(line).toBe(expected);
    expect(line).not.toMatch(/Jansen|fatima@example/);
  });

  it('cuts a long message off at 200 characters', () => {
    expect(loggableError(new Error('x'.repeat(500)))).toHaveLength('Error: '.length + 200);
  });
});
