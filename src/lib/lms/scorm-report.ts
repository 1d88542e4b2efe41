import { resolve } from '$app/paths';
import type { CourseOutline } from '$lib/machines/outline';
import type { Envelope } from '$lib/progress/envelope';
import { scorm12Reporting, scorm2004Reporting } from './dialect-reports';
import type { ScormDialect } from './dialects';
import { lms } from './lms-state.svelte';
import type { QuizKey } from './quiz-key';
import { attemptCounts, newAnswers, standing } from './report';
import { fitSuspend } from './suspend';

// What a SCORM session (scorm.ts) tells the LMS each time progress is written: the envelope in
// cmi.suspend_data (reflections left out when they do not fit, and the learner told), then status,
// score, location, exit and one interaction per new answer. It loads with the first progress
// written, so a first launch that only reads costs the page nothing of it.

/** What the session shares with its reporter. */
export interface ScormLink {
	outline: CourseOutline;
	dialect: ScormDialect;
	get(name: string): string;
	/** Sets one field; false when the LMS refuses it or the session has ended. */
	set(name: string, value: string): boolean;
	/** Commits now (retrying calmly on failure). */
	commit(): boolean;
	/** Commits within a few seconds, unless a commit is already due. */
	settle(): void;
	/**
	 * Carried across launches and cleared with the progress: reflections the LMS has no room for
	 * and the quiz attempts it has been sent (by quiz key), read from the LMS's copy at launch.
	 */
	carried: { omitted: string[]; sent: Record<string, number> };
}

export interface ScormReporter {
	/** Sends `envelope`; committed at once on a status change, or when `force`d. */
	report(envelope: Envelope, force?: boolean): Promise<void>;
}

export function scormReporter(link: ScormLink): ScormReporter {
	const { outline, dialect, get, set, carried } = link;
	const reporting = dialect.version === '2004' ? scorm2004Reporting : scorm12Reporting;
	const order = outline.lessons.flatMap((l) =>
		l.steps.filter((s) => s.kind === 'reflect').map((s) => `${l.slug}/${s.id}`)
	);
	const titles = new Map<string, string>(
		outline.lessons.flatMap((l) =>
			l.steps.map((s): [string, string] => [`${l.slug}/${s.id}`, `${s.title} (lesson ${l.number})`])
		)
	);
	/** What the LMS was last sent of the standing's fields. */
	const sentFields: Record<string, string> = {};
	let lessonsDone = -1;
	// The answer key (for the LMS's interactions) is fetched as soon as progress is first written,
	// long before any answer is reported.
	const quizKey: Promise<QuizKey | null> = fetch(resolve('/lms/quiz-key.json'))
		.then((r) => (r.ok ? (r.json() as Promise<QuizKey>) : null))
		.catch(() => null);

	function showKept(envelope: Envelope) {
		const name = (k: string) => titles.get(k) ?? k;
		lms.keptHere = carried.omitted.filter((k) => envelope.reflections[k]).map(name);
		lms.keptElsewhere = carried.omitted.filter((k) => !envelope.reflections[k]).map(name);
	}

	async function interactions(envelope: Envelope): Promise<boolean> {
		const key = await quizKey;
		if (!key) return false;
		const answers = newAnswers(envelope, key, carried.sent);
		carried.sent = { ...carried.sent, ...attemptCounts(envelope) };
		for (const a of answers) {
			const at = `cmi.interactions.${Number(get('cmi.interactions._count')) || 0}`;
			for (const [field, value] of reporting.interaction(a)) set(`${at}.${field}`, value);
		}
		return answers.length > 0;
	}

	async function reportNow(envelope: Envelope, force: boolean) {
		const fitted = await fitSuspend(envelope, dialect.suspendLimit, order, carried.omitted);
		carried.omitted = fitted.omitted;
		showKept(envelope);
		let ok = fitted.text.length <= dialect.suspendLimit && set('cmi.suspend_data', fitted.text);

		const now = standing(outline, envelope);
		let statusChanged = false;
		for (const [name, value] of reporting.standing(now, get(reporting.passingScore))) {
			if (sentFields[name] === value) continue;
			const stored = set(name, value);
			ok = stored && ok;
			if (!stored) continue;
			sentFields[name] = value;
			if (reporting.statusFields.includes(name)) statusChanged = true;
		}
		ok = set(...reporting.exit(now.finished)) && ok;
		const lessons = Object.values(envelope.progress).filter((r) => r.complete).length;
		const answered = await interactions(envelope);
		const changed = statusChanged || lessons !== lessonsDone || answered;
		lessonsDone = lessons;
		if (changed || force || !ok) link.commit();
		else link.settle();
	}

	/** Reports run one after another, in the order written (encoding is asynchronous). */
	let queue: Promise<void> = Promise.resolve();
	return {
		report: (envelope, force = false) =>
			(queue = queue.then(() => reportNow(envelope, force)).catch(() => undefined))
	};
}
