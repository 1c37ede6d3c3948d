/** Kysely table interfaces of accounts, sessions and tokens. */
import type { Selectable } from 'kysely';

export interface AppUserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  role: string;
  office_code: string | null;
  bureau_code: string | null;
  created_at: string;
  disabled_at: string | null;
  /** The language of the mail they get (en fr es ru ar zh). */
  language: string;
  /** 1: notices that allow it come once a day in one message. */
  daily_digest: number;
  /** Raised by every change an admin makes; a change sent with an older one is refused (409). */
  version: number;
  last_sign_in_at: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Past this instant the token no longer works; null: until revoked. */
  expires_at: string | null;
}

/** A one-time link to set a password: an invitation or a reset. Only the hash of its secret is kept. */
export interface PasswordLinkTable {
  id: string;
  user_id: string;
  token_hash: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginFailureTable {
  email: string;
  /** The client address the attempt came from ('' for attempts recorded before it was kept). */
  address: string;
  at: string;
}

export interface AuthTables {
  app_user: AppUserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_failure: LoginFailureTable;
  password_link: PasswordLinkTable;
}

export type AppUserRow = Selectable<AppUserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type PasswordLinkRow = Selectable<PasswordLinkTable>;
