import { describe, expect, test } from 'vitest';
import { graphToSvg } from './graphToSvg';
import type { SvgEdge, SvgLabel, SvgNode, SvgScene } from './svgScene';

// A small XML well-formedness check (no DOM in unit tests): every tag is balanced and properly
// nested, attributes are quoted, and text holds no raw `<` or stray `&`.
function checkXml(xml: string): { ok: true; elements: string[] } | { ok: false; error: string } {
  const stack: string[] = [];
  const elements: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body)) !== null) {
    const [, close, name, , selfClose, text, stray] = m;
    if (stray)
      return { ok: false, error: `bad tag at ${m.index}: ${body.slice(m.index, m.index + 40)}` };
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(text))
        return { ok: false, error: `stray & in ${text}` };
      if (stack.length === 0 && text.trim() !== '')
        return { ok: false, error: 'text outside root' };
      continue;
    }
    if (!name) continue;
    if (close) {
      if (stack.pop() !== name) return { ok: false, error: `unbalanced </${name}>` };
    } else {
      if (stack.length === 0 && elements.length > 0) return { ok: false, error: 'two roots' };
      elements.push(name);
      if (!selfClose) stack.push(name);
    }
  }
  if (stack.length > 0) return { ok: false, error: `unclosed <${stack.join('><')}>` };
  return { ok: true, elements };
}

function label(lines: string[], x: number, y: number, extra: Partial<SvgLabel> = {}): SvgLabel {
  return {
    lines,
    x,
    y,
    width: 80,
    fontSize: 11,
    fontFamily: 'system-ui, "Segoe UI", sans-serif',
    fontWeight: 'normal',
    fontStyle: 'normal',
    lineHeight: 1.35,
    descent: 2.5,
    color: '#1b2430',
    opacity: 1,
    ...extra,
  };
}

function node(id: string, x: number, y: number, extra: Partial<SvgNode> = {}): SvgNode {
  return {
    id,
    x,
    y,
    width: 230,
    height: 44,
    shape: 'round-rectangle',
    cornerRadius: 'auto',
    fill: '#e9effd',
    fillOpacity: 1,
    border: { color: '#2563eb', width: 1.5, style: 'solid', dash: [4, 2], opacity: 1 },
    opacity: 1,
    label: label([id], x, y),
    ...extra,
  };
}

function edge(id: string, extra: Partial<SvgEdge> = {}): SvgEdge {
  return {
    id,
    source: { x: 115, y: 0 },
    target: { x: 285, y: 0 },
    curve: 'straight',
    control: [],
    width: 1.3,
    color: '#9aa5b4',
    style: 'solid',
    dash: [6, 3],
    opacity: 1,
    lineOpacity: 1,
    arrow: { shape: 'triangle', color: '#9aa5b4', size: 23.2, gap: 2.08 },
    ...extra,
  };
}

function scene(nodes: SvgNode[], edges: SvgEdge[] = []): SvgScene {
  return { bounds: { x1: -120.5, y1: -30, w: 520.2, h: 100.1 }, nodes, edges };
}

const hostile = '<img src=x onerror="alert(1)"> & \'quoted\' </svg><script>x()</script>';

describe('graphToSvg', () => {
  test('is well-formed XML with size, viewBox and the background on the rounded-up box', () => {
    const svg = graphToSvg(scene([node('a', 0, 0), node('b', 400, 0)], [edge('a->b')]), {
      scale: 2,
      background: '#ffffff',
    });
    const parsed = checkXml(svg);
    expect(parsed).toMatchObject({ ok: true });
    const root = /<svg ([^>]*)>/.exec(svg)?.[1] ?? '';
    // ceil(520.2) = 521 and ceil(100.1) = 101, times the scale.
    expect(root).toContain('width="1042"');
    expect(root).toContain('height="202"');
    expect(root).toContain('viewBox="-120.5 -30 521 101"');
    expect(svg).toMatch(/<rect x="-120.5" y="-30" width="521" height="101" fill="#ffffff"\/>/);
  });

  test('hostile labels stay text: escaped in node and edge labels and in attributes', () => {
    const svg = graphToSvg(
      scene(
        [node(hostile, 0, 0, { label: label([hostile, 'second'], 0, 0) })],
        [edge('e', { label: label([hostile], 200, 0) })],
      ),
      { scale: 1, background: '#fff' },
    );
    expect(checkXml(svg)).toMatchObject({ ok: true });
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('</svg><');
    const escaped = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &apos;quoted&apos;';
    // Twice as text (node and edge label), once as the node's data-id attribute.
    expect(svg.split(escaped).length - 1).toBe(3);
    const names = checkXml(svg);
    if (names.ok)
      expect(new Set(names.elements)).toEqual(
        new Set(['svg', 'rect', 'g', 'path', 'polygon', 'text', 'tspan']),
      );
  });

  test('control characters that XML forbids are dropped, so the file still parses', () => {
    const svg = graphToSvg(
      scene([node('a', 0, 0, { label: label(['bad\u0001name\ud800'], 0, 0) })]),
      {
        scale: 1,
        background: '#fff',
      },
    );
    expect(svg).toContain('>badname<');
    expect(checkXml(svg)).toMatchObject({ ok: true });
  });

  test('wrapped lines are stacked fontSize x lineHeight apart, centred on the node', () => {
    // Each line is fontSize tall with its baseline `descent` above its bottom edge.
    const svg = graphToSvg(scene([node('n', 10, 20, { label: label(['one', 'two'], 10, 20) })]), {
      scale: 1,
      background: '#fff',
    });
    const ys = [...svg.matchAll(/<tspan x="10" y="([\d.-]+)">/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(2);
    expect((ys[1] ?? 0) - (ys[0] ?? 0)).toBeCloseTo(11 * 1.35, 1);
    expect(((ys[0] ?? 0) + (ys[1] ?? 0)) / 2).toBeCloseTo(20 + 11 / 2 - 2.5, 1);
  });

  test('ghost nodes keep their dashed red border; dimmed nodes their opacity; double borders a gap', () => {
    const svg = graphToSvg(
      scene([
        node('ghost', 0, 0, {
          border: { color: '#c62f3a', width: 2, style: 'dashed', dash: [4, 2], opacity: 1 },
        }),
        node('dim', 0, 100, { opacity: 0.18 }),
        node('group', 0, 200, {
          border: { color: '#475569', width: 4, style: 'double', dash: [], opacity: 1 },
        }),
      ]),
      { scale: 1, background: '#171c24' },
    );
    expect(svg).toMatch(
      /<g data-id="ghost"><path [^>]*stroke="#c62f3a" stroke-width="2" stroke-dasharray="4 2"/,
    );
    expect(svg).toContain('<g data-id="dim" opacity="0.18">');
    expect(svg).toMatch(
      /<g data-id="group"><path [^>]*stroke="#475569" stroke-width="4"\/><path [^>]*stroke="#171c24" stroke-width="1.33"/,
    );
  });

  test('edges: straight line stops before the arrow tip; bezier uses quadratic curves', () => {
    const svg = graphToSvg(
      scene(
        [],
        [
          edge('straight'),
          edge('curved', {
            curve: 'bezier',
            control: [{ x: 200, y: 40 }],
            style: 'dashed',
          }),
        ],
      ),
      { scale: 1, background: '#fff' },
    );
    // The line ends `gap` (2.08) before the tip at x = 285.
    expect(svg).toMatch(/<g data-id="straight"><path d="M115 0 L282.92 0"/);
    // The arrow tip is exactly on the target endpoint, pointing right.
    expect(svg).toMatch(/<polygon points="[\d.]+,[\d.-]+ 285,0 [\d.]+,[\d.-]+"/);
    expect(svg).toMatch(
      /<g data-id="curved"><path d="M115 0 Q200 40 [\d.]+ [\d.]+"[^>]*stroke-dasharray="6 3"/,
    );
  });

  test('an edge label has its background box behind the text', () => {
    const svg = graphToSvg(
      scene(
        [],
        [
          edge('e', {
            label: label(['80%'], 200, 0, {
              width: 24,
              fontWeight: 'bold',
              background: { color: '#ffffff', opacity: 1, padding: 2, rounded: true },
            }),
          }),
        ],
      ),
      { scale: 1, background: '#fff' },
    );
    expect(svg).toMatch(
      /<rect x="186" y="-7.5" width="28" height="15" rx="2" fill="#ffffff"\/><text [^>]*font-weight="bold"[^>]*><tspan x="200" y="3">80%<\/tspan>/,
    );
  });
});

describe('the XML check used above', () => {
  test('rejects broken documents', () => {
    expect(checkXml('<svg><g></svg>')).toMatchObject({ ok: false });
    expect(checkXml('<svg><text>a < b</text></svg>')).toMatchObject({ ok: false });
    expect(checkXml('<svg><text>a & b</text></svg>')).toMatchObject({ ok: false });
    expect(checkXml('<svg><g x=1/></svg>')).toMatchObject({ ok: false });
    expect(checkXml('<svg/><svg/>')).toMatchObject({ ok: false });
  });
});
