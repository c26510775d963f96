import { describe, expect, it } from 'vitest';
import { stripPilotAgentOutput } from './stripPilotAgentOutput';

describe('stripPilotAgentOutput', () => {
  it('drops the status line before the JSON', () => {
    const r = stripPilotAgentOutput('200 OK\n{\n "configs": []\n}\n');
    expect(r).toEqual({ ok: true, json: '{\n "configs": []\n}\n', stripped: ['200 OK'] });
    expect(r.ok && JSON.parse(r.json)).toEqual({ configs: [] });
  });

  it('passes plain JSON through', () => {
    expect(stripPilotAgentOutput('{"configs": []}')).toEqual({
      ok: true,
      json: '{"configs": []}',
      stripped: [],
    });
  });

  it('reports a non-2xx status instead of parsing an error page', () => {
    expect(stripPilotAgentOutput('503 Service Unavailable\n{"error": "x"}')).toEqual({
      ok: false,
      message: 'Envoy admin answered 503 Service Unavailable',
    });
  });

  it('reports output without JSON, quoting its first line', () => {
    const r = stripPilotAgentOutput('\nError: failed to connect to Envoy admin\n');
    expect(r.ok ? 'ok' : r.message).toBe(
      'pilot-agent printed no JSON; its first line was: Error: failed to connect to Envoy admin',
    );
  });
});
