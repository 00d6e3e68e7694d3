// Realistic, deterministic test data for the benchmark (scripts/bench.mjs): finished thought records, and people
// with their evidence logs, exactly as the app stores them in localStorage.
//
//   import { thoughtRecordEntries, peopleEntries, storageBytes, fitStorage } from './bench-data.mjs';
//   const entries = thoughtRecordEntries(2000, { seed: 1 });   // [[key, value], …]
//   const { people, observations } = peopleEntries(200, 5000, { seed: 1 });   // two lists of [key, value]
//
// Each entry is `trust-steps/journal/<32 hex id>` → `{"schema":1,"data":{…ThoughtRecord…}}` (see
// src/domain/journal.rs and src/storage/envelope.rs): status "complete", step 8, happened_on spread over the
// year before `end`, one to three feelings re-rated, one to three thinking traps from the catalogue, and about
// 300–700 characters of text over situation, thought, evidence, alternatives and balanced thought. The same seed
// always gives the same records.
//
// People (src/domain/people.rs): `trust-steps/people/<id>` → `{"schema":1,"data":{…Person…}}` with a unique
// name or nickname, a relationship, sometimes a marker (colour slug or emoji), a few archived, and for most of them
// gut ratings of some parts (one to three each, over the year). Observations: `trust-steps/observations/<id>` →
// `{"schema":1,"data":{…Observation…}}`, spread over the people unevenly (the partner has hundreds, most people a
// handful, a few none) and over the year before `end`; about a third are one-tap quick entries with their defaults
// (QuickKind::defaults), the rest typed: part, built or broke, weight 1–3, one sentence, sometimes two.

/** Thinking-trap slugs of the catalogue (src/domain/trap_data.rs). */
export const TRAP_SLUGS = [
  'catastrophizing',
  'overgeneralization',
  'mind-reading',
  'personalization',
  'all-or-nothing',
  'labelling',
  'emotional-reasoning',
  'should-statements',
  'discounting-the-positive',
  'fortune-telling',
  'mental-filter',
  'blaming',
];

/** The feeling chips (COMMON_FEELINGS in src/domain/journal.rs). */
const FEELINGS = [
  'Anxious',
  'Hurt',
  'Angry',
  'Sad',
  'Afraid',
  'Jealous',
  'Ashamed',
  'Lonely',
  'Suspicious',
  'Disappointed',
  'Embarrassed',
  'Guilty',
  'Rejected',
  'Overwhelmed',
  'Numb',
];

const PEOPLE = [
  ['my partner', 'they'],
  ['Sam', 'he'],
  ['Alex', 'she'],
  ['my sister', 'she'],
  ['my best friend', 'she'],
  ['my manager', 'he'],
  ['a coworker', 'she'],
  ['my mum', 'she'],
  ['my dad', 'he'],
  ['Jordan', 'they'],
  ['my flatmate', 'he'],
  ['the person I have been dating', 'she'],
];

const SITUATIONS = [
  '{P} said {s} would text after work, and I heard nothing until almost ten at night.',
  'I saw that {P} had been online for an hour but still had not answered my message from the morning.',
  '{P} cancelled our plans for Saturday about two hours before we were meant to meet.',
  'At dinner {P} kept checking {pos} phone and turned it face down when I looked over.',
  '{P} went out with friends and did not invite me, and I only found out from photos.',
  'In the team meeting {P} presented an idea I had shared in private last week.',
  '{P} replied to my long message with a single thumbs-up.',
  'I waited outside the cinema for twenty minutes because {P} was running late again.',
  '{P} mentioned an old friend I had never heard of and changed the subject when I asked.',
  'I asked {P} for help moving and {s} said {s} was busy, then posted pictures from the park.',
  '{P} forgot my birthday until the evening and apologised by text.',
  'We had a small argument about money and {P} went quiet for the rest of the evening.',
  '{P} told me something private about a friend, and I wondered what {s} says about me.',
  'I found out {P} had lunch with an ex and did not tell me about it.',
  'My message to {P} showed as read at noon and there was still no reply by the evening.',
];

const DETAILS = [
  'It was the third time this month.',
  'I had been looking forward to it all week.',
  'I was already tired after a long day at work.',
  'Nobody else seemed to notice anything.',
  'I kept refreshing the chat while I waited.',
  'Afterwards I could not concentrate on anything else.',
  'I replayed the conversation in my head on the bus home.',
  'Earlier that day things had felt fine between us.',
];

const THOUGHTS = [
  '{S} does not care about me anymore and is losing interest.',
  '{S} is hiding something from me, people always do eventually.',
  'I am not important to {o}; I never have been.',
  "If I say anything {s} will think I'm needy and leave.",
  'This always happens to me. I cannot trust anyone.',
  '{S} is lying, and I am stupid for believing {o} again.',
  'It must be something I did wrong. I ruin everything.',
  '{S} should know how much this hurts me by now.',
  'Everyone is laughing at me behind my back.',
  'This is the beginning of the end, I can feel it.',
];

const EVIDENCE_FOR = [
  '{S} did not reply for hours, which is unusual.',
  'Last year {s} kept something from me and I only found out later.',
  '{S} has seemed distracted for a couple of weeks.',
  'My ex did exactly the same thing before leaving.',
  '{S} did not explain why and I did not ask.',
  'It has happened before, more than once.',
];

const EVIDENCE_AGAINST = [
  '{S} apologised and told me {s} had a deadline and no signal on the train.',
  'Last weekend {s} drove an hour to help me when I was unwell.',
  '{S} introduced me to {pos} family and talks about plans for next year.',
  'When I asked directly before, {s} answered honestly even when it was awkward.',
  'Most of the time {s} replies quickly and checks in on me.',
  'Friends who know {o} say {s} is reliable, just disorganised with messages.',
  'There is no actual sign that {s} is hiding anything, only my fear.',
];

const ALTERNATIVES = [
  '{S} might have been exhausted and forgot to reply.',
  'Work may have been stressful and {s} needed time alone.',
  '{S} could have assumed I was busy too.',
  'Maybe {s} was embarrassed and did not know how to bring it up.',
  'The plans may have changed at the last minute for reasons that have nothing to do with me.',
  '{S} might not realise how much this matters to me, because I have not said so.',
];

const BALANCED = [
  "{S} was late replying, which hurt, but one slow answer does not mean {s} doesn't care; I can tell {o} it worried me.",
  'I do not know what {s} was thinking. I can ask calmly instead of assuming the worst.',
  'My past makes me expect betrayal, but {P} has mostly been reliable and deserves a fair hearing.',
  'It is fine to feel hurt. It is not proof that I am unimportant to {o}.',
  'One cancelled plan is disappointing, not a pattern; I will suggest another day and see how it goes.',
  'I can set a boundary about this without deciding the whole relationship is over.',
];

/** mulberry32: small, fast, good enough for test data; returns floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Generates `count` finished thought records. Returns `[key, value]` pairs ready for localStorage.setItem.
 * `end` is the newest possible day (records spread over the 365 days up to it).
 */
export function thoughtRecordEntries(count, { seed = 1, end = '2025-06-30' } = {}) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const pickSome = (xs, lo, hi) => {
    const pool = [...xs];
    const out = [];
    for (let n = int(lo, hi); n > 0 && pool.length; n--) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
    return out;
  };
  const endMs = Date.parse(`${end}T00:00:00Z`);
  const entries = [];
  const ids = new Set();
  while (entries.length < count) {
    let id = '';
    for (let i = 0; i < 4; i++) id += Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0');
    if (ids.has(id)) continue;
    ids.add(id);

    const [person, pronoun] = pick(PEOPLE);
    const forms = {
      they: { s: 'they', o: 'them', pos: 'their' },
      he: { s: 'he', o: 'him', pos: 'his' },
      she: { s: 'she', o: 'her', pos: 'her' },
    }[pronoun];
    const fill = (template) =>
      template
        .replaceAll('{P}', person)
        .replaceAll('{S}', capital(forms.s))
        .replaceAll('{s}', forms.s)
        .replaceAll('{o}', forms.o)
        .replaceAll('{pos}', forms.pos)
        .replace(/^./, (c) => c.toUpperCase());

    // Text fields: one sentence each, then more until the record reaches its 300–700 characters of text.
    const text = {
      situation: fill(pick(SITUATIONS)),
      thought: fill(pick(THOUGHTS)),
      evidence_for: fill(pick(EVIDENCE_FOR)),
      evidence_against: fill(pick(EVIDENCE_AGAINST)),
      alternatives: fill(pick(ALTERNATIVES)),
      balanced: fill(pick(BALANCED)),
    };
    const pools = {
      situation: DETAILS,
      evidence_for: EVIDENCE_FOR,
      evidence_against: EVIDENCE_AGAINST,
      alternatives: ALTERNATIVES,
    };
    const target = int(300, 700);
    const length = () => Object.values(text).reduce((n, t) => n + t.length, 0);
    for (let guard = 0; length() < target && guard < 12; guard++) {
      const field = pick(Object.keys(pools));
      const more = fill(pick(pools[field]));
      if (!text[field].includes(more) && length() + more.length < 700) text[field] += ` ${more}`;
    }

    const day = new Date(endMs - int(0, 364) * 86_400_000);
    const happenedOn = day.toISOString().slice(0, 10);
    const created = new Date(day.getTime() + int(7 * 3600, 23 * 3600) * 1000 + int(0, 999));
    const updated = new Date(created.getTime() + int(3, 40) * 60_000 + int(0, 59_999));
    const feelings = pickSome(FEELINGS, 1, 3).map((name) => {
      const before = int(40, 95);
      return { name, before, after: Math.max(0, before - int(-5, 50)) };
    });
    const data = {
      id,
      created_at: created.toISOString(),
      updated_at: updated.toISOString(),
      status: 'complete',
      step: 8,
      happened_on: happenedOn,
      situation: text.situation,
      person_id: null,
      thought: text.thought,
      feelings,
      traps: pickSome(TRAP_SLUGS, 1, 3),
      evidence_for: text.evidence_for,
      evidence_against: text.evidence_against,
      alternatives: text.alternatives,
      balanced: text.balanced,
    };
    entries.push([`trust-steps/journal/${id}`, JSON.stringify({ schema: 1, data })]);
  }
  return entries;
}

/** Storage the entries take as the browser's quota counts it (and as the app shows it): UTF-16, 2 bytes a unit. */
export function storageBytes(entries) {
  return entries.reduce((n, [k, v]) => n + 2 * (k.length + v.length), 0);
}

/** The quota the app plans for (src/domain/storage_space.rs): 5 MiB as WebKit counts it, 2 bytes a UTF-16 unit. */
export const PLANNED_QUOTA_UNITS = (5 * 1024 * 1024) / 2;

/**
 * UTF-16 units a stored value takes with the passphrase lock on, sealed in `form`: 'enc1' (base64, earlier builds)
 * or 'enc2' (15 bits a unit, this build). The exact formula of src/storage/crypto.rs (`sealed_units`, checked
 * against real sealing in tests/crypto.rs): a 5-character prefix, then the 12-byte IV, the ciphertext (as long as
 * the value's UTF-8) and the 16-byte tag, encoded.
 */
export function sealedUnits(value, form) {
  const bytes = 12 + Buffer.byteLength(value, 'utf8') + 16;
  return 5 + (form === 'enc1' ? 4 * Math.ceil(bytes / 3) : Math.ceil((bytes * 8) / 15));
}

/**
 * UTF-16 units the entries take in storage: `form` 'plain' (lock off), or 'enc1' / 'enc2' (lock on: every value
 * sealed but the settings, which stay plain, as src/storage/locked.rs does).
 */
export function storedUnits(entries, form = 'plain') {
  return entries.reduce(
    (n, [k, v]) => n + k.length + (form === 'plain' || k === 'trust-steps/settings' ? v.length : sealedUnits(v, form)),
    0,
  );
}

/** The longest prefix of `entries` that stays within `maxBytes` (see storageBytes). */
export function fitStorage(entries, maxBytes) {
  let total = 0;
  let n = 0;
  for (const [k, v] of entries) {
    const size = 2 * (k.length + v.length);
    if (total + size > maxBytes) break;
    total += size;
    n++;
  }
  return entries.slice(0, n);
}

// --- People and observations ------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Sam', 'Alex', 'Jordan', 'Priya', 'Tom', 'Maria', 'Chen', 'Aisha', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Farah',
  'George', 'Hannah', 'Isaac', 'Jess', 'Kofi', 'Lena', 'Marcus', 'Nadia', 'Oscar', 'Pia', 'Quinn', 'Rosa', 'Sofia',
  'Theo', 'Uma', 'Victor', 'Wren', 'Yusuf', 'Zoe', 'Ali', 'Bea', 'Carlos', 'Dana', 'Eli', 'Fiona', 'Gabe', 'Hugo',
  'Ines', 'Jamal', 'Kate', 'Leo', 'Mia', 'Noah', 'Olga', 'Pedro', 'Rhys', 'Sana', 'Tariq', 'Vera', 'Will', 'Xin',
  'Yara', 'Zainab', 'Amira', 'Bruno', 'Cleo', 'Dev', 'Elif', 'Finn', 'Grace', 'Hana', 'Ivan', 'Jo', 'Kai', 'Lucia',
  'Mateo', 'Nina', 'Omar', 'Ruth', 'Sven', 'Tess', 'Ravi', 'Lou', 'Mo', 'Ada', 'Kim', 'Pat',
];
const SURNAME_INITIALS = 'ABCDEFGHJKLMNOPRSTVW';
/** Nicknames and roles people use instead of a name (family, work, neighbours). */
const NICKNAMES = [
  ['Mum', 'family'], ['Dad', 'family'], ['Gran', 'family'], ['Grandad', 'family'], ['Auntie Bee', 'family'],
  ['Uncle Raj', 'family'], ['my brother', 'family'], ['little sis', 'family'], ['cousin Mel', 'family'],
  ['the boss', 'colleague'], ['J from accounts', 'colleague'], ['new team lead', 'colleague'], ['Coach Dee', 'other'],
  ['the landlord', 'other'], ['neighbour at no. 12', 'other'], ['my therapist', 'other'], ['gym buddy', 'friend'],
  ['book club Sue', 'friend'], ['school mum Kat', 'friend'], ['flatmate', 'friend'], ['ex (Chris)', 'other'],
];
const DETAILS_FOR_NAMES = ['work', 'climbing', 'uni', 'school', 'choir', 'the café', 'football', 'next door', 'online'];
const RELATIONSHIPS = ['partner', 'family', 'friend', 'colleague', 'other'];
const EMOJI_MARKERS = ['🌻', '⭐', '🐢', '🎸', '☕', '🌊', '🦊', '💼'];
const COLOUR_MARKERS = ['teal', 'amber', 'rose', 'violet', 'green', 'grey'];
const PARTS = ['reliability', 'honesty', 'integrity', 'competence', 'benevolence'];
/** QuickKind values with their defaults (src/domain/people.rs QuickKind::defaults). */
const QUICK = [
  ['kept_commitment', 'reliability', 'built', 2, 'Kept a commitment'],
  ['broke_commitment', 'reliability', 'broke', 2, 'Broke a commitment'],
  ['told_truth', 'honesty', 'built', 2, 'Told me the truth'],
  ['caught_in_lie', 'honesty', 'broke', 3, 'Was caught in a lie'],
  ['supported_when_vulnerable', 'benevolence', 'built', 3, 'Supported me when I was vulnerable'],
  ['dismissed', 'benevolence', 'broke', 2, 'Dismissed me'],
];
/** Typed observations by part and direction. */
const WHAT = {
  reliability: {
    built: [
      'Picked me up from the station on time, as promised.',
      'Paid back the money the day they said they would.',
      'Remembered to call after my appointment.',
      'Turned up to help with the move even though it rained all day.',
      'Sent the documents before the deadline.',
    ],
    broke: [
      'Said they would call at eight and never did.',
      'Cancelled dinner an hour before, third time this month.',
      'Forgot to feed the cat while I was away.',
      'Was forty minutes late and did not text.',
      'Promised to sort the bills and left them again.',
    ],
  },
  honesty: {
    built: [
      'Told me straight that they did not like the plan, kindly.',
      'Admitted they had forgotten instead of making an excuse.',
      'Owned up to breaking the mug.',
      'Said they were hurt by what I said instead of going quiet.',
    ],
    broke: [
      'Said they were at home; their story later did not add up.',
      'Left out that their ex was at the party.',
      'Told others a different version of what happened.',
      'Claimed they had replied when the message was never sent.',
    ],
  },
  integrity: {
    built: [
      'Kept a friend’s secret even when it would have been easier not to.',
      'Returned extra change the shop gave them.',
      'Stood up for a colleague who was not in the room.',
    ],
    broke: [
      'Gossiped about a friend right after being nice to her face.',
      'Took credit for work the team did together.',
      'Said one thing to me and the opposite to my sister.',
    ],
  },
  competence: {
    built: [
      'Fixed the leaking tap properly.',
      'Handled the booking mix-up calmly and sorted it.',
      'Gave good advice about the job offer.',
    ],
    broke: [
      'Got the directions wrong again and we missed the start.',
      'Lost the spare key a second time.',
      'Did the tax form wrong and we had to redo it.',
    ],
  },
  benevolence: {
    built: [
      'Checked in on me after a hard week without being asked.',
      'Brought soup when I was ill.',
      'Listened for an hour and did not try to fix it.',
      'Defended me when someone made a joke at my expense.',
    ],
    broke: [
      'Laughed when I said I was anxious about the interview.',
      'Rolled their eyes when I brought up how I felt.',
      'Made a joke about my family in front of their friends.',
      'Changed the subject when I said I was struggling.',
    ],
  },
};
const WHAT_MORE = [
  ' It meant a lot.',
  ' Not the first time.',
  ' I noticed I was expecting the worst.',
  ' Small thing, but it counts.',
  ' We talked about it later.',
];

/** A random 32-hex-digit id, as new_id() makes them. */
function hexId(rand) {
  let id = '';
  for (let i = 0; i < 4; i++) id += Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0');
  return id;
}

/**
 * Generates `peopleCount` people and `observationCount` observations about them (see the header). Returns
 * `{ people, observations }`, each a list of `[key, value]` pairs ready for localStorage.setItem. The first person
 * has the most observations. `end` is the newest possible day (everything spread over the 365 days up to it).
 */
export function peopleEntries(peopleCount, observationCount, { seed = 1, end = '2025-06-30' } = {}) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const endMs = Date.parse(`${end}T00:00:00Z`);
  const dayOf = (daysBack) => new Date(endMs - daysBack * 86_400_000);
  const timeOn = (day) => new Date(day.getTime() + int(7 * 3600, 23 * 3600) * 1000 + int(0, 999));
  const ids = new Set();
  const freshId = () => {
    for (;;) {
      const id = hexId(rand);
      if (!ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
  };

  // People: the first is the partner, then family and close friends by nickname, then first names (with an
  // initial or a detail when taken, as someone would tell two Sams apart).
  const names = new Set();
  const people = [];
  for (let i = 0; i < peopleCount; i++) {
    let name;
    let relationship;
    if (i === 0) [name, relationship] = [pick(FIRST_NAMES), 'partner'];
    else if (i <= NICKNAMES.length && rand() < 0.7) [name, relationship] = NICKNAMES[i - 1];
    else [name, relationship] = [pick(FIRST_NAMES), pick(RELATIONSHIPS.slice(1))];
    for (let guard = 0; names.has(name.toLowerCase()); guard++) {
      const base = name.replace(/ [A-Z]\.$| \(.*\)$/, '');
      name =
        guard < 6 && rand() < 0.6
          ? `${base} ${SURNAME_INITIALS[int(0, SURNAME_INITIALS.length - 1)]}.`
          : `${base} (${pick(DETAILS_FOR_NAMES)})`;
      if (guard > 20) name = `${base} ${i}`;
    }
    names.add(name.toLowerCase());
    const roll = rand();
    const marker = roll < 0.2 ? pick(COLOUR_MARKERS) : roll < 0.3 ? pick(EMOJI_MARKERS) : '';
    const created = timeOn(dayOf(int(300, 364)));
    // Most people have a gut rating of some parts, some rated more than once during the year.
    const gut = [];
    if (i === 0 || rand() < 0.75) {
      for (const part of PARTS) {
        if (i !== 0 && rand() < 0.4) continue;
        let rating = int(20, 90);
        for (let n = int(1, 3), back = int(200, 299); n > 0; n--, back -= int(20, 90)) {
          gut.push({ at: timeOn(dayOf(Math.max(0, back))).toISOString(), part, rating });
          rating = Math.max(0, Math.min(100, rating + int(-20, 20)));
        }
      }
      gut.sort((a, b) => a.at.localeCompare(b.at));
    }
    const updated = gut.length ? gut.at(-1).at : created.toISOString();
    people.push({
      id: freshId(),
      created_at: created.toISOString(),
      updated_at: updated,
      name,
      relationship,
      marker,
      archived: i > 0 && rand() < 0.06,
      gut,
    });
  }

  // How the observations are shared: Zipf-like weights (1 / rank), a few people with none at all.
  const weights = people.map((_, i) => (i >= 10 && rand() < 0.08 ? 0 : 1 / (i + 1) ** 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / total) * observationCount));
  for (let left = observationCount - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) counts[i % 8]++;

  const observations = [];
  people.forEach((person, p) => {
    // Each person leans one way, part by part, so the profiles differ.
    const lean = Object.fromEntries(PARTS.map((part) => [part, 0.3 + rand() * 0.5]));
    const firstDay = Math.min(364, Math.round((endMs - Date.parse(person.created_at)) / 86_400_000));
    for (let n = 0; n < counts[p]; n++) {
      const day = dayOf(int(0, firstDay));
      const created = new Date(timeOn(day).getTime() + (rand() < 0.2 ? int(1, 2) * 86_400_000 : 0));
      const edited = rand() < 0.1;
      const updated = edited ? new Date(created.getTime() + int(1, 600) * 60_000) : created;
      let data;
      if (rand() < 0.35) {
        const [kind, part, direction, weight, text] = pick(QUICK);
        data = { part, direction, weight, what: text + (rand() < 0.2 ? pick(WHAT_MORE) : ''), kind };
      } else {
        const part = pick(PARTS);
        const direction = rand() < lean[part] ? 'broke' : 'built';
        const what = pick(WHAT[part][direction]) + (rand() < 0.3 ? pick(WHAT_MORE) : '');
        data = { part, direction, weight: int(1, 3), what, kind: null };
      }
      observations.push({
        id: freshId(),
        created_at: created.toISOString(),
        updated_at: updated.toISOString(),
        person_id: person.id,
        happened_on: day.toISOString().slice(0, 10),
        what: data.what,
        part: data.part,
        direction: data.direction,
        weight: data.weight,
        kind: data.kind,
      });
    }
  });
  // Stored in the order they were logged, as a user would have added them.
  observations.sort((a, b) => a.created_at.localeCompare(b.created_at));

  const entry = (prefix) => (data) => [`${prefix}${data.id}`, JSON.stringify({ schema: 1, data })];
  return {
    people: people.map(entry('trust-steps/people/')),
    observations: observations.map(entry('trust-steps/observations/')),
  };
}

const PROMISE_TEXTS = [
  ['Take a ten-minute walk outside', 'daily'],
  ['Go to bed at the time I chose', 'daily'],
  ['Write one line about my day', 'daily'],
  ['Pause for three breaths before I reply when I feel upset', 'daily'],
  ['Do the one small task I have been putting off', 'weekly'],
  ['Spend an hour on something I enjoy, just for me', 'weekly'],
];

const BELIEF_TEXTS = [
  'People always let me down in the end',
  'If I show who I really am, people will leave',
  'I cannot trust my own judgement about people',
  'Everyone lies when it suits them',
  'I have to check, or I will be fooled again',
  'Nobody keeps their promises to me',
];

/**
 * The rest of a year of heavy use, for the Progress page (scripts/bench.mjs, `progress`): `promises` promises
 * (daily and weekly) with `checkins` check-ins between them, about 80% kept, spread over the 365 days up to
 * `end`; six core beliefs re-rated every two to four weeks, slowly loosening; a disclosure ladder of six steps
 * with `experiments` experiments for `personId` (most done, the feared outcome coming true about one time in
 * five); and the course with every lesson of `lessons` done over the year. Returns `[key, value]` pairs.
 */
export function yearEntries({ seed = 1, end, promises = 6, checkins = 1000, experiments = 40, personId, lessons = [] }) {
  const rand = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const endMs = Date.parse(`${end}T00:00:00Z`);
  const dayOf = (back) => new Date(endMs - back * 86_400_000);
  const timeOn = (day) => new Date(day.getTime() + int(7 * 3600, 22 * 3600) * 1000 + int(0, 999));
  const iso = (day) => day.toISOString().slice(0, 10);
  const entries = [];
  const put = (prefix, data) => entries.push([`trust-steps/${prefix}/${data.id}`, JSON.stringify({ schema: 1, data })]);

  // Promises: check-ins dealt out in turn, each promise walking back from `end` one period at a time, some
  // periods skipped (nothing checked in), so the calendar of each is honest (at most one check-in per period).
  const list = Array.from({ length: promises }, (_, i) => {
    const [text, recurrence] = PROMISE_TEXTS[i % PROMISE_TEXTS.length];
    return { id: hexId(rand), text: i < PROMISE_TEXTS.length ? text : `${text} (${i + 1})`, recurrence, back: int(0, 1), checkins: [] };
  });
  for (let n = 0, i = 0; n < checkins && list.some((p) => p.back <= 364); i++) {
    const p = list[i % list.length];
    if (p.back > 364) continue;
    n++;
    const day = dayOf(p.back);
    p.checkins.push({ day: iso(day), kept: rand() < 0.8, note: '', at: timeOn(day).toISOString() });
    p.back += (p.recurrence === 'weekly' ? 7 : 1) + (rand() < 0.15 ? (p.recurrence === 'weekly' ? 7 : 1) : 0);
  }
  for (const p of list) {
    p.checkins.sort((a, b) => a.day.localeCompare(b.day));
    const created = new Date(Date.parse(`${p.checkins[0]?.day ?? end}T08:00:00Z`) - 86_400_000);
    put('promises', {
      id: p.id,
      created_at: created.toISOString(),
      updated_at: p.checkins.at(-1)?.at ?? created.toISOString(),
      text: p.text,
      recurrence: p.recurrence,
      start_day: iso(created),
      archived: false,
      checkins: p.checkins,
    });
  }

  // Beliefs: first rated about a year ago, then every 14–28 days, drifting down.
  for (const statement of BELIEF_TEXTS) {
    const ratings = [];
    let strength = int(70, 95);
    for (let back = int(330, 364); back >= 0; back -= int(14, 28)) {
      ratings.push({ at: timeOn(dayOf(back)).toISOString(), strength });
      strength = Math.max(5, Math.min(100, strength - int(-4, 8)));
    }
    put('beliefs', {
      id: hexId(rand),
      created_at: ratings[0].at,
      updated_at: ratings.at(-1).at,
      statement,
      ratings,
      evidence_for: [],
      evidence_against: [],
      reframed: '',
    });
  }

  // A ladder for one person: six steps, experiments spread over the year (the newest few still waiting).
  if (personId) {
    const steps = ['Share an opinion', 'Share a small personal fact', 'Ask a small favour', 'Share a worry', 'Ask for support', 'Rely on them for something that matters'];
    const byStep = steps.map(() => []);
    for (let n = 0; n < experiments; n++) {
      const back = Math.round(364 - (n * 360) / experiments) - int(0, 3);
      const planned = timeOn(dayOf(Math.max(0, back)));
      const done = n < experiments - 3 ? new Date(planned.getTime() + int(1, 4) * 86_400_000) : null;
      byStep[Math.min(steps.length - 1, Math.floor((n * steps.length) / experiments))].push({
        id: hexId(rand),
        planned_at: planned.toISOString(),
        fear: 'They will brush it off or think less of me',
        fear_likelihood: int(40, 90),
        anxiety: int(3, 9),
        done_at: done && done.toISOString(),
        what_happened: done ? 'They listened and asked a question back.' : '',
        response: done ? (rand() < 0.75 ? 'supportive' : 'neutral') : null,
        fear_came_true: done ? rand() < 0.2 : null,
        learned: '',
      });
    }
    steps.forEach((title, position) => {
      const list = byStep[position];
      const first = list[0]?.planned_at ?? timeOn(dayOf(364)).toISOString();
      put('ladder', {
        id: hexId(rand),
        created_at: first,
        updated_at: list.at(-1)?.done_at ?? first,
        person_id: personId,
        position,
        title,
        experiments: list,
      });
    });
  }

  // The course: lessons done in order over the year.
  const done = {};
  lessons.forEach((slug, i) => {
    const at = timeOn(dayOf(Math.round(364 - (i * 350) / Math.max(1, lessons.length)))).toISOString();
    done[slug] = { done_at: at, opened_at: at, updated_at: at };
  });
  entries.push(['trust-steps/lesson-progress', JSON.stringify({ schema: 1, data: { lessons: done } })]);
  return entries;
}
