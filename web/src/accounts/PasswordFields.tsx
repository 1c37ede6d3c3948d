/** A new password typed twice, with the rule it must meet; "repeat" is checked here, the rest by the server. */
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';

/** The server's minimum (auth/model.ts PASSWORD_MIN_LENGTH), said beside the field. */
export const PASSWORD_MIN_LENGTH = 10;

interface Props {
  password: string;
  repeat: string;
  onPassword(value: string): void;
  onRepeat(value: string): void;
  /** What the server said about the new password. */
  error: string | undefined;
  /** Whether the repeat differs, once the user submitted. */
  mismatch: boolean;
}

export function PasswordFields({ password, repeat, onPassword, onRepeat, error, mismatch }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('accounts.password.new')} hint={t('accounts.password.rule', { minimum: PASSWORD_MIN_LENGTH })} error={error}>
        <input type="password" autoComplete="new-password" required value={password} onChange={(event) => onPassword(event.target.value)} />
      </Field>
      <Field label={t('accounts.password.repeat')} error={mismatch ? t('accounts.password.mismatch') : undefined}>
        <input type="password" autoComplete="new-password" required value={repeat} onChange={(event) => onRepeat(event.target.value)} />
      </Field>
    </>
  );
}
