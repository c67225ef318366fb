// The firmware as the board names it: what the board said on connect, else the kind the lab set.
import type { MachineLive, MachineSummary } from '../../electron/api/types';

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** "Grbl 1.1h", "Marlin 2.1.2.1" (Marlin's version already carries its name). */
export function firmwareLabel(live: Pick<MachineLive, 'firmware'> | undefined, machine: Pick<MachineSummary, 'firmware'>): string {
  const fw = live?.firmware;
  if (fw) {
    const name = capitalize(fw.name);
    return fw.version.toLowerCase().startsWith(fw.name.toLowerCase()) ? fw.version : `${name} ${fw.version}`.trim();
  }
  return machine.firmware ? capitalize(machine.firmware) : '';
}
