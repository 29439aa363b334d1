import { describe, expect, it } from 'vitest';
import { BundleIndex, typedReference } from './bundle-index.ts';
import { expectRefused } from './fixtures/expect-refused.ts';

const bundle = {
  entry: [
    { fullUrl: 'https://fhir.vena.dk/Organization/o1', resource: { resourceType: 'Organization', id: 'o1' } },
    { fullUrl: 'urn:uuid:3f0e9a54-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', id: 'p1' } },
  ],
};

describe('BundleIndex', () => {
  const index = new BundleIndex(bundle);

  it('resolves relative, absolute and urn:uuid references', () => {
    expect(index.resolve({ reference: 'Organization/o1' }, 'X.sender', ['Organization']).id).toBe('o1');
    expect(index.resolve({ reference: 'https://fhir.vena.dk/Organization/o1' }, 'X', ['Organization']).id).toBe('o1');
    expect(index.resolve({ reference: 'urn:uuid:3f0e9a54-0000-4000-8000-000000000001' }, 'X', ['Patient']).id).toBe('p1');
  });

  it('refuses a reference to nothing or to the wrong type, naming the element', () => {
    expect(expectRefused(() => index.resolve({ reference: 'Organization/o2' }, 'X.sender', ['Organization'])).extensions['element']).toBe(
      'X.sender.reference',
    );
    expect(expectRefused(() => index.resolve({ reference: 'Patient/p1' }, 'X.sender', ['Organization'])).extensions['element']).toBe(
      'X.sender.reference',
    );
    expect(expectRefused(() => index.resolve('Organization/o1', 'X.sender', ['Organization'])).extensions['element']).toBe('X.sender');
  });

  it('refuses two entries a reference could not tell apart', () => {
    const duplicated = { entry: [...bundle.entry, { resource: { resourceType: 'Organization', id: 'o1' } }] };
    expect(expectRefused(() => new BundleIndex(duplicated)).extensions['element']).toBe('Bundle.entry[2]');
  });

  it('reads Type/id from relative and absolute references only', () => {
    expect(typedReference('MessageHeader/42cb9200-f421-4d08-8391-7d51a2503cb4')).toEqual({
      resourceType: 'MessageHeader',
      id: '42cb9200-f421-4d08-8391-7d51a2503cb4',
    });
    expect(typedReference('https://x.dk/fhir/Patient/p1/_history/2')).toEqual({ resourceType: 'Patient', id: 'p1' });
    expect(typedReference('urn:uuid:3f0e9a54-0000-4000-8000-000000000001')).toBeUndefined();
  });
});
