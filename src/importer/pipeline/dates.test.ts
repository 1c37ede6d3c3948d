import { describe, expect, it } from 'vitest';
import { findDates } from './dates.ts';

const read = (text: string, defaultYear?: number) => findDates(text, { defaultYear, period: null }).map((d) => [d.text, d.value.start, d.value.end]);

describe('the date reader', () => {
  it.each([
    ['from 28 September to 2 October 2015 in Minsk', '2015-09-28', '2015-10-02'],
    ['held from 11 (morning) to 12 October 2016.', '2016-10-11', '2016-10-12'],
    ['Mexico City, Mexico, September 8 - 9, 2018.', '2018-09-08', '2018-09-09'],
    ['Tunis, Tunisia, 5March2018.', '2018-03-05', '2018-03-05'],
    ['14.11.2023', '2023-11-14', '2023-11-14'],
    ['planned for early 2016 in Almaty', '2016-01-01', '2016-04-30'],
    ['online – first half of 2021', '2021-01-01', '2021-06-30'],
    ['conducted in Moscow the week of 9 November 2015.', '2015-11-09', '2015-11-15'],
    ['Du 12 au 14 juin 2019, le Bureau', '2019-06-12', '2019-06-14'],
    ['tenu à Yaoundé les 3 et 4 juillet 2019.', '2019-07-03', '2019-07-04'],
    ['aura lieu à Abidjan en septembre 2019.', '2019-09-01', '2019-09-30'],
    ['los días 10 y 11 de marzo de 2020.', '2020-03-10', '2020-03-11'],
    ['para abril de 2020 fue aplazado', '2020-04-01', '2020-04-30'],
    ['С 15 по 17 октября 2019 года в Минске', '2019-10-15', '2019-10-17'],
    ['состоялось 21-22 ноября 2019 г. в Ташкенте', '2019-11-21', '2019-11-22'],
    ['В декабре 2019 года в Москве', '2019-12-01', '2019-12-31'],
  ])('reads %s', (text, start, end) => {
    expect(read(text)[0]?.slice(1)).toEqual([start, end]);
  });

  it('takes the year a text leaves out from the document', () => {
    expect(read('organizó, del 3 al 5 de marzo, un taller', 2020)[0]?.slice(1)).toEqual(['2020-03-03', '2020-03-05']);
    expect(read('in Dakar from 9 to 10 May.', 2019)[0]?.slice(1)).toEqual(['2019-05-09', '2019-05-10']);
  });

  it('reads every date of a bulletin sentence listing several meetings', () => {
    expect(read('Lima, Peru(6-8 October), Quito, Ecuador (12 October) and Bogotá, Colombia (16-17 October).', 2017).map((d) => d[1])).toEqual(['2017-10-06', '2017-10-12', '2017-10-16']);
  });
});
