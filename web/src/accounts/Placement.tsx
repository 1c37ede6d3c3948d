/** Role, and the office (editors) or bureau (focal points) it needs; choosing a role clears what it does not have. */
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { useBodies, useOffices } from '../registry.ts';
import { Select } from '../Select.tsx';
import { ROLES, type Role } from './model.ts';

export interface PlacementValue {
  role: Role;
  office: string | null;
  bureau: string | null;
}

export function Placement({ value, onChange, errorOf }: { value: PlacementValue; onChange(value: PlacementValue): void; errorOf(field: string): string | undefined }) {
  const { t } = useI18n();
  const offices = useOffices();
  const bureaux = useBodies().filter((body) => body.type === 'bureau');
  return (
    <>
      <Field label={t('accounts.users.role')} error={errorOf('role')}>
        <Select
          options={ROLES}
          value={value.role}
          labelOf={(role) => t(`accounts.roleName.${role}`)}
          onChange={(role) => onChange({ role, office: role === 'editor' ? value.office : null, bureau: role === 'focal-point' ? value.bureau : null })}
        />
      </Field>
      {value.role === 'editor' ? (
        <Field label={t('accounts.users.office')} error={errorOf('office')}>
          <Select
            options={offices.map((office) => office.code)}
            value={value.office ?? ''}
            none={t('accounts.users.choose')}
            labelOf={(code) => offices.find((office) => office.code === code)?.name ?? code}
            onChange={(office) => onChange({ ...value, office: office || null })}
          />
        </Field>
      ) : null}
      {value.role === 'focal-point' ? (
        <Field label={t('accounts.users.bureau')} error={errorOf('bureau')}>
          <Select
            options={bureaux.map((body) => body.code)}
            value={value.bureau ?? ''}
            none={t('accounts.users.choose')}
            labelOf={(code) => code}
            onChange={(bureau) => onChange({ ...value, bureau: bureau || null })}
          />
        </Field>
      ) : null}
    </>
  );
}
