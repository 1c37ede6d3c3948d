/** The importer names countries by their current ISO codes only, through the registry's gazetteer. */
import { describe, expect, it } from 'vitest';
import { referenceRegistry as registry } from '../../test/support/reference-registry.ts';
import { parseReport } from './pipeline/index.ts';

const context = { document: 'places.txt', regions: registry.regions, offices: registry.offices, bodies: registry.bodies };

const report = (items: string[]) =>
  [
    '4\tAfrica – Regional Office for Africa',
    'The Regional Office for Africa is based in Addis Ababa.',
    ...items.map((item, i) => `${i + 1}\t${item}`),
  ].join('\n');

describe('countries the importer reads', () => {
  it('are current ISO codes: Zimbabwe is ZW, never the withdrawn RH; Myanmar MM, not BU', () => {
    const proposal = parseReport(
      report([
        'A workshop on Quality of Service was held in Harare, Zimbabwe, 3 - 4 March 2020.',
        'ROA took part in a forum held in Yangon, Myanmar, on 10 June 2020.',
        'ROA supported a training held in Port Vila, Vanuatu, on 12 June 2020.',
      ]),
      context,
    );
    expect(proposal.activities.map((a) => a.place?.country)).toEqual(['ZW', 'MM', 'VU']);
    expect(proposal.activities[0]!.place?.city).toBe('Harare');
  });

  it("reads an official long name as the country's place", () => {
    const proposal = parseReport(report(['ROA organized a workshop on digital inclusion in the Republic of Senegal on 5 May 2020.']), context);
    expect(proposal.activities[0]?.place?.country).toBe('SN');
  });
});
