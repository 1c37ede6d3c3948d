import { describe, expect, it } from 'vitest';
import { checkPlanData, readPlanData } from './reference-data.ts';

const stamp = { at: '2026-12-07T00:00:00.000Z', by: 'fieldbook seed' };
const data = await readPlanData('data/reference/plans', stamp);
const item = (id: string) => data.items.find((i) => i.id === id);

describe('the plans as the data files give them', () => {
  it('holds the 2020 plans of ITU-R, ITU-D and the General Secretariat, unconfirmed for that year', () => {
    const plans = new Map(data.plans.map((p) => [p.code, p]));
    for (const code of ['R-2020', 'D-2020', 'GS-2020']) expect(plans.get(code), code).toMatchObject({ kind: 'operational', year: 2020, from: 2020, to: 2023, confirmed: false });
    expect(item('R-2020:output:R.1-1')).toMatchObject({ parent: 'R-2020:objective:R.1', titles: { en: 'Final acts of world radiocommunication conferences, updated Radio Regulations' } });
    expect(item('D-2020:output:D.1-2')).toMatchObject({ parent: 'D-2020:objective:D.1', confirmed: false });
    expect(data.items.filter((i) => i.plan === 'GS-2020')).toEqual([]);
  });

  it('holds the Kigali and Baku initiatives an ITU page names as confirmed, and says what to check of every other', () => {
    expect(item('WTDC-22:initiative:AFR1')).toMatchObject({ region: 'AFR', confirmed: true });
    expect(item('WTDC-22:initiative:CIS1')).toMatchObject({ region: 'CIS', confirmed: true });
    expect(item('WTDC-25:initiative:AMS1')).toMatchObject({ region: 'AMS', confirmed: true });
    // Four for Africa in the Kigali cycle, as ITU counts them; none invented for the Americas or Europe.
    expect(data.items.filter((i) => i.plan === 'WTDC-22' && i.region === 'AFR').map((i) => i.label)).toEqual(['AFR1', 'AFR2', 'AFR3', 'AFR4']);
    expect(data.items.filter((i) => i.plan === 'WTDC-22' && (i.region === 'AMS' || i.region === 'EUR'))).toEqual([]);
    for (const unconfirmed of data.items.filter((i) => !i.confirmed)) expect(unconfirmed.source, unconfirmed.id).toMatch(/check|not found|not confirmed/i);
  });

  it('refuses an initiative without its region, naming the file, the record and the field', () => {
    const file = { file: 'wtdc.json', text: JSON.stringify({ code: 'WTDC-X', kind: 'action', from: 2023, to: 2025, name: { en: 'x' }, confirmed: false, items: [{ level: 'initiative', label: 'AFR1', title: { en: 'x' }, confirmed: false }] }) };
    expect(() => checkPlanData([file], stamp)).toThrow(/wtdc\.json.*item 1 \("AFR1"\).*region/);
  });
});
