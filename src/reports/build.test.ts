import { describe, expect, it } from 'vitest';
import { buildReport, byOffice, inDateOrder, itemText, resolveHeader, resolveNarrative, studyPeriodOf } from './build.ts';
import type { Block, ReportTree, Section } from './tree.ts';
import { testActivity } from '../../test/support/factories.ts';
import { offices } from '../../test/support/registry-fixtures.ts';
import { context, definition } from '../../test/support/report-fixtures.ts';

const textOf = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) => {
    switch (b.kind) {
      case 'paragraph':
      case 'subheading':
        return [b.inlines.map((i) => i.text).join('')];
      case 'quote':
        return textOf(b.blocks);
      case 'list':
        return b.items.map((item) => `• ${textOf(item).join(' ')}`);
      case 'table':
        return [b.caption, ...b.rows.map((r) => r.join(' | '))];
    }
  });

const region = (tree: ReportTree, code: string): Section => tree.sections.find((s) => s.region === code)!;
const participating = (...codes: string[]) => codes.map((office) => ({ office, role: 'participated' as const }));

const FEB = { text: '3 and 4 February 2020', start: '2020-02-03', end: '2020-02-04' };
const MAR = { text: '2 - 3 March 2020', start: '2020-03-02', end: '2020-03-03' };
const WHOLE = { text: 'January – August 2020', start: '2020-01-01', end: '2020-08-31' };
const OCT = { text: 'October 2020', start: '2020-10-01', end: '2020-10-31', precision: 'month' as const };

describe('the report tree', () => {
  it('numbers the narrative sections, then one section per region in report order, headed with the regional office', () => {
    const tree = buildReport(definition(), context(), 'en');
    expect(tree.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Introduction: ITU Regional Presence',
      '2 ITU Plenipotentiary Resolution 25 (Rev. Dubai, 2018)',
      '3 TSB mechanisms of coordination with the Regions',
      '4 Africa – Regional Office for Africa',
      '5 Americas – Regional Office for the Americas',
      '6 Arab States – Regional Office for the Arab States',
      '7 Asia and the Pacific – Regional Office for Asia and the Pacific',
      '8 Commonwealth of Independent States – Regional Office for the CIS Region',
      '9 Europe – ITU Office for Europe',
    ]);
  });

  it('names the head of the office on the last day of the period, so a 2020 report names the 2020 head', () => {
    const in2020 = textOf(region(buildReport(definition(), context(), 'en'), 'AFR').blocks)[0];
    expect(in2020).toBe('The Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.');
    const in2023 = textOf(region(buildReport(definition({ from: '2023-01-01', to: '2023-06-30' }), context(), 'en'), 'AFR').blocks)[0];
    expect(in2023).toBe('The Regional Office for Africa is based in Addis Ababa and is led by Mrs Later Head.');
    // No head on record: the sentence stops at the city.
    expect(textOf(region(buildReport(definition(), context(), 'en'), 'AMS').blocks)[0]).toBe('The Regional Office for the Americas is based in Brasilia.');
    expect(textOf(region(buildReport(definition(), context(), 'en'), 'EUR').blocks)[0]).toBe(
      'The ITU Office for Europe is based at the ITU Headquarters in Geneva and is led by Mr Jaroslaw Ponder.',
    );
  });

  it('lists an office\'s activities in date order, dated events before work that ran through the period', () => {
    const whole = testActivity({ date: WHOLE, description: { en: 'Consulted countries.' } });
    const march = testActivity({ date: MAR, description: { en: 'Workshop in Ndjamena.' } });
    const feb = testActivity({ date: FEB, description: { en: 'Workshop in Abuja.' } });
    expect(inDateOrder([whole, march, feb]).map((a) => a.id)).toEqual([feb.id, march.id, whole.id]);
    const africa = textOf(region(buildReport(definition(), context([whole, feb, march]), 'en'), 'AFR').blocks);
    expect(africa).toEqual([
      'The Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.',
      'During the January – August 2020 timeframe, the Regional Office for Africa participated and contributed to the following activities of ITU-T/TSB:',
      '• Workshop in Abuja.',
      '• Workshop in Ndjamena.',
      '• Consulted countries.',
    ]);
  });

  it('puts area offices\' activities under their region, attributed to their office', () => {
    const own = testActivity({ date: FEB, description: { en: 'Regional office item.' } });
    const area = testActivity({ offices: participating('dakar'), date: MAR, description: { en: 'Area office item.' } });
    const africa = textOf(region(buildReport(definition(), context([own, area]), 'en'), 'AFR').blocks);
    expect(africa.slice(2)).toEqual(['• Regional office item.', 'The Area Office for West Africa is based in Dakar. It took part in the following activities:', '• Area office item.']);
  });

  it('says so when a region has nothing to report, and an empty period gives a valid report', () => {
    const tree = buildReport(definition(), context(), 'en');
    for (const code of ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR']) expect(textOf(region(tree, code).blocks).at(-1)).toBe('No activities were reported for this period.');
    expect(tree.activityCount).toBe(0);
  });

  it('lists an activity once per region, under the first of its offices there', () => {
    const shared = testActivity({ offices: participating('dakar', 'addis-ababa', 'cairo', 'geneva'), date: FEB });
    const grouped = byOffice([shared], new Map(offices.map((o) => [o.code, o])));
    expect([...grouped.keys()]).toEqual(['dakar', 'cairo']);
    expect(buildReport(definition(), context([shared]), 'en').activityCount).toBe(1);
  });

  it('writes an item from its fields when it has no description (or when asked to), in the asked language', () => {
    const workshop = testActivity({ date: MAR, title: { en: 'Workshop on Quality of Service' }, place: { mode: 'in-person', city: 'Ndjamena', country: 'TD' } });
    expect(itemText(workshop, 'en', 'description')).toBe('Workshop on Quality of Service, 2\u2009–\u20093 March 2020, Ndjamena, Chad.');
    expect(itemText(workshop, 'fr', 'description')).toBe('Workshop on Quality of Service, 2–3 mars 2020, Ndjamena, Tchad.');
    const planned = testActivity({ offices: participating('cairo'), date: OCT, title: { en: 'Regional workshop.' }, status: 'planned', place: { mode: 'online', city: null, country: null }, description: { en: 'As written.' } });
    expect(itemText(planned, 'en', 'fields')).toBe('Regional workshop, October 2020, online (planned).');
    expect(itemText(planned, 'en', 'description')).toBe('As written.');
    expect(itemText(planned, 'zh', 'fields')).toBe('Regional workshop，2020年10月，线上（计划中）。');
  });

  it('lists what falls in the months after the period after the office\'s own items, once', () => {
    const inside = testActivity({ offices: participating('cairo'), date: FEB, description: { en: 'Promoted TSB events.' } });
    const october = testActivity({ offices: participating('cairo'), date: OCT, status: 'planned', description: { en: 'A workshop in October 2020.' } });
    const repeated = testActivity({ offices: participating('cairo'), date: OCT, status: 'confirmed', description: { en: 'Promoted TSB events.' } });
    const arab = textOf(region(buildReport(definition(), context([inside], [inside, october, repeated]), 'en'), 'ARB').blocks);
    expect(arab.slice(2)).toEqual(['• Promoted TSB events.', 'Furthermore, after this period:', '• A workshop in October 2020.']);
  });

  it('generates the narrative from the registry until someone edits it, and keeps the edits', () => {
    const generated = resolveNarrative(definition(), context(), 'en');
    expect(generated.map((n) => n.edited)).toEqual([false, false, false]);
    // Thirteen offices away from headquarters exist, New Delhi opens in 2023: counted on the period's last day.
    expect(generated[0]!.markdown).toContain('an overall of seven field offices, which include five regional offices in Addis Ababa (Africa), Bangkok (Asia and the Pacific), Brasilia (Americas), Cairo (Arab States), Moscow (Commonwealth of Independent States), and the ITU Office for Europe at ITU headquarters, as well as one area office, located in Africa.');
    expect(resolveNarrative(definition({ to: '2023-12-31' }), context(), 'en')[0]!.markdown).toContain('as well as two area offices, located in Africa and Asia and the Pacific.');
    const edited = definition({ narrative: [{ key: 'introduction', title: null, markdown: 'Our own words.' }, { key: 'mandate', title: null, markdown: '' }, { key: 'annex', title: 'Annex', markdown: 'More.' }] });
    const tree = buildReport(edited, context(), 'en');
    expect(tree.sections.slice(0, 3).map((s) => [s.title, textOf(s.blocks)])).toEqual([
      ['Introduction: ITU Regional Presence', ['Our own words.']],
      ['Annex', ['More.']],
      ['Africa – Regional Office for Africa', expect.any(Array)],
    ]);
  });

  it('fills the TD header from the definition and the registry', () => {
    const header = resolveHeader(definition({ header: { ...definition().header, documentNumber: 'TD 120 Rev.1' } }), context(), 'en');
    expect(header).toMatchObject({
      union: 'INTERNATIONAL TELECOMMUNICATION UNION',
      sectorBanner: 'TELECOMMUNICATION STANDARDIZATION SECTOR',
      studyPeriod: 'STUDY PERIOD 2017-2020',
      group: 'TSAG',
      documentNumber: 'TD 120 Rev.1',
      original: 'Original: English',
      questions: 'N/A',
      placeAndDate: 'Geneva, 14 September 2020',
    });
    expect(header.rows.map((r) => r.label)).toEqual(['Source:', 'Title:', 'Purpose:', 'Keywords:', 'Abstract:']);
    expect(header.rows[0]).toEqual({ label: 'Source:', text: 'Director, TSB' });
    expect(header.rows[4]).toEqual({
      label: 'Abstract:',
      text: 'This document summarizes contribution of the ITU Regional Offices to the implementation of the ITU-T four-year rolling operational plan as requested by the Resolution 25 (Rev. Dubai 2018) of the ITU Plenipotentiary Conference.',
    });
    const fr = resolveHeader(definition(), context(), 'fr');
    expect(fr).toMatchObject({ original: 'Original: anglais', studyPeriod: "PÉRIODE D'ÉTUDES 2017-2020" });
    expect(studyPeriodOf(['2017-2020', '2022-2024'], '2021-06-30')).toBe('2017-2020');
    expect(studyPeriodOf(['2017-2020', '2022-2024'], '2016-06-30')).toBeNull();
  });

  it('writes the generated parts in the asked language, right to left in Arabic', () => {
    const tree = buildReport(definition(), context([testActivity({ date: FEB, description: { en: 'As written.' } })]), 'fr');
    const africa = region(tree, 'AFR');
    expect(africa.title).toBe("Afrique – Bureau régional pour l'Afrique");
    expect(textOf(africa.blocks).slice(0, 3)).toEqual([
      "Le Bureau régional pour l'Afrique est situé à Addis-Abeba et est dirigé par M. Andrew Rugege.",
      "Au cours de la période janvier – août 2020, le Bureau régional pour l'Afrique a participé et contribué aux activités suivantes de l'UIT-T/du TSB:",
      '• As written.',
    ]);
    // Names missing in a language fall back to English.
    expect(region(tree, 'AMS').title).toBe('Amériques – Regional Office for the Americas');
    expect(buildReport(definition(), context(), 'ar').direction).toBe('rtl');
  });

  it('names its file safely', () => {
    const tree = buildReport(definition({ header: { ...definition().header, documentNumber: 'TD 120 Rev.1 "final"/../' } }), context(), 'en');
    expect(tree.fileName).toBe('TSAG-TD-120-Rev.1-final-.-2020-01-01-2020-08-31');
  });
});
