import { describe, expect, test } from 'vitest';
import { testOutline } from '$lib/machines/fixtures';
import type { CourseOutline } from '$lib/machines/outline';
import { emptyEnvelope, schemaVersion, type Envelope } from './envelope';
import { mergeEnvelopes } from './merge';
import { decode, migrations } from './migrate';
import { orphanReflections } from './orphans';
import { reconcile } from './reconcile';
import { ProgressSession } from './session';
import { backupKey } from './backups';
import { memoryStorage } from './storage';

const outline = testOutline(['one', 'two']);

function envelope(overrides: Partial<Envelope> = {}): Envelope {
	return { ...emptyEnvelope('v1', 'seed1234'), ...overrides };
}

const record = (done: string[], complete = false, t = 1) => ({
	done,
	at: done.at(-1) ?? 'read',
	complete,
	t
});

describe('migrations', () => {
	test('schema 1 (reflections and quiz results inside the snapshot) moves them out, with a time', () => {
		const v1 = {
			version: 1,
			course: 'v0',
			seed: 'abc',
			savedAt: 500,
			snapshot: {
				value: 'learning',
				context: {
					lessons: {
						one: {
							done: ['read', 'watch', 'check'],
							at: 'reflect',
							complete: false,
							reflections: { reflect: 'words from before' },
							quizzes: {
								check: { answers: { q1: ['true'] }, best: 50, attempts: 2, passed: false }
							}
						}
					}
				}
			}
		};
		const { envelope: migrated, problem } = decode(JSON.stringify(v1), 'v1');
		expect(problem).toBeUndefined();
		expect(migrated.schema).toBe(schemaVersion);
		expect(migrated.progress.one).toEqual({
			done: ['read', 'watch', 'check'],
			at: 'reflect',
			complete: false,
			t: 500
		});
		expect(migrated.reflections['one/reflect']).toEqual({ text: 'words from before', t: 500 });
		expect(migrated.answers['one/check']).toMatchObject({
			best: 50,
			attempts: 2,
			everPassed: false
		});
	});

	test('there is a migration for every schema before the current one', () => {
		for (let schema = 1; schema < schemaVersion; schema++)
			expect(migrations[schema], `migration from ${schema}`).toBeTypeOf('function');
	});
});

describe('corrupt or foreign data', () => {
	async function loadFrom(raw: string) {
		const storage = memoryStorage(raw);
		const session = new ProgressSession(outline, storage, { delay: 1 });
		await session.load();
		await session.startEngine();
		return { session, storage };
	}

	test('a damaged value no copy can be kept of is left in place, offered, and never overwritten', async () => {
		const raw = '{"schema":2,"reflections":{"one/reflect":{"text":"my only copy of these words';
		const storage = memoryStorage(raw);
		storage.failBackup = true;
		const session = new ProgressSession(outline, storage, { delay: 1 });
		await session.load();
		await session.startEngine();
		expect(storage.backups).toEqual([]);
		expect(session.view.notice).toMatchObject({
			kind: 'unreadable',
			backup: 'noRoom',
			original: raw
		});
		session.saveReflection('one', 'reflect', 'new words');
		expect(await session.flush()).toEqual({ ok: false, failure: 'held' });
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(storage.value).toBe(raw);
		expect(storage.writes).toBe(0);
		expect(session.view.saving).toEqual({ failure: 'held', pending: ['one/reflect'] });

		// The learner downloaded it and lets the course save: only now is it replaced.
		expect(await session.releaseOriginal()).toEqual({ ok: true });
		expect(JSON.parse(storage.value!).reflections['one/reflect'].text).toBe('new words');
		expect(session.view.notice).toBeNull();
		expect(session.view.saving).toEqual({ failure: null, pending: [] });
	});

	test('a held damaged value replaced by another tab is no longer held', async () => {
		const raw = '{"broken';
		const storage = memoryStorage(raw);
		storage.failBackup = true;
		const session = new ProgressSession(outline, storage, { delay: 1 });
		await session.load();
		storage.changeElsewhere(JSON.stringify(envelope({})));
		session.keepReflection('one', 'reflect', 'after the other tab');
		expect(await session.flush()).toEqual({ ok: true });
	});

	test('invalid JSON: the raw value is backed up, the learner starts afresh and is told', async () => {
		const { session, storage } = await loadFrom('{"schema":2,"progress":');
		expect(storage.backups).toEqual(['{"schema":2,"progress":']);
		expect(session.view.notice).toMatchObject({ kind: 'unreadable', backup: 'kept' });
		expect(session.view.notice?.original).toBeUndefined();
		expect(session.view.lessons).toEqual({});
	});

	test('wrong shape: valid parts are salvaged, the rest backed up', async () => {
		const raw = JSON.stringify({
			schema: 2,
			course: 'v1',
			seed: 's',
			progress: { one: record(['read']), two: 'nonsense' },
			reflections: { 'one/reflect': { text: 'kept words', t: 3 }, 'one/x': { text: 7 } },
			answers: []
		});
		const { session, storage } = await loadFrom(raw);
		expect(storage.backups).toEqual([raw]);
		expect(session.view.notice).toMatchObject({
			kind: 'wrongShape',
			kept: { lessons: 1, reflections: 1, answers: 0 }
		});
		expect(session.view.lessons.one.done).toEqual(['read']);
		expect(session.view.reflections['one/reflect'].text).toBe('kept words');
	});

	test('not an object at all', async () => {
		for (const raw of ['42', '"text"', '[1,2]', 'null']) {
			const { session, storage } = await loadFrom(raw);
			expect(storage.backups).toEqual([raw]);
			expect(session.view.notice?.kind).toBe('wrongShape');
		}
	});

	test('a future schema version: backed up, what still fits is salvaged', async () => {
		const raw = JSON.stringify({
			...envelope({ reflections: { 'one/reflect': { text: 'from the future', t: 9 } } }),
			schema: schemaVersion + 1
		});
		const { session, storage } = await loadFrom(raw);
		expect(storage.backups).toEqual([raw]);
		expect(session.view.notice?.kind).toBe('futureVersion');
		expect(session.view.reflections['one/reflect'].text).toBe('from the future');
	});

	test('nothing throws, and the repaired progress is written back', async () => {
		const { session, storage } = await loadFrom('\u0000garbage');
		await session.flush();
		expect(decode(storage.value, 'v1').problem).toBeUndefined();
		expect(backupKey).toMatch(/:backup$/);
	});
});

describe('course updates', () => {
	const stored = envelope({
		progress: {
			one: record(['read', 'watch', 'check', 'reflect'], true),
			two: record(['read', 'old-step']),
			gone: record(['read'])
		},
		reflections: {
			'one/reflect': { text: 'kept', t: 1 },
			'gone/reflect': { text: 'from a removed lesson', t: 1 }
		},
		answers: {
			'one/check': {
				answers: { q1: ['true'], removed: ['a'] },
				score: 100,
				best: 100,
				attempts: 1,
				passed: true,
				everPassed: true,
				phase: 'feedback',
				t: 1
			}
		}
	});

	test('reordered and added lessons keep progress by slug', () => {
		const updated: CourseOutline = { ...testOutline(['new', 'two', 'one']), version: 'v2' };
		const result = reconcile(stored, updated);
		expect(result.course).toBe('v2');
		expect(result.progress.one.complete).toBe(true);
		expect(result.progress.two.done).toEqual(['read']); // the removed step id is dropped
		expect(result.progress.new).toBeUndefined();
	});

	test('a removed lesson loses its progress but keeps its reflection, which stays visible', () => {
		const result = reconcile(stored, testOutline(['one', 'two']));
		expect(result.progress.gone).toBeUndefined();
		expect(result.reflections['gone/reflect'].text).toBe('from a removed lesson');
		expect(orphanReflections(result, testOutline(['one', 'two']))).toEqual([
			{ key: 'gone/reflect', text: 'from a removed lesson', t: 1 }
		]);
	});

	test('a renamed lesson is a new slug: its progress is recomputed, its reflection kept', () => {
		const renamed = testOutline(['one', 'two-renamed']);
		const result = reconcile(
			envelope({ ...stored, reflections: { 'two/reflect': { text: 'mine', t: 1 } } }),
			renamed
		);
		expect(result.progress['two-renamed']).toBeUndefined();
		expect(orphanReflections(result, renamed).map((r) => r.key)).toEqual(['two/reflect']);
	});

	test('steps changed: completion stays, answers to removed questions go, the rest is recomputed', () => {
		const changed = testOutline(['one', 'two']);
		changed.lessons[0].steps.push({
			id: 'extra',
			kind: 'quiz',
			title: 'New quiz',
			passMark: 75,
			questions: ['new']
		});
		changed.lessons[1].steps = changed.lessons[1].steps.filter((s) => s.kind !== 'quiz');
		const result = reconcile(stored, changed);
		expect(result.progress.one.complete).toBe(true);
		expect(result.answers['one/check'].answers).toEqual({ q1: ['true'] });
		// Lesson two had no quiz left: now read + reflect gate it, and it is not complete yet.
		expect(result.progress.two.complete).toBe(false);
	});

	test('a stored position on a removed step moves to the first step still to do', () => {
		const result = reconcile(
			envelope({ progress: { two: { done: ['read'], at: 'old-step', complete: false, t: 1 } } }),
			outline
		);
		expect(result.progress.two.at).toBe('watch');
	});
});

describe('the merge rule', () => {
	test('per item, the newest wins; progress adds up; best score and pass never go down', () => {
		const quiz = (best: number, everPassed: boolean, t: number) => ({
			answers: {},
			score: best,
			best,
			attempts: 1,
			passed: everPassed,
			everPassed,
			phase: 'feedback' as const,
			t
		});
		const a = envelope({
			progress: { one: record(['read'], false, 5) },
			reflections: {
				'one/reflect': { text: 'newer', t: 20 },
				'two/reflect': { text: 'old', t: 1 }
			},
			answers: { 'one/check': quiz(100, true, 1) }
		});
		const b = envelope({
			progress: { one: record(['watch'], true, 2) },
			reflections: {
				'one/reflect': { text: 'older', t: 10 },
				'two/reflect': { text: 'new', t: 2 }
			},
			answers: { 'one/check': quiz(0, false, 9) }
		});
		for (const merged of [mergeEnvelopes(a, b), mergeEnvelopes(b, a)]) {
			expect(merged.reflections['one/reflect'].text).toBe('newer');
			expect(merged.reflections['two/reflect'].text).toBe('new');
			expect(merged.progress.one.done.sort()).toEqual(['read', 'watch']);
			expect(merged.progress.one.complete).toBe(true);
			expect(merged.answers['one/check']).toMatchObject({ score: 0, best: 100, everPassed: true });
		}
	});
});
