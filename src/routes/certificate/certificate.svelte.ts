import { localDate, verificationCode, type CertificateRecord } from '$lib/journeys/certificate';
import type { JourneyStore } from '$lib/journeys/journey.svelte';
import { itemKey, type LessonView } from '$lib/machines/rules';
import { countWords, quizAttempts } from '$lib/machines/assessment';
import { completionTime } from '$lib/machines/completion';
import type { CourseProgress } from '$lib/progress/progress.svelte';

/** What the certificate needs to know about the course. */
export interface CertificateCourse {
	title: string;
	version: string;
}

/**
 * The certificate page's state: what is left to do, the record once the course is complete and
 * its verification code. The completion date is fixed in the journey data the first time the course
 * is seen complete, so it does not move when a lesson is retaken.
 */
export class CertificateState {
	readonly #progress: CourseProgress;
	readonly #journey: JourneyStore;
	readonly #course: () => CertificateCourse;
	#code = $state('');

	readonly lessons = $derived.by(() => this.#progress.lessonViews());
	readonly left = $derived(this.lessons.filter((s) => s.state !== 'complete'));
	readonly #finishedAt = $derived.by(() =>
		completionTime(this.#progress.outline, this.#progress.view.lessons)
	);
	readonly name = $derived.by(() => this.#journey.data.name?.text ?? '');

	/** Attempts over every quiz of each lesson, by lesson number: printed, not part of the code. */
	readonly attempts = $derived.by((): Record<number, number> =>
		Object.fromEntries(
			this.lessons.map((s) => [
				s.lesson.number,
				quizAttempts(s.lesson, this.#progress.view.answers).reduce((n, q) => n + q.attempts, 0)
			])
		)
	);

	/** The certified record, once every lesson is complete. */
	readonly record = $derived.by((): CertificateRecord | undefined => {
		const completedAt = this.#journey.data.completedAt ?? this.#finishedAt;
		if (completedAt === undefined || this.left.length) return undefined;
		const course = this.#course();
		return {
			courseTitle: course.title,
			courseVersion: course.version,
			completedOn: localDate(completedAt),
			name: this.name,
			lessons: this.lessons.map((s) => ({
				number: s.lesson.number,
				title: s.lesson.title,
				best: s.best
			}))
		};
	});

	constructor(progress: CourseProgress, journey: JourneyStore, course: () => CertificateCourse) {
		this.#progress = progress;
		this.#journey = journey;
		this.#course = course;
		$effect(() => {
			if (journey.ready && this.#finishedAt !== undefined) journey.markComplete(this.#finishedAt);
		});
		$effect(() => {
			const current = this.record;
			if (!current) return;
			let live = true;
			verificationCode(current).then((value) => live && (this.#code = value));
			return () => {
				live = false;
			};
		});
	}

	/** The verification code of the record on screen ('' until it is computed). */
	get code(): string {
		return this.#code;
	}

	/** A reflection started but too short to count: its words so far and the words it needs. */
	wordsSoFar({ lesson, next }: LessonView): { words: number; needs: number } | undefined {
		if (next?.kind !== 'reflect') return undefined;
		const text = this.#progress.view.reflections[itemKey(lesson.slug, next.id)]?.text ?? '';
		const words = countWords(text);
		return words && words < next.minWords ? { words, needs: next.minWords } : undefined;
	}
}
