import { createActor, transition, type Actor } from 'xstate';
import type { Question } from '$lib/content/types';
import { courseMachine, type LessonRecords } from '$lib/machines/courseMachine';
import type { CourseOutline } from '$lib/machines/outline';
import { quizMachine } from '$lib/machines/quizMachine';
import { countKept, emptyEnvelope, itemKey, type Envelope, type StoredQuiz } from './envelope';
import { mergeEnvelopes } from './merge';
import { decode, type Problem } from './migrate';
import type { QuizAnswers } from './port';
import { reconcile } from './reconcile';
import { lessonStanding, stepStatus } from './status';
import type { ProgressStorage } from './storage';

// Runs the course machine for one learner and keeps its progress: loads, repairs and migrates
// what is stored, merges other tabs' work, and writes back debounced. Framework-free; the Svelte
// wrapper (progress.svelte.ts) turns its view into reactive state.

export interface Notice {
	kind: Problem | 'unavailable' | 'full';
	/** What was salvaged from damaged data. */
	kept?: ReturnType<typeof countKept>;
}

export interface SessionView {
	lessons: LessonRecords;
	finished: boolean;
	reflections: Envelope['reflections'];
	answers: Envelope['answers'];
	seed: string;
	notice: Notice | null;
}

type StepEvent =
	| { type: 'step.goto'; stepId: string }
	| { type: 'step.complete'; stepId: string }
	| { type: 'video.watched'; stepId: string };

export class ProgressSession {
	readonly outline: CourseOutline;
	#storage: ProgressStorage | null;
	#actor: Actor<typeof courseMachine>;
	#items: Pick<Envelope, 'reflections' | 'answers' | 'seed'>;
	#notice: Notice | null = null;
	#listeners = new Set<(view: SessionView) => void>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#dirty = false;
	#stopWatching: (() => void) | undefined;
	#delay: number;
	#now: () => number;

	constructor(
		outline: CourseOutline,
		storage: ProgressStorage | null,
		options: { delay?: number; now?: () => number } = {}
	) {
		this.outline = outline;
		this.#storage = storage;
		this.#delay = options.delay ?? 400;
		this.#now = options.now ?? Date.now;
		const { reflections, answers, seed } = emptyEnvelope(outline.version);
		this.#items = { reflections, answers, seed };
		if (!storage) this.#notice = { kind: 'unavailable' };
		this.#actor = this.#startActor();
	}

	#startActor(): Actor<typeof courseMachine> {
		const actor = createActor(courseMachine, { input: { outline: this.outline } });
		this.#actor = actor;
		actor.subscribe(() => this.#emit());
		return actor.start();
	}

	get view(): SessionView {
		const snapshot = this.#actor.getSnapshot();
		return {
			lessons: snapshot.context.lessons,
			finished: snapshot.value === 'finished',
			...this.#items,
			notice: this.#notice
		};
	}

	subscribe(listener: (view: SessionView) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Reads what is stored, keeps a backup of anything unusable, and starts following other tabs. */
	async load(): Promise<void> {
		const storage = this.#storage;
		if (!storage) return;
		let raw: string | null;
		try {
			raw = await storage.read();
		} catch {
			this.#setNotice({ kind: 'unavailable' });
			return;
		}
		const { envelope, problem } = decode(raw, this.outline.version);
		if (problem && raw !== null) {
			await storage.backup(raw).catch(() => undefined);
			this.#setNotice({ kind: problem, kept: countKept(envelope) });
		}
		// Seed from storage wins: it must stay stable for the learner.
		this.#items.seed = envelope.seed;
		this.#absorb(reconcile(envelope, this.outline));
		if (problem || envelope.course !== this.outline.version) this.#markDirty();
		this.#stopWatching = storage.watch?.((value) => this.#receive(value));
	}

	/** Step, video and navigation events for a lesson. */
	send(slug: string, event: StepEvent): void {
		const before = this.#actor.getSnapshot().context.lessons[slug];
		this.#actor.send({ ...event, slug, time: this.#now() });
		if (this.#actor.getSnapshot().context.lessons[slug] !== before) this.#markDirty();
	}

	isStepOpen(slug: string, stepId: string): boolean {
		const standing = lessonStanding(this.outline, this.view.lessons, slug);
		return !!standing && stepStatus(standing, stepId) !== 'locked';
	}

	submitQuiz(slug: string, stepId: string, quiz: QuizSetup, answers: QuizAnswers): void {
		if (!this.isStepOpen(slug, stepId)) return;
		const key = itemKey(slug, stepId);
		const before = quizSnapshot(quiz, this.#items.answers[key]);
		const time = this.#now();
		const [after] = transition(quizMachine, before, { type: 'quiz.submit', answers, at: time });
		if (after.context.attempts === before.context.attempts) return;
		this.#setQuiz(key, toStored(after.context, 'feedback'));
		this.#actor.send({ type: 'quiz.scored', slug, stepId, score: after.context.score, time });
	}

	retryQuiz(slug: string, stepId: string, quiz: QuizSetup): void {
		const key = itemKey(slug, stepId);
		const stored = this.#items.answers[key];
		if (!stored || stored.phase === 'answering') return;
		const [after] = transition(quizMachine, quizSnapshot(quiz, stored), { type: 'quiz.retry' });
		if (after.value === 'answering')
			this.#setQuiz(key, { ...stored, phase: 'answering', t: this.#now() });
	}

	/** The words are always kept; the step counts as done once they reach the minimum. */
	saveReflection(slug: string, stepId: string, text: string): void {
		const key = itemKey(slug, stepId);
		if (this.#items.reflections[key]?.text === text) return;
		const time = this.#now();
		this.#items = {
			...this.#items,
			reflections: { ...this.#items.reflections, [key]: { text, t: time } }
		};
		this.#markDirty();
		this.#actor.send({ type: 'reflection.save', slug, stepId, text, time });
		this.#emit();
	}

	/** Writes now: on `pagehide`, on hiding the tab, and when the debounce runs out. */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		const storage = this.#storage;
		if (!this.#dirty || !storage) return;
		this.#dirty = false;
		try {
			// Another tab may have written since we last heard: merge first, never overwrite it.
			const stored = decode(await storage.read(), this.outline.version);
			if (!stored.problem) this.#absorb(reconcile(stored.envelope, this.outline));
			await storage.write(JSON.stringify(this.envelope()));
			if (this.#notice?.kind === 'full') this.#setNotice(null);
		} catch {
			this.#setNotice({ kind: 'full' });
		}
	}

	envelope(): Envelope {
		return {
			...emptyEnvelope(this.outline.version, this.#items.seed),
			progress: this.#actor.getSnapshot().context.lessons,
			reflections: this.#items.reflections,
			answers: this.#items.answers
		};
	}

	/** Progress from elsewhere (an imported file), merged by the same rules as another tab's. */
	merge(incoming: Envelope): void {
		this.#absorb(reconcile(incoming, this.outline));
		this.#markDirty();
	}

	/**
	 * "Clear my data on this device": nothing pending is written, storage is emptied, and this
	 * session carries on as a new learner's. Other tabs see the stored value go and do the same.
	 */
	async forget(): Promise<void> {
		this.#reset();
		await this.#storage?.clear?.();
	}

	#reset(): void {
		clearTimeout(this.#timer);
		this.#dirty = false;
		const { reflections, answers, seed } = emptyEnvelope(this.outline.version);
		this.#items = { reflections, answers, seed };
		this.#notice = null;
		this.#actor.stop();
		this.#actor = this.#startActor();
		this.#emit();
	}

	stop(): void {
		clearTimeout(this.#timer);
		this.#stopWatching?.();
		this.#actor.stop();
	}

	#receive(raw: string | null): void {
		// Another tab cleared this device's data: keep nothing here either.
		if (raw === null) return this.#reset();
		const { envelope, problem } = decode(raw, this.outline.version);
		if (!problem) this.#absorb(reconcile(envelope, this.outline));
	}

	#absorb(incoming: Envelope): void {
		const merged = mergeEnvelopes(this.envelope(), incoming);
		this.#items = {
			seed: this.#items.seed,
			reflections: merged.reflections,
			answers: merged.answers
		};
		this.#actor.send({ type: 'progress.merge', lessons: merged.progress });
		this.#emit();
	}

	#setQuiz(key: string, quiz: StoredQuiz): void {
		this.#items = { ...this.#items, answers: { ...this.#items.answers, [key]: quiz } };
		this.#markDirty();
		this.#emit();
	}

	#setNotice(notice: Notice | null): void {
		// A problem with the stored data stays on screen; storage trouble replaces it.
		if (notice === null || !this.#notice || notice.kind === 'unavailable' || notice.kind === 'full')
			this.#notice = notice;
		this.#emit();
	}

	#markDirty(): void {
		this.#dirty = true;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#delay);
	}

	#emit(): void {
		const view = this.view;
		for (const listener of this.#listeners) listener(view);
	}
}

/** What the quiz machine needs that only the lesson page has: the questions and the pass mark. */
export interface QuizSetup {
	questions: Question[];
	passMark: number;
}

function quizSnapshot(quiz: QuizSetup, stored: StoredQuiz | undefined) {
	return quizMachine.resolveState({
		value:
			stored?.phase === 'feedback'
				? { feedback: stored.passed ? 'passed' : 'failed' }
				: 'answering',
		context: {
			...quiz,
			answers: stored?.answers ?? {},
			score: stored?.score ?? 0,
			bestScore: stored?.best ?? 0,
			passed: stored?.passed ?? false,
			everPassed: stored?.everPassed ?? false,
			attempts: stored?.attempts ?? 0,
			submittedAt: stored?.t ?? 0
		}
	});
}

function toStored(
	context: ReturnType<typeof quizSnapshot>['context'],
	phase: StoredQuiz['phase']
): StoredQuiz {
	return {
		answers: context.answers,
		score: context.score,
		best: context.bestScore,
		attempts: context.attempts,
		passed: context.passed,
		everPassed: context.everPassed,
		phase,
		t: context.submittedAt
	};
}
