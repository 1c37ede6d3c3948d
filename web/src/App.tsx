/** The frame around every screen: skip link, navigation, language, who is signed in; routes split by screen. */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { useI18n } from './i18n.tsx';
import { useSession } from './session.tsx';
import { Dialog } from './Dialog.tsx';
import { LanguageSelect } from './Select.tsx';
import { SignInForm } from './SignInForm.tsx';

const Home = lazy(() => import('./screens/Home.tsx'));
const Register = lazy(() => import('./screens/Register.tsx'));
const Coverage = lazy(() => import('./screens/Coverage.tsx'));
const ActivityEditor = lazy(() => import('./screens/ActivityEditor.tsx'));
const SheetImport = lazy(() => import('./screens/SheetImport.tsx'));
const History = lazy(() => import('./screens/History.tsx'));
const Imports = lazy(() => import('./screens/Imports.tsx'));
const ImportReview = lazy(() => import('./screens/ImportReview.tsx'));
const Offices = lazy(() => import('./screens/Offices.tsx'));
const ReportBuilder = lazy(() => import('./screens/ReportBuilder.tsx'));
const MyContributions = lazy(() => import('./screens/MyContributions.tsx'));
const Rounds = lazy(() => import('./screens/Rounds.tsx'));
const RoundBoard = lazy(() => import('./screens/RoundBoard.tsx'));
const RoundCover = lazy(() => import('./screens/RoundCover.tsx'));
const Contribution = lazy(() => import('./screens/Contribution.tsx'));
const Outbox = lazy(() => import('./screens/Outbox.tsx'));
const Users = lazy(() => import('./screens/Users.tsx'));
const User = lazy(() => import('./screens/User.tsx'));
const Account = lazy(() => import('./screens/Account.tsx'));
const SetPassword = lazy(() => import('./screens/SetPassword.tsx'));
const Coordination = lazy(() => import('./screens/Coordination.tsx'));
const Meetings = lazy(() => import('./screens/Meetings.tsx'));
const MeetingOccurrence = lazy(() => import('./screens/MeetingOccurrence.tsx'));
const Briefings = lazy(() => import('./screens/Briefings.tsx'));
const Briefing = lazy(() => import('./screens/Briefing.tsx'));
const OfficeEdit = lazy(() => import('./screens/OfficeEdit.tsx'));
const Bodies = lazy(() => import('./screens/Bodies.tsx'));
const BodyEdit = lazy(() => import('./screens/BodyEdit.tsx'));
const Vacancies = lazy(() => import('./screens/Vacancies.tsx'));
const Plans = lazy(() => import('./screens/Plans.tsx'));
const PlanContribution = lazy(() => import('./screens/PlanContribution.tsx'));

function LanguagePicker() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language">
      {t('common.language')}{' '}
      <LanguageSelect value={language} onChange={setLanguage} />
    </label>
  );
}

/** Over the open screen, so nothing typed is lost while signing in again. */
function SignInAgain() {
  const { t } = useI18n();
  const { interruption, user, dismissInterruption } = useSession();
  if (!interruption || !user) return null;
  const lost = interruption.code === 'network';
  return (
    <Dialog labelledBy="sign-in-again" {...(lost ? { onEscape: dismissInterruption } : {})}>
      <h2 id="sign-in-again">{lost ? t('app.session.connectionLost') : t('app.session.expired')}</h2>
      <p>{lost ? t('app.session.keptTypingRetry') : t('app.session.keptTyping')}</p>
      {lost ? (
        <button type="button" onClick={dismissInterruption}>
          {t('app.session.retry')}
        </button>
      ) : (
        <SignInForm email={user.email} />
      )}
    </Dialog>
  );
}

/** On moving to another screen, focus goes to its content, so a screen reader starts reading there. */
function useFocusOnNewScreen() {
  const { pathname } = useLocation();
  const ref = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [pathname]);
  return ref;
}

export function App() {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const mainRef = useFocusOnNewScreen();
  // A one-time link to set a password opens its page whether anyone is signed in or not.
  const settingPassword = useLocation().pathname === '/set-password';
  const focal = user?.role === 'focal-point' || user?.role === 'admin';
  return (
    <>
      <a className="skip" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="top">
        <span className="product">{t('app.title')}</span>
        {user ? (
          <nav aria-label={t('app.nav.label')}>
            <NavLink to="/" end>{t('app.nav.home')}</NavLink>
            <NavLink to="/activities" end>{t('app.nav.register')}</NavLink>
            <NavLink to="/activities/new">{t('app.nav.newActivity')}</NavLink>
            <NavLink to="/imports">{t('app.nav.imports')}</NavLink>
            <NavLink to="/plans">{t('plans.nav')}</NavLink>
            <NavLink to="/coverage">{t('coverage.nav')}</NavLink>
            <NavLink to="/plan-contributions">{t('annualplan.editor.title')}</NavLink>
            {focal ? <NavLink to="/offices">{t('app.nav.offices')}</NavLink> : null}
            {focal ? <NavLink to="/bodies">{t('registryedit.bodies.nav')}</NavLink> : null}
            {focal ? <NavLink to="/reports">{t('app.nav.reports')}</NavLink> : null}
            {focal ? <NavLink to="/duplicates">{t('duplicates.nav')}</NavLink> : null}
            <NavLink to="/vacancies">{t('vacancies.nav')}</NavLink>
            {user.role === 'editor' ? <NavLink to="/contributions">{t('rounds.nav.mine')}</NavLink> : <NavLink to="/rounds">{t('rounds.nav.rounds')}</NavLink>}
            <NavLink to="/meetings">{t('meetings.nav')}</NavLink>
            <NavLink to="/briefings">{t('briefings.nav')}</NavLink>
            {user.role === 'admin' ? <NavLink to="/outbox">{t('mail.outbox.nav')}</NavLink> : null}
            {user.role === 'admin' ? <NavLink to="/users">{t('accounts.users.nav')}</NavLink> : null}
          </nav>
        ) : null}
        <LanguagePicker />
        {user ? (
          <span className="who">
            <NavLink to="/account" aria-label={t('accounts.own.navLabel', { name: user.displayName })}>
              {user.displayName}
            </NavLink>{' '}
            <button type="button" onClick={() => void signOut()}>
              {t('app.session.signOut')}
            </button>
          </span>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {settingPassword ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <SetPassword />
          </Suspense>
        ) : user ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route path="/activities" element={<Register />} />
              <Route path="/activities/new" element={<ActivityEditor />} />
              <Route path="/activities/import" element={<SheetImport />} />
              <Route path="/activities/:id" element={<ActivityEditor />} />
              <Route path="/activities/:id/history" element={<History />} />
              <Route path="/imports" element={<Imports />} />
              <Route path="/imports/:id" element={<ImportReview />} />
              <Route path="/offices" element={<Offices />} />
              <Route path="/offices/new" element={<OfficeEdit />} />
              <Route path="/offices/:code/edit" element={<OfficeEdit />} />
              <Route path="/bodies" element={<Bodies />} />
              <Route path="/bodies/new" element={<BodyEdit />} />
              <Route path="/bodies/:code/edit" element={<BodyEdit />} />
              <Route path="/vacancies" element={<Vacancies />} />
              <Route path="/reports" element={<ReportBuilder />} />
              <Route path="/contributions" element={<MyContributions />} />
              <Route path="/rounds" element={<Rounds />} />
              <Route path="/rounds/:code" element={<RoundBoard />} />
              <Route path="/rounds/:code/cover" element={<RoundCover />} />
              <Route path="/rounds/:code/offices/:office" element={<Contribution />} />
              <Route path="/meetings" element={<Meetings />} />
              <Route path="/meetings/occurrences/:id" element={<MeetingOccurrence />} />
              <Route path="/briefings" element={<Briefings />} />
              <Route path="/briefings/:id" element={<Briefing />} />
              <Route path="/outbox" element={<Outbox />} />
              <Route path="/users" element={<Users />} />
              <Route path="/users/:id" element={<User />} />
              <Route path="/account" element={<Account />} />
              <Route path="/duplicates" element={<Coordination />} />
              <Route path="/plans" element={<Plans />} />
              <Route path="/coverage" element={<Coverage />} />
              <Route path="/plans/:code" element={<Plans />} />
              <Route path="/plan-contributions" element={<PlanContribution />} />
              <Route path="*" element={<p>{t('app.error.notFound')}</p>} />
            </Routes>
          </Suspense>
        ) : (
          <section className="sign-in">
            <h1>{t('app.session.signIn')}</h1>
            <SignInForm />
          </section>
        )}
      </main>
      <SignInAgain />
    </>
  );
}
