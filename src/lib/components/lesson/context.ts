// One call gives lesson blocks everything they read: the lesson, the progress
// they report to, the readings, terms and videos the page uses, and the lesson folder's case and
// explainer. Every page that renders lesson blocks calls provideLesson (the lesson page, the
// presenter, the /components gallery, the test harness), so blocks read context, never page data.
import { createContext } from 'svelte';
import { emptyAssets, setLessonAssets, type LessonAssets } from '$lib/content/assets';
import type { CaseStudyData } from '$lib/content/case-types';
import { setLessonContext } from '$lib/content/context';
import type { ExplainerContent } from '$lib/content/explainer-types';
import type { Lesson } from '$lib/content/types';
import { setLessonProgress, type LessonProgress } from '$lib/progress/port';

/** A lesson folder's own interaction data (case.json, explainer.json), when it has them. */
export interface LessonInteractions {
	caseStudy: CaseStudyData | null;
	explainer: ExplainerContent | null;
}

/** What a page renders a lesson from; read through a function, so it follows client navigation. */
export interface LessonSources extends Partial<LessonInteractions> {
	lesson: Lesson;
	assets?: LessonAssets;
}

const [getInteractions, setInteractions, hasInteractions] = createContext<LessonInteractions>();

export function provideLesson(sources: () => LessonSources, progress: LessonProgress): void {
	setLessonContext({
		get lesson() {
			return sources().lesson;
		}
	});
	setLessonProgress(progress);
	const assets = () => sources().assets ?? emptyAssets;
	setLessonAssets({
		get readings() {
			return assets().readings;
		},
		get terms() {
			return assets().terms;
		},
		get videos() {
			return assets().videos;
		}
	});
	setInteractions({
		get caseStudy() {
			return sources().caseStudy ?? null;
		},
		get explainer() {
			return sources().explainer ?? null;
		}
	});
}

/**
 * A lesson interaction's data, for the block that plays it. The build fails when a lesson uses the
 * block without its file (content/interactions.server.ts), so a missing one is a page that forgot to
 * pass it: that fails loudly, naming the block and the file.
 */
export function useInteraction<K extends keyof LessonInteractions>(
	key: K,
	block: string
): NonNullable<LessonInteractions[K]> {
	const value = hasInteractions() ? getInteractions()[key] : null;
	if (!value)
		throw new Error(
			`<${block} /> needs the lesson's ${key === 'caseStudy' ? 'case.json' : 'explainer.json'}: the page must pass it to provideLesson() (src/lib/components/lesson/context.ts)`
		);
	return value as NonNullable<LessonInteractions[K]>;
}
