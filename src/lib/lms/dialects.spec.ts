import { describe, expect, it } from 'vitest';
import { duration2004, scorm12, scorm2004, timespan12 } from './dialects';

describe('SCORM session formats', () => {
	it('writes 1.2 timespans and 2004 ISO 8601 durations', () => {
		expect(timespan12(3_723_450)).toBe('0001:02:03.45');
		expect(duration2004(3_723_450)).toBe('PT1H2M3.45S');
		expect(duration2004(61_000)).toBe('PT1M1S');
		expect(duration2004(0)).toBe('PT0S');
		expect(scorm12.sessionTime(61_000)).toEqual(['cmi.core.session_time', '0000:01:01.00']);
		expect(scorm2004.sessionTime(61_000)).toEqual(['cmi.session_time', 'PT1M1S']);
	});

	it('makes a first attempt incomplete, and leaves a later one as the LMS holds it', () => {
		const holding = (value: string) => () => value;
		expect(scorm12.start(holding('not attempted'))).toEqual([
			['cmi.core.lesson_status', 'incomplete']
		]);
		expect(scorm12.start(holding('passed'))).toEqual([]);
		expect(scorm2004.start(holding('unknown'))).toEqual([['cmi.completion_status', 'incomplete']]);
		expect(scorm2004.start(holding('completed'))).toEqual([]);
	});
});
