import type { ConfigDump } from '@meshlens/configdump';

/** A dump with nothing in it; tests add exactly the objects they are about. Test-only. */
export function emptyDump(): ConfigDump {
  return {
    source: { format: 'json', gzip: false, shape: 'config-dump', apiVersion: 'v3', bytes: 0 },
    sections: [],
    listeners: [],
    routeConfigs: [],
    scopedRouteConfigs: [],
    clusters: [],
    endpoints: [],
    secrets: [],
    extensionConfigs: [],
    warnings: [],
    index: {
      listenerByName: new Map(),
      routeConfigByName: new Map(),
      clusterByName: new Map(),
      endpointsByCluster: new Map(),
      secretByName: new Map(),
      extensionConfigByName: new Map(),
      references: [],
      dangling: [],
    },
  };
}
