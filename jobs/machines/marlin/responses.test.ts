import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, parseFirmwareName, parsePosition, parseTemperatures } from './responses';

test('acknowledgements: plain, ADVANCED_OK and M105 replies', () => {
  assert.deepEqual(classify('ok'), { kind: 'ok', n: -1, p: -1, b: -1, temps: false });
  assert.deepEqual(classify('ok N123 P15 B3'), { kind: 'ok', n: 123, p: 15, b: 3, temps: false });
  assert.deepEqual(classify('ok P15 B3'), { kind: 'ok', n: -1, p: 15, b: 3, temps: false });
  assert.deepEqual(classify('ok T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0'), { kind: 'ok', n: -1, p: -1, b: -1, temps: true });
  assert.equal(classify('okay').kind, 'other');
});

test('resend requests and transmission errors, as Marlin 2.1 and others word them', () => {
  for (const line of ['Resend: 42', 'Resend:42', 'rs 42', 'rs N42']) assert.deepEqual(classify(line), { kind: 'resend', n: 42 });
  assert.deepEqual(classify('Error:Line Number is not Last Line Number+1, Last Line: 41'), {
    kind: 'line_error',
    cause: 'line_number',
    lastLine: 41,
  });
  assert.deepEqual(classify('Error:checksum mismatch, Last Line: 41'), { kind: 'line_error', cause: 'checksum', lastLine: 41 });
  assert.deepEqual(classify('Error:No Checksum with line number, Last Line: 7'), { kind: 'line_error', cause: 'checksum', lastLine: 7 });
});

test('firmware errors: halts, thermal protection, stops', () => {
  assert.equal(classify('Error:Printer halted. kill() called!').kind, 'halted');
  assert.deepEqual(classify('Error:Thermal Runaway, system stopped! Heater_ID: 0'), {
    kind: 'thermal',
    fault: 'thermal_runaway',
    heater: 'tool',
    tool: 0,
  });
  assert.deepEqual(classify('Error:Thermal Runaway, system stopped! Heater_ID: bed'), {
    kind: 'thermal',
    fault: 'thermal_runaway',
    heater: 'bed',
    tool: 0,
  });
  assert.deepEqual(classify('Error:Heating failed, system stopped! Heater_ID: 1'), { kind: 'thermal', fault: 'heating_failed', heater: 'tool', tool: 1 });
  assert.equal((classify('Error:MINTEMP triggered, system stopped! Heater_ID: 0') as { fault: string }).fault, 'mintemp');
  assert.equal((classify('Error:MAXTEMP triggered, system stopped! Heater_ID: bed') as { heater: string }).heater, 'bed');
  assert.equal(
    classify('Error:Printer stopped due to errors. Fix the error and use M999 to restart. (Temperature is reset. Set it after restarting)').kind,
    'stopped',
  );
  assert.deepEqual(classify('Error:Probing Failed'), { kind: 'error', text: 'Probing Failed' });
});

test('keep-alives, echoes, reset, and what is not Marlin', () => {
  assert.equal(classify('echo:busy: processing').kind, 'busy');
  assert.equal(classify('busy: processing').kind, 'busy');
  assert.deepEqual(classify('echo:busy: paused for user'), { kind: 'busy', detail: 'busy: paused for user' });
  assert.deepEqual(classify('echo:Unknown command: "M999"'), { kind: 'unknown_command', command: 'M999' });
  assert.equal(classify('echo: cold extrusion prevented').kind, 'cold_extrusion');
  assert.deepEqual(classify('echo:SD card ok'), { kind: 'echo', text: 'SD card ok' });
  assert.equal(classify('start').kind, 'start');
  assert.deepEqual(classify('//action:pause'), { kind: 'action', action: 'pause' });
  assert.equal(classify("Grbl 1.1h ['$' for help]").kind, 'foreign');
  assert.equal(classify('error:20').kind, 'foreign');
  assert.deepEqual(classify('Cap:AUTOREPORT_TEMP:1'), { kind: 'capability', name: 'AUTOREPORT_TEMP', value: true });
  assert.deepEqual(classify('Cap:EMERGENCY_PARSER:0'), { kind: 'capability', name: 'EMERGENCY_PARSER', value: false });
});

test('temperature reports, with or without ok, waiting, several tools, Prusa extras', () => {
  assert.deepEqual(classify(' T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0'), { kind: 'temperature', waiting: false });
  assert.deepEqual(classify(' T:150.23 /210.00 B:59.99 /60.00 @:127 B@:0 W:?'), { kind: 'temperature', waiting: true });
  assert.deepEqual(parseTemperatures('ok T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0'), {
    tool: { actual: 210, target: 210 },
    bed: { actual: 60, target: 60 },
  });
  assert.deepEqual(parseTemperatures(' T:19.53 /0.00 B:19.22 /0.00 @:0 B@:0'), { tool: { actual: 19.53, target: 0 }, bed: { actual: 19.22, target: 0 } });
  assert.deepEqual(parseTemperatures('T:150.2 E:0 W:?'), { tool: { actual: 150.2, target: 0 } });
  const multi = parseTemperatures('T:200.00 /200.00 B:60.00 /60.00 T0:200.00 /200.00 T1:25.00 /0.00 @:0 B@:0 @0:0 @1:0');
  assert.deepEqual(multi.tool, { actual: 200, target: 200 });
  assert.deepEqual(multi.tools?.[1], { actual: 25, target: 0 });
  const prusa = parseTemperatures('T:210.0 /210.0 B:60.0 /60.0 T0:210.0 /210.0 @:60 B@:0 P:36.4 A:40.1');
  assert.deepEqual(prusa.bed, { actual: 60, target: 60 });
  assert.deepEqual(parseTemperatures(' T:30.0 /0.0 B:25.0 /0.0 C:28.5 /35.0 @:0 B@:0').chamber, { actual: 28.5, target: 35 });
});

test('M114 positions from Marlin and Prusa', () => {
  assert.equal(classify('X:10.00 Y:20.00 Z:5.00 E:1.23 Count X:800 Y:1600 Z:2000').kind, 'position');
  assert.deepEqual(parsePosition('X:10.00 Y:20.00 Z:5.00 E:1.23 Count X:800 Y:1600 Z:2000'), { x: 10, y: 20, z: 5, e: 1.23 });
  assert.deepEqual(parsePosition('X:0.00 Y:0.00 Z:0.15 E:0.00 Count X: 0.00 Y:0.00 Z:0.15 E:0.00'), { x: 0, y: 0, z: 0.15, e: 0 });
  assert.equal(parsePosition('T:20 /0'), null);
});

test('M115: name, version and fields whose values hold spaces', () => {
  const fw = parseFirmwareName(
    'FIRMWARE_NAME:Marlin 2.1.2.1 (Feb  1 2024 12:00:00) SOURCE_CODE_URL:github.com/MarlinFirmware/Marlin PROTOCOL_VERSION:1.0 MACHINE_TYPE:3D Printer EXTRUDER_COUNT:1 UUID:cede2a2f-41a2-4748-9b12-c55c62f367ff',
  );
  assert.equal(fw.version, 'Marlin 2.1.2.1');
  assert.equal(fw.name, 'Marlin');
  assert.equal(fw.fields.MACHINE_TYPE, '3D Printer');
  assert.equal(fw.fields.EXTRUDER_COUNT, '1');
  const prusa = parseFirmwareName(
    'FIRMWARE_NAME:Prusa-Firmware 3.13.2 based on Marlin FIRMWARE_URL:https://github.com/prusa3d/Prusa-Firmware PROTOCOL_VERSION:1.0 MACHINE_TYPE:Prusa i3 MK3S EXTRUDER_COUNT:1',
  );
  assert.equal(prusa.version, 'Prusa-Firmware 3.13.2 based on Marlin');
  assert.equal(prusa.fields.FIRMWARE_URL, 'https://github.com/prusa3d/Prusa-Firmware');
});
