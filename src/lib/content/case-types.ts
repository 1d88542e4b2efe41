// Types only: safe to import from client components.
export type { CaseDebrief, CaseEnding, CaseOption, CaseScene, CaseStudyData } from './case-schema';
