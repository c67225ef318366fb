// "Become a member" at the desk: the whole wizard, then the new member is signed in on this screen.
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../state/kiosk';
import { signUpSteps, tidyName } from './signup';
import { SignUpWizard } from './SignUpWizard';

export function SignUpScreen() {
  const { t } = useTranslation();
  const { call, navigate, signedIn, inform } = useKiosk();
  return (
    <div className="screen screen-signup" data-testid="screen-signup">
      <SignUpWizard
        steps={signUpSteps}
        title={t('signup.title')}
        submitLabel={t('signup.submit')}
        onCancel={() => navigate('welcome')}
        onSubmit={async (d, charter) => {
          const session = await call('members.signUp', {
            displayName: tidyName(d.name),
            ...(d.email.trim() ? { email: d.email.trim() } : {}),
            ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
            profileCategory: d.profile ?? '',
            planId: d.plan,
            pin: d.pin,
            consentPurposes: [...d.consents],
            charterVersion: charter.version,
          });
          if (session.member) {
            signedIn(session.member);
            inform('welcomeNew');
          }
        }}
      />
    </div>
  );
}
