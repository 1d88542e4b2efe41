// The presenter view's slides, derived from a lesson's steps: a title slide, one slide per
// read/watch/explore step (a projector-sized summary of it, the full text in the notes), one per
// quiz question and one per reflect prompt.
import type { Lesson } from '$lib/content/types';
import type { SlideCard, StepSummary } from './summary';

export type { SlideCard };

export interface SlideOption {
	id: string;
	text: string;
	correct: boolean;
}

export type Slide =
	| { kind: 'title'; title: string; notes: string[] }
	| {
			kind: 'step';
			stepId: string;
			title: string;
			points: string[];
			key?: string;
			cards: SlideCard[];
			/** The step holds an interactive block, played on the lesson page. */
			interactive: boolean;
			notes: string[];
	  }
	| {
			kind: 'question';
			stepId: string;
			/** The live-session item this slide sends to phones (catalogue.ts keys). */
			itemKey: string;
			title: string;
			/** The clinical situation the prompt asks about, when the item has one. */
			scenario?: string;
			prompt: string;
			/** Position within its quiz, 1-based, and the quiz's length. */
			number: number;
			of: number;
			multiple: boolean;
			options: SlideOption[];
			explanation: string;
			source: string;
			notes: string[];
	  }
	| {
			kind: 'prompt';
			stepId: string;
			itemKey: string;
			title: string;
			prompt: string;
			notes: string[];
	  }
	/** From the facilitator guide: the session's timeline. */
	| {
			kind: 'timeline';
			title: string;
			rows: { minutes: number; activity: string }[];
			notes: string[];
	  }
	/** From the facilitator guide: the group activity, with its own countdown. */
	| {
			kind: 'activity';
			title: string;
			minutes: number;
			instructions: string[];
			notes: string[];
	  };

export interface SlideNotesInput {
	/** Discussion questions from the facilitator notes, offered beside reflection prompts. */
	discussion?: string[];
	prepare?: string[];
	timeline?: { minutes: number; activity: string }[];
	activity?: { title: string; minutes: number; instructions: string[] };
	/** Each read/watch/explore step's summary, by step id (summary.ts). */
	steps?: Record<string, StepSummary>;
	/** The card a reading or video id shows, looked up in the registries. */
	card?: (kind: SlideCard['kind'], id: string) => SlideCard | undefined;
}

export function buildSlides(lesson: Lesson, extra: SlideNotesInput = {}): Slide[] {
	const slides: Slide[] = [
		{
			kind: 'title',
			title: lesson.title,
			notes: [
				`Aims: ${lesson.objectives.map((o) => o.text).join(' ')}`,
				...(extra.prepare?.length ? [`Before you start: ${extra.prepare.join(' ')}`] : [])
			]
		}
	];
	for (const step of lesson.steps) {
		if (step.kind === 'quiz') {
			step.questions.forEach((q, i) => {
				const options: SlideOption[] = q.options.map(({ id, text, correct }) => ({
					id,
					text,
					correct
				}));
				const answer = options
					.filter((o) => o.correct)
					.map((o) => o.text)
					.join('; ');
				slides.push({
					kind: 'question',
					stepId: step.id,
					itemKey: `${step.id}.${q.id}`,
					title: step.title,
					...(q.scenario ? { scenario: q.scenario } : {}),
					prompt: q.prompt,
					number: i + 1,
					of: step.questions.length,
					multiple: q.type === 'multiple',
					options,
					explanation: q.explanation,
					source: q.source,
					notes: [`Answer: ${answer}.`, q.explanation, `Source: ${q.source}.`]
				});
			});
		} else if (step.kind === 'reflect') {
			slides.push({
				kind: 'prompt',
				stepId: step.id,
				itemKey: step.id,
				title: step.title,
				prompt: step.prompt,
				notes: [
					'Give people a minute to think or write before anyone speaks. Push this prompt to phones from the live session to collect anonymous answers.',
					...(extra.discussion ?? []).map((d) => `Discussion: ${d}`)
				]
			});
		} else {
			const summary = extra.steps?.[step.id];
			const cards = (summary?.cards ?? []).flatMap(({ kind, id }) => extra.card?.(kind, id) ?? []);
			slides.push({
				kind: 'step',
				stepId: step.id,
				title: step.title,
				points: summary?.points ?? [],
				...(summary?.key ? { key: summary.key } : {}),
				cards,
				interactive: summary?.interactive ?? false,
				notes: [
					...(summary?.text ?? []),
					...cards.map(
						(c) => `${c.kind === 'reading' ? 'Reading' : 'Video'}: ${c.title} (${c.byline}).`
					)
				]
			});
		}
	}
	if (extra.timeline?.length)
		slides.splice(1, 0, {
			kind: 'timeline',
			title: 'Session plan',
			rows: extra.timeline,
			notes: [
				'The plan for this session, from the facilitator guide.',
				...extra.timeline.map((r) => `${r.minutes} min: ${r.activity}`)
			]
		});
	if (extra.activity)
		slides.push({
			kind: 'activity',
			title: extra.activity.title,
			minutes: extra.activity.minutes,
			instructions: extra.activity.instructions,
			notes: [
				`Group activity, ${extra.activity.minutes} minutes. Press C to start its countdown on the slide.`,
				...extra.activity.instructions
			]
		});
	// The discussion questions, each a prompt the room can answer on phones (catalogue.ts keys).
	(extra.discussion ?? []).forEach((prompt, i) =>
		slides.push({
			kind: 'prompt',
			stepId: `discussion-${i + 1}`,
			itemKey: `discussion-${i + 1}`,
			title: 'Discussion',
			prompt,
			notes: [
				'Let people talk in pairs first, then take a few answers from the room. Press P to collect answers on phones.'
			]
		})
	);
	return slides;
}
