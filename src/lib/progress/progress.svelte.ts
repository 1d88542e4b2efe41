import { createContext } from 'svelte';
import type { LessonRecords } from '$lib/machines/rules';
import { firstOpenIndex } from '$lib/machines/rules';
import type { CourseOutline } from '$lib/machines/outline';
import { newSeed } from './keys';
import { orphanReflections } from './orphans';
import type { ProgressSession, QuizSetup, SessionView } from './session';
import { lessonStanding } from './status';
import type { ProgressStorage } from './storage';
import { reportWrite, retryWhenWritesWork } from './writes';
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

/** Where a learner acts on progress: the steps of a lesson (see components/lesson/Step.svelte). */
const stepSelector = '[data-step]';

const newLearner = (seed = ''): SessionView => ({
	lessons: {},
	finished: false,
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
}

export class CourseProgress {
	readonly outline: CourseOutline;
	#view = $state.raw<SessionView>(newLearner());
	#storage: ProgressStorage | null = null;
	#loadSession: () => Promise<SessionModule> = () => import('./session');
	#opening: Promise<ProgressSession> | undefined;
	/** Set once the session is open, so events after that are sent without waiting a turn. */
	#session: ProgressSession | undefined;
	#closed = false;
	#cleanup: Array<() => void> = [];
	#loaded: () => void = () => {};
	/** Resolves once stored progress is on screen (never on the server). */
	readonly ready = new Promise<void>((resolve) => (this.#loaded = resolve));

	constructor(outline: CourseOutline) {
		this.outline = outline;
	}

	get view(): SessionView {
		return this.#view;
	}

	get lessons(): LessonRecords {
		return this.#view.lessons;
	}

	get completedCount(): number {
		return this.outline.lessons.filter((l) => this.#view.lessons[l.slug]?.complete).length;
	}

	/** Browser only. Follows stored progress, and saves on leaving the page. */
	connect(storage: ProgressStorage | null, options: ConnectOptions = {}): () => void {
		this.#storage = storage;
		if (options.loadSession) this.#loadSession = options.loadSession;
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
			void this.#open().then((session) => session.startEngine());
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
			const session = new ProgressSession(this.outline, this.#storage, { seed: this.#view.seed });
			this.#cleanup.push(session.subscribe((view) => (this.#view = view)));
			this.#cleanup.push(() => session.stop());
			await session.load();
			this.#view = session.view;
			if (!this.#closed) this.#session = session;
			return session;
		});
		return this.#opening;
	}

	/** Runs `act` on the session: straight away once it is open, else as soon as it has loaded. */
	#act(act: (session: ProgressSession) => void | Promise<void>): Promise<void> {
		if (this.#session) return Promise.resolve(act(this.#session));
		return this.#open().then(act);
	}

	standing(slug: string) {
		return lessonStanding(this.outline, this.#view.lessons, slug);
	}

	/** The lesson and step to resume at, or undefined for a learner who has not started. */
	resumeAt(): { slug: string; stepId: string } | undefined {
		const records = Object.entries(this.#view.lessons);
		if (!records.length) return undefined;
		const [slug, latest] = records.reduce((a, b) => (b[1].t > a[1].t ? b : a));
		const index = this.outline.lessons.findIndex((l) => l.slug === slug);
		const next = this.outline.lessons[index + 1];
		if (latest.complete && next && !this.#view.lessons[next.slug]?.complete) {
			const done = this.#view.lessons[next.slug]?.done ?? [];
			const step = next.steps[Math.min(firstOpenIndex(next, done), next.steps.length - 1)];
			return { slug: next.slug, stepId: step.id };
		}
		return { slug, stepId: latest.at };
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
	}

	orphanReflections() {
		return orphanReflections(this.#view, this.outline);
	}

	send(...args: Parameters<ProgressSession['send']>) {
		void this.#act((session) => session.send(...args));
	}

	submitQuiz(slug: string, stepId: string, quiz: QuizSetup, answers: QuizAnswers) {
		void this.#act((session) => session.submitQuiz(slug, stepId, quiz, answers));
	}

	retryQuiz(slug: string, stepId: string, quiz: QuizSetup) {
		void this.#act((session) => session.retryQuiz(slug, stepId, quiz));
	}

	saveReflection(slug: string, stepId: string, text: string) {
		void this.#act((session) => session.saveReflection(slug, stepId, text));
	}
}

export const [getCourseProgress, setCourseProgress] = createContext<CourseProgress>();
