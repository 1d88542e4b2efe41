import { hashString } from '$lib/components/lesson/quiz/shuffle';

// Which items of a quiz's pool an attempt shows. Every attempt covers every objective the pool
// assesses; a retake shares as few items as the pool allows with the attempt before it. The choice
// is a pure function of the learner's seed, the attempt number and the previous attempt's items,
// so a reload and a second tab show the same set, and the stored answers say which items were drawn.

/** What the draw needs to know about an item. */
export interface PoolItem {
	id: string;
	assesses: readonly string[];
}

/** Items per attempt: the quiz's `draw`, else `fallback`, never more than the pool holds. */
export function drawSize(poolSize: number, draw: number | undefined, fallback: number): number {
	return Math.max(1, Math.min(draw ?? fallback, poolSize));
}

const covering = new WeakMap<readonly PoolItem[], Map<number, number[][]>>();

/**
 * Every set of `size` items (as pool indexes, ascending) that between them assess every objective
 * the pool assesses. Empty when no such set exists. Pools are small (schema.ts caps them), so
 * trying every subset is cheap; the result is cached per pool.
 */
export function coveringSets(pool: readonly PoolItem[], size: number): number[][] {
	let bySize = covering.get(pool);
	if (!bySize) covering.set(pool, (bySize = new Map()));
	const cached = bySize.get(size);
	if (cached) return cached;

	const bit = new Map<string, number>();
	for (const item of pool) for (const o of item.assesses) if (!bit.has(o)) bit.set(o, bit.size);
	const masks = pool.map((item) => item.assesses.reduce((m, o) => m | (1 << bit.get(o)!), 0));
	const all = (1 << bit.size) - 1;

	const sets: number[][] = [];
	const chosen: number[] = [];
	const walk = (from: number, mask: number) => {
		if (chosen.length === size) {
			if (mask === all) sets.push([...chosen]);
			return;
		}
		for (let i = from; i <= pool.length - (size - chosen.length); i++) {
			chosen.push(i);
			walk(i + 1, mask | masks[i]);
			chosen.pop();
		}
	};
	if (size > 0 && size <= pool.length) walk(0, 0);
	bySize.set(size, sets);
	return sets;
}

/** Whether some set of `size` items assesses, between them, every objective the pool assesses. */
export function canCover(pool: readonly PoolItem[], size: number): boolean {
	return coveringSets(pool, size).length > 0;
}

export interface DrawInput {
	pool: readonly PoolItem[];
	size: number;
	/** The learner's stored seed plus the quiz's key, e.g. "k3v9x0qa:what-is-coproduction/check". */
	seed: string;
	/** 1 for the first attempt. */
	attempt: number;
	/** Item ids of the attempt before, when there was one. */
	previous?: readonly string[];
}

/** The ids of the items one attempt shows, in pool order. */
export function drawItems({ pool, size, seed, attempt, previous = [] }: DrawInput): string[] {
	let sets = coveringSets(pool, size);
	// Content is checked at build, so this only guards a pool changed under stored progress.
	if (sets.length === 0) return pool.slice(0, size).map((item) => item.id);
	if (previous.length) {
		const before = new Set(previous);
		const overlap = (set: number[]) => set.filter((i) => before.has(pool[i].id)).length;
		const least = Math.min(...sets.map(overlap));
		sets = sets.filter((set) => overlap(set) === least);
	}
	const pick = sets[hashString(`${seed}#${attempt}`) % sets.length];
	return pick.map((i) => pool[i].id);
}

/** Items per attempt when a quiz does not set `draw`. */
export const defaultDraw = 5;

/** What the stored progress says about a quiz: the latest attempt's answers, and how many attempts. */
export interface AttemptRecord {
	answers: Record<string, string[]>;
	attempts: number;
}

/**
 * The items of the attempt on screen. While feedback shows, they are the items the learner answered
 * (the stored answers say which were drawn); while answering, they are the next attempt's draw.
 * `seed` is the learner's seed plus the quiz's key, so every quiz draws apart.
 */
export function attemptQuestions<Q extends PoolItem>(
	quiz: { questions: readonly Q[]; draw?: number },
	seed: string,
	record: AttemptRecord | undefined,
	phase: 'answering' | 'feedback'
): Q[] {
	const pool = quiz.questions;
	const answered = record ? pool.filter((q) => record.answers[q.id]?.length) : [];
	if (phase === 'feedback' && answered.length) return answered;
	const attempts = record?.attempts ?? 0;
	const ids = drawItems({
		pool,
		size: drawSize(pool.length, quiz.draw, defaultDraw),
		seed,
		attempt: phase === 'feedback' ? Math.max(1, attempts) : attempts + 1,
		previous: answered.map((q) => q.id)
	});
	return pool.filter((q) => ids.includes(q.id));
}

/** The seed one quiz draws with: the learner's seed and the quiz's own key. */
export function drawSeed(learnerSeed: string, slug: string, stepId: string): string {
	return `${learnerSeed}:${slug}/${stepId}`;
}
