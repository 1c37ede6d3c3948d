import { describe, expect, it } from 'vitest';
import { referenceRegistry } from '../../../test/support/reference-registry.ts';
import { findBodies } from './bodies.ts';
import { indexesOf } from './indexes.ts';

const context = { document: 't', regions: referenceRegistry.regions, offices: referenceRegistry.offices, bodies: referenceRegistry.bodies };
const ix = indexesOf(context);
const read = (text: string) => findBodies(text, ix, context, { start: '2020-01-01' }).map((b) => (b.unknown ? `new ${b.code}` : b.code));

describe('the body reader', () => {
  it('reads a conference by its own edition, however written', () => {
    expect(read('the results of WTSA-20 were presented')).toEqual(['WTSA-20']);
    expect(read('the results of WTSA 20 were presented')).toEqual(['WTSA-20']);
    expect(read('preparations for WTDC-21')).toEqual(['WTDC-22']);
  });

  it('proposes an edition the registry does not know as a new body, not the nearest one', () => {
    expect(read('the results of WTSA 12 were presented')).toEqual(['new WTSA-12']);
    expect(read('the results of WTSA-16')).toEqual(['new WTSA-16']);
  });

  it('reads regional organisations and regional groups', () => {
    expect(read('with CITEL and the SG12 RG-AFR')).toEqual(['CITEL', 'SG12RG-AFR']);
  });
});
