import type { JsonObject } from '../types.js';

/** One stored execution (v3 call, or v4 call with one entry per record). */
export interface CallLog {
  callId: string;
  api: 'v3' | 'v4';
  folder: string;
  service: string;
  serviceId: string;
  versionId: string;
  version: string;
  timestamp: string;
  processTime: number;
  /** v3: one element; v4: one per record. */
  inputs: JsonObject[];
  outputs: JsonObject[];
  errors: unknown[];
  warnings: unknown[];
  requestMeta: JsonObject;
  responseMeta: JsonObject;
}

/** Bounded log store keyed by call id (the oldest logs are evicted first). */
export class LogStore {
  private readonly logs = new Map<string, CallLog>();
  constructor(private readonly max = 10_000) {}

  add(log: CallLog): void {
    this.logs.set(log.callId, log);
    if (this.logs.size > this.max) this.logs.delete(this.logs.keys().next().value as string);
  }

  get(callId: string): CallLog | undefined {
    return this.logs.get(callId);
  }

  /** Logs of one service, newest first. */
  forService(folder: string, service: string): CallLog[] {
    const f = folder.toLowerCase();
    const s = service.toLowerCase();
    const out: CallLog[] = [];
    for (const log of this.logs.values()) {
      if (log.folder.toLowerCase() === f && log.service.toLowerCase() === s) out.push(log);
    }
    return out.reverse();
  }
}

/** The detailed log document of `getexecutionhistorybycallid` (shape of samples/detailed-log.json). */
export function detailedLog(log: CallLog, tenant: string, host: string, index = -1): JsonObject {
  const i = index >= 0 ? index : log.inputs.length - 1;
  const rm = log.requestMeta;
  return {
    EngineCallId: log.callId,
    LogTime: log.timestamp,
    TransactionDate: rm['transaction_date'] ?? log.timestamp,
    SourceSystem: rm['source_system'] ?? 'SPARK',
    Purpose: rm['call_purpose'] ?? (log.api === 'v3' ? 'Single Execution' : 'Sync Batch Execution'),
    UserName: 'emulator@spark.local',
    HostName: host,
    Tenant: tenant,
    Service: log.service,
    Product: log.folder,
    EngineDetails: {
      response_data: { outputs: log.outputs[i] ?? {}, warnings: log.warnings[i] ?? null, errors: log.errors[i] ?? null, service_chain: null },
      response_meta: { spark_total_time: log.processTime, ...log.responseMeta },
      request_data: { inputs: log.inputs[i] ?? {} },
      request_meta: {
        service_uri: null,
        service_id: log.serviceId,
        version: log.version,
        version_id: log.versionId,
        transaction_date: rm['transaction_date'] ?? null,
        call_purpose: rm['call_purpose'] ?? null,
        source_system: rm['source_system'] ?? null,
        correlation_id: rm['correlation_id'] ?? '',
        requested_output: rm['requested_output'] ?? null,
        service_category: rm['service_category'] ?? '',
        compiler_type: rm['compiler_type'] ?? 'Neuron',
        array_outputs: rm['array_outputs'] ?? null,
        response_data_inputs: rm['response_data_inputs'] ?? false,
        parameterset_version_id: null,
        validation_type: rm['validation_type'] ?? null,
        xreport_options: null,
      },
    },
    CalcTime: log.processTime,
    SparkTotalTime: log.processTime,
    ServiceRevision: log.version,
    APIVersion: log.api.toUpperCase(),
    ControlLogReference: null,
  };
}
