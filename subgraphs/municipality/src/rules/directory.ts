/**
 * The directory of municipal inboxes general practice addresses letters by (agreement 6.2: a clearly named inbox per
 * municipality): a search matches a municipality's name, its inbox's name, its code, or the beginning of its inbox's
 * location number (four digits at least, so one digit does not match every inbox).
 */
export function matchesDirectorySearch(
  m: { code: number; name: string; inboxName: string; inboxLocationNumber: string },
  search: string | null | undefined,
): boolean {
  const q = (search ?? '').trim().toLowerCase();
  if (!q) return true;
  return (
    m.name.toLowerCase().includes(q) ||
    m.inboxName.toLowerCase().includes(q) ||
    String(m.code) === q ||
    (/^\d+$/.test(q) && q.length >= 4 && m.inboxLocationNumber.startsWith(q))
  );
}
