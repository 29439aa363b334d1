import { describe, expect, it } from 'vitest';
import { codeLabel, escapeXhtml, narrative, referenceLabel } from './narrative.ts';

describe('narrative', () => {
  it('escapes markup in free text so a letter cannot inject XHTML', () => {
    expect(escapeXhtml('<script>"a" & b</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; b&lt;/script&gt;');
  });

  it('names the resource by type and id, renders label/value lines and leaves out undefined values', () => {
    expect(narrative({ resourceType: 'Patient', id: 'p-1' }, [['CPR', '0101200000'], ['Name', undefined]], false)).toEqual({
      status: 'generated',
      div: '<div xmlns="http://www.w3.org/1999/xhtml"><p><b>Patient</b> p-1</p><p><b>CPR</b>: 0101200000</p></div>',
    });
  });

  it('says `extensions` for a resource that carries extensions (MedCom narrative governance 5.2.1)', () => {
    expect(narrative({ resourceType: 'Communication', id: 'c' }, [], true).status).toBe('extensions');
  });

  it('shows a code with its English and Danish displays, and a reference by its id', () => {
    expect(codeLabel('other', { display: 'Other', da: 'Andet' })).toBe('other (Other / Andet)');
    expect(codeLabel('laege', { display: 'Læge' })).toBe('laege (Læge)');
    expect(codeLabel('x', undefined)).toBe('x');
    expect(referenceLabel({ reference: 'Organization/abc' })).toBe('abc');
  });
});
