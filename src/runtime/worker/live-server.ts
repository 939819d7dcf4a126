// The live worker's calls as a table over the Engine, served one at a time (they share one
// model); a newer build supersedes older ones, queued or running; feature-map pixels are moved to
// the page rather than copied.

import { serve, type Handlers, type Server, type WorkerScope } from '../rpc/serve';
import type { Engine } from './engine';
import type { LiveProtocol } from './protocol';

export function serveLive(engine: Engine, scope?: WorkerScope<LiveProtocol>): Server<LiveProtocol> {
  const handlers: Handlers<LiveProtocol> = {
    backend: ({ choice }) => engine.setBackend(choice),
    build: (params, context) => engine.build(params, context),
    run: (params, context) => engine.run(params, context),
    profile: (params, context) => engine.profile(params, context),
    activations: (params, context) => engine.activations(params, context),
    benchConvs: (params, context) => engine.benchConvs(params, context),
    dispose: () => engine.dispose(),
    memory: () => engine.memory(),
    loseContext: () => ({ lost: engine.loseContext() }),
  };
  return serve(handlers, { policy: 'serial', supersede: ['build'], transfer: pixelBuffers }, scope);
}

function pixelBuffers(result: unknown): Transferable[] {
  if (typeof result !== 'object' || result === null || !('maps' in result) || !Array.isArray(result.maps)) return [];
  return result.maps.map((map: { pixels: Uint8ClampedArray }) => map.pixels.buffer);
}
