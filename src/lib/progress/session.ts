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
import { reportWrite, type SaveFailure, type SaveResult } from './writes';

// One learner's progress: loads, repairs and migrates what is stored, merges other tabs' work,
// and writes back debounced. The machines (engine.ts) load with startEngine(); until then the
// stored records are shown as they are, and the events that need the machines must wait for it:
// CourseProgress (progress.svelte.ts) is the one place that queues them. Framework-free;
// progress.svelte.ts makes it reactive.

export type { QuizSetup } from './engine';

/** backups.ts's BackupTooLarge, told by name: this module does not load backups.ts for it. */
const isTooLarge = (error: unknown) =>
	(error as { name?: unknown } | null)?.name === 'BackupTooLarge';

export interface Notice {
	/** Damaged stored data, or storage that cannot even be read. A failing write is not a notice:
	 * writes.ts reports it to the header, and `saving` to the save indicators. */
	kind: Problem | 'unavailable';
	/** What was salvaged from damaged data. */
	kept?: ReturnType<typeof countKept>;
	/**
	 * What happened to the damaged value: copied to a backup slot, or left where it was because
	 * the copy was too large or did not fit (then `original` holds it, offered as a download).
	 */
	backup?: 'kept' | 'tooLarge' | 'noRoom';
	original?: string;
}

export type { SaveFailure } from './writes';

export interface SaveState {
	/** Set when the latest attempt to store the changes failed, or writing is held back. */
	failure: SaveFailure | null;
	/** Reflection and quiz keys changed since the last successful write. */
	pending: readonly string[];
}

export interface SessionView {
	lessons: LessonRecords;
	reflections: Envelope['reflections'];
	answers: Envelope['answers'];
	seed: string;
	notice: Notice | null;
	saving: SaveState;
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
	#pending = new Set<string>();
	#failure: SaveFailure | null = null;
	/**
	 * A damaged stored value no copy could be kept of: while it is set nothing is written, so the
	 * only copy of the learner's words is never overwritten. `releaseOriginal()` lets it go.
	 */
	#held: string | undefined;
	#listeners = new Set<(view: SessionView) => void>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#dirty = false;
	#stopWatching: (() => void) | undefined;
	#engine: Engine | undefined;
	#restart: () => Engine = () => {
		throw new Error('ProgressSession: the machines have not loaded');
	};
	#engineLoading: Promise<EngineModule> | undefined;
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
		if (!storage) {
			this.#notice = { kind: 'unavailable' };
			this.#failure = 'blocked';
		}
	}

	get view(): SessionView {
		return {
			lessons: this.#progress,
			...this.#items,
			notice: this.#notice,
			saving: { failure: this.#failure, pending: [...this.#pending] }
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
			const copied = await reportWrite('backup', () => storage.backup(raw), { oneOff: true });
			const kept = countKept(envelope);
			if (copied.ok) this.#setNotice({ kind: problem, kept, backup: 'kept' });
			else {
				// No copy: the damaged value stays the only one, so it is not written over.
				this.#held = raw;
				this.#failure = 'held';
				const backup = isTooLarge(copied.error) ? 'tooLarge' : 'noRoom';
				this.#setNotice({ kind: problem, kept, backup, original: raw });
			}
		}
		// The stored seed wins: it must stay the same for the learner. With nothing stored, the seed
		// this session started with stays (it may already have ordered a quiz on screen).
		if (raw !== null) this.#items.seed = envelope.seed;
		this.#absorb(reconcile(envelope, this.outline));
		if (problem || envelope.course !== this.outline.version) this.#markDirty();
		this.#stopWatching = storage.watch?.((value) => this.#receive(value));
	}

	/** Loads the machines, once. Step, quiz and machine events need them (see #machines). */
	async startEngine(): Promise<void> {
		// A failed load (a dropped connection) is tried again on the next event.
		this.#engineLoading ??= this.#options.loadEngine().catch((error) => {
			this.#engineLoading = undefined;
			throw error;
		});
		const engine = await this.#engineLoading;
		this.#engine ??= this.#start(engine);
	}

	get engineStarted(): boolean {
		return !!this.#engine;
	}

	#start(engine: EngineModule): Engine {
		this.#restart = () => this.#start(engine);
		return engine.startEngine(this.outline, this.#progress, (lessons) => {
			this.#progress = lessons;
			this.#emit();
		});
	}

	get #machines(): Engine {
		if (!this.#engine) throw new Error('ProgressSession: call startEngine() before sending events');
		return this.#engine;
	}

	/** Step, video and navigation events for a lesson. */
	send(slug: string, event: StepEvent): void {
		const time = this.#options.now();
		const before = this.#progress[slug];
		this.#machines.send({ ...event, slug, time });
		if (this.#progress[slug] !== before) this.#markDirty();
	}

	isStepOpen(slug: string, stepId: string): boolean {
		const view = lessonView(this.outline, { lessons: this.#progress, answers: {} }, slug);
		return !!view && stepStatus(view, stepId) !== 'locked';
	}

	submitQuiz(slug: string, stepId: string, quiz: QuizSetup, answers: QuizAnswers): void {
		const time = this.#options.now();
		const engine = this.#machines;
		if (!this.isStepOpen(slug, stepId)) return;
		const key = itemKey(slug, stepId);
		const event = { type: 'quiz.submit' as const, answers, at: time };
		const record = engine.runQuiz(quiz, this.#items.answers[key], event);
		if (!record) return;
		this.#setQuiz(key, record);
		engine.send({ type: 'quiz.scored', slug, stepId, score: record.score, time });
	}

	retryQuiz(slug: string, stepId: string, quiz: QuizSetup): void {
		const key = itemKey(slug, stepId);
		const event = { type: 'quiz.retry' as const, at: this.#options.now() };
		const record = this.#machines.runQuiz(quiz, this.#items.answers[key], event);
		if (record) this.#setQuiz(key, record);
	}

	/**
	 * Keeps the learner's words, without the machines: a reflection is saved even before (or
	 * without) xstate loading. Returns false when the text was already kept.
	 */
	keepReflection(slug: string, stepId: string, text: string): boolean {
		const key = itemKey(slug, stepId);
		if (this.#items.reflections[key]?.text === text) return false;
		const time = this.#options.now();
		this.#items = {
			...this.#items,
			reflections: { ...this.#items.reflections, [key]: { text, t: time } }
		};
		this.#pending.add(key);
		this.#markDirty();
		this.#emit();
		return true;
	}

	/** Tells the machines about kept words: the step counts as done once they reach the minimum. */
	countReflection(slug: string, stepId: string): void {
		const saved = this.#items.reflections[itemKey(slug, stepId)];
		if (!saved) return;
		const event = {
			type: 'reflection.save' as const,
			slug,
			stepId,
			text: saved.text,
			time: saved.t
		};
		this.#machines.send(event);
	}

	/** Both at once, for callers that have loaded the machines. */
	saveReflection(slug: string, stepId: string, text: string): void {
		if (this.keepReflection(slug, stepId, text)) this.countReflection(slug, stepId);
	}

	/** Writes now: on `pagehide`, on hiding the tab, and when the debounce runs out. */
	async flush(): Promise<SaveResult> {
		clearTimeout(this.#timer);
		const storage = this.#storage;
		if (!storage) return { ok: false, failure: 'blocked' };
		if (this.#held !== undefined) {
			this.#setFailure('held');
			return { ok: false, failure: 'held' };
		}
		if (!this.#dirty) return { ok: true };
		this.#dirty = false;
		const written = [...this.#pending];
		const result = await reportWrite('progress', async () => {
			// Another tab may have written since we last heard: merge first, never overwrite it.
			const stored = decode(await storage.read(), this.outline.version);
			if (!stored.problem) this.#absorb(reconcile(stored.envelope, this.outline));
			await storage.write(JSON.stringify(this.envelope()));
		});
		if (result.ok) {
			// Changes made while the write was under way are still to be written.
			for (const key of written) this.#pending.delete(key);
			this.#setFailure(null);
		} else {
			// Kept for the next try (another change, hiding the tab or leaving the page).
			this.#dirty = true;
			this.#setFailure(result.failure);
		}
		return result;
	}

	/**
	 * After a damaged value could not be copied: the learner has downloaded it (or decided to
	 * let it go), so this session's progress may now be written over it.
	 */
	releaseOriginal(): Promise<SaveResult> {
		this.#held = undefined;
		this.#notice = null;
		this.#failure = null;
		this.#markDirty();
		return this.flush();
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
		this.#pending.clear();
		this.#held = undefined;
		this.#failure = this.#storage ? null : 'blocked';
		this.#progress = {};
		// The machines start again from nothing, so events queued for them still find them.
		if (this.#engine) {
			this.#engine.stop();
			this.#engine = this.#restart();
		}
		this.#emit();
	}

	stop(): void {
		clearTimeout(this.#timer);
		this.#stopWatching?.();
		this.#engine?.stop();
	}

	#receive(raw: string | null): void {
		// Another tab cleared this device's data: keep nothing here either.
		if (raw === null) return this.#reset();
		const { envelope, problem } = decode(raw, this.outline.version);
		// Another tab replaced the damaged value this one was holding on to: nothing left to keep.
		if (this.#held !== undefined && raw !== this.#held && !problem) {
			this.#held = undefined;
			if (this.#failure === 'held') this.#failure = null;
			this.#markDirty();
		}
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
		this.#pending.add(key);
		this.#markDirty();
		this.#emit();
	}

	#setNotice(notice: Notice | null): void {
		// A problem with the stored data stays on screen; storage that cannot be read replaces it.
		if (notice === null || !this.#notice || notice.kind === 'unavailable') this.#notice = notice;
		this.#emit();
	}

	#setFailure(failure: SaveFailure | null): void {
		this.#failure = failure;
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
