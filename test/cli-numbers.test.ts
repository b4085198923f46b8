import { describe, expect, it } from 'vitest';
import { numberFlag, optionalNumber } from '../src/cli/numbers.js';

describe('numeric flags share one parser', () => {
  it('accepts numbers within the rule', () => {
    expect(numberFlag('--n', '3', { min: 1, max: 5, whole: true })).toBe(3);
    expect(numberFlag('--n', '2.5', { above: 0 })).toBe(2.5);
    expect(numberFlag('--n', '0', { min: 0 })).toBe(0);
    expect(optionalNumber('--n', undefined, { min: 1 })).toBeUndefined();
  });
  it('names the flag and the rule when a value breaks it', () => {
    expect(() => numberFlag('--gpus', '2.5', { whole: true })).toThrow('--gpus: "2.5" is not a whole number');
    expect(() => numberFlag('--gpus', '', { whole: true })).toThrow('is not a whole number');
    expect(() => numberFlag('--n', 'NaN')).toThrow('--n: "NaN" is not a number');
    expect(() => numberFlag('--n', 'Infinity')).toThrow('is not a number');
    expect(() => numberFlag('--budget', '0', { above: 0 })).toThrow('--budget: 0 is out of range; use a number above 0');
    expect(() => numberFlag('--port', '70000', { min: 0, max: 65535, whole: true })).toThrow('use a whole number from 0 to 65535');
    expect(() => numberFlag('--limit', '0', { min: 1, whole: true })).toThrow('use a whole number of at least 1');
    expect(() => numberFlag('--latency', 'soon', { above: 0, what: 'milliseconds, e.g. 100' })).toThrow('--latency: "soon" is not milliseconds, e.g. 100');
  });
  it('shortens a huge value in the message', () => {
    const long = 'x'.repeat(100_000);
    try {
      numberFlag('--n', long);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(300);
    }
  });
});
