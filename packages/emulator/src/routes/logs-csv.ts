import type { CallLog } from '../state/logs.js';

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Logs as CSV with the columns of the Spark download (inputs/outputs as extra columns). */
export function logsCsv(logs: CallLog[]): string {
  const inputNames = new Set<string>();
  const outputNames = new Set<string>();
  for (const l of logs) {
    for (const i of l.inputs) for (const k of Object.keys(i)) inputNames.add(k);
    for (const o of l.outputs) for (const k of Object.keys(o)) outputNames.add(k);
  }
  const head = ['Description', 'Log Time', 'Transaction date', 'Version', 'Version ID', 'User name', 'Source system', 'Correlation ID', 'Call purpose', 'Call ID', 'Calc time (ms)', 'Total time (ms)', ...inputNames, ...outputNames, 'Error Details', 'Warning Details'];
  const lines = [head.map(csvCell).join(',')];
  for (const l of logs) {
    l.inputs.forEach((inputs, i) => {
      const outputs = l.outputs[i] ?? {};
      const rm = l.requestMeta;
      const row = [
        `${l.folder}/${l.service}`,
        l.timestamp,
        rm['transaction_date'] ?? l.timestamp,
        l.version,
        l.versionId,
        'emulator@spark.local',
        rm['source_system'] ?? '',
        rm['correlation_id'] ?? '',
        rm['call_purpose'] ?? '',
        l.callId,
        l.processTime,
        l.processTime,
        ...[...inputNames].map((k) => inputs[k]),
        ...[...outputNames].map((k) => outputs[k]),
        l.errors[i] ?? '',
        l.warnings[i] ?? '',
      ];
      lines.push(row.map(csvCell).join(','));
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}
