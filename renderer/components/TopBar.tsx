// The bar on every screen: the place, where to go, the language, and who is signed in.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { initials } from '../lib/format';
import { ShopIcon } from '../shop/ShopIcon';
import { useKiosk, type Screen } from '../state/kiosk';
import { ClipboardIcon, GearIcon, HomeIcon, JobIcon, ShieldIcon, SignInIcon, SignOutIcon, UserIcon } from './icons';

interface NavItem {
  screen: Screen;
  testId: string;
  label: string;
  icon: ReactNode;
}

export function TopBar() {
  const { t } = useTranslation();
  const { info, member, screen, navigate, lang, setLang, signOut } = useKiosk();

  const items: NavItem[] = [
    { screen: 'welcome', testId: 'nav-home', label: t('nav.home'), icon: <HomeIcon /> },
    { screen: 'machines', testId: 'nav-machines', label: t('nav.machines'), icon: <GearIcon /> },
    { screen: 'jobs', testId: 'nav-jobs', label: t('nav.jobs'), icon: <JobIcon /> },
    { screen: 'training', testId: 'nav-training', label: t('nav.training'), icon: <ShieldIcon /> },
  ];
  items.push({ screen: 'shop', testId: 'nav-shop', label: t('shop.nav'), icon: <ShopIcon /> });
  if (member) items.push({ screen: 'account', testId: 'nav-account', label: t('nav.account'), icon: <UserIcon /> });
  if (member?.role === 'manager') {
    items.push({ screen: 'manage', testId: 'nav-manage', label: t('nav.manage'), icon: <ClipboardIcon /> });
  }

  return (
    <header className="topbar">
      <button type="button" className="brand" onClick={() => navigate('welcome')} aria-label={t('nav.home')}>
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 40 40" width="40" height="40">
            <path d="M4 30 Q12 18 20 24 T36 20 V36 H4Z" fill="#A9B784" />
            <path d="M10 30 Q10 16 20 11 Q30 16 30 30 Z" fill="#F4EFE6" />
            <path d="M17 30 v-6 q3 -4 6 0 v6z" fill="#1E4B3A" />
          </svg>
        </span>
        <span className="brand-text">
          <span className="brand-name">{info.place.name}</span>
          <span className="brand-town">{info.place.town}</span>
        </span>
      </button>

      <nav className="nav" aria-label={t('nav.label')}>
        {items.map((item) => (
          <button
            key={item.screen}
            type="button"
            className="nav-item"
            data-testid={item.testId}
            aria-current={screen === item.screen ? 'page' : undefined}
            onClick={() => navigate(item.screen)}
          >
            {item.icon}
            <span>{item.label}</span>
          </button>
        ))}
      </nav>

      <div className="topbar-end">
        <div className="lang-switch" role="group" aria-label={t('lang.label')}>
          <button
            type="button"
            data-testid="lang-fr"
            lang="fr"
            aria-pressed={lang === 'fr'}
            aria-label={t('lang.fr')}
            onClick={() => setLang('fr')}
          >
            {t('lang.frShort')}
          </button>
          <button
            type="button"
            data-testid="lang-en"
            lang="en"
            aria-pressed={lang === 'en'}
            aria-label={t('lang.en')}
            onClick={() => setLang('en')}
          >
            {t('lang.enShort')}
          </button>
        </div>
        {member ? (
          <div className="session">
            <span className="avatar" aria-hidden="true">
              {initials(member.displayName)}
            </span>
            <span className="session-name" data-testid="session-member" title={t('nav.signedInAs', { name: member.displayName })}>
              {member.displayName}
            </span>
            <button type="button" className="btn btn-ghost-light" data-testid="nav-signout" onClick={signOut}>
              <SignOutIcon />
              <span>{t('nav.signOut')}</span>
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="nav-signin"
            aria-current={screen === 'signin' ? 'page' : undefined}
            onClick={() => navigate('signin')}
          >
            <SignInIcon />
            <span>{t('nav.signIn')}</span>
          </button>
        )}
      </div>
    </header>
  );
}
