import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import type { LessonAssets } from '$lib/content/assets';
import type { LessonInteractions } from '../context';
import { createMemoryProgress, type MemoryProgressState } from '$lib/progress/memory.svelte';
import { galleryLesson, galleryProgress } from './fixtures';
import Harness from './Harness.svelte';

export interface Setup {
	stepId?: string;
	props?: Record<string, unknown>;
	assets?: LessonAssets;
	/** The lesson folder's case or explainer, as a lesson page passes them. */
	interactions?: Partial<LessonInteractions>;
	initial?: Partial<MemoryProgressState>;
	learnerSeed?: string;
	/** Steps to show as locked, as a lesson page does before the steps before them are done. */
	locked?: string[];
	/** Mirror progress to this storage (a failing one shows the "Not saved" states). */
	storage?: Storage;
}

/** Renders a lesson component inside the gallery lesson with an in-memory progress store. */
export function renderBlock(component: Component<never>, setup: Setup = {}) {
	const progress = createMemoryProgress({
		slug: galleryLesson.slug,
		steps: galleryLesson.steps,
		learnerSeed: setup.learnerSeed,
		initial: setup.initial ?? galleryProgress,
		storage: setup.storage,
		now: () => Date.parse('2026-11-26T10:15:00Z')
	});
	const open = progress.status.bind(progress);
	const locked = setup.locked ?? [];
	progress.status = (stepId) => (locked.includes(stepId) ? 'locked' : open(stepId));
	const result = render(Harness, {
		props: {
			lesson: galleryLesson,
			progress,
			assets: setup.assets,
			interactions: setup.interactions,
			stepId: setup.stepId,
			component: component as unknown as Component<Record<string, unknown>>,
			props: setup.props
		}
	});
	return { ...result, progress };
}
