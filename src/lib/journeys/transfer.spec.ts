import { describe, expect, it } from 'vitest';
import { emptyEnvelope, type Envelope } from '$lib/progress/envelope';
import {
	createExport,
	exportFormat,
	importErrors,
	importLimits,
	readExport,
	readImportFile
} from './transfer';
import type { JourneyData } from './record';

const course = { title: 'Coproduction of Healthcare', version: 'v1' };
const progress: Envelope = {
	...emptyEnvelope('v1', 'seed1234'),
	progress: { one: { done: ['read'], at: 'watch', complete: false, t: 10 } },
	reflections: { 'one/reflect': { text: 'My words', t: 12 } }
};
const journey: JourneyData = { v: 1, name: { text: 'Ann Lee', t: 3 }, plans: {} };

async function exported() {
	return createExport({ course, progress, journey, now: Date.UTC(2026, 10, 26) });
}

describe('progress export file', () => {
	it('round-trips: what is exported is what an import reads', async () => {
		const text = await exported();
		expect(JSON.parse(text)).toMatchObject({
			format: exportFormat,
			version: 1,
			exportedAt: '2026-11-26T00:00:00.000Z',
			course
		});
		const result = await readExport(text, course);
		expect(result).toEqual({
			ok: true,
			progress,
			journey,
			exportedAt: '2026-11-26T00:00:00.000Z'
		});
	});

	it('migrates progress saved under an older schema', async () => {
		const old = {
			version: 1,
			course: 'v1',
			seed: 'seed1234',
			savedAt: 50,
			snapshot: {
				context: {
					lessons: {
						one: { done: ['read'], at: 'watch', complete: false, reflections: { reflect: 'Hi' } }
					}
				}
			}
		};
		const text = await createExport({
			course,
			progress: old as unknown as Envelope,
			journey,
			now: 0
		});
		const result = await readExport(text, course);
		expect(result.ok && result.progress.reflections['one/reflect']).toEqual({ text: 'Hi', t: 50 });
	});

	it('refuses a file that is not JSON, not ours, or from a newer version', async () => {
		const text = await exported();
		expect(await readExport(text.slice(0, text.length / 2), course)).toEqual({
			ok: false,
			reason: importErrors.notJson
		});
		expect(await readExport('{"hello":1}', course)).toEqual({
			ok: false,
			reason: importErrors.notOurs
		});
		const newer = JSON.stringify({ ...JSON.parse(text), version: 2 });
		expect(await readExport(newer, course)).toEqual({ ok: false, reason: importErrors.newer });
	});

	it('refuses a file changed after export (checksum) or of the wrong shape', async () => {
		const file = JSON.parse(await exported());
		file.progress.reflections['one/reflect'].text = 'Edited';
		expect(await readExport(JSON.stringify(file), course)).toEqual({
			ok: false,
			reason: importErrors.damaged
		});

		// Consistent checksum, but a reflection that is not text: the shape check catches it.
		const bad = { ...progress, reflections: { 'one/reflect': { text: 5, t: 1 } } };
		const text = await createExport({
			course,
			progress: bad as unknown as Envelope,
			journey,
			now: 0
		});
		expect(await readExport(text, course)).toEqual({ ok: false, reason: importErrors.damaged });

		const badJourney = await createExport({
			course,
			progress,
			journey: { v: 1 } as unknown as JourneyData,
			now: 0
		});
		expect(await readExport(badJourney, course)).toEqual({
			ok: false,
			reason: importErrors.damaged
		});
	});

	it('refuses another course’s file', async () => {
		const text = await exported();
		expect(await readExport(text, { ...course, title: 'Another course' })).toEqual({
			ok: false,
			reason: importErrors.otherCourse(course.title)
		});
	});

	it('checks the size before reading a byte: a 50 MB file is refused, saying the limit', async () => {
		let read = false;
		const huge = {
			size: 50 * 1024 * 1024,
			text: async () => {
				read = true;
				return '';
			}
		};
		const result = await readImportFile(huge, course);
		expect(read).toBe(false);
		expect(result).toEqual({ ok: false, reason: importErrors.tooBig(huge.size) });
		expect(importErrors.tooBig(huge.size)).toBe(
			'This file is 50 MB. A progress file from this course is at most 2 MB, so it was not read and nothing was changed.'
		);
	});

	it('never throws: a file that cannot be read gives one short sentence', async () => {
		const broken = {
			size: 10,
			text: async () => {
				throw new Error('x'.repeat(1_000_000));
			}
		};
		expect(await readImportFile(broken, course)).toEqual({
			ok: false,
			reason: importErrors.failed
		});
	});

	it('keeps every message short, even quoting another course’s million-character title', async () => {
		const file = JSON.parse(await exported());
		file.course.title = `Other course <img src=x onerror=alert(1)> ${'X'.repeat(1_000_000)}`;
		const result = await readExport(JSON.stringify(file), course);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason.length).toBeLessThan(200);
		expect(!result.ok && result.reason).toMatch(/^This file holds progress for another course/);
	});

	it('refuses an export time that is not a real ISO time', async () => {
		for (const exportedAt of ['yesterday', '2026-02-31T10:00:00.000Z', '', 5]) {
			const file = JSON.parse(await exported());
			file.exportedAt = exportedAt; // outside the checksum: must be checked on its own
			expect(await readExport(JSON.stringify(file), course)).toEqual({
				ok: false,
				reason: importErrors.damaged
			});
		}
	});

	it('caps how many reflections a file may hold, and how long each may be', async () => {
		const many = { ...progress, reflections: {} as Envelope['reflections'] };
		for (let i = 0; i <= importLimits.reflections; i++)
			many.reflections[`gone/r${i}`] = { text: 'w', t: 1 };
		const tooMany = await createExport({ course, progress: many, journey, now: 0 });
		expect(await readExport(tooMany, course)).toEqual({
			ok: false,
			reason: importErrors.tooMany(importLimits.reflections + 1)
		});

		const plans: JourneyData['plans'] = {};
		for (let i = 0; i <= importLimits.plans; i++) plans[`gone-${i}`] = { text: 'p', t: 1 };
		const manyPlans = await createExport({
			course,
			progress,
			journey: { ...journey, plans },
			now: 0
		});
		expect(await readExport(manyPlans, course)).toEqual({
			ok: false,
			reason: importErrors.tooManyPlans(importLimits.plans + 1)
		});

		const long = {
			...progress,
			reflections: { 'one/reflect': { text: 'w'.repeat(importLimits.textChars + 1), t: 1 } }
		};
		const tooLong = await createExport({ course, progress: long, journey, now: 0 });
		expect(await readExport(tooLong, course)).toEqual({
			ok: false,
			reason: importErrors.tooLong()
		});
	});
});
