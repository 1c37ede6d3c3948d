/** The registry's bodies, for admins and focal points to keep: study groups renamed each study period, new ones added. */
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useBodies } from '../registry.ts';

export default function Bodies() {
  const { t } = useI18n();
  const bodies = useBodies();
  return (
    <>
      <h1>{t('registryedit.bodies.title')}</h1>
      <p>
        <Link to="/bodies/new">{t('registryedit.body.newTitle')}</Link>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('registryedit.field.code')}</th>
            <th scope="col">{t('registryedit.field.name')}</th>
            <th scope="col">{t('registryedit.body.terms')}</th>
            <th scope="col">{t('registryedit.heads.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {bodies.map((body) => (
            <tr key={body.code}>
              <th scope="row">{body.code}</th>
              <td>{body.name}</td>
              <td>{body.terms.map((term) => term.studyPeriod).join(', ')}</td>
              <td>
                <Link to={`/bodies/${encodeURIComponent(body.code)}/edit`} aria-label={t('registryedit.body.editOf', { body: body.code })}>
                  {t('registryedit.heads.edit')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
