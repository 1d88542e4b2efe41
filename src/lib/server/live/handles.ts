import { randomInt } from 'node:crypto';

// Friendly, neutral random handles: no names are asked for, and a handle can be changed.
const adjectives = [
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
	'Patient',
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
const nouns = [
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
