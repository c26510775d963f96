import { generateDemoMesh, type DemoMesh, type DemoMeshOptions } from '@meshlens/demo-mesh';
import { EnvoyAdminSource, type LiveSourceOptions } from './EnvoyAdminSource';
import { IstiodSource } from './IstiodSource';
import type { MeshSource, SourceDescription } from './MeshSource';
import {
  startDemoMeshSimulator,
  type DemoSimulator,
  type DemoSimulatorOptions,
} from './demo/startDemoMeshSimulator';

/** Options of `startDemoMeshSource`. */
export interface DemoMeshSourceOptions extends LiveSourceOptions, DemoSimulatorOptions {
  /** The mesh to simulate (default: `generateDemoMesh(meshOptions)`, classic Bookinfo). */
  mesh?: DemoMesh;
  meshOptions?: DemoMeshOptions;
}

/**
 * The demo mesh as a live source: starts the simulator on loopback and reads it through the same
 * `IstiodSource` + `EnvoyAdminSource` HTTP clients a real mesh uses. `close()` stops the simulator.
 */
export class DemoMeshSource extends IstiodSource implements MeshSource {
  readonly simulator: DemoSimulator;

  private constructor(simulator: DemoSimulator, options: LiveSourceOptions) {
    const envoy = new EnvoyAdminSource(
      simulator.proxies.map((p) => ({ url: p.adminUrl, id: p.id })),
      options,
    );
    super([{ url: simulator.istiodUrl, name: simulator.istiodName }], { ...options, envoy });
    this.simulator = simulator;
  }

  /** Starts the simulator and returns a source reading it. */
  static async start(options: DemoMeshSourceOptions = {}): Promise<DemoMeshSource> {
    // Certificates valid from now, like a freshly started mesh (the generator defaults to a fixed date).
    const mesh = options.mesh ?? generateDemoMesh({ now: new Date(), ...options.meshOptions });
    const simulator = await startDemoMeshSimulator(mesh, options);
    return new DemoMeshSource(simulator, options);
  }

  override describe(): SourceDescription {
    const live = super.describe();
    return {
      kind: 'demo',
      summary: `demo mesh simulator (${this.simulator.proxies.length} proxies): ${live.summary}, Prometheus ${this.simulator.metricsUrl}`,
      targets: [...live.targets, this.simulator.metricsUrl],
    };
  }

  override async close(): Promise<void> {
    await super.close();
    await this.simulator.close();
  }
}
