// A stand-alone LessonProgress kept in memory (optionally mirrored to Web Storage): used by the
// component gallery, by component tests, and as a page-local fallback where no progress provider is
// set. It has no gating: every step is open. The real, persisted machine lives elsewhere.
import type { Step } from '$lib/content/types';
import type { LessonEvent, LessonProgress, QuizRecord, ReflectionRecord, StepStatus } from './port';
import { scoreQuiz } from './score';
import { reportWriteNow } from './writes';

export interface MemoryProgressState {
	quizzes: Record<string, QuizRecord>;
	reflections: Record<string, ReflectionRecord>;
	/** Steps in 'feedback' phase; a step with a record and no entry here is 'answering'. */
	feedback: string[];
	done: string[];
}

export interface MemoryProgressOptions {
	slug: string;
	/** The lesson's steps, used to score quiz submissions. */
	steps: Step[];
	/** Course-wide pass mark in percent, used when a quiz step sets none. */
	passMark: number;
	learnerSeed?: string;
	initial?: Partial<MemoryProgressState>;
	/** Mirror the state to this storage under `storageKey`, so it survives a reload. */
	storage?: Storage;
	storageKey?: string;
	/** Injected for tests. */
	now?: () => Date;
}

export interface MemoryProgress extends LessonProgress {
	/** Every event sent, oldest first: lets tests and the gallery show what a component reported. */
	readonly events: LessonEvent[];
}

function readStored(storage: Storage | undefined, key: string): Partial<MemoryProgressState> {
	try {
		const raw = storage?.getItem(key);
		return raw ? (JSON.parse(raw) as Partial<MemoryProgressState>) : {};
	} catch {
		return {};
	}
}

export function createMemoryProgress(options: MemoryProgressOptions): MemoryProgress {
	const key = options.storageKey ?? `memory-progress:${options.slug}`;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- only reads the clock, never observed
	const now = options.now ?? (() => new Date());
	const start = { ...options.initial, ...readStored(options.storage, key) };
	const state: MemoryProgressState = $state({
		quizzes: start.quizzes ?? {},
		reflections: start.reflections ?? {},
		feedback: start.feedback ?? Object.keys(start.quizzes ?? {}),
		done: start.done ?? []
	});
	const events: LessonEvent[] = $state([]);

	function persist() {
		// Reported like every other write (writes.ts); the in-memory state still works for the page.
		const storage = options.storage;
		if (storage) reportWriteNow('gallery', () => storage.setItem(key, JSON.stringify(state)));
	}

	function markDone(stepId: string) {
		if (!state.done.includes(stepId)) state.done.push(stepId);
	}

	function submitQuiz(stepId: string, answers: Record<string, string[]>) {
		const step = options.steps.find((s) => s.id === stepId);
		if (step?.kind !== 'quiz') return;
		const score = scoreQuiz(step.questions, answers);
		const passed = score >= (step.passMark ?? options.passMark);
		const before = state.quizzes[stepId];
		state.quizzes[stepId] = {
			answers,
			score,
			bestScore: Math.max(score, before?.bestScore ?? 0),
			passed,
			everPassed: passed || (before?.everPassed ?? false),
			attempts: (before?.attempts ?? 0) + 1,
			submittedAt: now().toISOString()
		};
		if (!state.feedback.includes(stepId)) state.feedback.push(stepId);
		if (passed) markDone(stepId);
	}

	return {
		slug: options.slug,
		learnerSeed: options.learnerSeed ?? 'memory-learner',
		revisiting: false,
		get events() {
			return events;
		},
		status(stepId: string): StepStatus {
			return state.done.includes(stepId) ? 'done' : 'open';
		},
		lockReason: () => undefined,
		quiz: (stepId) => state.quizzes[stepId],
		quizPhase: (stepId) => (state.feedback.includes(stepId) ? 'feedback' : 'answering'),
		reflection: (stepId) => state.reflections[stepId],
		send(event) {
			events.push(event);
			switch (event.type) {
				case 'quiz.submit':
					submitQuiz(event.stepId, event.answers);
					break;
				case 'quiz.retry':
					state.feedback = state.feedback.filter((id) => id !== event.stepId);
					break;
				case 'reflection.save':
					state.reflections[event.stepId] = { text: event.text, savedAt: now().toISOString() };
					break;
				case 'video.watched':
				case 'step.complete':
					markDone(event.stepId);
					break;
			}
			persist();
		}
	};
}
