// Line icons drawn inline (the kiosk has no image files and no icon font). They take the text colour.
import type { ReactNode } from 'react';

interface IconProps {
  size?: number;
  className?: string;
}

function Icon({ size = 28, className, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.9}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const HomeIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 11.5 12 4l9 7.5" />
    <path d="M5.5 10v9.5h13V10" />
    <path d="M10 19.5v-5h4v5" />
  </Icon>
);

export const GearIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="3.2" />
    <path d="M12 2.8v2.6M12 18.6v2.6M2.8 12h2.6M18.6 12h2.6M5.5 5.5l1.8 1.8M16.7 16.7l1.8 1.8M5.5 18.5l1.8-1.8M16.7 7.3l1.8-1.8" />
    <circle cx="12" cy="12" r="6.4" />
  </Icon>
);

export const JobIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 3h8l4 4v14H6z" />
    <path d="M14 3v4h4" />
    <path d="M9 12h6M9 15.5h6M9 19h3" />
  </Icon>
);

export const ShieldIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3 4.5 6v5.5c0 4.6 3.2 8.3 7.5 9.5 4.3-1.2 7.5-4.9 7.5-9.5V6z" />
    <path d="m8.6 12.2 2.4 2.4 4.5-4.7" />
  </Icon>
);

export const UserIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
  </Icon>
);

export const ClipboardIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="5" y="4.5" width="14" height="17" rx="2" />
    <path d="M9 4.5V3h6v1.5" />
    <path d="M8.5 10h7M8.5 13.5h7M8.5 17h4.5" />
  </Icon>
);

export const SignInIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14 4h4.5A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5H14" />
    <path d="M3.5 12H14M10.5 8l4 4-4 4" />
  </Icon>
);

export const SignOutIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 4H5.5A1.5 1.5 0 0 0 4 5.5v13A1.5 1.5 0 0 0 5.5 20H10" />
    <path d="M9 12h11M16.5 8l4 4-4 4" />
  </Icon>
);

export const PinIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z" />
    <circle cx="12" cy="10" r="2.3" />
  </Icon>
);

export const ClockIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5V12l3 2" />
  </Icon>
);

export const CalendarIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4" />
  </Icon>
);

export const BackspaceIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8.5 5H20a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H8.5L3 12z" />
    <path d="m11 9.5 5 5M16 9.5l-5 5" />
  </Icon>
);

export const CheckIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m5 12.5 4.5 4.5L19 7.5" />
  </Icon>
);

export const ShiftIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 4 4 12h4.5v7h7v-7H20z" />
  </Icon>
);

export const KeyboardIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6 10h1M9.5 10h1M13 10h1M16.5 10h1M6 14h1M17 14h1M9.5 14h5" />
  </Icon>
);

export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10.5" cy="10.5" r="6" />
    <path d="m15 15 5.5 5.5" />
  </Icon>
);

export const RefreshIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M20 11a8 8 0 0 0-14.3-4.3L4 8.5" />
    <path d="M4 4v4.5h4.5" />
    <path d="M4 13a8 8 0 0 0 14.3 4.3L20 15.5" />
    <path d="M20 20v-4.5h-4.5" />
  </Icon>
);

export const CloseIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 6l12 12M18 6 6 18" />
  </Icon>
);

export const HourglassIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6.5 3h11M6.5 21h11" />
    <path d="M7.5 3c0 5 9 5 9 9s-9 4-9 9M16.5 3c0 5-9 5-9 9s9 4 9 9" />
  </Icon>
);

export const WifiOffIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 3l18 18" />
    <path d="M8.5 16a5 5 0 0 1 7 0M5 12.5a10 10 0 0 1 5-2.6M19 12.5a10 10 0 0 0-3.3-2.1M2 9a15 15 0 0 1 4.3-2.6M22 9a15 15 0 0 0-10-3.9" />
    <circle cx="12" cy="19.5" r="0.8" />
  </Icon>
);

export const SparkIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5 18 18M6 18l2.5-2.5M15.5 8.5 18 6" />
  </Icon>
);

export const CubeIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3 20 7.5v9L12 21l-8-4.5v-9z" />
    <path d="M4 7.5 12 12l8-4.5M12 12v9" />
  </Icon>
);

export const LayersIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 4 3 8.5 12 13l9-4.5z" />
    <path d="m3 12.5 9 4.5 9-4.5M3 16.5 12 21l9-4.5" />
  </Icon>
);

export const RulerIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.5" y="8" width="19" height="8" rx="1.5" />
    <path d="M6.5 8v3M10.5 8v4.5M14.5 8v3M18 8v4.5" />
  </Icon>
);

export const ThermometerIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 14.2V5a2 2 0 0 1 4 0v9.2a4 4 0 1 1-4 0z" />
    <path d="M12 9v7.5" />
  </Icon>
);

export const SpoolIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <circle cx="12" cy="12" r="2.2" />
    <path d="M12 3.5v4.2M4.7 16.3l3.6-2.1M19.3 16.3l-3.6-2.1" />
  </Icon>
);

export const BoltIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M13 2.5 5 13.5h6l-1 8 8-11h-6z" />
  </Icon>
);

export const WarningIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3.5 2.5 20h19z" />
    <path d="M12 9.5v5M12 17.3v.2" />
  </Icon>
);

export const AlertIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="8.8" />
    <path d="M12 7.3v5.6M12 16.3v.2" />
  </Icon>
);

export const UsbIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="7" y="10" width="10" height="11.5" rx="2" />
    <path d="M9 10V3h6v7M10.5 5.5h.01M13.5 5.5h.01" />
  </Icon>
);

export const RouteIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="5.5" cy="18.5" r="2" />
    <circle cx="18.5" cy="5.5" r="2" />
    <path d="M7.5 18.5h8a3.5 3.5 0 0 0 0-7h-7a3.5 3.5 0 0 1 0-7h8" strokeDasharray="2.4 2.2" />
  </Icon>
);

export const TargetIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="7" />
    <circle cx="12" cy="12" r="2" />
    <path d="M12 2.5V5M12 19v2.5M2.5 12H5M19 12h2.5" />
  </Icon>
);

export const MinusIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5 12h14" />
  </Icon>
);

export const PlusIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 5v14M5 12h14" />
  </Icon>
);

export const PaletteIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3.5a8.5 8.5 0 1 0 0 17c1.2 0 1.8-.8 1.8-1.7 0-1.3-1.1-1.6-1.1-2.7 0-1 .8-1.6 1.8-1.6h2.2c2.2 0 3.8-1.6 3.8-3.8 0-4-3.9-7.2-8.5-7.2z" />
    <circle cx="7.8" cy="11" r="1" />
    <circle cx="10.5" cy="7.3" r="1" />
    <circle cx="15" cy="7.8" r="1" />
  </Icon>
);

export const PlayIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 4.5v15l12.5-7.5z" fill="currentColor" />
  </Icon>
);

export const PauseIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="6" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
    <rect x="14" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
  </Icon>
);

export const StopIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="5.5" y="5.5" width="13" height="13" rx="2" fill="currentColor" />
  </Icon>
);

/** The emergency stop: a hand held up inside an octagon, the sign every workshop knows. */
export const EmergencyIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8.3 2.5h7.4l5.8 5.8v7.4l-5.8 5.8H8.3l-5.8-5.8V8.3z" fill="currentColor" stroke="none" />
    <path d="M8 12.5V9.3a1 1 0 0 1 2 0V12M10 11V7.7a1 1 0 0 1 2 0V11M12 11V8a1 1 0 0 1 2 0v3.5M14 11.5V9.5a1 1 0 0 1 2 0v4.3c0 2.4-1.7 4.2-4 4.2-1.8 0-2.8-.9-3.6-2.2L7 13.4a1 1 0 0 1 1.6-1.1L10 14" stroke="#b3140b" strokeWidth={1.5} />
  </Icon>
);

export const PlugIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M9 3v5M15 3v5" />
    <path d="M6.5 8h11v3.5a5.5 5.5 0 0 1-11 0z" />
    <path d="M12 17v4" />
  </Icon>
);

export const PlugOffIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M9 3v5M15 3v5" />
    <path d="M6.5 8h11v3.5a5.5 5.5 0 0 1-11 0z" />
    <path d="M12 17v4M3 3l18 18" />
  </Icon>
);

export const HandIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7.5 13V6.5a1.5 1.5 0 0 1 3 0V12M10.5 11V4.5a1.5 1.5 0 0 1 3 0V11M13.5 11V5.5a1.5 1.5 0 0 1 3 0V12M16.5 12V8.5a1.5 1.5 0 0 1 3 0v6c0 3.9-2.9 6.5-6.5 6.5-2.7 0-4.3-1.4-5.5-3.3L4.6 13.6a1.5 1.5 0 0 1 2.5-1.6L9 14.5" />
  </Icon>
);

export const UnlockIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="5" y="10.5" width="14" height="10" rx="2" />
    <path d="M8.5 10.5V7a3.5 3.5 0 0 1 6.8-1.2" />
    <path d="M12 14.5v2.5" />
  </Icon>
);

export const ArrowIcon = ({ direction = 'up', ...p }: IconProps & { direction?: 'up' | 'down' | 'left' | 'right' }) => {
  const rotate = { up: 0, right: 90, down: 180, left: 270 }[direction];
  return (
    <Icon {...p}>
      <g transform={`rotate(${rotate} 12 12)`}>
        <path d="M12 20V5M5.5 11.5 12 5l6.5 6.5" />
      </g>
    </Icon>
  );
};

export const BackIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M15 5l-7 7 7 7" />
  </Icon>
);

export const ListIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M9 6.5h11M9 12h11M9 17.5h11" />
    <circle cx="4.8" cy="6.5" r="1.1" />
    <circle cx="4.8" cy="12" r="1.1" />
    <circle cx="4.8" cy="17.5" r="1.1" />
  </Icon>
);

export const ChatIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 5.5h16v11H10l-4.5 4v-4H4z" />
    <path d="M8 9.5h8M8 12.8h5" />
  </Icon>
);

export const CrosshairIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="7.5" />
    <path d="M12 2.5v5M12 16.5v5M2.5 12h5M16.5 12h5" />
  </Icon>
);

export const SendIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3.5 11.5 20.5 4l-6.5 17-3-7.3z" />
    <path d="m11 13.7 9.5-9.7" />
  </Icon>
);

export const BriefcaseIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="7.5" width="18" height="12.5" rx="2" />
    <path d="M9 7.5V5.5a1.5 1.5 0 0 1 1.5-1.5h3A1.5 1.5 0 0 1 15 5.5v2M3 13h18M11 13v2h2v-2" />
  </Icon>
);

export const GraduationIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2 9.5 12 5l10 4.5-10 4.5z" />
    <path d="M6 11.5v4.5c1.7 1.6 3.8 2.3 6 2.3s4.3-.7 6-2.3v-4.5M21 10v5.5" />
  </Icon>
);

export const CompassIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="m15.5 8.5-2 5-5 2 2-5z" />
  </Icon>
);

export const HammerIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M13.5 8.5 4 18a1.6 1.6 0 0 0 2.2 2.2l9.5-9.5" />
    <path d="m11.5 6.5 3-3 2.5.5 4 4-2.5 2.5-2-2-1.5 1.5z" />
  </Icon>
);

export const PeopleIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="9" cy="8.5" r="3.2" />
    <path d="M2.5 19.5c0-3.6 2.9-5.8 6.5-5.8s6.5 2.2 6.5 5.8" />
    <circle cx="17" cy="9.5" r="2.6" />
    <path d="M16.5 13.8c3 .2 5 2.1 5 5" />
  </Icon>
);

export const DownloadIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3.5v11.5M7 10.5l5 5 5-5" />
    <path d="M4 17v2.5A1.5 1.5 0 0 0 5.5 21h13a1.5 1.5 0 0 0 1.5-1.5V17" />
  </Icon>
);

export const TrashIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 6.5h16M9.5 6.5V4h5v2.5" />
    <path d="M6 6.5 7 20.5h10l1-14M10 10.5v6M14 10.5v6" />
  </Icon>
);

export const BookIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 6.5C10 5 7 4.5 3.5 5v13.5C7 18 10 18.5 12 20c2-1.5 5-2 8.5-1.5V5C17 4.5 14 5 12 6.5z" />
    <path d="M12 6.5V20" />
  </Icon>
);

export const ScreenIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.5" y="4" width="19" height="12.5" rx="1.5" />
    <path d="M8 20.5h8M12 16.5v4" />
  </Icon>
);

export const DoorIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5 21V4.5A1.5 1.5 0 0 1 6.5 3h11A1.5 1.5 0 0 1 19 4.5V21M3 21h18" />
    <circle cx="15" cy="12.5" r="1" />
  </Icon>
);

export const CoffeeIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 9h13v6a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z" />
    <path d="M17 11h1.5a2.5 2.5 0 0 1 0 5H17M8 3.5c0 1.5 1.2 1.5 1.2 3M12 3.5c0 1.5 1.2 1.5 1.2 3" />
  </Icon>
);

export const LockIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="5" y="10.5" width="14" height="10" rx="2" />
    <path d="M8.5 10.5V7a3.5 3.5 0 0 1 7 0v3.5M12 14.5v2.5" />
  </Icon>
);

export const MailIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="5.5" width="18" height="13" rx="2" />
    <path d="m3.5 6.5 8.5 7 8.5-7" />
  </Icon>
);

export const PhoneIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="6.5" y="2.5" width="11" height="19" rx="2" />
    <path d="M10.5 18.5h3" />
  </Icon>
);

export const PencilIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 20h4L19.5 8.5a2.1 2.1 0 0 0-4-4L4 16z" />
    <path d="m13.5 6.5 4 4" />
  </Icon>
);

export const QuizIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="8.8" />
    <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.6v.6M12 17v.2" />
  </Icon>
);

export const StampIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M9.5 12.5 9 8a3 3 0 1 1 6 0l-.5 4.5" />
    <path d="M5 12.5h14l1 4H4zM6 20h12" />
  </Icon>
);

export const EuroIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M17.5 6.5A7 7 0 0 0 6.5 12a7 7 0 0 0 11 5.5M4 10.5h9M4 13.5h9" />
  </Icon>
);

export function ProfileIcon({ code, size }: { code: string; size?: number }) {
  switch (code) {
    case 'entrepreneur':
      return <BriefcaseIcon size={size} />;
    case 'pupil_student':
      return <GraduationIcon size={size} />;
    case 'job_seeker':
      return <CompassIcon size={size} />;
    case 'general_public':
      return <HammerIcon size={size} />;
    case 'artist':
      return <PaletteIcon size={size} />;
    case 'association':
      return <PeopleIcon size={size} />;
    default:
      return <UserIcon size={size} />;
  }
}

// Offer icons: bigger, two-tone, for the welcome screen.
function OfferFrame({ children }: { children: ReactNode }) {
  return (
    <svg width="56" height="56" viewBox="0 0 48 48" fill="none" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const ink = 'currentColor';

export function OfferIcon({ icon }: { icon: string }) {
  switch (icon) {
    case 'fablab':
      return (
        <OfferFrame>
          <path d="M9 41V9h30v32" stroke={ink} strokeWidth="2.4" strokeLinejoin="round" />
          <path d="M5 41h38" stroke={ink} strokeWidth="2.6" strokeLinecap="round" />
          <path d="M9 17h30" stroke={ink} strokeWidth="2" />
          <rect x="19" y="13" width="10" height="9" rx="1.5" fill={ink} />
          <path d="m22 22 2 3.5 2-3.5z" fill={ink} />
          <path d="M14 36h20" stroke={ink} strokeWidth="2.4" strokeLinecap="round" />
          <path d="M19.5 36 20.5 30q3.5-2.5 7 0l1 6" stroke={ink} strokeWidth="2.2" strokeLinejoin="round" />
        </OfferFrame>
      );
    case 'coworking':
      return (
        <OfferFrame>
          <rect x="6" y="12" width="24" height="16" rx="2" stroke={ink} strokeWidth="2.4" />
          <path d="M3 33h30" stroke={ink} strokeWidth="2.4" strokeLinecap="round" />
          <path d="M34 22h8v9a4 4 0 0 1-4 4h0a4 4 0 0 1-4-4z" stroke={ink} strokeWidth="2.4" strokeLinejoin="round" />
          <path d="M42 24h1.5a2.5 2.5 0 0 1 0 5H42" stroke={ink} strokeWidth="2" />
          <path d="M37 15c0 2 1.6 2 1.6 4M40 13c0 2 1.6 2 1.6 4" stroke={ink} strokeWidth="1.8" strokeLinecap="round" />
        </OfferFrame>
      );
    case 'training':
      return (
        <OfferFrame>
          <path d="M4 18 24 9l20 9-20 9z" stroke={ink} strokeWidth="2.4" strokeLinejoin="round" />
          <path d="M12 22v9c3 3 7.5 4 12 4s9-1 12-4v-9" stroke={ink} strokeWidth="2.4" strokeLinejoin="round" />
          <path d="M42 19v11" stroke={ink} strokeWidth="2.4" strokeLinecap="round" />
        </OfferFrame>
      );
    case 'shop':
      return (
        <OfferFrame>
          <path d="M8 16h32l-2.5 24h-27z" stroke={ink} strokeWidth="2.4" strokeLinejoin="round" />
          <path d="M17 20v-6a7 7 0 0 1 14 0v6" stroke={ink} strokeWidth="2.4" strokeLinecap="round" />
        </OfferFrame>
      );
    default:
      return (
        <OfferFrame>
          <circle cx="24" cy="24" r="15" stroke={ink} strokeWidth="2.4" />
          <path d="M24 16v9M24 31v1" stroke={ink} strokeWidth="2.8" strokeLinecap="round" />
        </OfferFrame>
      );
  }
}
