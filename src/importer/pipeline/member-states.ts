/**
 * Reference data: the member states by BDT region (ISO 3166 alpha-2), what a place is read
 * into a region with. Territories that take part through their state's region are listed
 * with it (Hong Kong and Macao with Asia and the Pacific). Comoros, Djibouti, Mauritania,
 * Somalia and Sudan are Arab States, as the BDT counts them; Georgia and Türkiye are Europe.
 */
import type { RegionCode } from '#src/registry/reference.ts';

const MEMBER_STATES: Record<RegionCode, string> = {
  AFR: 'AO BJ BW BF BI CM CV CF TD CG CI CD GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ NA NE NG RW ST SN SC SL ZA SS TZ TG UG ZM ZW',
  AMS: 'AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE',
  ARB: 'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE',
  ASP: 'AF AU BD BT BN KH CN FJ IN ID IR JP KI KP KR LA MY MV MH FM MN MM NR NP NZ PK PW PG PH WS SB SG LK TH TL TO TV VU VN HK MO',
  CIS: 'AM AZ BY KZ KG MD RU TJ TM UA UZ',
  EUR: 'AL AD AT BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MC ME NL MK NO PL PT RO SM RS SK SI ES SE CH TR GB VA',
};

const regionByCountry = new Map<string, RegionCode>(
  (Object.entries(MEMBER_STATES) as Array<[RegionCode, string]>).flatMap(([region, codes]) => codes.split(' ').map((code) => [code, region] as const)),
);

/** The BDT region of a country (ISO 3166 alpha-2), or null for one outside the table. */
export const regionOfCountry = (country: string): RegionCode | null => regionByCountry.get(country) ?? null;
