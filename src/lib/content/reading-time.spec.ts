import { expect, test } from 'vitest';
import { bodyWords, cpdHoursFor, lessonMinutes } from './reading-time';

const effort = { watch: 4, explore: 0, quiz: 6, reflect: 8, readings: 0 };

test('counts the prose a learner reads, not the frontmatter, tags, scripts or link targets', () => {
	const source = [
		'---',
		'title: Not counted at all here',
		'---',
		'<script>import X from "y";</script>',
		'<Step id="why-it-matters">',
		'',
		'## Two words',
		'',
		'Read [the paper](https://example.org/a-long-url) — *now*, please.',
		'<Callout kind="key">Three more words</Callout>',
		'<!-- an author note -->',
		'</Step>'
	].join('\n');
	// Two words / Read the paper now, please. / Three more words
	expect(bodyWords(source)).toBe(2 + 5 + 3);
});

test('minutes are reading at 200 words a minute plus every required activity', () => {
	expect(lessonMinutes(1000, effort)).toBe(5 + 18);
	expect(lessonMinutes(1100, effort)).toBe(24); // 5.5 + 18 rounds up
	expect(lessonMinutes(0, { watch: 0, explore: 0, quiz: 0, reflect: 0, readings: 0 })).toBe(1);
});

test('CPD hours are the sum of the lessons, to the nearest quarter hour', () => {
	expect(cpdHoursFor([30, 30, 30])).toBe(1.5);
	expect(cpdHoursFor([40, 40])).toBe(1.25); // 80 min = 1.33 h
	expect(cpdHoursFor([50, 50])).toBe(1.75); // 100 min = 1.67 h
	expect(cpdHoursFor([5])).toBe(0.25);
});
