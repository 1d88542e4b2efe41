// User-facing strings of the case study, kept together for translation.
export const strings = {
	composite: 'A composite person',
	sceneOf: (n: number, total: number) => `Moment ${n} of ${total}`,
	workload: 'Workload',
	capacity: 'Capacity',
	balance: (workload: number, capacity: number, max: number) =>
		`Workload ${workload} of ${max}, capacity ${capacity} of ${max}.`,
	verdict: (workload: number, capacity: number) =>
		capacity > workload
			? 'Capacity is greater than workload.'
			: capacity === workload
				? 'Workload and capacity are level.'
				: 'Workload is greater than capacity.',
	chooseHow: 'Choose how the team responds',
	productStyle: 'done to the person',
	coproducedStyle: 'done with the person',
	whatHappened: 'What happened',
	change: (w: string, c: string) => `Workload ${w}, capacity ${c}.`,
	idea: 'The idea behind it',
	think: 'Think about it',
	next: 'Next moment',
	seeEnding: 'See where this leaves Jo',
	endingLabel: 'Ending',
	yourChoices: 'Your choices',
	startAgain: 'Start the case again',
	staticIntro:
		'With JavaScript on, you choose at each moment and see the effect on workload and capacity. Here is the whole case to read.',
	staticEndings: 'How the case can end',
	staticThreshold: (n: number | undefined) =>
		n === undefined
			? 'Otherwise:'
			: n >= 0
				? `When capacity exceeds workload by ${n} or more:`
				: `When workload exceeds capacity by no more than ${-n}:`,
	complete: 'Case complete.',
	noCase: 'This lesson has no case file.'
};
