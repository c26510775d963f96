import type { Random } from './random';

/** Where a pod landed. */
export interface Placement {
  ip: string;
  nodeName: string;
  locality: { region: string; zone: string };
}

/** Hands out unique pod IPs (grouped per node, like a per-node pod CIDR) and service IPs. */
export interface Allocator {
  placePod(): Placement;
  serviceIp(): string;
}

const PODS_PER_NODE = 250;
const REGION = 'us-central1';
const ZONES = ['us-central1-a', 'us-central1-b', 'us-central1-c'];

/**
 * Pod IPs come from 10.244.<node>.0/24 (kubeadm/kind default pod CIDR); service IPs from
 * 10.96.0.0/12 skipping .0.1 and .0.10 (the `kubernetes` and `kube-dns` services).
 */
export function createAllocator(random: Random, expectedPods: number): Allocator {
  const nodeCount = Math.max(3, Math.ceil(expectedPods / (PODS_PER_NODE * 0.8)));
  const used = new Array<number>(nodeCount).fill(0);
  const usedServiceIps = new Set<number>([1, 10]);
  return {
    placePod() {
      let node = random.int(0, nodeCount - 1);
      for (let tries = 0; (used[node] ?? 0) >= PODS_PER_NODE && tries < nodeCount; tries++) {
        node = (node + 1) % nodeCount;
      }
      const n = used[node] ?? 0;
      if (n >= PODS_PER_NODE) throw new Error('demo mesh: out of pod IPs');
      used[node] = n + 1;
      // 10.244.0.0/16 has 256 node subnets; larger meshes spill into 10.245.x, 10.246.x ...
      const second = 244 + Math.floor(node / 256);
      return {
        ip: `10.${second}.${node % 256}.${n + 2}`,
        nodeName: `worker-${node + 1}`,
        locality: { region: REGION, zone: ZONES[node % ZONES.length] ?? REGION },
      };
    },
    serviceIp() {
      let offset = random.int(2, (1 << 20) - 2);
      while (usedServiceIps.has(offset) || (offset & 255) === 0 || (offset & 255) === 255) {
        offset = random.int(2, (1 << 20) - 2);
      }
      usedServiceIps.add(offset);
      // 10.96.0.0/12: the low 20 bits spread over the last three octets.
      return `10.${96 + (offset >> 16)}.${(offset >> 8) & 255}.${offset & 255}`;
    },
  };
}
