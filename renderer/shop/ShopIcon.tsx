// A basket, in the line style of the kiosk's icons (components/icons.tsx), for the shop's button.
export function ShopIcon({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.9} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4 9.5h16l-1.6 10H5.6z" />
      <path d="M8.5 9.5 11 4M15.5 9.5 13 4" />
      <path d="M9.5 13v3.5M14.5 13v3.5" />
    </svg>
  );
}
