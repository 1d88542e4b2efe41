import { describe, expect, it } from 'vitest';
import { course, lessons } from '$lib/content/lessons.server';
import { correctOptionIds } from '$lib/machines/assessment';
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
	it('round-trips the envelope and the omitted keys', async () => {
		const text = await encodeSuspend({ envelope: full, omitted: ['x/y'] });
		expect(text).toMatch(/^B[A-Za-z0-9+/=]+$/);
		const back = await decodeSuspend(text);
		expect(back?.omitted).toEqual(['x/y']);
		expect(JSON.parse(back!.json)).toEqual(full);
	});

	it('refuses text that is not ours or is damaged, without throwing', async () => {
		expect(await decodeSuspend('{"progress":{}}')).toBeNull();
		expect(await decodeSuspend('B' + 'Zm9v')).toBeNull();
		expect(await decodeSuspend('J[1]')).toBeNull();
		expect(await decodeSuspend('')).toBeNull();
	});

	it('stores plain JSON where the browser has no CompressionStream, and reads it back', async () => {
		const native = globalThis.CompressionStream;
		try {
			// @ts-expect-error: a browser without the Compression Streams API
			delete globalThis.CompressionStream;
			const text = await encodeSuspend({ envelope: full, omitted: [] });
			expect(text.startsWith('J{')).toBe(true);
			expect(JSON.parse((await decodeSuspend(text))!.json)).toEqual(full);
		} finally {
			globalThis.CompressionStream = native;
		}
	});

	it('fits SCORM 1.2’s 4,096 characters with the whole course done and 150-word reflections', async () => {
		const words = Object.values(full.reflections).map((r) => r.text.split(' ').length);
		expect(words.every((n) => n === 150)).toBe(true);
		expect(Object.keys(full.reflections)).toHaveLength(order.length);
		const { text, omitted } = await fitSuspend(full, 4096, order);
		expect(text.length).toBeLessThanOrEqual(4096);
		const back = JSON.parse((await decodeSuspend(text))!.json);
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

	it('keeps everything when it fits (SCORM 2004: 64,000)', async () => {
		const { text, omitted } = await fitSuspend(full, 64_000, order);
		expect(omitted).toEqual([]);
		expect(JSON.parse((await decodeSuspend(text))!.json).reflections).toEqual(full.reflections);
	});

	it('keeps listing reflections another device left out until their words arrive', async () => {
		const without = { ...full, reflections: {} };
		expect((await fitSuspend(without, 4096, order, [order[3]])).omitted).toEqual([order[3]]);
		expect((await fitSuspend(full, 64_000, order, [order[3]])).omitted).toEqual([]);
	});
});
