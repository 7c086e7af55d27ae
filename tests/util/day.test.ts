import { describe, expect, it } from 'vitest';
import { isoDay, parseDay } from '../../src/util/day.js';

describe('isoDay', () => {
  it('gives the UTC day of each date, asked in any order and again', () => {
    const days = ['2026-11-26T23:59:59Z', '2026-11-27T00:00:00Z', '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z'];
    expect(days.map((d) => isoDay(new Date(d)))).toEqual(['2026-11-26', '2026-11-27', '2026-11-26', '2026-11-27']);
    const clock = new Date('2027-04-08T12:00:00Z');
    expect(isoDay(clock)).toBe('2027-04-08');
    clock.setUTCDate(9);
    expect(isoDay(clock)).toBe('2027-04-09');
  });

  it('throws for an invalid date, however often it is asked', () => {
    expect(() => isoDay(new Date('not a date'))).toThrow(RangeError);
    expect(() => isoDay(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('parseDay', () => {
  it('reads YYYY-MM-DD days and rejects days that do not exist', () => {
    expect(parseDay('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('26-02-28')).toBeNull();
  });
});
