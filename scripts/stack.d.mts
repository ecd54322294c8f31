/** Types of scripts/stack.mjs, for the integration tests that stop and start its processes. */
export declare const STACK_PORTS: {
  explorer: number;
  jaegerQuery: number;
  jaegerQueryGrpc: number;
  jaegerOtlpHttp: number;
  jaegerHealth: number;
  prometheus: number;
  prometheusB: number;
  thanosSidecarGrpc: number;
  thanosSidecarHttp: number;
  thanosSidecarBGrpc: number;
  thanosSidecarBHttp: number;
  thanosQueryGrpc: number;
  thanosQuery: number;
  gateway: number;
  users: number;
  orders: number;
};
export declare function jaegerBinary(): string;
export declare function startProcess(
  name: string,
  command: string,
  args: string[],
  env?: Record<string, string>,
): number;
export declare function stopProcess(name: string): Promise<boolean>;
export declare function startJaeger(extraEnv?: Record<string, string>): number;
export declare function waitForJaeger(): Promise<void>;
export declare function pidOf(name: string): number | undefined;
export declare function startPrometheus(extraArgs?: string[], name?: string): number;
export declare function prometheusMajor(): 2 | 3;
export declare function prometheusCommand(): string;
export declare function waitForPrometheus(name?: string): Promise<void>;
export declare const PROMETHEUS_REPLICAS: { name: string; replica: string; port: number }[];
export declare function thanosMode(): boolean;
export declare function spanMetricsMode(): boolean;
export declare function thanosBinary(): string;
export declare function startThanosQuery(options?: {
  name?: string;
  http?: number;
  grpc?: number;
  dedup?: boolean;
}): number;
export declare function waitForThanosQuery(http?: number, name?: string): Promise<void>;
export declare function metricsUrl(): string;
export declare function jaegerReadyAtMs(): number | undefined;
