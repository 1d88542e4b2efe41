// Types only: safe to import from client components.
export type { ExplainerContent, ExplainerIdea } from './explainer-schema';
