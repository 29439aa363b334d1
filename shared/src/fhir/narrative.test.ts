import { describe, expect, it } from 'vitest';
import { escapeXhtml, narrative } from './narrative.ts';

describe('narrative', () => {
  it('escapes markup in free text so a letter cannot inject XHTML', () => {
    expect(escapeXhtml('<script>"a" & b</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; b&lt;/script&gt;');
  });

  it('renders label/value lines in an XHTML div and leaves out undefined values', () => {
    expect(narrative('Patient', [['CPR', '0101200000'], ['Name', undefined]])).toEqual({
      status: 'generated',
      div: '<div xmlns="http://www.w3.org/1999/xhtml"><p><b>Patient</b></p><p><b>CPR</b>: 0101200000</p></div>',
    });
  });
});
