import { randomInt } from 'node:crypto';

// Friendly, neutral random handles: no names are asked for, and a handle can be changed. In a
// clinical room no word may read as a patient, a role or a place on a ward ("Patient Fox 13").
export const adjectives = [
	'Amber',
	'Brave',
	'Bright',
	'Calm',
	'Clever',
	'Cosy',
	'Curious',
	'Gentle',
	'Golden',
	'Happy',
	'Jolly',
	'Kind',
	'Lively',
	'Lucky',
	'Merry',
	'Nimble',
	'Quiet',
	'Rapid',
	'Silver',
	'Steady',
	'Sunny',
	'Swift',
	'Thoughtful',
	'Tidy',
	'Warm',
	'Wise',
	'Zesty'
];
export const nouns = [
	'Badger',
	'Beech',
	'Comet',
	'Crane',
	'Fern',
	'Finch',
	'Fox',
	'Hare',
	'Heron',
	'Kestrel',
	'Lark',
	'Maple',
	'Meadow',
	'Otter',
	'Owl',
	'Pebble',
	'Puffin',
	'River',
	'Robin',
	'Rowan',
	'Salmon',
	'Sparrow',
	'Squirrel',
	'Swan',
	'Thistle',
	'Willow',
	'Wren'
];

export function randomHandle(): string {
	return `${adjectives[randomInt(adjectives.length)]} ${nouns[randomInt(nouns.length)]} ${randomInt(10, 100)}`;
}
