// The case's rules as pure functions: choices move the person's workload and capacity, and the
// final balance picks the ending. Tested in Node; the component only renders.
import type { CaseEnding, CaseOption, CaseStudyData } from '$lib/content/case-types';

export interface Balance {
	workload: number;
	capacity: number;
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** The option chosen in each scene, in scene order. */
export function chosenOptions(data: CaseStudyData, choices: string[]): CaseOption[] {
	return choices.flatMap((optionId, i) => {
		const option = data.scenes[i]?.options.find((o) => o.id === optionId);
		return option ? [option] : [];
	});
}

/** Workload and capacity after the choices so far, kept on the illustrative 0–max scale. */
export function balanceAfter(data: CaseStudyData, choices: string[]): Balance {
	return chosenOptions(data, choices).reduce(
		(b, o) => ({
			workload: clamp(b.workload + o.workload, data.scale.max),
			capacity: clamp(b.capacity + o.capacity, data.scale.max)
		}),
		{ ...data.start }
	);
}

/** The first ending whose threshold the balance (capacity minus workload) reaches. */
export function endingFor(data: CaseStudyData, balance: Balance): CaseEnding {
	const margin = balance.capacity - balance.workload;
	return (
		data.endings.find((e) => e.minBalance === undefined || margin >= e.minBalance) ??
		data.endings[data.endings.length - 1]
	);
}

/** A signed change for display: "+3", "−1", "no change". */
export function signed(value: number): string {
	if (value === 0) return 'no change';
	return value > 0 ? `+${value}` : `−${Math.abs(value)}`;
}
