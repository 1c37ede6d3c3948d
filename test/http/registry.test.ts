import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';

const EVERY_OFFICE = [
  'addis-ababa', 'dakar', 'harare', 'yaounde',
  'brasilia', 'bridgetown', 'santiago', 'tegucigalpa',
  'cairo',
  'bangkok', 'jakarta', 'new-delhi',
  'moscow',
  'europe', 'geneva',
];

const SEED_HEADS: Record<string, string> = {
  'addis-ababa': 'Mr Andrew Rugege',
  brasilia: 'Mr Bruno Ramos',
  cairo: 'Mr Adel Darwish',
  bangkok: 'Mrs Atsuko Okuda',
  moscow: 'Mrs Natalia Mochu',
  europe: 'Mr Jaroslaw Ponder',
};

// The tests only read the seeded registry, so they share one database.
describeHttp('registry over HTTP', { database: 'shared' }, (http) => {

  it('answers the health check with its database', async () => {
    const res = await http.server.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: http.dialect });
  });

  it('lists the six regions in report order', async () => {
    const res = await http.server.request('GET', '/api/regions');
    expect(res.status).toBe(200);
    expect(res.body.next).toBeNull();
    expect(res.body.data.map((r: { code: string }) => r.code)).toEqual(['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR']);
    expect(res.body.data[3].name).toBe('Asia and the Pacific');
  });

  it('lists every office with the head the seed names for 2020', async () => {
    const res = await http.server.request('GET', '/api/offices?on=2020-06-30');
    expect(res.status).toBe(200);
    const offices: Array<{ code: string; head: { person: { honorific: string; name: string } } | null }> = res.body.data;
    expect(offices.map((o) => o.code).sort()).toEqual([...EVERY_OFFICE].sort());
    for (const [code, head] of Object.entries(SEED_HEADS)) {
      const office = offices.find((o) => o.code === code)!;
      expect(`${office.head?.person.honorific} ${office.head?.person.name}`, code).toBe(head);
    }
  });

  it('describes an office fully: place, parent, coverage, confirmation', async () => {
    const res = await http.server.request('GET', '/api/offices/bridgetown');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'bridgetown', kind: 'area', region: 'AMS', parent: 'brasilia', country: 'BB', coverageConfirmed: true });
    expect(res.body.countriesCovered).toEqual(expect.arrayContaining(['AG', 'BS', 'BB', 'JM', 'TT']));
    expect(res.body.coordinates.lat).toBeCloseTo(13.1, 0);

    const brasilia = await http.server.request('GET', '/api/offices/brasilia');
    expect(brasilia.body.areaOffices.sort()).toEqual(['bridgetown', 'santiago', 'tegucigalpa']);

    const delhi = await http.server.request('GET', '/api/offices/new-delhi');
    expect(delhi.body).toMatchObject({ openedOn: '2023-03-22', parent: 'bangkok' });
  });

  it('filters offices by region and kind', async () => {
    const africa = await http.server.request('GET', '/api/offices?region=AFR');
    expect(africa.body.data.map((o: { code: string }) => o.code).sort()).toEqual(['addis-ababa', 'dakar', 'harare', 'yaounde']);
    const asianAreas = await http.server.request('GET', '/api/offices?region=ASP&kind=area');
    expect(asianAreas.body.data.map((o: { code: string }) => o.code).sort()).toEqual(['jakarta', 'new-delhi']);
  });

  it('refuses nonsense filters with a 400 naming the field', async () => {
    const res = await http.server.request('GET', '/api/offices?region=MARS&kind=castle');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.kind', 'query.region']);
    const unknownParam = await http.server.request('GET', '/api/offices?colour=blue');
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body.detail).toContain('colour');
  });

  it('answers an unknown office with a 404 problem naming it', async () => {
    const res = await http.server.request('GET', '/api/offices/atlantis');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'office_not_found', type: 'urn:fieldbook:problem:office_not_found' });
    expect(res.body.detail).toContain('"atlantis"');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('gives names in the asked language and marks English standing in', async () => {
    const fr = await http.server.request('GET', '/api/regions?lang=fr');
    expect(fr.body.data[0]).toMatchObject({ code: 'AFR', name: 'Afrique', nameFallback: false });
    const byHeader = await http.server.request('GET', '/api/regions', { headers: { 'accept-language': 'ar-EG,ar;q=0.9' } });
    expect(byHeader.body.data[0].name).toBe(byHeader.body.data[0].names.ar);

    const bodies = await http.server.request('GET', '/api/bodies?lang=zh');
    for (const body of bodies.body.data as Array<{ name: string; nameFallback: boolean; names: Record<string, string> }>) {
      expect(body.nameFallback).toBe(body.names.zh === undefined);
      expect(body.name).toBe(body.names.zh ?? body.names.en);
    }
  });

  it('lists bodies by type, with the 23 regional groups of 2018', async () => {
    const groups = await http.server.request('GET', '/api/bodies?type=regional-group');
    expect(groups.status).toBe(200);
    expect(groups.body.data).toHaveLength(23);
    const sg12 = groups.body.data.find((b: { code: string }) => b.code === 'SG12RG-AFR');
    expect(sg12).toMatchObject({ parent: 'SG12', region: 'AFR' });
    expect(sg12.aliases).toEqual(expect.arrayContaining(['SG12 RG-AFR']));

    const sectors = await http.server.request('GET', '/api/bodies?type=sector');
    expect(sectors.body.data.map((b: { code: string }) => b.code).sort()).toEqual(['GS', 'ITU-D', 'ITU-R', 'ITU-T']);
    const tsagParent = await http.server.request('GET', '/api/bodies/TSAG');
    expect(tsagParent.body).toMatchObject({ type: 'advisory-group', parent: 'ITU-T' });
    for (const code of ['TSB', 'ATU', 'CITEL', 'APT', 'CEPT', 'RCC', 'WTSA-20']) {
      expect((await http.server.request('GET', `/api/bodies/${code}`)).status, code).toBe(200);
    }
  });

  it('keeps study group titles per study period', async () => {
    const res = await http.server.request('GET', '/api/bodies/SG12');
    expect(res.status).toBe(200);
    const term = res.body.terms.find((t: { studyPeriod: string }) => t.studyPeriod === '2017-2020');
    expect(term.name).toMatch(/Performance, QoS and QoE/);
    const list = await http.server.request('GET', '/api/bodies?type=study-group');
    const codes = list.body.data.map((b: { code: string }) => b.code);
    expect(codes.indexOf('SG2')).toBeLessThan(codes.indexOf('SG12'));
  });

  it('computes the presence counts rather than typing them', async () => {
    const in2020 = await http.server.request('GET', '/api/presence?on=2020-06-30');
    expect(in2020.status).toBe(200);
    expect(in2020.body.byKind).toMatchObject({ regional: 5, europe: 1, area: 7, headquarters: 0 });
    expect(in2020.body.fieldOffices).toBe(13);
    const in2024 = await http.server.request('GET', '/api/presence?on=2024-01-01');
    expect(in2024.body.byKind.area).toBe(8);
    expect((await http.server.request('GET', '/api/presence?on=yesterday')).body.errors[0].path).toBe('query.on');
  });

  it('documents the API in OpenAPI 3 with a browsable page', async () => {
    const spec = await http.server.request('GET', '/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/offices', '/api/offices/{code}', '/api/regions', '/api/bodies', '/api/session', '/api/tokens']) {
      expect(Object.keys(spec.body.paths), path).toContain(path);
    }
    const officeParams = spec.body.paths['/api/offices'].get.parameters.map((p: { name: string }) => p.name);
    expect(officeParams).toEqual(expect.arrayContaining(['region', 'kind', 'lang']));
    const docs = await fetch(`${http.server.url}/api/docs`, { redirect: 'follow' });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('answers unknown routes with a problem, and sets security headers', async () => {
    const res = await http.server.request('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('sends the same security headers on every kind of answer (API list, public page, errors)', async () => {
    for (const path of ['/api/offices', '/api/activities?limit=1', '/en/', '/api/offices/atlantis']) {
      const res = await http.server.request('GET', path);
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security'), path).toContain('max-age=');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
    }
  });
});
