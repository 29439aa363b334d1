/**
 * A phone number as MedCom writes it (medcom-core-contact: "+" and digits only, e.g. +4512345678). Accepts what people
 * type (spaces, dashes, a 00 prefix); eight digits without a country code are a Danish number. Null when the input
 * cannot be such a number (too few or too many digits, or letters).
 */
export function medcomPhoneNumber(input: string): string | null {
  const compact = input.trim().replace(/[\s\-().]/g, '');
  const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : null;
  const digits = international ?? compact;
  if (!/^\d+$/.test(digits)) return null;
  if (international === null) return digits.length === 8 ? `+45${digits}` : null;
  // E.164: at most 15 digits with the country code; eight is the shortest Danish number with its code 45 (10).
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
}
