import { describe, expect, it } from 'vitest';
import { formatClock, timerMs, toggleTimer, type TimerState } from './channel';

describe('the presenter timer', () => {
	it('counts only while running, and pauses and resumes', () => {
		let timer: TimerState = { elapsed: 0, runningSince: 1000 };
		expect(timerMs(timer, 61_000)).toBe(60_000);
		timer = toggleTimer(timer, 61_000);
		expect(timer).toEqual({ elapsed: 60_000, runningSince: null });
		expect(timerMs(timer, 999_999)).toBe(60_000);
		timer = toggleTimer(timer, 100_000);
		expect(timerMs(timer, 105_000)).toBe(65_000);
	});

	it('formats minutes and seconds, with hours when needed', () => {
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(65_400)).toBe('1:05');
		expect(formatClock(3_725_000)).toBe('1:02:05');
	});
});
