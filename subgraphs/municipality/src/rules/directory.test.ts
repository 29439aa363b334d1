import { MUNICIPALITY_INBOXES } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { matchesDirectorySearch } from './directory.ts';

const aarhus = MUNICIPALITY_INBOXES.find((m) => m.code === 751)!;
const find = (search: string | null) => MUNICIPALITY_INBOXES.filter((m) => matchesDirectorySearch(m, search)).map((m) => m.code);

describe('matchesDirectorySearch', () => {
  it('matches by name, inbox name and code, ignoring case and surrounding space', () => {
    expect(find(' AARHUS ')).toEqual([751]);
    expect(find('751')).toEqual([751]);
    expect(find('sundhed og ældre').sort()).toEqual([665, 741]);
  });

  it('matches the beginning of a location number of four digits or more, and all on an empty search', () => {
    expect(find(aarhus.inboxLocationNumber)).toEqual([751]);
    expect(find('5790')).toHaveLength(19);
    expect(find('579')).toEqual([]);
    expect(find(null)).toHaveLength(19);
    expect(find('')).toHaveLength(19);
  });
});
