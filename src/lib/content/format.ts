/** "45 minutes", "1 hour 5 minutes" — for estimates shown to learners. */
export function formatMinutes(total: number): string {
	const minutes = Math.round(total);
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	const m = `${rest} minute${rest === 1 ? '' : 's'}`;
	if (hours === 0) return m;
	const h = `${hours} hour${hours === 1 ? '' : 's'}`;
	return rest === 0 ? h : `${h} ${m}`;
}
