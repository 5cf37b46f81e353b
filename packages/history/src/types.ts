/** The detailed log of one call (shape of `samples/detailed-log.json`); unknown keys are kept. */
export interface DetailedLog<I = Record<string, unknown>, O = Record<string, unknown>> {
  EngineCallId: string;
  LogTime: string;
  TransactionDate: string;
  SourceSystem: string;
  Purpose: string;
  UserName: string;
  HostName: string;
  Tenant: string;
  Service: string;
  Product: string;
  EngineDetails: {
    response_data: { outputs: O; warnings: unknown; errors: unknown; service_chain: unknown; [key: string]: unknown };
    response_meta: Record<string, unknown>;
    request_data: { inputs: I; [key: string]: unknown };
    request_meta: Record<string, unknown>;
    [key: string]: unknown;
  };
  CalcTime: number;
  SparkTotalTime: number;
  ServiceRevision: string;
  APIVersion: string;
  ControlLogReference: unknown;
  [key: string]: unknown;
}

/** One call in a log search. */
export interface LogInfo {
  id: string;
  transactionDate: string;
  timeStamp: string;
  callGUID: string;
  engineGUID: string;
  engineHASH: string | null;
  serviceName: string;
  serviceVersion: string;
  calcTime: string;
  callPurpose: string;
  sourceSystem: string;
  log: string | null;
  totalTime: string;
  username: string;
  isBatchCall: boolean | null;
  correlationId: string | null;
  [key: string]: unknown;
}

/** `response_data` of a log download job status. */
export interface LogDownloadStatus {
  progress: number;
  download_url?: string;
  [key: string]: unknown;
}
