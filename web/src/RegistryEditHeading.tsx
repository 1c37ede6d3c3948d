/**
 * The top of a registry record's edit screen (an office, a body): its title, the way back to the
 * list, whether the record was last changed in the workspace (by whom, when) or is as the seed
 * loaded it, the error of the last save and its success.
 */
import { Link } from 'react-router';
import { ErrorAlert } from './errors.tsx';
import { useI18n } from './i18n.tsx';

export function RegistryEditHeading(props: {
  title: string;
  back: { to: string; label: string };
  /** Null while a new record is being made. */
  record: { editedAt: string | null; editedBy: string | null } | null;
  error: unknown;
  saved: boolean;
}) {
  const { t, formatDate } = useI18n();
  const { record } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        <Link to={props.back.to}>{props.back.label}</Link>
      </p>
      {record?.editedAt ? <p className="hint">{t('registryedit.editedMark', { by: record.editedBy ?? '', at: formatDate(record.editedAt, true) })}</p> : record ? <p className="hint">{t('registryedit.asSeeded')}</p> : null}
      <ErrorAlert error={props.error} />
      {props.saved ? <p role="status">{t('registryedit.saved')}</p> : null}
    </>
  );
}
