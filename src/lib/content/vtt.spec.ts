import { describe, expect, test } from 'vitest';
import { formatTime, parseTimestamp, parseVtt } from './vtt';

describe('WebVTT parsing', () => {
	test('reads cues with and without ids, hours and settings, as plain text', () => {
		const cues = parseVtt(
			[
				'WEBVTT - a title',
				'',
				'NOTE a comment that is not a cue',
				'',
				'intro',
				'00:00.000 --> 00:02.500 align:start',
				'<v Maren>Hello &amp; <i>welcome</i></v>',
				'',
				'01:00:01.000 --> 01:00:03.000',
				'Line one',
				'line two',
				''
			].join('\r\n'),
			'x.vtt'
		);
		expect(cues).toEqual([
			{ start: 0, end: 2.5, text: 'Hello & welcome' },
			{ start: 3601, end: 3603, text: 'Line one line two' }
		]);
	});

	test('rejects a file that is not WebVTT, naming it', () => {
		expect(() => parseVtt('1\n00:00:01,000 --> 00:00:02,000\nSRT', 'lessons/a.vtt')).toThrow(
			/lessons\/a\.vtt: expected a WebVTT file/
		);
	});

	test('times convert both ways', () => {
		expect(parseTimestamp('1:02.5')).toBe(62.5);
		expect(formatTime(62.5)).toBe('1:02');
		expect(formatTime(3723)).toBe('1:02:03');
	});
});
