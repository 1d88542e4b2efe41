import { describe, expect, it } from 'vitest';
import { course, lessons } from '$lib/content/lessons.server';
import { correctOptionIds } from '$lib/machines/rules';
import { fullCourse } from './fixtures/full-course';
import { decodeSuspend, encodeSuspend, fitSuspend } from './suspend';

const sources = Object.values(
	import.meta.glob<string>('/lessons/*/index.md', { eager: true, query: '?raw', import: 'default' })
);
const order = lessons.flatMap((l) =>
	l.steps.filter((s) => s.kind === 'reflect').map((s) => `${l.slug}/${s.id}`)
);
const full = fullCourse(lessons, correctOptionIds, sources, { version: course.version });

describe('suspend_data', () => {
	it('round-trips the envelope and the omitted keys', () => {
		const text = encodeSuspend({ envelope: full, omitted: ['x/y'] });
		expect(text).toMatch(/^A[A-Za-z0-9+/=]+$/);
		const back = decodeSuspend(text);
		expect(back?.omitted).toEqual(['x/y']);
		expect(JSON.parse(back!.json)).toEqual(full);
	});

	it('refuses text that is not ours or is damaged, without throwing', () => {
		expect(decodeSuspend('{"progress":{}}')).toBeNull();
		expect(decodeSuspend('A' + 'Zm9v')).toBeNull();
		expect(decodeSuspend('')).toBeNull();
	});

	it('fits SCORM 1.2’s 4,096 characters with the whole course done and 150-word reflections', () => {
		const words = Object.values(full.reflections).map((r) => r.text.split(' ').length);
		expect(words.every((n) => n === 150)).toBe(true);
		expect(Object.keys(full.reflections)).toHaveLength(order.length);
		const { text, omitted } = fitSuspend(full, 4096, order);
		expect(text.length).toBeLessThanOrEqual(4096);
		const back = JSON.parse(decodeSuspend(text)!.json);
		// Every lesson, every quiz and every step done survive; only reflection words may not.
		expect(back.progress).toEqual(full.progress);
		expect(back.answers).toEqual(full.answers);
		const kept = Object.keys(back.reflections);
		expect([...kept, ...omitted].sort()).toEqual([...order].sort());
		// The earliest reflections are the ones kept in the LMS.
		expect(kept).toEqual(order.slice(0, kept.length));
		console.info(
			`suspend_data: ${text.length} chars, ${kept.length} of ${order.length} reflections inside`
		);
	});

	it('keeps everything when it fits (SCORM 2004: 64,000)', () => {
		const { text, omitted } = fitSuspend(full, 64_000, order);
		expect(omitted).toEqual([]);
		expect(JSON.parse(decodeSuspend(text)!.json).reflections).toEqual(full.reflections);
	});

	it('keeps listing reflections another device left out until their words arrive', () => {
		const without = { ...full, reflections: {} };
		expect(fitSuspend(without, 4096, order, [order[3]]).omitted).toEqual([order[3]]);
		expect(fitSuspend(full, 64_000, order, [order[3]]).omitted).toEqual([]);
	});
});
