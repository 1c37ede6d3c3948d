/**
 * The generated words of a report, in the six languages: TD header labels, region headings,
 * the sentences around each office's list, and the default narrative. English follows the seed
 * report word for word; the other languages are our translations, to be checked by the
 * organisation's translators (docs/decisions/0004-reports.md). Names of regions, offices and
 * cities come from the registry, not from here. Pure: Intl only.
 */
import type { Status } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { dateFormat, listOf } from '#src/platform/intl.ts';

export const PURPOSES = ['discussion', 'information', 'decision', 'admin'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Sectors with a banner line; other codes get none. */
type SectorCode = 'ITU-R' | 'ITU-T' | 'ITU-D' | 'GS';

/** Everything the default narrative says, already counted and named in the report's language. */
export interface PresenceFacts {
  /** "31 August 2020": the day the counts are taken. */
  asOf: string;
  regions: string[];
  fieldOffices: number;
  /** Regional offices as "Addis Ababa (Africa)", sorted by city. */
  regionalOffices: string[];
  /** The Office for Europe and where it sits ("at ITU headquarters" or "in Geneva"), if there is one. */
  europeOffice: { name: string; atHeadquarters: boolean; city: string } | null;
  areaOffices: number;
  /** Regions that have area offices, in report order. */
  areaRegions: string[];
}

export interface Resolution25 {
  /** "Rev. Dubai, 2018" in the language. */
  revision: string;
  /** Only the 2018 revision is quoted (from the seed, in English); others are paraphrased. */
  quoted: boolean;
}

export interface Phrases {
  union: string;
  sectorBanner: Partial<Record<SectorCode, string>>;
  studyPeriod(period: string): string;
  original(languageName: string): string;
  documentType: string;
  labels: { questions: string; source: string; title: string; purpose: string; contact: string; keywords: string; abstract: string; tel: string; email: string };
  noQuestions: string;
  purposes: Record<Purpose, string>;
  /** "Africa – Regional Office for Africa" */
  regionHeading(region: string, office: string): string;
  /** "The Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege." */
  basedIn(office: string, city: string, head: string | null): string;
  /** "The ITU Office for Europe is based at the ITU Headquarters in Geneva and is led by …" */
  basedAtHeadquarters(office: string, headquarters: string, city: string, head: string | null): string;
  /** "During the January – August 2020 timeframe, the Regional Office for Africa participated and contributed to …" */
  periodSentence(period: string, office: string, sector: string, bureau: string): string;
  /** After an area office's "based in" sentence. */
  areaOfficeList: string;
  nothingReported: string;
  /** Before the list of an office's activities that fall after the period (the seed's "Furthermore, …"). */
  afterPeriod: string;
  /** After an item whose event did not take place as planned: "The event was postponed to 2021." (date as the register words it; null: unknown). */
  eventPostponed(to: string | null): string;
  eventCancelled: string;
  /** Why an item is listed though not held: "(planned)". */
  statusNotes: Partial<Record<Status, string>>;
  online: string;
  /** "Ndjamena, Chad and online" */
  hybrid(place: string): string;
  /** A round compiled before every contribution was accepted. */
  draft: {
    /** "DRAFT", in the page header of every page. */
    mark: string;
    /** At the top of the document; `missing` is the list of offices already joined, or null when none is missing. */
    notice(missing: string | null): string;
    /** In a region's section, for its offices whose contribution is not accepted yet. */
    regionMissing(offices: string): string;
  };
  honorific(honorific: string | null, name: string): string;
  /** Four-digit numbers and words for small ones, as the language writes counts in prose. */
  count(n: number): string;
  defaults: {
    title(sector: string, period: string): string;
    source(bureau: string): string;
    keywords: string;
    abstract(sector: string, resolution: Resolution25): string;
    introductionTitle: string;
    introduction(facts: PresenceFacts): string;
    mandateTitle(resolution: Resolution25): string;
    mandate(resolution: Resolution25): string;
    coordinationTitle(bureau: string): string;
    coordination(bureau: string, sectorPart: string): string;
    /** "Standardization Sector" and its siblings, as the coordination paragraph names the Sector. */
    sectorPart: Partial<Record<SectorCode, string>>;
    /** Bureau short names where the language does not write the English code ("TSB" → "БСЭ"). */
    bureau(code: string, registryName: string): string;
    /** "ITU-T" as the language writes it. */
    sector(code: string): string;
  };
}

const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** Markdown list of plain names. */
const bullets = (items: readonly string[]): string => items.map((i) => `- ${i}`).join('\n');

const RES25_TITLE: Record<Language, string> = {
  en: 'Strengthening the regional presence',
  fr: 'Renforcement de la présence régionale',
  es: 'Fortalecimiento de la presencia regional',
  ru: 'Укрепление регионального присутствия',
  ar: 'تعزيز الحضور الإقليمي',
  zh: '加强区域代表性',
};

const RES25_QUOTE_EN = [
  '> “*resolves*',
  '>',
  '> 4 that the regional and area offices should contribute, to the extent practicable, inter alia, to the annual four-year rolling operational plans of the General Secretariat and of the three Sectors, with content specific to each regional and area office, linked to the strategic plan for the Union for 2020‑2023 and the Buenos Aires Action Plan, then set up and continue to publish the annual plan/events on the ITU website for implementation;”',
  '>',
  '> (…)',
  '>',
  '> “*further resolves*',
  '>',
  '> 2 that regional offices shall regularly provide reports to the Sector advisory groups, as appropriate, and to inform the Directors of BR and TSB on regional activities related to their respective Sectors”.',
].join('\n');

const en: Phrases = {
  union: 'INTERNATIONAL TELECOMMUNICATION UNION',
  sectorBanner: {
    'ITU-T': 'TELECOMMUNICATION STANDARDIZATION SECTOR',
    'ITU-D': 'TELECOMMUNICATION DEVELOPMENT SECTOR',
    'ITU-R': 'RADIOCOMMUNICATION SECTOR',
    GS: 'GENERAL SECRETARIAT',
  },
  studyPeriod: (p) => `STUDY PERIOD ${p}`,
  original: (l) => `Original: ${l}`,
  documentType: 'TD',
  labels: { questions: 'Question(s):', source: 'Source:', title: 'Title:', purpose: 'Purpose:', contact: 'Contact:', keywords: 'Keywords:', abstract: 'Abstract:', tel: 'Tel:', email: 'E-mail:' },
  noQuestions: 'N/A',
  purposes: { discussion: 'Discussion', information: 'Information', decision: 'Decision', admin: 'Admin' },
  regionHeading: (region, office) => `${region} – ${office}`,
  basedIn: (office, city, head) => `The ${office} is based in ${city}${head ? ` and is led by ${head}` : ''}.`,
  basedAtHeadquarters: (office, hq, city, head) => `The ${office} is based at the ${hq} in ${city}${head ? ` and is led by ${head}` : ''}.`,
  periodSentence: (period, office, sector, bureau) =>
    `During the ${period} timeframe, the ${office} participated and contributed to the following activities of ${sector}/${bureau}:`,
  areaOfficeList: 'It took part in the following activities:',
  nothingReported: 'No activities were reported for this period.',
  afterPeriod: 'Furthermore, after this period:',
  eventPostponed: (to) => (to ? `The event was postponed to ${to}.` : 'The event was postponed.'),
  eventCancelled: 'The event was cancelled.',
  statusNotes: { planned: '(planned)', confirmed: '(confirmed)', postponed: '(postponed)', cancelled: '(cancelled)' },
  online: 'online',
  hybrid: (place) => `${place} and online`,
  draft: {
    mark: 'DRAFT',
    notice: (m) => (m ? `Draft, compiled before every contribution was accepted. Not yet accepted: ${m}.` : 'Draft, not the issued report.'),
    regionMissing: (o) => `Contribution not yet accepted: ${o}.`,
  },
  honorific: (h, name) => (h ? `${h} ${name}` : name),
  count: (n) => EN_NUMBERS[n] ?? String(n),
  defaults: {
    title: (sector, period) => `Contribution of the ITU regional and area offices to the work of ${sector}, ${period}`,
    source: (bureau) => `Director, ${bureau}`,
    keywords: 'Regional presence; Resolution 25; regional offices; area offices',
    abstract: (sector, r) =>
      `This document summarizes contribution of the ITU Regional Offices to the implementation of the ${sector} four-year rolling operational plan as requested by the Resolution 25 (${r.revision.replace(', ', ' ')}) of the ITU Plenipotentiary Conference.`,
    introductionTitle: 'Introduction: ITU Regional Presence',
    introduction: (f) => {
      const n = en.count;
      const parts = [
        `${n(f.regionalOffices.length)} ${plural(f.regionalOffices.length, 'regional office', 'regional offices')} in ${f.regionalOffices.join(', ')}`,
        ...(f.europeOffice ? [`the ${f.europeOffice.name} ${f.europeOffice.atHeadquarters ? 'at ITU headquarters' : `in ${f.europeOffice.city}`}`] : []),
      ];
      const area =
        f.areaOffices > 0
          ? `, as well as ${n(f.areaOffices)} ${plural(f.areaOffices, 'area office', 'area offices')}, located in ${listOf(f.areaRegions, 'en')}`
          : '';
      return [
        `ITU has offices in the ${n(f.regions.length)} BDT regions:`,
        bullets(f.regions),
        `ITU Regional presence counts as of ${f.asOf} an overall of ${n(f.fieldOffices)} field ${plural(f.fieldOffices, 'office', 'offices')}, which include ${parts.join(', and ')}${area}.`,
        'The revised Resolution 25 on strengthening the regional presence, mentioned in the next section, has enhanced the need for a stronger regional presence.',
        'Regional and area offices play a key role in facilitating discussions on regional matters and in the dissemination of information and results of activities of all three Sectors of the Union and the General Secretariat, while avoiding the duplication of such functions with headquarters, and collaborating with the regional telecommunication organizations to make synergies and avoid duplication of activities and efforts.',
      ].join('\n\n');
    },
    mandateTitle: (r) => `ITU Plenipotentiary Resolution 25 (${r.revision})`,
    mandate: (r) =>
      r.quoted
        ? `ITU Plenipotentiary Resolution 25 (${r.revision}) “${RES25_TITLE.en}” introduces new reporting mandates for the Regional and Area offices to the advisory groups of each Sectors:\n\n${RES25_QUOTE_EN}`
        : `ITU Plenipotentiary Resolution 25 (${r.revision}) “${RES25_TITLE.en}” sets out the role of the regional and area offices in the operational plans of the General Secretariat and of the three Sectors, and their reporting to the Sector advisory groups.`,
    coordinationTitle: (b) => `${b} mechanisms of coordination with the Regions`,
    coordination: (b, sectorPart) =>
      [
        `At the initiative of the ${b} Director, conference calls and face-to-face meetings were organized on a regular basis between the regional and areas offices and the ${b} senior management, covering each time overviews, updates, and briefings of activities organized by each ${b} department in the various regions.`,
        `These coordination activities, as well as the establishment of a ${b} Focal Point for the Regions, were conducted keeping in mind the goal of improving coordination and increasing the efficiency of the overall operations, events and activities in the ${sectorPart} in each of the Regions.`,
        'The use of this coordination mechanism is a tool that has led to a significant improvement in the overall coordination with regional and areas offices in terms of events and activities.',
      ].join('\n\n'),
    sectorPart: { 'ITU-T': 'Standardization Sector', 'ITU-D': 'Development Sector', 'ITU-R': 'Radiocommunication Sector', GS: 'General Secretariat' },
    bureau: (code) => code,
    sector: (code) => code,
  },
};

const fr: Phrases = {
  union: 'UNION INTERNATIONALE DES TÉLÉCOMMUNICATIONS',
  sectorBanner: {
    'ITU-T': 'SECTEUR DE LA NORMALISATION DES TÉLÉCOMMUNICATIONS',
    'ITU-D': 'SECTEUR DU DÉVELOPPEMENT DES TÉLÉCOMMUNICATIONS',
    'ITU-R': 'SECTEUR DES RADIOCOMMUNICATIONS',
    GS: 'SECRÉTARIAT GÉNÉRAL',
  },
  studyPeriod: (p) => `PÉRIODE D'ÉTUDES ${p}`,
  original: (l) => `Original: ${l}`,
  documentType: 'TD',
  labels: { questions: 'Question(s):', source: 'Source:', title: 'Titre:', purpose: 'Objet:', contact: 'Contact:', keywords: 'Mots clés:', abstract: 'Résumé:', tel: 'Tél.:', email: 'Courriel:' },
  noQuestions: 's.o.',
  purposes: { discussion: 'Discussion', information: 'Information', decision: 'Décision', admin: 'Administratif' },
  regionHeading: (region, office) => `${region} – ${office}`,
  basedIn: (office, city, head) => `Le ${office} est situé à ${city}${head ? ` et est dirigé par ${head}` : ''}.`,
  basedAtHeadquarters: (office, hq, city, head) => `Le ${office} est situé au ${hq}, à ${city}${head ? `, et est dirigé par ${head}` : ''}.`,
  periodSentence: (period, office, sector, bureau) =>
    `Au cours de la période ${period}, le ${office} a participé et contribué aux activités suivantes de l'${sector}/du ${bureau}:`,
  areaOfficeList: 'Il a pris part aux activités suivantes:',
  nothingReported: "Aucune activité n'a été signalée pour cette période.",
  afterPeriod: 'Par ailleurs, après cette période:',
  eventPostponed: (to) => (to ? `L'événement a été reporté à ${to}.` : "L'événement a été reporté."),
  eventCancelled: "L'événement a été annulé.",
  statusNotes: { planned: '(prévu)', confirmed: '(confirmé)', postponed: '(reporté)', cancelled: '(annulé)' },
  online: 'en ligne',
  hybrid: (place) => `${place} et en ligne`,
  draft: {
    mark: 'PROJET',
    notice: (m) => (m ? `Projet, établi avant l'acceptation de toutes les contributions. Pas encore acceptées: ${m}.` : 'Projet, non le rapport publié.'),
    regionMissing: (o) => `Contribution pas encore acceptée: ${o}.`,
  },
  honorific: (h, name) => {
    const t = { Mr: 'M.', Mrs: 'Mme', Ms: 'Mme', Dr: 'Dr', Prof: 'Pr' }[h ?? ''];
    return t ? `${t} ${name}` : name;
  },
  count: (n) => String(n),
  defaults: {
    title: (sector, period) => `Contribution des bureaux régionaux et de zone de l'UIT aux travaux de l'${sector}, ${period}`,
    source: (bureau) => `Directeur du ${bureau}`,
    keywords: 'Présence régionale; Résolution 25; bureaux régionaux; bureaux de zone',
    abstract: (sector, r) =>
      `Le présent document résume la contribution des bureaux régionaux de l'UIT à la mise en œuvre du plan opérationnel quadriennal glissant de l'${sector}, comme le demande la Résolution 25 (${r.revision}) de la Conférence de plénipotentiaires de l'UIT.`,
    introductionTitle: "Introduction: la présence régionale de l'UIT",
    introduction: (f) => {
      const parts = [
        `${f.regionalOffices.length} ${plural(f.regionalOffices.length, 'bureau régional', 'bureaux régionaux')}, à ${f.regionalOffices.join(', ')}`,
        ...(f.europeOffice ? [`le ${f.europeOffice.name} ${f.europeOffice.atHeadquarters ? "au siège de l'UIT" : `à ${f.europeOffice.city}`}`] : []),
      ];
      const area = f.areaOffices > 0 ? `, ainsi que ${f.areaOffices} ${plural(f.areaOffices, 'bureau de zone', 'bureaux de zone')}, situés en ${listOf(f.areaRegions, 'fr')}` : '';
      return [
        `L'UIT dispose de bureaux dans les ${f.regions.length} régions du BDT:`,
        bullets(f.regions),
        `Au ${f.asOf}, la présence régionale de l'UIT compte au total ${f.fieldOffices} bureaux hors siège, dont ${parts.join(', et ')}${area}.`,
        'La Résolution 25 révisée sur le renforcement de la présence régionale, évoquée dans la section suivante, a renforcé la nécessité d\'une présence régionale plus forte.',
        "Les bureaux régionaux et de zone jouent un rôle essentiel pour faciliter les discussions sur les questions régionales et diffuser les informations et les résultats des activités des trois Secteurs de l'Union et du Secrétariat général, tout en évitant les doubles emplois avec le siège, et collaborent avec les organisations régionales de télécommunication afin de créer des synergies et d'éviter la duplication des activités et des efforts.",
      ].join('\n\n');
    },
    mandateTitle: (r) => `Résolution 25 de la Conférence de plénipotentiaires de l'UIT (${r.revision})`,
    mandate: (r) =>
      `La Résolution 25 de la Conférence de plénipotentiaires de l'UIT (${r.revision}) « ${RES25_TITLE.fr} » définit le rôle des bureaux régionaux et de zone dans les plans opérationnels du Secrétariat général et des trois Secteurs, ainsi que les rapports qu'ils présentent régulièrement aux groupes consultatifs des Secteurs.`,
    coordinationTitle: (b) => `Mécanismes de coordination du ${b} avec les régions`,
    coordination: (b, sectorPart) =>
      [
        `À l'initiative du Directeur du ${b}, des conférences téléphoniques et des réunions en présentiel ont été organisées régulièrement entre les bureaux régionaux et de zone et la direction du ${b}, avec à chaque fois des aperçus, des mises à jour et des exposés sur les activités organisées par chaque département du ${b} dans les différentes régions.`,
        `Ces activités de coordination, ainsi que la désignation d'un point focal du ${b} pour les régions, visaient à améliorer la coordination et à accroître l'efficacité de l'ensemble des opérations, manifestations et activités du ${sectorPart} dans chacune des régions.`,
        "Ce mécanisme de coordination a permis d'améliorer sensiblement la coordination globale avec les bureaux régionaux et de zone en ce qui concerne les manifestations et les activités.",
      ].join('\n\n'),
    sectorPart: { 'ITU-T': 'Secteur de la normalisation', 'ITU-D': 'Secteur du développement', 'ITU-R': 'Secteur des radiocommunications', GS: 'Secrétariat général' },
    bureau: (code) => code,
    sector: (code) => code.replace(/^ITU-/, 'UIT-'),
  },
};

const es: Phrases = {
  union: 'UNIÓN INTERNACIONAL DE TELECOMUNICACIONES',
  sectorBanner: {
    'ITU-T': 'SECTOR DE NORMALIZACIÓN DE LAS TELECOMUNICACIONES',
    'ITU-D': 'SECTOR DE DESARROLLO DE LAS TELECOMUNICACIONES',
    'ITU-R': 'SECTOR DE RADIOCOMUNICACIONES',
    GS: 'SECRETARÍA GENERAL',
  },
  studyPeriod: (p) => `PERIODO DE ESTUDIOS ${p}`,
  original: (l) => `Original: ${l}`,
  documentType: 'TD',
  labels: { questions: 'Cuestión(es):', source: 'Origen:', title: 'Título:', purpose: 'Propósito:', contact: 'Contacto:', keywords: 'Palabras clave:', abstract: 'Resumen:', tel: 'Tel.:', email: 'Correo-e:' },
  noQuestions: 'N/A',
  purposes: { discussion: 'Debate', information: 'Información', decision: 'Decisión', admin: 'Administrativo' },
  regionHeading: (region, office) => `${region} – ${office}`,
  basedIn: (office, city, head) => `La ${office} tiene su sede en ${city}${head ? ` y está dirigida por ${head}` : ''}.`,
  basedAtHeadquarters: (office, hq, city, head) => `La ${office} tiene su sede en la ${hq}, en ${city}${head ? `, y está dirigida por ${head}` : ''}.`,
  periodSentence: (period, office, sector, bureau) =>
    `Durante el periodo ${period}, la ${office} participó y contribuyó en las siguientes actividades del ${sector}/de la ${bureau}:`,
  areaOfficeList: 'Participó en las siguientes actividades:',
  nothingReported: 'No se informó de ninguna actividad durante este periodo.',
  afterPeriod: 'Además, después de este periodo:',
  eventPostponed: (to) => (to ? `El evento se aplazó a ${to}.` : 'El evento se aplazó.'),
  eventCancelled: 'El evento se canceló.',
  statusNotes: { planned: '(prevista)', confirmed: '(confirmada)', postponed: '(aplazada)', cancelled: '(cancelada)' },
  online: 'en línea',
  hybrid: (place) => `${place} y en línea`,
  draft: {
    mark: 'BORRADOR',
    notice: (m) => (m ? `Borrador, compilado antes de que se aceptaran todas las contribuciones. Aún no aceptadas: ${m}.` : 'Borrador, no el informe publicado.'),
    regionMissing: (o) => `Contribución aún no aceptada: ${o}.`,
  },
  honorific: (h, name) => {
    const t = { Mr: 'Sr.', Mrs: 'Sra.', Ms: 'Sra.', Dr: 'Dr.', Prof: 'Prof.' }[h ?? ''];
    return t ? `${t} ${name}` : name;
  },
  count: (n) => String(n),
  defaults: {
    title: (sector, period) => `Contribución de las oficinas regionales y de zona de la UIT a los trabajos del ${sector}, ${period}`,
    source: (bureau) => `Director de la ${bureau}`,
    keywords: 'Presencia regional; Resolución 25; oficinas regionales; oficinas de zona',
    abstract: (sector, r) =>
      `En este documento se resume la contribución de las oficinas regionales de la UIT a la aplicación del plan operacional renovable de cuatro años del ${sector}, como se solicita en la Resolución 25 (${r.revision}) de la Conferencia de Plenipotenciarios de la UIT.`,
    introductionTitle: 'Introducción: presencia regional de la UIT',
    introduction: (f) => {
      const parts = [
        `${f.regionalOffices.length} ${plural(f.regionalOffices.length, 'oficina regional', 'oficinas regionales')}, en ${f.regionalOffices.join(', ')}`,
        ...(f.europeOffice ? [`la ${f.europeOffice.name} ${f.europeOffice.atHeadquarters ? 'en la Sede de la UIT' : `en ${f.europeOffice.city}`}`] : []),
      ];
      const area = f.areaOffices > 0 ? `, así como ${f.areaOffices} ${plural(f.areaOffices, 'oficina de zona', 'oficinas de zona')}, situadas en ${listOf(f.areaRegions, 'es')}` : '';
      return [
        `La UIT tiene oficinas en las ${f.regions.length} regiones de la BDT:`,
        bullets(f.regions),
        `Al ${f.asOf}, la presencia regional de la UIT cuenta con un total de ${f.fieldOffices} oficinas fuera de la Sede, entre ellas ${parts.join(' y ')}${area}.`,
        'La Resolución 25 revisada sobre el fortalecimiento de la presencia regional, mencionada en la sección siguiente, ha reforzado la necesidad de una presencia regional más sólida.',
        'Las oficinas regionales y de zona desempeñan un papel fundamental para facilitar los debates sobre asuntos regionales y difundir la información y los resultados de las actividades de los tres Sectores de la Unión y de la Secretaría General, evitando la duplicación de esas funciones con la Sede, y colaboran con las organizaciones regionales de telecomunicaciones para crear sinergias y evitar la duplicación de actividades y esfuerzos.',
      ].join('\n\n');
    },
    mandateTitle: (r) => `Resolución 25 de la Conferencia de Plenipotenciarios de la UIT (${r.revision})`,
    mandate: (r) =>
      `La Resolución 25 de la Conferencia de Plenipotenciarios de la UIT (${r.revision}) «${RES25_TITLE.es}» establece la función de las oficinas regionales y de zona en los planes operacionales de la Secretaría General y de los tres Sectores, así como los informes que presentan periódicamente a los grupos asesores de los Sectores.`,
    coordinationTitle: (b) => `Mecanismos de coordinación de la ${b} con las regiones`,
    coordination: (b, sectorPart) =>
      [
        `Por iniciativa del Director de la ${b}, se organizaron periódicamente conferencias telefónicas y reuniones presenciales entre las oficinas regionales y de zona y la dirección de la ${b}, que abarcaron en cada ocasión resúmenes, actualizaciones e informes sobre las actividades organizadas por cada departamento de la ${b} en las distintas regiones.`,
        `Estas actividades de coordinación, así como la designación de un Coordinador de la ${b} para las regiones, tuvieron por objeto mejorar la coordinación y aumentar la eficiencia del conjunto de las operaciones, eventos y actividades del ${sectorPart} en cada una de las regiones.`,
        'Este mecanismo de coordinación ha permitido mejorar considerablemente la coordinación general con las oficinas regionales y de zona en lo que respecta a eventos y actividades.',
      ].join('\n\n'),
    sectorPart: { 'ITU-T': 'Sector de Normalización', 'ITU-D': 'Sector de Desarrollo', 'ITU-R': 'Sector de Radiocomunicaciones', GS: 'Secretaría General' },
    bureau: (code) => code,
    sector: (code) => code.replace(/^ITU-/, 'UIT-'),
  },
};

const RU_BUREAUX: Record<string, string> = { TSB: 'БСЭ', BDT: 'БРЭ', BR: 'БР', SG: 'ГС' };

const ru: Phrases = {
  union: 'МЕЖДУНАРОДНЫЙ СОЮЗ ЭЛЕКТРОСВЯЗИ',
  sectorBanner: {
    'ITU-T': 'СЕКТОР СТАНДАРТИЗАЦИИ ЭЛЕКТРОСВЯЗИ',
    'ITU-D': 'СЕКТОР РАЗВИТИЯ ЭЛЕКТРОСВЯЗИ',
    'ITU-R': 'СЕКТОР РАДИОСВЯЗИ',
    GS: 'ГЕНЕРАЛЬНЫЙ СЕКРЕТАРИАТ',
  },
  studyPeriod: (p) => `ИССЛЕДОВАТЕЛЬСКИЙ ПЕРИОД ${p} гг.`,
  original: (l) => `Оригинал: ${l}`,
  documentType: 'TD',
  labels: { questions: 'Вопрос(ы):', source: 'Источник:', title: 'Название:', purpose: 'Цель:', contact: 'Для контактов:', keywords: 'Ключевые слова:', abstract: 'Резюме:', tel: 'Тел.:', email: 'Эл. почта:' },
  noQuestions: 'Н/П',
  purposes: { discussion: 'Обсуждение', information: 'Информация', decision: 'Решение', admin: 'Административные вопросы' },
  regionHeading: (region, office) => `${region} – ${office}`,
  // Russian declines city names; "место расположения: …" keeps them in the nominative the registry holds.
  basedIn: (office, city, head) => `${office}: место расположения – ${city}${head ? `, руководитель – ${head}` : ''}.`,
  basedAtHeadquarters: (office, hq, city, head) => `${office}: место расположения – ${hq}, ${city}${head ? `, руководитель – ${head}` : ''}.`,
  periodSentence: (period, office, sector, bureau) =>
    `В период ${period} ${office} участвовало в следующих мероприятиях ${sector}/${bureau} и содействовало их проведению:`,
  areaOfficeList: 'Отделение участвовало в следующих мероприятиях:',
  nothingReported: 'За этот период о мероприятиях не сообщалось.',
  afterPeriod: 'Кроме того, после этого периода:',
  eventPostponed: (to) => (to ? `Мероприятие перенесено на ${to}.` : 'Мероприятие перенесено.'),
  eventCancelled: 'Мероприятие отменено.',
  statusNotes: { planned: '(запланировано)', confirmed: '(подтверждено)', postponed: '(перенесено)', cancelled: '(отменено)' },
  online: 'онлайн',
  hybrid: (place) => `${place} и онлайн`,
  draft: {
    mark: 'ПРОЕКТ',
    notice: (m) => (m ? `Проект, составленный до принятия всех вкладов. Еще не приняты: ${m}.` : 'Проект, не выпущенный отчет.'),
    regionMissing: (o) => `Вклад еще не принят: ${o}.`,
  },
  honorific: (h, name) => {
    // Non-breaking hyphen and space: "г-н" never splits from the name at a line end.
    const t = { Mr: 'г\u2011н', Mrs: 'г\u2011жа', Ms: 'г\u2011жа', Dr: 'д\u2011р', Prof: 'проф.' }[h ?? ''];
    return t ? `${t}\u00a0${name}` : name;
  },
  count: (n) => String(n),
  defaults: {
    title: (sector, period) => `Вклад региональных и зональных отделений МСЭ в работу ${sector}, ${period}`,
    source: (bureau) => `Директор ${bureau}`,
    keywords: 'Региональное присутствие; Резолюция 25; региональные отделения; зональные отделения',
    abstract: (sector, r) =>
      `В настоящем документе кратко изложен вклад региональных отделений МСЭ в выполнение четырехгодичного скользящего оперативного плана ${sector}, как того требует Резолюция 25 (${r.revision}) Полномочной конференции МСЭ.`,
    introductionTitle: 'Введение: региональное присутствие МСЭ',
    introduction: (f) =>
      [
        `МСЭ имеет отделения во всех регионах БРЭ (${f.regions.length}):`,
        bullets(f.regions),
        `По состоянию на ${f.asOf} региональное присутствие МСЭ насчитывает отделений на местах: ${f.fieldOffices}. В их числе региональные отделения (${f.regionalOffices.length}): ${f.regionalOffices.join(', ')}${
          f.europeOffice ? `; ${f.europeOffice.name} (${f.europeOffice.atHeadquarters ? 'в штаб-квартире МСЭ' : f.europeOffice.city})` : ''
        }${f.areaOffices > 0 ? `; зональные отделения (${f.areaOffices}) в регионах: ${listOf(f.areaRegions, 'ru')}` : ''}.`,
        'Пересмотренная Резолюция 25 об укреплении регионального присутствия, о которой говорится в следующем разделе, усилила необходимость более прочного регионального присутствия.',
        'Региональные и зональные отделения играют ключевую роль в содействии обсуждению региональных вопросов и в распространении информации и результатов деятельности всех трех Секторов Союза и Генерального секретариата, избегая дублирования таких функций со штаб-квартирой, а также сотрудничают с региональными организациями электросвязи для достижения синергии и предотвращения дублирования деятельности и усилий.',
      ].join('\n\n'),
    mandateTitle: (r) => `Резолюция 25 Полномочной конференции МСЭ (${r.revision})`,
    mandate: (r) =>
      `Резолюция 25 Полномочной конференции МСЭ (${r.revision}) «${RES25_TITLE.ru}» определяет роль региональных и зональных отделений в оперативных планах Генерального секретариата и трех Секторов, а также регулярное представление ими отчетов консультативным группам Секторов.`,
    coordinationTitle: (b) => `Механизмы координации ${b} с регионами`,
    coordination: (b, sectorPart) =>
      [
        `По инициативе Директора ${b} на регулярной основе проводились телефонные конференции и очные собрания региональных и зональных отделений с руководством ${b}, на которых каждый раз представлялись обзоры, обновленная информация и брифинги о мероприятиях, организуемых каждым департаментом ${b} в различных регионах.`,
        `Эта координационная деятельность, а также назначение координатора ${b} по регионам осуществлялись с целью улучшения координации и повышения эффективности всей работы, мероприятий и деятельности ${sectorPart} в каждом из регионов.`,
        'Использование этого механизма координации позволило значительно улучшить общую координацию с региональными и зональными отделениями в отношении мероприятий и деятельности.',
      ].join('\n\n'),
    sectorPart: { 'ITU-T': 'Сектора стандартизации', 'ITU-D': 'Сектора развития', 'ITU-R': 'Сектора радиосвязи', GS: 'Генерального секретариата' },
    bureau: (code) => RU_BUREAUX[code] ?? code,
    sector: (code) => code.replace(/^ITU-T$/, 'МСЭ-Т').replace(/^ITU-R$/, 'МСЭ-R').replace(/^ITU-D$/, 'МСЭ-D'),
  },
};

const ar: Phrases = {
  union: 'الاتحاد الدولي للاتصالات',
  sectorBanner: { 'ITU-T': 'قطاع تقييس الاتصالات', 'ITU-D': 'قطاع تنمية الاتصالات', 'ITU-R': 'قطاع الاتصالات الراديوية', GS: 'الأمانة العامة' },
  studyPeriod: (p) => `فترة الدراسة ${p}`,
  original: (l) => `الأصل: ${l}`,
  documentType: 'TD',
  labels: { questions: 'المسألة (المسائل):', source: 'المصدر:', title: 'العنوان:', purpose: 'الغرض:', contact: 'جهة الاتصال:', keywords: 'الكلمات الرئيسية:', abstract: 'الملخص:', tel: 'الهاتف:', email: 'البريد الإلكتروني:' },
  noQuestions: 'لا ينطبق',
  purposes: { discussion: 'مناقشة', information: 'معلومات', decision: 'قرار', admin: 'إداري' },
  regionHeading: (region, office) => `${region} – ${office}`,
  basedIn: (office, city, head) => `يقع مقر ${office} في ${city}${head ? ` ويرأسه ${head}` : ''}.`,
  basedAtHeadquarters: (office, hq, city, head) => `يقع مقر ${office} في ${hq} في ${city}${head ? ` ويرأسه ${head}` : ''}.`,
  periodSentence: (period, office, sector, bureau) => `خلال الفترة ${period}، شارك ${office} وأسهم في الأنشطة التالية لقطاع ${sector}/${bureau}:`,
  areaOfficeList: 'وقد شارك في الأنشطة التالية:',
  nothingReported: 'لم يُبلَّغ عن أي أنشطة خلال هذه الفترة.',
  afterPeriod: 'وعلاوة على ذلك، بعد هذه الفترة:',
  eventPostponed: (to) => (to ? `وقد أُجّل الحدث إلى ${to}.` : 'وقد أُجّل الحدث.'),
  eventCancelled: 'وقد أُلغي الحدث.',
  statusNotes: { planned: '(مُخطط له)', confirmed: '(مؤكد)', postponed: '(مؤجل)', cancelled: '(ملغى)' },
  online: 'عبر الإنترنت',
  hybrid: (place) => `${place} وعبر الإنترنت`,
  draft: {
    mark: 'مسودة',
    notice: (m) => (m ? `مسودة، جُمعت قبل قبول جميع المساهمات. لم تُقبل بعد: ${m}.` : 'مسودة، وليست التقرير الصادر.'),
    regionMissing: (o) => `لم تُقبل المساهمة بعد: ${o}.`,
  },
  honorific: (h, name) => {
    const t = { Mr: 'السيد', Mrs: 'السيدة', Ms: 'السيدة', Dr: 'الدكتور', Prof: 'الأستاذ' }[h ?? ''];
    return t ? `${t} ${name}` : name;
  },
  count: (n) => String(n),
  defaults: {
    title: (sector, period) => `مساهمة المكاتب الإقليمية ومكاتب المناطق التابعة للاتحاد في أعمال ${sector}، ${period}`,
    source: (bureau) => `مدير ${bureau}`,
    keywords: 'الحضور الإقليمي؛ القرار 25؛ المكاتب الإقليمية؛ مكاتب المناطق',
    abstract: (sector, r) =>
      `تلخص هذه الوثيقة مساهمة المكاتب الإقليمية للاتحاد في تنفيذ الخطة التشغيلية الرباعية المتجددة لـ ${sector}، على النحو المطلوب في القرار 25 (${r.revision}) لمؤتمر المندوبين المفوضين للاتحاد.`,
    introductionTitle: 'مقدمة: الحضور الإقليمي للاتحاد',
    introduction: (f) =>
      [
        `للاتحاد مكاتب في مناطق مكتب تنمية الاتصالات (${f.regions.length}):`,
        bullets(f.regions),
        `في ${f.asOf}، يبلغ عدد المكاتب الميدانية للاتحاد ${f.fieldOffices}، منها المكاتب الإقليمية (${f.regionalOffices.length}) في ${f.regionalOffices.join('، ')}${
          f.europeOffice ? `، و${f.europeOffice.name} ${f.europeOffice.atHeadquarters ? 'في مقر الاتحاد' : `في ${f.europeOffice.city}`}` : ''
        }${f.areaOffices > 0 ? `، فضلاً عن مكاتب المناطق (${f.areaOffices}) في ${listOf(f.areaRegions, 'ar')}` : ''}.`,
        'وقد عزز القرار 25 المعدَّل بشأن تعزيز الحضور الإقليمي، المذكور في القسم التالي، الحاجة إلى حضور إقليمي أقوى.',
        'وتؤدي المكاتب الإقليمية ومكاتب المناطق دوراً رئيسياً في تيسير المناقشات بشأن المسائل الإقليمية ونشر المعلومات ونتائج أنشطة قطاعات الاتحاد الثلاثة والأمانة العامة، مع تجنب ازدواجية هذه المهام مع المقر، وتتعاون مع المنظمات الإقليمية للاتصالات لتحقيق أوجه التآزر وتجنب ازدواجية الأنشطة والجهود.',
      ].join('\n\n'),
    mandateTitle: (r) => `القرار 25 لمؤتمر المندوبين المفوضين للاتحاد (${r.revision})`,
    mandate: (r) =>
      `يحدد القرار 25 لمؤتمر المندوبين المفوضين للاتحاد (${r.revision}) "${RES25_TITLE.ar}" دور المكاتب الإقليمية ومكاتب المناطق في الخطط التشغيلية للأمانة العامة والقطاعات الثلاثة، وتقديمها التقارير بانتظام إلى الأفرقة الاستشارية للقطاعات.`,
    coordinationTitle: (b) => `آليات التنسيق بين ${b} والمناطق`,
    coordination: (b, sectorPart) =>
      [
        `بمبادرة من مدير ${b}، نُظمت بانتظام مؤتمرات هاتفية واجتماعات حضورية بين المكاتب الإقليمية ومكاتب المناطق والإدارة العليا لـ ${b}، تضمنت في كل مرة لمحات عامة ومعلومات محدّثة وإحاطات بشأن الأنشطة التي تنظمها كل إدارة من إدارات ${b} في مختلف المناطق.`,
        `وقد نُفذت أنشطة التنسيق هذه، إلى جانب تعيين جهة تنسيق لـ ${b} معنية بالمناطق، بهدف تحسين التنسيق وزيادة كفاءة مجمل العمليات والأحداث والأنشطة في ${sectorPart} في كل منطقة من المناطق.`,
        'وقد أدى استخدام آلية التنسيق هذه إلى تحسن كبير في التنسيق العام مع المكاتب الإقليمية ومكاتب المناطق فيما يتعلق بالأحداث والأنشطة.',
      ].join('\n\n'),
    sectorPart: { 'ITU-T': 'قطاع التقييس', 'ITU-D': 'قطاع التنمية', 'ITU-R': 'قطاع الاتصالات الراديوية', GS: 'الأمانة العامة' },
    bureau: (_code, registryName) => registryName,
    sector: (code) => code,
  },
};

const zh: Phrases = {
  union: '国际电信联盟',
  sectorBanner: { 'ITU-T': '电信标准化部门', 'ITU-D': '电信发展部门', 'ITU-R': '无线电通信部门', GS: '总秘书处' },
  studyPeriod: (p) => `${p}年研究期`,
  original: (l) => `原文：${l}`,
  documentType: 'TD',
  labels: { questions: '课题：', source: '来源：', title: '标题：', purpose: '目的：', contact: '联系人：', keywords: '关键词：', abstract: '摘要：', tel: '电话：', email: '电子邮件：' },
  noQuestions: '不适用',
  purposes: { discussion: '讨论', information: '信息', decision: '决定', admin: '行政' },
  regionHeading: (region, office) => `${region} – ${office}`,
  basedIn: (office, city, head) => `${office}设在${city}${head ? `，由${head}领导` : ''}。`,
  basedAtHeadquarters: (office, hq, city, head) => `${office}设在${city}的${hq}${head ? `，由${head}领导` : ''}。`,
  periodSentence: (period, office, sector, bureau) => `在${period}期间，${office}参与并协助了${sector}/${bureau}的以下活动：`,
  areaOfficeList: '该办事处参与了以下活动：',
  nothingReported: '本期间未报告任何活动。',
  afterPeriod: '此外，在本期间之后：',
  eventPostponed: (to) => (to ? `该活动已推迟至${to}。` : '该活动已推迟。'),
  eventCancelled: '该活动已取消。',
  statusNotes: { planned: '（计划中）', confirmed: '（已确认）', postponed: '（已推迟）', cancelled: '（已取消）' },
  online: '线上',
  hybrid: (place) => `${place}及线上`,
  draft: {
    mark: '草稿',
    notice: (m) => (m ? `草稿，在所有文稿获接受之前汇编。尚未接受：${m}。` : '草稿，并非正式发布的报告。'),
    regionMissing: (o) => `文稿尚未接受：${o}。`,
  },
  honorific: (h, name) => {
    const t = { Mr: '先生', Mrs: '女士', Ms: '女士', Dr: '博士', Prof: '教授' }[h ?? ''];
    return t ? `${name}${t}` : name;
  },
  count: (n) => String(n),
  defaults: {
    title: (sector, period) => `国际电联区域代表处和地区办事处对${sector}工作的贡献（${period}）`,
    source: (bureau) => `${bureau}主任`,
    keywords: '区域代表性；第25号决议；区域代表处；地区办事处',
    abstract: (sector, r) => `本文件概述国际电联区域代表处根据国际电联全权代表大会第25号决议（${r.revision}）的要求，为落实${sector}四年滚动运作规划所作的贡献。`,
    introductionTitle: '引言：国际电联的区域代表性',
    introduction: (f) =>
      [
        `国际电联在电信发展局的${f.regions.length}个区域均设有办事处：`,
        bullets(f.regions),
        `截至${f.asOf}，国际电联共有${f.fieldOffices}个外地办事处，其中包括设在${f.regionalOffices.join('、')}的${f.regionalOffices.length}个区域代表处${
          f.europeOffice ? `、${f.europeOffice.atHeadquarters ? '设在国际电联总部的' : `设在${f.europeOffice.city}的`}${f.europeOffice.name}` : ''
        }${f.areaOffices > 0 ? `，以及位于${listOf(f.areaRegions, 'zh')}的${f.areaOffices}个地区办事处` : ''}。`,
        '下一节所述关于加强区域代表性的经修订的第25号决议，进一步凸显了加强区域代表性的必要性。',
        '区域代表处和地区办事处在促进区域事务讨论、传播国际电联三个部门和总秘书处的活动信息和成果方面发挥着关键作用，同时避免与总部职能重复，并与区域电信组织合作，形成协同效应，避免活动和工作重复。',
      ].join('\n\n'),
    mandateTitle: (r) => `国际电联全权代表大会第25号决议（${r.revision}）`,
    mandate: (r) =>
      `国际电联全权代表大会第25号决议（${r.revision}）“${RES25_TITLE.zh}”规定了区域代表处和地区办事处在总秘书处和三个部门运作规划中的作用，以及其定期向各部门顾问组提交报告的职责。`,
    coordinationTitle: (b) => `${b}与各区域的协调机制`,
    coordination: (b, sectorPart) =>
      [
        `在${b}主任的倡议下，区域代表处和地区办事处与${b}高级管理层定期举行电话会议和面对面会议，每次会议均涵盖${b}各部门在各区域所组织活动的概况、最新情况和简报。`,
        `开展这些协调活动以及设立${b}区域协调人，旨在改进协调工作，提高${sectorPart}在各区域的整体运作、会议和活动的效率。`,
        '这一协调机制的运用显著改善了与区域代表处和地区办事处在会议和活动方面的整体协调。',
      ].join('\n\n'),
    sectorPart: { 'ITU-T': '标准化部门', 'ITU-D': '发展部门', 'ITU-R': '无线电通信部门', GS: '总秘书处' },
    bureau: (_code, registryName) => registryName,
    sector: (code) => code,
  },
};

export const PHRASES: Readonly<Record<Language, Phrases>> = { en, fr, es, ru, ar, zh };

const RES25_REVISIONS: ReadonlyArray<{ from: string; place: Record<Language, string>; year: number }> = [
  { from: '2023-01-01', year: 2022, place: { en: 'Bucharest', fr: 'Bucarest', es: 'Bucarest', ru: 'Бухарест', ar: 'بوخارست', zh: '布加勒斯特' } },
  { from: '2019-01-01', year: 2018, place: { en: 'Dubai', fr: 'Dubaï', es: 'Dubái', ru: 'Дубай', ar: 'دبي', zh: '迪拜' } },
  { from: '0000-01-01', year: 2014, place: { en: 'Busan', fr: 'Busan', es: 'Busan', ru: 'Пусан', ar: 'بوسان', zh: '釜山' } },
];

/** The revision of Resolution 25 in force on a day (each Plenipotentiary's acts enter into force on 1 January after it). */
export function resolution25On(day: string, language: Language): Resolution25 {
  const r = RES25_REVISIONS.find((rev) => rev.from <= day) ?? RES25_REVISIONS.at(-1)!;
  const place = r.place[language];
  const revision = {
    en: `Rev. ${place}, ${r.year}`,
    fr: `Rév. ${place}, ${r.year}`,
    es: `Rev. ${place}, ${r.year}`,
    ru: `Пересм. ${place}, ${r.year} г.`,
    ar: `المراجَع في ${place}، ${r.year}`,
    zh: `${r.year}年，${place}，修订版`,
  }[language];
  return { revision, quoted: r.year === 2018 && language === 'en' };
}

// ---- dates ----

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ymd = (iso: string): Ymd => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
const utc = (p: Ymd): Date => new Date(Date.UTC(p.y, p.m - 1, p.d));
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A report period as the seed writes it: "January – August 2020" for whole months, "2 – 20 March 2020"
 * for days, years repeated only when they differ. Chinese: "2020年1月至8月".
 */
export function formatPeriod(from: string, to: string, language: Language): string {
  const a = ymd(from);
  const b = ymd(to);
  const wholeMonths = a.d === 1 && b.d === lastDay(b.y, b.m);
  const sameYear = a.y === b.y;
  if (language === 'zh') {
    const head = wholeMonths ? `${a.y}年${a.m}月` : `${a.y}年${a.m}月${a.d}日`;
    if (from === to || (wholeMonths && sameYear && a.m === b.m)) return head;
    const tail = wholeMonths ? (sameYear ? `${b.m}月` : `${b.y}年${b.m}月`) : sameYear ? (a.m === b.m ? `${b.d}日` : `${b.m}月${b.d}日`) : `${b.y}年${b.m}月${b.d}日`;
    return `${head}至${tail}`;
  }
  const dash = ' – ';
  if (wholeMonths) {
    const monthYear = dateFormat(language, 'month');
    if (sameYear && a.m === b.m) return monthYear.format(utc(a));
    if (sameYear) return `${dateFormat(language, 'monthName').format(utc(a))}${dash}${monthYear.format(utc(b))}`;
    return `${monthYear.format(utc(a))}${dash}${monthYear.format(utc(b))}`;
  }
  const full = dateFormat(language, 'day');
  if (from === to) return full.format(utc(a));
  if (sameYear && a.m === b.m && (language === 'en' || language === 'fr' || language === 'es')) return `${a.d}${dash}${full.format(utc(b))}`;
  if (sameYear) return `${dateFormat(language, 'dayAndMonth').format(utc(a))}${dash}${full.format(utc(b))}`;
  return `${full.format(utc(a))}${dash}${full.format(utc(b))}`;
}
