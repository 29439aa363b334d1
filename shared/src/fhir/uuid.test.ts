import { describe, expect, it } from 'vitest';
import { CARE_COMMUNICATION_NAMESPACE, isUuidV4, newMedComId, uuidV5 } from './uuid.ts';

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector', () => {
    // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is stable for a name and differs between names', () => {
    expect(uuidV5('m-1/Patient')).toBe(uuidV5('m-1/Patient', CARE_COMMUNICATION_NAMESPACE));
    expect(uuidV5('m-1/Patient')).not.toBe(uuidV5('m-2/Patient'));
    expect(uuidV5('m-1/Patient')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
  });
});

describe('newMedComId', () => {
  it('draws a fresh UUID of version 4 each time', () => {
    const [a, b] = [newMedComId(), newMedComId()];
    expect(isUuidV4(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(isUuidV4(uuidV5('m-1/Patient'))).toBe(false);
  });
});
