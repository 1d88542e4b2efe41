import { createContext } from 'svelte';
import type { LessonRecords } from '$lib/machines/rules';
import { firstOpenIndex } from '$lib/machines/rules';
import type { CourseOutline } from '$lib/machines/outline';
import { orphanReflections } from './reconcile';
import { ProgressSession, type QuizSetup, type SessionView } from './session';
import { lessonStanding } from './status';
import type { ProgressStorage } from './storage';
import type { QuizAnswers } from './port';
import type { Envelope } from './envelope';

// The learner's course progress as reactive state. Rendered first as a new learner's (on the
// server and during hydration, so a first visit does not shift); `connect` then starts the
// machine over real storage, in the browser only.

/** Where a learner acts on progress: the steps of a lesson (see components/lesson/Step.svelte). */
const stepSelector = '[data-step]';

const newLearner = (): SessionView => ({
	lessons: {},
	finished: false,
	reflections: {},
	answers: {},
	seed: '',
	notice: null
});

export class CourseProgress {
	readonly outline: CourseOutline;
	#view = $state.raw<SessionView>(newLearner());
	#session: ProgressSession | undefined;
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

	/** Browser only. Starts the machine, loads stored progress, and saves on leaving the page. */
	connect(storage: ProgressStorage | null): () => void {
		const session = new ProgressSession(this.outline, storage);
		this.#session = session;
		this.#view = session.view;
		const unsubscribe = session.subscribe((view) => (this.#view = view));
		// The attribute tells tests (and anything else waiting) that stored progress is on screen.
		void session.load().then(() => {
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
			void session.startEngine();
		};
		for (const type of firstMove)
			window.addEventListener(type, warm, { capture: true, passive: true });
		const flush = () => void session.flush();
		const onVisibility = () => document.visibilityState === 'hidden' && flush();
		document.addEventListener('visibilitychange', onVisibility);
		window.addEventListener('pagehide', flush);
		return () => {
			flush();
			document.removeEventListener('visibilitychange', onVisibility);
			window.removeEventListener('pagehide', flush);
			stopWarming();
			unsubscribe();
			session.stop();
		};
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
	envelope() {
		return this.#session?.envelope();
	}

	/** Imported progress, merged by the same rules as two tabs; saved straight away. */
	async merge(incoming: Envelope) {
		this.#session?.merge(incoming);
		await this.#session?.flush();
	}

	/** Empties this device's stored progress and carries on as a new learner. */
	async clear() {
		await this.#session?.forget();
	}

	orphanReflections() {
		return orphanReflections(this.#view, this.outline);
	}

	send(...args: Parameters<ProgressSession['send']>) {
		this.#session?.send(...args);
	}

	submitQuiz(slug: string, stepId: string, quiz: QuizSetup, answers: QuizAnswers) {
		this.#session?.submitQuiz(slug, stepId, quiz, answers);
	}

	retryQuiz(slug: string, stepId: string, quiz: QuizSetup) {
		this.#session?.retryQuiz(slug, stepId, quiz);
	}

	saveReflection(slug: string, stepId: string, text: string) {
		this.#session?.saveReflection(slug, stepId, text);
	}
}

export const [getCourseProgress, setCourseProgress] = createContext<CourseProgress>();
