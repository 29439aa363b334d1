import { describe, expect, it } from 'vitest';
import { buildCareCommunicationBundle } from './build.ts';
import { checkCareCommunication, checkResend } from './conformance/validate.ts';
import { envelopeOf, reenvelope } from './envelope.ts';
import { newLetter } from './fixtures/messages.ts';
import { parseCareCommunicationBundle } from './parse.ts';

describe('reenvelope', () => {
  const first = JSON.stringify(buildCareCommunicationBundle(newLetter));
  const resent = reenvelope(first, { bundleId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', timestamp: '2026-03-02T09:45:00.000Z' });

  it('changes Bundle.id and Bundle.timestamp and not one other byte', () => {
    expect(envelopeOf(resent)).toEqual({ bundleId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', timestamp: '2026-03-02T09:45:00.000Z' });
    const blank = (text: string) => text.replace(/^\{"resourceType":"Bundle","id":"[^"]+",/, '').replace(/"timestamp":"[^"]+"/, '');
    expect(blank(resent)).toBe(blank(first));
  });

  it('is a resend MedCom accepts: new envelope, same message, still conformant, read back as first sent', () => {
    expect(checkResend([JSON.parse(first)], JSON.parse(resent))).toEqual([]);
    expect(checkCareCommunication(JSON.parse(resent)).filter((f) => f.severity !== 'information')).toEqual([]);
    expect(parseCareCommunicationBundle(JSON.parse(resent)).message).toMatchObject({ messageId: newLetter.messageId, firstSentAt: newLetter.sentAt });
  });

  it('refuses bytes that are no Bundle', () => {
    expect(() => reenvelope('{', { bundleId: 'a', timestamp: 'b' })).toThrow(/not JSON/);
    expect(() => reenvelope('{"resourceType":"Patient"}', { bundleId: 'a', timestamp: 'b' })).toThrow(/FHIR Bundle/);
  });
});
