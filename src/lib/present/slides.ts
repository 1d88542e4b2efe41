// The presenter view's slides, derived from a lesson's steps: a title slide, one slide per
// read/watch/explore step (its rendered content), one per quiz question and one per reflect prompt.
import type { Lesson } from '$lib/content/types';

export interface SlideOption {
	id: string;
	text: string;
	correct: boolean;
}

export type Slide =
	| { kind: 'title'; title: string; notes: string[] }
	| { kind: 'step'; stepId: string; title: string; notes: string[] }
	| {
			kind: 'question';
			stepId: string;
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
	| { kind: 'prompt'; stepId: string; title: string; prompt: string; notes: string[] };

export interface SlideNotesInput {
	/** Discussion questions from the facilitator notes, offered beside reflection prompts. */
	discussion?: string[];
	prepare?: string[];
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
				title: step.title,
				prompt: step.prompt,
				notes: [
					'Give people a minute to think or write before anyone speaks. Push this prompt to phones from the live session to collect anonymous answers.',
					...(extra.discussion ?? []).map((d) => `Discussion: ${d}`)
				]
			});
		} else {
			slides.push({ kind: 'step', stepId: step.id, title: step.title, notes: [] });
		}
	}
	return slides;
}
