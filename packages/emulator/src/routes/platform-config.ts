/**
 * Platform settings returned by `GetSparkConfiguration`: a flat string → string map
 * shaped like Spark's (see samples/spark-config.json); values describe the emulator.
 */
export function platformConfig(origin: string): Record<string, string> {
  return {
    Acceptable_Error_Percentage: '0',
    APICallHistory_DownloadLimit: '100000',
    BackgroundJobTimeout_Standard_InMin: '120',
    Batch_Buffer_MaxLimit_In_Mb: '500',
    Batch_Chunk_Size: '100',
    Batch_Concurrent_Execution_Limit: '800',
    Batch_Max_Input_In_Mb: '450',
    Batch_Max_Output_In_Mb: '450',
    Batch_Tenant_In_Mb: '500',
    Batch_Storage: 'memory',
    CompilerVersion_NeuronRC: 'Neuron_v1.23.1',
    CompilerVersion_NeuronServiceUpdate: 'StableLatest',
    CompilerVersion_NeuronStableLatest: 'Neuron_v1.23.1',
    CompilerVersion_NeuronTenantDefault: 'StableLatest',
    CompilerVersions_Neuron: 'Neuron_v1.23.1,Neuron_v1.22.3',
    DateFormat: 'yyyy-MM-dd',
    DownloadCSVSizeLimit_InBytes: '26214400',
    DownloadJSONSizeLimit_InBytes: '26214400',
    EnablePublicAPI: 'True',
    EnableTags: 'True',
    EnableTransforms: 'True',
    EngineType: 'Neuron',
    ExportAPIJobLimit: '1',
    HybridRunnerUrl: origin,
    ImportAPIJobLimit: '1',
    Initial_Workers: '2',
    KeycloakIntegration: 'TRUE',
    NoOfInstances_Max: '1',
  };
}
