import { describe, expect, it } from 'vitest';
import { medcomPhoneNumber } from './phone.ts';

describe('medcomPhoneNumber', () => {
  it('writes what people type as + and digits, eight digits as a Danish number', () => {
    expect(medcomPhoneNumber('86 12 34 56')).toBe('+4586123456');
    expect(medcomPhoneNumber('+45 86-12-34-56')).toBe('+4586123456');
    expect(medcomPhoneNumber('0046 8 123 456 78')).toBe('+46812345678');
    expect(medcomPhoneNumber('+4586123456')).toBe('+4586123456');
  });

  it('refuses what cannot be a phone number', () => {
    for (const bad of ['', '1234567', '123456789', 'ring 86123456', '+123', '+1234567890123456']) expect(medcomPhoneNumber(bad), bad).toBeNull();
  });
});
