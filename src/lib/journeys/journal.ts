// The learner's journal: their reflections gathered by lesson, the Markdown file they can export,
// and the reflective account laid out the way professional-development portfolios ask for it.
import { itemKey, type ReflectionRecord } from '$lib/machines/rules';
import type { Timed } from './record';

/** What the journal needs to know about a lesson (from page data). */
export interface JournalLesson {
	slug: string;
	number: number;
	title: string;
	objectives: string[];
	reflectSteps: Array<{ id: string; title: string; prompt: string }>;
}

export interface JournalEntry {
	stepId: string;
	title: string;
	prompt: string;
	/** Empty when not written yet. */
	text: string;
	/** Saved at (ms), undefined when not written yet. */
	t?: number;
}

export interface JournalSection {
	lesson: JournalLesson;
	entries: JournalEntry[];
	plan?: Timed;
}

export interface OrphanEntry extends ReflectionRecord {
	key: string;
}

export function journalSections(
	lessons: JournalLesson[],
	reflections: Record<string, ReflectionRecord>,
	plans: Record<string, Timed> = {}
): JournalSection[] {
	return lessons
		.filter((lesson) => lesson.reflectSteps.length)
		.map((lesson) => ({
			lesson,
			plan: plans[lesson.slug],
			entries: lesson.reflectSteps.map((step) => {
				const saved = reflections[itemKey(lesson.slug, step.id)];
				return {
					stepId: step.id,
					title: step.title,
					prompt: step.prompt,
					text: saved?.text ?? '',
					t: saved?.text.trim() ? saved.t : undefined
				};
			})
		}));
}

/** Whether a section has anything the learner wrote. */
export function hasWriting(section: JournalSection): boolean {
	return section.entries.some((e) => e.text.trim()) || !!section.plan?.text.trim();
}

/** "26 November 2026" — dates in the journal and the account. */
export function formatDate(time: number, locale = 'en-GB'): string {
	return new Date(time).toLocaleDateString(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
}

/**
 * Every line break a learner's text can carry: CRLF, a lone CR or LF, NEL and the Unicode line
 * and paragraph separators. Splitting on fewer lets one reflection break out of its quote.
 */
const lineBreak = /\r\n|[\r\n\u0085\u2028\u2029]/;

/**
 * The learner's text as inert Markdown: characters Markdown or HTML would read as syntax are
 * escaped, and so is anything that would start a list item, a heading or a rule at a line start.
 */
function inert(line: string): string {
	return line
		.replace(/[\\`*_[\]{}<>#|~&]/g, '\\$&')
		.replace(/^(\s*)([-+=>])/, '$1\\$2')
		.replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Quotes every line, so the learner's own text can never break the file's structure. */
function quote(text: string): string {
	return text
		.trim()
		.split(lineBreak)
		.map((line) => `> ${inert(line)}`.trimEnd())
		.join('\n');
}

/** A heading's text: on one line, with Markdown syntax escaped. */
function plain(text: string): string {
	return inert(text.split(lineBreak).join(' ').trim());
}

export function journalMarkdown(input: {
	courseTitle: string;
	sections: JournalSection[];
	orphans?: OrphanEntry[];
	exportedAt: number;
}): string {
	const out = [
		`# My reflections: ${plain(input.courseTitle)}`,
		'',
		`Exported ${formatDate(input.exportedAt)}.`
	];
	for (const section of input.sections.filter(hasWriting)) {
		out.push('', `## Lesson ${section.lesson.number}: ${plain(section.lesson.title)}`);
		for (const entry of section.entries) {
			if (!entry.text.trim()) continue;
			out.push('', `### ${plain(entry.title)}`, '', `*${plain(entry.prompt)}*`, '');
			out.push(quote(entry.text), '', `Saved ${formatDate(entry.t!)}.`);
		}
		if (section.plan?.text.trim()) {
			out.push('', '### What I will do next', '', quote(section.plan.text));
			out.push('', `Saved ${formatDate(section.plan.t)}.`);
		}
	}
	const orphans = (input.orphans ?? []).filter((o) => o.text.trim());
	if (orphans.length) {
		out.push('', '## From lessons no longer in the course');
		for (const orphan of orphans)
			out.push(
				'',
				`### ${plain(orphan.key)}`,
				'',
				quote(orphan.text),
				'',
				`Saved ${formatDate(orphan.t)}.`
			);
	}
	return out.join('\n') + '\n';
}

/** One lesson of the reflective account: the three questions portfolios ask. */
export interface AccountSection {
	lesson: JournalLesson;
	/** Latest date the learner wrote anything for this lesson (ms). */
	date: number;
	/** What the learning was: the lesson's objectives. */
	learning: string[];
	/** How it changes practice: the learner's reflections with their prompts. */
	practice: Array<{ prompt: string; text: string }>;
	/** What I will do next: the learner's own plan, or undefined (a space is left to write in). */
	next?: string;
}

export function reflectiveAccount(sections: JournalSection[]): AccountSection[] {
	return sections.filter(hasWriting).map((section) => {
		const written = section.entries.filter((e) => e.text.trim());
		const times = [...written.map((e) => e.t!), section.plan?.t ?? 0];
		return {
			lesson: section.lesson,
			date: Math.max(...times),
			learning: section.lesson.objectives,
			practice: written.map((e) => ({ prompt: e.prompt, text: e.text.trim() })),
			next: section.plan?.text.trim() || undefined
		};
	});
}

export function journalFileName(exportedAt: number): string {
	return `coproduction-reflections-${new Date(exportedAt).toISOString().slice(0, 10)}.md`;
}
