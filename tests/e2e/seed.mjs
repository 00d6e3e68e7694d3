// A small, lived-in data set for the quality gates (a11y, zoom, keyboard): some of everything the app stores,
// written as the app stores it, so pages show lists, charts, histories and filled forms instead of empty states.
//
//   import { seededEntries, seedStorage } from './seed.mjs';
//   await seedStorage(page, server.origin, waitForApp);   // goes to the origin, writes the keys, reloads
//
// Thought records, people and observations come from scripts/bench-data.mjs (the benchmark's generator); the
// other collections (beliefs, triggers, a ladder step, promises, assessments, worksheets, progress) are written
// here. `seedStorage` fails the test if the app sets any of it aside as unreadable, so this file and the app's
// formats cannot drift apart silently.

import { peopleEntries, thoughtRecordEntries } from '../../scripts/bench-data.mjs';

const day = (n) => new Date(Date.now() - n * 86_400_000);
const iso = (n) => day(n).toISOString();
const ymd = (n) => iso(n).slice(0, 10);
const hex = (n) => n.toString(16).padStart(32, '0');
const record = (prefix, data) => [`trust-steps/${prefix}/${data.id}`, JSON.stringify({ schema: 1, data })];

/** `[key, value]` pairs for localStorage. */
export function seededEntries() {
  const recent = ymd(0);
  const thoughts = thoughtRecordEntries(8, { seed: 7, end: recent });
  const { people, observations } = peopleEntries(5, 40, { seed: 7, end: recent });
  const personId = JSON.parse(people[0][1]).data.id;
  const firstThought = JSON.parse(thoughts[0][1]).data;

  const entries = [...thoughts, ...people, ...observations];
  // A draft thought record, half written, naming the first person.
  entries.push(
    record('journal', {
      id: hex(1),
      created_at: iso(1),
      updated_at: iso(1),
      status: 'draft',
      step: 3,
      happened_on: ymd(1),
      situation: 'They said they would call at eight and the phone stayed quiet.',
      person_id: personId,
      thought: 'They have found someone better to talk to.',
      feelings: [{ name: 'Anxious', before: 70, after: null }],
      traps: [],
    }),
  );
  entries.push(
    record('beliefs', {
      id: hex(2),
      created_at: iso(40),
      updated_at: iso(2),
      statement: 'People always leave once they know the real me.',
      ratings: [
        { at: iso(40), strength: 85 },
        { at: iso(20), strength: 70 },
        { at: iso(2), strength: 55 },
      ],
      evidence_for: [{ at: iso(30), text: 'My last relationship ended after I opened up.', record_id: null }],
      evidence_against: [
        { at: iso(10), text: 'My sister has known everything for years and is still here.', record_id: firstThought.id },
      ],
      reframed: 'Some people leave, and the ones who stay are worth opening up to slowly.',
    }),
  );
  entries.push(
    record('triggers', {
      id: hex(3),
      created_at: iso(5),
      updated_at: iso(5),
      happened_on: ymd(5),
      trigger: 'A message left on read for the whole afternoon.',
      felt: 'Tight chest, the urge to send five more messages.',
      did: 'Sent two messages and then apologised for them.',
      next_time: 'Put the phone away for an hour and write the thought down first.',
    }),
  );
  entries.push(
    record('ladder', {
      id: hex(4),
      created_at: iso(12),
      updated_at: iso(3),
      person_id: personId,
      position: 0,
      title: 'Tell them I had a hard day',
      experiments: [
        {
          id: hex(5),
          planned_at: iso(12),
          fear: 'They will change the subject.',
          fear_likelihood: 70,
          anxiety: 60,
          done_at: iso(3),
          what_happened: 'They listened and asked what would help.',
          response: 'supportive',
          fear_came_true: false,
          learned: 'Small things are safe to share with them.',
        },
      ],
    }),
  );
  entries.push(
    record('promises', {
      id: hex(6),
      created_at: iso(10),
      updated_at: iso(1),
      text: 'Go for a ten-minute walk after lunch',
      recurrence: 'daily',
      start_day: ymd(10),
      archived: false,
      checkins: [3, 2, 1].map((n) => ({ day: ymd(n), kept: n !== 2, note: n === 2 ? 'It rained.' : '', at: iso(n) })),
    }),
  );
  entries.push(
    record('assessments', {
      id: hex(7),
      created_at: iso(8),
      updated_at: iso(8),
      kind: 'trustworthiness',
      answers: Array.from({ length: 18 }, (_, i) => 1 + (i % 5)),
      reflections: [],
    }),
  );
  entries.push(
    record('assessments', {
      id: hex(8),
      created_at: iso(6),
      updated_at: iso(6),
      kind: 'origins',
      answers: Array.from({ length: 15 }, (_, i) => (i * 3) % 5),
      reflections: ['My parents often promised things they could not keep.'],
    }),
  );
  entries.push(
    record('worksheets', {
      id: hex(9),
      created_at: iso(9),
      updated_at: iso(2),
      worksheet: 'boundaries',
      title: 'My sister and money',
      answers: { values: 'Honesty and a calm evening.', needs: 'To be asked, not told.' },
      ticked: {},
      notes: {},
      checkins: [],
      done_at: null,
    }),
  );
  entries.push(
    record('worksheets', {
      id: hex(10),
      created_at: iso(30),
      updated_at: iso(14),
      worksheet: 'forgiveness',
      title: 'What happened at the wedding',
      answers: {},
      ticked: {},
      notes: {},
      checkins: [],
      done_at: iso(14),
    }),
  );
  entries.push([
    'trust-steps/lesson-progress',
    JSON.stringify({
      schema: 1,
      data: {
        lessons: {
          'what-trust-is': { done_at: iso(20), opened_at: iso(21), updated_at: iso(20) },
          'where-trust-issues-come-from': { done_at: iso(15), opened_at: iso(16), updated_at: iso(15) },
          'self-trust': { done_at: null, opened_at: iso(2), updated_at: iso(2) },
        },
      },
    }),
  ]);
  entries.push([
    'trust-steps/trap-practice',
    JSON.stringify({
      schema: 1,
      data: { attempts: [0, 1, 2, 3, 4].map((item) => ({ at: iso(4 - item), item, right: item % 2 === 0 })) },
    }),
  ]);
  return entries;
}

/**
 * Opens the app's origin, replaces its storage with the seeded data and reloads; fails when the app sets any
 * seeded key aside as unreadable.
 */
export async function seedStorage(page, origin, waitForApp, entries = seededEntries()) {
  await page.goto(origin + '/privacy');
  await waitForApp(page);
  await page.evaluate((list) => {
    localStorage.clear();
    for (const [key, value] of list) localStorage.setItem(key, value);
  }, entries);
  await page.reload();
  await waitForApp(page);
  const quarantined = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('trust-steps/quarantine/')),
  );
  if (quarantined.length) throw new Error(`seed.mjs: the app could not read seeded data: ${quarantined.join(', ')}`);
}
