import { describe, expect, it } from 'vitest';
import { shortTitle } from './titles.ts';

describe('short titles', () => {
  it.each([
    ['The ITU Regional Development Forum for Europe took place on 13 November 2023 in Tirana, Albania.', 'ITU Regional Development Forum for Europe'],
    ['Subject: Regional Workshop on Emergency Telecommunications, Thimphu, Bhutan, 24-26 September 2019', 'Regional Workshop on Emergency Telecommunications'],
    ['The Regional Office organized a Workshop on Quality of Service in Abidjan from 11 to 12 October 2016.', 'Workshop on Quality of Service'],
    ['In October the office held national workshops on spectrum management in Lima, Peru(6-8 October)', 'National workshops on spectrum management'],
    ['Du 12 au 14 juin 2019, le Bureau a organisé un atelier régional sur la qualité de service des réseaux mobiles à Dakar.', 'Atelier régional sur la qualité de service des réseaux mobiles'],
    ['La Oficina Regional organizó, del 3 al 5 de marzo, un taller sobre gestión del espectro en Buenos Aires, Argentina.', 'Taller sobre gestión del espectro'],
    ['С 15 по 17 октября 2019 года в Минске (Беларусь) прошел региональный семинар МСЭ по управлению использованием спектра для стран СНГ.', 'Региональный семинар МСЭ по управлению использованием спектра для стран СНГ'],
    ['Consulted countries of the region on the draft, and followed up with the secretariat.', 'Consulted countries of the region on the draft'],
    ['A workshop was successfully organized on “Quality of Service”, 2 - 3 March 2020.', 'Workshop on Quality of Service'],
    ['A workshop on Standardization of fiber networks towards a better connected Africa, 3 and 4 February 2020.', 'Workshop on Standardization of fiber networks'],
    ['Followed up with all member countries in the ASP region on communication related to WTSA and other TSB issues.', 'Followed up with all member countries in the ASP region on communication related'],
  ])('%s', (sentence, title) => {
    expect(shortTitle(sentence)).toBe(title);
  });
});
