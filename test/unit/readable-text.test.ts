/**
 * Text people read is kept in one Unicode form and refused when it would mislead its reader:
 * nothing but spaces or invisible characters, control characters, a right-to-left override,
 * half a character. Persian as people write it (ZWNJ, marks of direction) passes.
 */
import { readableValue, textProblem } from '../../lib/text/readable-text';

describe('readable text', () => {
  test('when a name is blank, holds a control, a reordering character or half a character, then it says which', () => {
    expect(textProblem('\u200B\u200B')).toMatch(/is blank/);
    expect(textProblem('   ')).toMatch(/is blank/);
    expect(textProblem('Ali\u0000')).toBe('holds a control character (U+0000)');
    expect(textProblem('abc\u202Egnp.exe')).toBe('holds a character that reorders the text (U+202E)');
    expect(textProblem('\u2067Ali')).toMatch(/reorders the text \(U\+2067\)/);
    expect(textProblem('x\uD800y')).toMatch(/lone surrogate/);
  });

  test('when Persian is written as people write it, then it passes: ZWNJ, direction marks, line breaks', () => {
    for (const text of ['می‌خواهم', 'زهرا\u200Fاحمدی', 'line one\nline two\ttab', 'Ali 😀'])
      expect(textProblem(text)).toBeUndefined();
  });

  test('when a body holds text in decomposed form, then it is kept in NFC, and each problem is found where it is', () => {
    const decomposed = 'Cafe\u0301';
    const { value, problems } = readableValue({
      applicant: { name: decomposed },
      data: { notes: ['fine', '\u202Eevil'] },
      count: 3,
    });
    expect(value).toEqual({ applicant: { name: 'Café' }, data: { notes: ['fine', '\u202Eevil'] }, count: 3 });
    expect((value as { applicant: { name: string } }).applicant.name).toBe('Caf\u00E9');
    expect(problems).toEqual([
      { path: ['data', 'notes', 1], message: 'holds a character that reorders the text (U+202E)' },
    ]);
  });
});
