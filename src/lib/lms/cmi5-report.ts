import { resolve } from '$app/paths';
import type { CourseOutline } from '$lib/machines/outline';
import type { Envelope } from '$lib/progress/envelope';
import { responseIds } from './dialect-reports';
import { duration2004 } from './dialects';
import {
	statementIn,
	type Extra,
	type Launch,
	type LaunchData,
	type Sent
} from './cmi5-statements';
import type { QuizKey } from './quiz-key';
import { attemptCounts, newAnswers, standing, type Answered } from './report';

// What a cmi5 session (cmi5.ts) tells the LRS each time progress is written: one "answered"
// statement per question of each new attempt, then completed, and passed or failed against the
// mastery score, each once per registration. It loads with the first progress written, so a
// first launch that only reads costs the page nothing of it.

/** What the session shares with its reporter. */
export interface Cmi5Link {
	outline: CourseOutline;
	launch: Launch;
	/** LMS.LaunchData, once read; undefined before (or when the launch failed). */
	data(): LaunchData | undefined;
	terminated(): boolean;
	/** When this session started, ms since 1970. */
	started: number;
	/** What is queued for the LRS beyond what it has acknowledged (completed, passed, answers). */
	marks(): Sent;
	/** Queues a statement; `mark` records it in what is sent once the LRS takes it. */
	queue(statement: object, mark?: (sent: Sent) => void): void;
	/** A cmi5 statement of `verb` in this registration, queued and marked at once. */
	send(verb: string, extra?: Extra, mark?: (sent: Sent) => void): void;
	flush(): void;
}

/**
 * Whether the course is judged passed or failed: when the LMS's moveOn asks for a pass or the LMS
 * gives a mastery score. With moveOn Completed or NotApplicable and no mastery score, only
 * completed is sent.
 */
export const judged = (data: LaunchData, mastery: number | undefined) =>
	mastery !== undefined && (/Passed/.test(data.moveOn ?? '') || data.masteryScore !== undefined);

/** One question answered, as a cmi5 "allowed" statement about a cmi.interaction activity. */
export function answeredStatement(data: LaunchData, launch: Launch, a: Answered) {
	const q = a.question;
	const trueFalse = q.type === 'true-false';
	return statementIn(data, launch, 'answered', {
		allowed: true,
		timestamp: a.t,
		object: {
			objectType: 'Activity',
			id: `${launch.activityId}/question/${a.id}`,
			definition: {
				type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
				description: { en: q.prompt.replace(/\s+/g, ' ').trim() },
				interactionType: trueFalse ? 'true-false' : 'choice',
				correctResponsesPattern: [responseIds(q, q.correct)],
				...(!trueFalse && { choices: q.options.map((id) => ({ id })) })
			}
		},
		result: { success: a.correct, response: responseIds(q, a.chosen) }
	});
}

export function cmi5Reporter(link: Cmi5Link) {
	const { outline, launch, send } = link;
	// The answer key (for answered statements, and the pass mark when the LMS gives none) is fetched
	// as soon as progress is first written.
	const quizKey: Promise<QuizKey | null> = fetch(resolve('/lms/quiz-key.json'))
		.then((r) => (r.ok ? (r.json() as Promise<QuizKey>) : null))
		.catch(() => null);

	return {
		async report(envelope: Envelope) {
			const key = await quizKey;
			const data = link.data();
			if (!data || link.terminated()) return;
			const marks = link.marks();
			if (key) {
				// One answered statement per question of each attempt not yet sent.
				const counts = attemptCounts(envelope);
				const answers = newAnswers(envelope, key, marks.answers);
				const mark = (s: Sent) => void (s.answers = { ...s.answers, ...counts });
				answers.forEach((a, i) =>
					link.queue(
						answeredStatement(data, launch, a),
						i === answers.length - 1 ? mark : undefined
					)
				);
				marks.answers = { ...marks.answers, ...counts };
			}

			const now = standing(outline, envelope);
			const duration = duration2004(Date.now() - link.started);
			const normal = data.launchMode === 'Normal';
			if (normal && now.finished && !marks.completed)
				send('completed', { result: { completion: true, duration }, moveOn: true }, (s) => {
					s.completed = true;
				});
			const mastery = data.masteryScore ?? (key ? key.passMark / 100 : undefined);
			if (
				normal &&
				now.finished &&
				now.score !== undefined &&
				judged(data, mastery) &&
				!marks.passed
			) {
				const scaled = now.score / 100;
				const passed = scaled >= mastery!;
				const score = { scaled, raw: now.score, min: 0, max: 100 };
				if (passed || marks.failed !== now.score)
					send(
						passed ? 'passed' : 'failed',
						{ result: { success: passed, score, duration }, moveOn: true },
						(s) => void (passed ? (s.passed = true) : (s.failed = now.score))
					);
			}
			link.flush();
		}
	};
}
