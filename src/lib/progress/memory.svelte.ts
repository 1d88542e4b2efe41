// A stand-alone LessonProgress kept in memory (optionally mirrored to Web Storage): used by the
// component gallery, by component tests and by the presenter. It has no gating (every step is
// open), but it scores, completes and counts words by the same rules as the real progress
// (machines/rules.ts), so what the gallery and the presenter show cannot drift from them.
import type { Step } from '$lib/content/types';
import { attemptQuestions, drawSeed } from '$lib/quiz/draw';
import {
	isPlainStep,
	type QuizAnswers,
	type QuizRecord,
	type ReflectionRecord
} from '$lib/machines/rules';
import { countWords, hasAnswers, newQuizRecord, scoreAttempt } from '$lib/machines/assessment';
import { isQuizRecord, isReflectionRecord } from './envelope';
import type { LessonEvent, LessonProgress, ReflectionView, StepStatus } from './port';
import { isRecord } from './timed';
import { writeItem, type SaveFailure } from './writes';

export interface MemoryProgressState {
	quizzes: Record<string, QuizRecord>;
	reflections: Record<string, ReflectionRecord>;
	done: string[];
}

export interface MemoryProgressOptions {
	slug: string;
	/** The lesson's steps: their pass marks, word minimums and kinds. */
	steps: Step[];
	learnerSeed?: string;
	initial?: Partial<MemoryProgressState>;
	/** Mirror the state to this storage under `storageKey`, so it survives a reload. */
	storage?: Storage;
	storageKey?: string;
	/** Injected for tests: ms since 1970. */
	now?: () => number;
}

export interface MemoryProgress extends LessonProgress {
	/** Every event sent, oldest first: lets tests and the gallery show what a component reported. */
	readonly events: LessonEvent[];
}

/** What was mirrored before; entries of another shape (an older build's) are left out. */
function readStored(storage: Storage | undefined, key: string): Partial<MemoryProgressState> {
	try {
		const raw = storage?.getItem(key);
		const data: unknown = raw ? JSON.parse(raw) : undefined;
		if (!isRecord(data)) return {};
		const keep = <T>(value: unknown, check: (v: unknown) => v is T): Record<string, T> =>
			Object.fromEntries(
				Object.entries(isRecord(value) ? value : {}).filter((entry): entry is [string, T] =>
					check(entry[1])
				)
			);
		return {
			quizzes: keep(data.quizzes, isQuizRecord),
			reflections: keep(data.reflections, isReflectionRecord),
			done: Array.isArray(data.done) ? data.done.filter((id) => typeof id === 'string') : []
		};
	} catch {
		return {};
	}
}

export function createMemoryProgress(options: MemoryProgressOptions): MemoryProgress {
	const key = options.storageKey ?? `memory-progress:${options.slug}`;
	const now = options.now ?? Date.now;
	const start = { ...options.initial, ...readStored(options.storage, key) };
	const state: MemoryProgressState = $state({
		quizzes: start.quizzes ?? {},
		reflections: start.reflections ?? {},
		done: start.done ?? []
	});
	const events: LessonEvent[] = $state([]);
	const learnerSeed = options.learnerSeed ?? 'memory-learner';
	const stepOf = (stepId: string) => options.steps.find((s) => s.id === stepId);

	/** Reflections changed since the last successful mirror write, with why it failed. */
	let unsaved: Record<string, SaveFailure> = $state({});

	function persist(changed?: string) {
		// Reported like every other write (writes.ts); the in-memory state still works for the page.
		const storage = options.storage;
		if (!storage) return;
		const result = writeItem('gallery', storage, key, JSON.stringify(state));
		if (result.ok) unsaved = {};
		else {
			const next: Record<string, SaveFailure> = {};
			for (const id of [...Object.keys(unsaved), ...(changed ? [changed] : [])])
				next[id] = result.failure;
			unsaved = next;
		}
	}

	function markDone(stepId: string) {
		if (!state.done.includes(stepId)) state.done.push(stepId);
	}

	function submitQuiz(stepId: string, answers: QuizAnswers) {
		const step = stepOf(stepId);
		if (step?.kind !== 'quiz' || !hasAnswers(answers)) return;
		const before = state.quizzes[stepId] ?? newQuizRecord();
		// Scored over the items this attempt drew: the ones Quiz.svelte shows.
		const seed = drawSeed(learnerSeed, options.slug, stepId);
		const questions = attemptQuestions(step, seed, before, 'answering');
		const record = scoreAttempt(before, { questions, passMark: step.passMark }, answers, now());
		state.quizzes[stepId] = record;
		if (record.passed) markDone(stepId);
	}

	function saveReflection(stepId: string, text: string) {
		state.reflections[stepId] = { text, t: now() };
		const step = stepOf(stepId);
		if (step?.kind === 'reflect' && countWords(text) >= step.minWords) markDone(stepId);
	}

	return {
		slug: options.slug,
		learnerSeed,
		revisiting: false,
		get events() {
			return events;
		},
		status(stepId: string): StepStatus {
			return state.done.includes(stepId) ? 'done' : 'open';
		},
		lockReason: () => undefined,
		quiz: (stepId) => (state.quizzes[stepId]?.attempts ? state.quizzes[stepId] : undefined),
		quizPhase: (stepId) => state.quizzes[stepId]?.phase ?? 'answering',
		reflection(stepId): ReflectionView | undefined {
			const record = state.reflections[stepId];
			const failure = unsaved[stepId];
			return record && failure ? { ...record, unsaved: failure } : record;
		},
		send(event) {
			events.push(event);
			switch (event.type) {
				case 'quiz.submit':
					submitQuiz(event.stepId, event.answers);
					break;
				case 'quiz.retry': {
					const record = state.quizzes[event.stepId];
					if (record?.phase === 'feedback')
						state.quizzes[event.stepId] = { ...record, phase: 'answering', t: now() };
					break;
				}
				case 'reflection.save':
					saveReflection(event.stepId, event.text);
					break;
				case 'video.watched':
				case 'step.complete': {
					const step = stepOf(event.stepId);
					if (step && isPlainStep(step)) markDone(event.stepId);
					break;
				}
			}
			persist(event.type === 'reflection.save' ? event.stepId : undefined);
		}
	};
}
