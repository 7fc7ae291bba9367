/** Ports of the host the harness talks to: nginx (HTTPS) and consul's HTTP API. */
export const HOST_PORTS = { https: 443, consul: 8500 } as const;
