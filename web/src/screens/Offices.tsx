/** Every office, for focal points: where it is, its head today, a way into its part of the register and to keep it (decision 23). */
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useOffices, useRegions } from '../registry.ts';

export default function Offices() {
  const { t } = useI18n();
  const offices = useOffices();
  const regions = useRegions();
  return (
    <>
      <h1>{t('app.offices.title')}</h1>
      <p>
        <Link to="/offices/new">{t('registryedit.office.newTitle')}</Link>
      </p>
      {regions.map(({ code: region, name }) => {
        const inRegion = offices.filter((office) => office.region === region);
        if (inRegion.length === 0) return null;
        return (
          <section key={region} aria-labelledby={`region-${region}`}>
            <h2 id={`region-${region}`}>{name}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('app.field.office')}</th>
                  <th scope="col">{t('app.field.city')}</th>
                  <th scope="col">{t('app.field.country')}</th>
                  <th scope="col">{t('app.offices.activities')}</th>
                  <th scope="col">{t('registryedit.offices.head')}</th>
                  <th scope="col">{t('registryedit.heads.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {inRegion.map((office) => (
                  <tr key={office.code}>
                    <th scope="row">{office.name}</th>
                    <td>{office.city}</td>
                    <td>{office.country}</td>
                    <td>
                      <Link to={`/activities?office=${office.code}&sort=-date`} aria-label={t('app.offices.activitiesOf', { office: office.name })}>
                        {t('app.offices.activities')}
                      </Link>
                    </td>
                    <td>{office.head ? [office.head.person.honorific, office.head.person.name].filter(Boolean).join(' ') : t('registryedit.offices.noHead')}</td>
                    <td>
                      <Link to={`/offices/${office.code}/edit`} aria-label={t('registryedit.offices.editOf', { office: office.name })}>
                        {t('registryedit.heads.edit')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
