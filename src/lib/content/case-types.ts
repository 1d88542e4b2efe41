// Types only: safe to import from client components.
export type { CaseEnding, CaseOption, CaseScene, CaseStudyData } from './case-schema';
