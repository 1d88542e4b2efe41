import { createContext } from 'svelte';
import {
	completedLessons,
	lessonView,
	resumeAt,
	type LessonRecords,
	type LessonView
} from '$lib/machines/rules';
import type { CourseOutline } from '$lib/machines/outline';
import { newSeed } from './keys';
import { orphanReflections } from './orphans';
import type { ProgressSession, QuizSetup, SessionOptions, SessionView } from './session';
import type { ProgressStorage } from './storage';
import { reportWrite, retryWhenWritesWork, writeItem, type WriteResult } from './writes';
import type { QuizAnswers } from './port';
import type { Envelope } from './envelope';

// The learner's course progress as reactive state. Rendered first as a new learner's (on the
// server and during hydration, so a first visit does not shift); `connect` then follows real
// storage, in the browser only.
//
// The persistence code (session.ts: decoding, migrating, reconciling and merging what is stored)
// loads only when there is something to read or write: stored progress at load, the learner's first
// action, or another tab saving. A first visit has nothing stored, so it does not fetch that code;
// the machines (engine.ts) load later still, on the first interaction with a lesson step.

/**
 * Set on a device where the learner said they did the earlier lessons elsewhere: every lesson opens
 * here. It opens lessons only; the certificate still needs every lesson complete (its quiz passed,
 * its reflections saved), here or imported.
 */
export const openHereKey = 'coproduction-course:open-here';

/** Where a learner acts on progress: the steps of a lesson (see components/lesson/Step.svelte). */
const stepSelector = '[data-step]';

const newLearner = (seed = ''): SessionView => ({
	lessons: {},
	reflections: {},
	answers: {},
	seed,
	notice: null,
	saving: { failure: null, pending: [] }
});

type SessionModule = typeof import('./session');

export interface ConnectOptions {
	/** Injected for tests. */
	loadSession?: () => Promise<SessionModule>;
	loadEngine?: SessionOptions['loadEngine'];
}

export class CourseProgress {
	readonly #published: CourseOutline;
	readonly #opened: CourseOutline;
	#openHere = $state(false);
	#view = $state.raw<SessionView>(newLearner());
	#storage: ProgressStorage | null = null;
	#loadSession: () => Promise<SessionModule> = () => import('./session');
	#loadEngine: SessionOptions['loadEngine'];
	#opening: Promise<ProgressSession> | undefined;
	/** The one queue: events that wait for the persistence code or the machines, in order. */
	#pending: Promise<void> = Promise.resolve();
	#waiting = 0;
	/** Set once the session is open, so events after that are sent without waiting a turn. */
	#session: ProgressSession | undefined;
	#closed = false;
	#cleanup: Array<() => void> = [];
	#loaded: () => void = () => {};
	/** Resolves once stored progress is on screen (never on the server). */
	readonly ready = new Promise<void>((resolve) => (this.#loaded = resolve));

	constructor(outline: CourseOutline) {
		this.#published = outline;
		this.#opened = { ...outline, openNavigation: true };
	}

	/** The course as this device runs it: every lesson open once the learner opened them here. */
	get outline(): CourseOutline {
		return this.#openHere ? this.#opened : this.#published;
	}

	/** True when the lessons were opened on this device ("I've done them elsewhere"). */
	get openedHere(): boolean {
		return this.#openHere && !this.#published.openNavigation;
	}

	/** The lesson that would keep this one locked had the lessons not been opened here. */
	lockedAsPublished(slug: string): LessonView['blockedBy'] {
		return lessonView(this.#published, this.#view, slug)?.blockedBy;
	}

	/** Opens every lesson on this device; the page reloads so the machines start with it. */
	openHere(): WriteResult {
		return writeItem('open-here', localStorage, openHereKey, '1');
	}

	get view(): SessionView {
		return this.#view;
	}

	get lessons(): LessonRecords {
		return this.#view.lessons;
	}

	get completedCount(): number {
		return completedLessons(this.outline, this.#view.lessons);
	}

	/** Browser only. Follows stored progress, and saves on leaving the page. */
	connect(storage: ProgressStorage | null, options: ConnectOptions = {}): () => void {
		this.#storage = storage;
		try {
			this.#openHere = localStorage.getItem(openHereKey) === '1';
		} catch {
			this.#openHere = false;
		}
		if (options.loadSession) this.#loadSession = options.loadSession;
		this.#loadEngine = options.loadEngine;
		this.#view = storage
			? newLearner(newSeed())
			: {
					...newLearner(newSeed()),
					notice: { kind: 'unavailable' },
					saving: { failure: 'blocked', pending: [] }
				};
		void this.#start(storage).then(() => {
			// The attribute tells tests (and anything else waiting) that stored progress is on screen.
			document.documentElement.dataset.progress = 'ready';
			this.#loaded();
		});

		// The machines load when the learner first reaches for a lesson step, not with the page and not
		// on a click that only navigates: moving between lessons needs no machine, so it costs no JS.
		const firstMove = ['pointerdown', 'keydown', 'touchstart', 'focusin'] as const;
		const stopWarming = () => {
			for (const type of firstMove) window.removeEventListener(type, warm, true);
		};
		const warm = (event: Event) => {
			if (!(event.target instanceof Element) || !event.target.closest(stepSelector)) return;
			stopWarming();
			this.#withMachines().catch(() => undefined);
		};
		for (const type of firstMove)
			window.addEventListener(type, warm, { capture: true, passive: true });
		// Another store's write worked (space was freed): try again what could not be saved.
		this.#cleanup.push(
			retryWhenWritesWork('progress', () => {
				const session = this.#session;
				if (session?.view.saving.failure) void session.flush();
				else if (storage?.probe) void reportWrite('progress', () => storage.probe!());
			})
		);
		const flush = () => void this.#session?.flush();
		const onVisibility = () => document.visibilityState === 'hidden' && flush();
		document.addEventListener('visibilitychange', onVisibility);
		window.addEventListener('pagehide', flush);
		return () => {
			flush();
			document.removeEventListener('visibilitychange', onVisibility);
			window.removeEventListener('pagehide', flush);
			stopWarming();
			this.#closed = true;
			for (const stop of this.#cleanup.splice(0)) stop();
		};
	}

	/** Opens the session at once when something is stored (or storage cannot be read). */
	async #start(storage: ProgressStorage | null) {
		if (!storage) return;
		let stored: string | null | undefined;
		try {
			stored = await storage.read();
		} catch {
			stored = undefined;
		}
		// Read first, then ask whether writing works: full storage must not hide what is stored.
		// A failed probe is reported (writes.ts), so the header says so before anything is typed.
		if (stored !== undefined && storage.probe)
			await reportWrite('progress', () => storage.probe!());
		if (stored !== null) {
			await this.#open();
			return;
		}
		// Nothing stored yet: open when another tab saves. The session then follows other tabs itself.
		const stopWatching = storage.watch?.((value) => {
			if (value !== null) void this.#open();
		});
		if (stopWatching) this.#cleanup.push(stopWatching);
	}

	/** Loads the persistence code and stored progress, once; later calls get the same session. */
	#open(): Promise<ProgressSession> {
		this.#opening ??= this.#loadSession().then(async ({ ProgressSession }) => {
			const session = new ProgressSession(this.outline, this.#storage, {
				seed: this.#view.seed,
				loadEngine: this.#loadEngine
			});
			this.#cleanup.push(session.subscribe((view) => (this.#view = view)));
			this.#cleanup.push(() => session.stop());
			await session.load();
			this.#view = session.view;
			if (!this.#closed) this.#session = session;
			return session;
		});
		return this.#opening;
	}

	/** The open session with its machines loaded (xstate, on the first step interaction). */
	async #withMachines(): Promise<ProgressSession> {
		const session = await this.#open();
		await session.startEngine();
		return session;
	}

	/**
	 * Runs a machine event on the session: at once when the session and its machines are loaded
	 * and nothing is waiting, else after what is already waiting, in the order sent. The one queue
	 * for both lazy loads (the persistence code, then xstate).
	 */
	#act(act: (session: ProgressSession) => void): void {
		const session = this.#session;
		if (session?.engineStarted && this.#waiting === 0) return act(session);
		this.#waiting++;
		this.#pending = this.#pending
			.then(() => this.#withMachines())
			.then(act)
			// A failed load drops this event (the page says nothing was saved); later ones try again.
			.catch((error: unknown) => console.error('Progress could not be updated', error))
			.finally(() => this.#waiting--);
	}

	/** Where the learner stands in one lesson (rules.ts lessonView). */
	lessonView(slug: string): LessonView | undefined {
		return lessonView(this.outline, this.#view, slug);
	}

	/** Every lesson's standing, in course order. */
	lessonViews(): LessonView[] {
		return this.outline.lessons.map((lesson) => lessonView(this.outline, this.#view, lesson.slug)!);
	}

	/** The lesson and step to resume at, or undefined for a learner who has not started. */
	resumeAt(): { slug: string; stepId: string } | undefined {
		return resumeAt(this.outline, this.#view.lessons);
	}

	/** The whole saved progress, for an export file. */
	async envelope(): Promise<Envelope> {
		return (await this.#open()).envelope();
	}

	/** Imported progress, merged by the same rules as two tabs; saved straight away. */
	async merge(incoming: Envelope) {
		const session = await this.#open();
		session.merge(incoming);
		return session.flush();
	}

	/** Lets this visit's progress be written over a damaged value that no copy could be kept of. */
	async releaseOriginal() {
		return (await this.#open()).releaseOriginal();
	}

	/** Empties this device's stored progress and carries on as a new learner. */
	async clear() {
		await (await this.#open()).forget();
		try {
			localStorage.removeItem(openHereKey);
		} catch {
			// Storage that cannot be read holds no flag either.
		}
		this.#openHere = false;
	}

	orphanReflections() {
		return orphanReflections(this.#view, this.outline);
	}

	send(...args: Parameters<ProgressSession['send']>) {
		this.#act((session) => session.send(...args));
	}

	submitQuiz(slug: string, stepId: string, quiz: QuizSetup, answers: QuizAnswers) {
		this.#act((session) => session.submitQuiz(slug, stepId, quiz, answers));
	}

	retryQuiz(slug: string, stepId: string, quiz: QuizSetup) {
		this.#act((session) => session.retryQuiz(slug, stepId, quiz));
	}

	/** The words are kept as soon as the session is open, without waiting for the machines. */
	saveReflection(slug: string, stepId: string, text: string) {
		const count = () => this.#act((session) => session.countReflection(slug, stepId));
		if (this.#session && this.#session.keepReflection(slug, stepId, text)) count();
		else if (!this.#session)
			void this.#open().then((session) => session.keepReflection(slug, stepId, text) && count());
	}
}

export const [getCourseProgress, setCourseProgress] = createContext<CourseProgress>();
