import { pino } from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { apolloLogger } from './http.ts';
import { describeErrorForLog } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

const failedQuery = new Error('Failed query: insert into "x"."children" ("cpr", "name") values ($1, $2)\nparams: 1206154764,Demo Person');

describe('logging without personal data', () => {
  it('withholds the parameters of a failed query that Apollo logs', () => {
    const { log, lines } = capture();
    apolloLogger(log).error(`Unexpected error processing request: ${failedQuery}`);
    expect(lines.join('')).toContain('params: [withheld]');
    expect(lines.join('')).not.toContain('1206154764');
    expect(lines.join('')).not.toContain('Demo Person');
  });

  it('describes an error for the log without its message when it is a failed query', () => {
    const described = JSON.stringify(describeErrorForLog(failedQuery));
    expect(described).not.toContain('1206154764');
    expect(described).toContain('parameters withheld');
  });
});
