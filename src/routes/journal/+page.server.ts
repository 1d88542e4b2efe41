import { journalLessons } from '$lib/journeys/lessons.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ journalLessons: journalLessons() });
