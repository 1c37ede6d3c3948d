/**
 * Titles: a short name for an activity in the document's own language ("Workshop on Quality of
 * Service", "Regional Development Forum for Europe", "региональный семинар МСЭ по управлению
 * использованием спектра"), taken from its source sentence, which stays whole as the
 * description. The event's noun with the words that name it: capitalised or adjective words
 * before it, its complement after it, up to where the sentence goes on to say where, when or
 * by whom. With no event noun, the sentence's first clause; never a fragment cut with "…".
 */

/** Event nouns, English, French, Spanish and Russian. */
const EVENT_NOUN =
  /(?<![\p{L}])(?:workshops?|seminars?|forums?|fora|meetings?|conferences?|summits?|symposi(?:um|a)|councils?|assembl(?:y|ies)|congress(?:es)?|trainings?|courses?|webinars?|dialogues?|consultations?|missions?|sessions?|weeks?|cyberdrills?|bootcamps?|expo|colloquium|ateliers?|s[ée]minaires?|r[ée]unions?|conf[ée]rences?|formations?|cours|semaine|talleres|taller|seminarios?|foros?|reuni[oó]n(?:es)?|conferencias?|cursos?|semana|capacitaci[oó]n|семинар\p{L}*|форум\p{L}*|заседани\p{L}*|совещани\p{L}*|конференци\p{L}*|курс\p{L}*|вебинар\p{L}*|тренинг\p{L}*)(?![\p{L}])/iu;

/** Words before the noun that belong to its name though written in lower case. */
const NAME_ADJECTIVE =
  /^(?:regional|sub-?regional|national|international|inter-?regional|annual|joint|virtual|online|technical|high-level|expert|preparatory|consultative|ministerial|capacity-building|half-day|two-day|three-day|учебн\p{L}*|\p{L}+(?:ый|ий|ой|ая|ое|ые|ие))$/iu;

/** Where the name ends: the sentence goes on with where, when, by whom or what happened. */
const NAME_END =
  /^(?:held|organi[sz]ed|hosted|co-?organi[sz]ed|supported|convened|which|that|who|was|were|is|are|will|took|takes|taking|from|on|at|in|during|between|with|by|for\s+(?:more|the\s+(?:first|second))|qui|tenue?s?|organis[ée]e?s?|a|aura|s['’]est|à|au|aux|en|celebrad[oa]s?|organizad[oa]s?|que|se|fue|с|в|во|который|которая|которое|прош\p{L}*|состо\p{L}*)$/iu;

/** An adjective written after the noun in French or Spanish ("atelier régional", "foro regional"). */
const ROMANCE_ADJECTIVE = /^\p{Ll}\p{L}*(?:al|ale|ales|aux|ique|iques|ico|ica|icos|icas|iel|ielle|ivo|iva|ario|aria|onal|onale)$/u;

/** A letter's label or a topic heading run into the text ("Subject:", "Africa:"). */
const LABEL = /^\s*(?:subject|objet|asunto|re|тема|[\p{Lu}][\p{L}-]*(?:\s+[\p{L}-]+){0,2})\s*:\s+/iu;
const MAX_WORDS_AFTER = 9;
/** Words that lead on to more: a name or clause cut short does not end on one. */
const CONNECTOR = /^(?:on|of|for|and|the|to|towards?|a|an|in|at|with|be|de|du|des|la|le|y|et|и|по|для|sur|sobre|pour|para|del)$/i;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The event's own name in a sentence, or null when it names no event. */
export function eventName(sentence: string): string | null {
  const text = sentence.replace(LABEL, '');
  // "this week", "last week" is when, not what.
  const noun = [...text.matchAll(new RegExp(EVENT_NOUN.source, 'giu'))].find((m) => !/^weeks?$/.test(m[0]));
  if (!noun || noun.index === undefined) return null;
  const before = text.slice(0, noun.index).split(/\s+/).filter(Boolean);
  const lead: string[] = [];
  for (let i = before.length - 1; i >= 0 && lead.length < 6; i--) {
    const word = before[i]!;
    if (/[,;:.()–—]$/.test(word)) break;
    if (/^(?:the|a|an|la|le|les|l['’]\S*|el|los|las|un|une|una|des|of|de)$/i.test(word) || !(/^[\p{Lu}\d]/u.test(word) || NAME_ADJECTIVE.test(word) || /^[A-Z]{2,}[\w-]*$/.test(word))) break;
    lead.unshift(word);
  }
  // "a connectivity assessment mission": the words between an article and the noun name it.
  if (lead.length === 0 && !/(?:^|\s)(?:a|an|the|un|une|una|la|le|el|l['’])\s*$/iu.test(text.slice(0, noun.index))) {
    const compound = /(?:^|\s)(?:a|an|the|un|une|una|la|le|el)\s+((?:[\p{Ll}][\p{L}-]*\s+){1,3})$/iu.exec(text.slice(0, noun.index));
    if (compound) lead.push(...compound[1]!.trim().split(/\s+/));
  }
  const after = text.slice(noun.index + noun[0].length);
  const tail: string[] = [];
  const words = after.split(/(\s+)/);
  for (const part of words) {
    if (part.trim() === '') continue;
    if (tail.length >= MAX_WORDS_AFTER) break;
    if (/^[(–—]/.test(part)) break;
    const word = part.replace(/[,;:.()–—]+$/, '');
    if (tail.length === 0 && !/^(?:on|of|for|sur|de|du|des|pour|sobre|para|del|de|по|для)$/i.test(word) && !/^[\p{Lu}\d(]/u.test(word) && !ROMANCE_ADJECTIVE.test(word)) break;
    if (tail.length > 0 && NAME_END.test(word)) break;
    if (/^\d{1,4}(?:[-–./]\d+)*$/.test(word) && tail.length > 0) break;
    if (word !== '') tail.push(word);
    if (word !== part.trim() || /^[(–—]/.test(part)) break;
  }
  // "A workshop was successfully organized on “Quality of Service”": the subject named after the verb.
  if (tail.length === 0) tail.push(...subjectAfterVerb(after));
  while (tail.length > 0 && CONNECTOR.test(tail[tail.length - 1]!)) tail.pop();
  const name = [...lead, noun[0], ...tail].join(' ').replace(/[\s,;:–—-]+$/, '');
  return capitalise(name);
}

/** "was (successfully) organized on X" after the noun → ["on", …X] (up to the clause's end, its quotes dropped). */
function subjectAfterVerb(after: string): string[] {
  const match = /^\s+(?:was|were|has\s+been|had\s+been)\s+(?:\p{L}+ly\s+)?(?:organi[sz]ed|held|conducted|hosted|delivered|convened)\s+(on|about)\s+([^,;.()]+)/iu.exec(after);
  if (!match) return [];
  const words = match[2]!.replace(/[“”"«»]/g, '').trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= MAX_WORDS_AFTER - 1 ? [match[1]!.toLowerCase(), ...words] : [];
}

/** The first clause of a sentence, for one that names no event ("Consulted the countries of the region"). */
function firstClause(sentence: string): string {
  const text = sentence.replace(LABEL, '').trim().replace(/[\s.;,:]+$/, '');
  const clause = text.split(/[,;:]\s|\s[–—]\s|\s\(/)[0]!.trim();
  const words = clause.split(/\s+/).slice(0, 14);
  // A clause cut short does not end on a word that leads on ("…related to").
  while (words.length > 1 && CONNECTOR.test(words[words.length - 1]!)) words.pop();
  return capitalise(words.join(' '));
}

/** A short title for an activity read from `sentence`. */
export function shortTitle(sentence: string): string {
  const title = eventName(sentence) ?? firstClause(sentence);
  return title.trim() !== '' ? title : capitalise(sentence.trim().split(/\s+/).slice(0, 14).join(' '));
}
