// Real user input for the end-to-end suite under code-server: the suite (in the extension
// host, with no access to the browser) logs a request line; the runner performs it with
// Playwright's mouse and keyboard on the workbench page — inside the timeline webview's
// iframe for drags — and writes `<id>.done` holding `{ ok: true }` or `{ error }` into the
// folder the suite polls (THROUGHLINE_E2E_SCREENSHOT_DIR, shared with screenshots).
//
//   [throughline-e2e:input] {"id":"drag-1","actions":[{"kind":"drag","channel":"content","grip":"middle","days":7,"shift":true}]}
//
// Actions:
//   drag  press a bar of the timeline (`grip`: middle, start or end), move it by `days` at the
//         zoom shown (the webview writes its pixels per day at 100 % on #canvas), release;
//         Shift held throughout with `shift`.
//   keys  wait (with `quickInputTitle`) until VS Code's quick input shows that title, type
//         `text`, then press each of `press` (Playwright key names, e.g. "Enter").

/* global document -- the functions passed to frame.evaluate run in the webview, not in Node */

export const INPUT_MARKER = '[throughline-e2e:input] ';
const ID = /^[a-z0-9-]+$/;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The request of a log line, or undefined when the line is not one. Throws on a malformed request. */
export function parseInputRequest(text) {
  if (!text.startsWith(INPUT_MARKER)) return undefined;
  const request = JSON.parse(text.slice(INPUT_MARKER.length));
  if (!request || typeof request.id !== 'string' || !ID.test(request.id) || !Array.isArray(request.actions)) throw new Error(`bad input request: ${text}`);
  return request;
}

/** The frame of the timeline webview: the one whose document has the timeline canvas (waits up to 20 s). */
async function timelineFrame(page) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('#canvas svg.tl')) return frame;
      } catch {
        // a frame navigating away
      }
    }
    if (Date.now() > deadline) throw new Error('no timeline webview frame with a drawn timeline');
    await sleep(200);
  }
}

async function drag(page, action) {
  const frame = await timelineFrame(page);
  if (typeof action.channel !== 'string' || !Number.isInteger(action.days)) throw new Error(`bad drag: ${JSON.stringify(action)}`);
  // Found by comparing the attribute (ids are plan text, never put into a selector).
  const handle = await frame.evaluateHandle((channel) => {
    const group = Array.from(document.querySelectorAll('g.bar[data-channel]')).find((element) => element.getAttribute('data-channel') === channel);
    return group?.querySelector('rect.bar-body') ?? null;
  }, action.channel);
  const body = handle.asElement();
  if (!body) throw new Error(`no bar for ${action.channel} in the timeline`);
  await body.scrollIntoViewIfNeeded();
  const pxPerDay = await frame.evaluate(() => {
    const svg = document.querySelector('#canvas svg.tl');
    const base = Number(document.getElementById('canvas')?.dataset.pxPerDay);
    return base * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
  });
  if (!(pxPerDay > 0)) throw new Error('the webview does not say how many pixels a day is');
  const box = await body.boundingBox();
  if (!box) throw new Error(`the bar of ${action.channel} is not visible`);
  const x = action.grip === 'start' ? box.x + 2 : action.grip === 'end' ? box.x + box.width - 2 : box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // Half a day more than the whole days asked for, so rounding to days lands on them.
  const dx = action.days * pxPerDay + Math.sign(action.days) * Math.min(pxPerDay / 2 - 0.5, 3);
  if (action.shift) await page.keyboard.down('Shift');
  try {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx / 2, y, { steps: 4 });
    await page.mouse.move(x + dx, y, { steps: 4 });
    await page.mouse.up();
  } finally {
    if (action.shift) await page.keyboard.up('Shift');
  }
}

async function keys(page, action) {
  if (typeof action.quickInputTitle === 'string') {
    await page.locator('.quick-input-widget .quick-input-title', { hasText: action.quickInputTitle }).waitFor({ state: 'visible', timeout: 20_000 });
  }
  if (typeof action.text === 'string' && action.text.length > 0) await page.keyboard.type(action.text, { delay: 20 });
  for (const key of action.press ?? []) await page.keyboard.press(key);
}

/** Performs the request's actions in order; resolves to what `<id>.done` says. */
export async function performInput(page, request) {
  try {
    for (const action of request.actions) {
      if (action?.kind === 'drag') await drag(page, action);
      else if (action?.kind === 'keys') await keys(page, action);
      else throw new Error(`unknown input action: ${JSON.stringify(action)}`);
    }
    return { ok: true };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
