/**
 * `kubectl exec <pod> -c istio-proxy -- pilot-agent request GET config_dump` prints the Envoy
 * admin response, but depending on the version a status line (e.g. `200 OK`, or a log line) comes
 * before the JSON. Returns the JSON text and what was stripped, or an error when no JSON is there.
 */
export function stripPilotAgentOutput(
  output: string,
): { ok: true; json: string; stripped: string[] } | { ok: false; message: string } {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^\s*[{[]/.test(line));
  if (start === -1) {
    const first = lines.find((l) => l.trim() !== '')?.trim() ?? '(no output)';
    return {
      ok: false,
      message: `pilot-agent printed no JSON; its first line was: ${first.slice(0, 200)}`,
    };
  }
  const stripped = lines.slice(0, start).filter((l) => l.trim() !== '');
  // A non-200 status line means the body is Envoy's error text, not a dump.
  const status = stripped.find((l) => /^\d{3}\b/.test(l.trim()));
  if (status && !/^2\d\d\b/.test(status.trim()))
    return { ok: false, message: `Envoy admin answered ${status.trim()}` };
  return { ok: true, json: lines.slice(start).join('\n'), stripped };
}
