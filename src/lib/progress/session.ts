import type { CourseOutline } from '$lib/machines/outline';
import {
	itemKey,
	lessonView,
	stepStatus,
	type LessonRecords,
	type QuizRecord
} from '$lib/machines/rules';
import type { Engine, QuizSetup } from './engine';
import { countKept, emptyEnvelope, type Envelope } from './envelope';
import { mergeEnvelopes } from './merge';
import { decode, type Problem } from './migrate';
import type { QuizAnswers } from './port';
import { reconcile } from './reconcile';
import type { ProgressStorage } from './storage';

// One learner's progress: loads, repairs and migrates what is stored, merges other tabs' work,
// and writes back debounced. The machines (engine.ts) load on the first event; until then the
// stored records are shown as they are. Framework-free; progress.svelte.ts makes it reactive.

export type { QuizSetup } from './engine';

export interface Notice {
	kind: Problem | 'unavailable' | 'full';
	/** What was salvaged from damaged data. */
	kept?: ReturnType<typeof countKept>;
}

export interface SessionView {
	lessons: LessonRecords;
	reflections: Envelope['reflections'];
	answers: Envelope['answers'];
	seed: string;
	notice: Notice | null;
}

type StepEvent =
	| { type: 'step.goto'; stepId: string }
	| { type: 'step.complete'; stepId: string }
	| { type: 'video.watched'; stepId: string };

type EngineModule = typeof import('./engine');

export interface SessionOptions {
	/** Debounce for writes, in ms. */
	delay?: number;
	now?: () => number;
	loadEngine?: () => Promise<EngineModule>;
	/** A new learner's seed, when one is already on screen; stored progress keeps its own. */
	seed?: string;
}

export class ProgressSession {
	readonly outline: CourseOutline;
	#storage: ProgressStorage | null;
	#progress: LessonRecords = {};
	#items: Pick<Envelope, 'reflections' | 'answers' | 'seed'>;
	#notice: Notice | null = null;
	#listeners = new Set<(view: SessionView) => void>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#dirty = false;
	#stopWatching: (() => void) | undefined;
	#engine: Engine | undefined;
	#engineLoading: Promise<void> | undefined;
	#queue: Array<(engine: Engine) => void> = [];
	#options: Required<Omit<SessionOptions, 'seed'>>;

	constructor(
		outline: CourseOutline,
		storage: ProgressStorage | null,
		options: SessionOptions = {}
	) {
		this.outline = outline;
		this.#storage = storage;
		this.#options = {
			delay: options.delay ?? 400,
			now: options.now ?? Date.now,
			loadEngine: options.loadEngine ?? (() => import('./engine'))
		};
		const { reflections, answers, seed } = emptyEnvelope(outline.version, options.seed);
		this.#items = { reflections, answers, seed };
		if (!storage) this.#notice = { kind: 'unavailable' };
	}

	get view(): SessionView {
		return {
			lessons: this.#progress,
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
		// The stored seed wins: it must stay the same for the learner. With nothing stored, the seed
		// this session started with stays (it may already have ordered a quiz on screen).
		if (raw !== null) this.#items.seed = envelope.seed;
		this.#absorb(reconcile(envelope, this.outline));
		if (problem || envelope.course !== this.outline.version) this.#markDirty();
		this.#stopWatching = storage.watch?.((value) => this.#receive(value));
	}

	/** Loads the machines; events sent before then wait for them, in order. */
	startEngine(): Promise<void> {
		this.#engineLoading ??= this.#options.loadEngine().then(({ startEngine }) => {
			this.#engine = startEngine(this.outline, this.#progress, (lessons) => {
				this.#progress = lessons;
				this.#emit();
			});
			for (const run of this.#queue.splice(0)) run(this.#engine);
		});
		return this.#engineLoading;
	}

	/** Step, video and navigation events for a lesson. */
	send(slug: string, event: StepEvent): void {
		const time = this.#options.now();
		this.#withEngine((engine) => {
			const before = this.#progress[slug];
			engine.send({ ...event, slug, time });
			if (this.#progress[slug] !== before) this.#markDirty();
		});
	}

	isStepOpen(slug: string, stepId: string): boolean {
		const view = lessonView(this.outline, { lessons: this.#progress, answers: {} }, slug);
		return !!view && stepStatus(view, stepId) !== 'locked';
	}

	submitQuiz(slug: string, stepId: string, quiz: QuizSetup, answers: QuizAnswers): void {
		const time = this.#options.now();
		this.#withEngine((engine) => {
			if (!this.isStepOpen(slug, stepId)) return;
			const key = itemKey(slug, stepId);
			const event = { type: 'quiz.submit' as const, answers, at: time };
			const stored = engine.runQuiz(quiz, this.#items.answers[key], event);
			if (!stored) return;
			this.#setQuiz(key, stored);
			engine.send({ type: 'quiz.scored', slug, stepId, score: stored.score, time });
		});
	}

	retryQuiz(slug: string, stepId: string, quiz: QuizSetup): void {
		const time = this.#options.now();
		this.#withEngine((engine) => {
			const key = itemKey(slug, stepId);
			const stored = engine.runQuiz(quiz, this.#items.answers[key], {
				type: 'quiz.retry',
				at: time
			});
			if (stored) this.#setQuiz(key, stored);
		});
	}

	/** The words are kept at once; the step counts as done once they reach the minimum. */
	saveReflection(slug: string, stepId: string, text: string): void {
		const key = itemKey(slug, stepId);
		if (this.#items.reflections[key]?.text === text) return;
		const time = this.#options.now();
		this.#items = {
			...this.#items,
			reflections: { ...this.#items.reflections, [key]: { text, t: time } }
		};
		this.#markDirty();
		this.#emit();
		this.#withEngine((engine) =>
			engine.send({ type: 'reflection.save', slug, stepId, text, time })
		);
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
			progress: this.#progress,
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
		this.#engine?.stop();
		this.#engine = undefined;
		this.#engineLoading = undefined;
		this.#queue = [];
		this.#progress = {};
		this.#emit();
	}

	stop(): void {
		clearTimeout(this.#timer);
		this.#stopWatching?.();
		this.#engine?.stop();
	}

	#withEngine(run: (engine: Engine) => void): void {
		if (this.#engine) return run(this.#engine);
		this.#queue.push(run);
		void this.startEngine();
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
		if (this.#engine) this.#engine.merge(merged.progress);
		else this.#progress = merged.progress;
		this.#emit();
	}

	#setQuiz(key: string, quiz: QuizRecord): void {
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
		this.#timer = setTimeout(() => void this.flush(), this.#options.delay);
	}

	#emit(): void {
		const view = this.view;
		for (const listener of this.#listeners) listener(view);
	}
}
