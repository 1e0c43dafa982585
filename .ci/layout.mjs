// Measurements of a page in the browser, for what axe-core does not decide: tab stops on table
// wrappers that do not scroll, the size and spacing of link targets (WCAG 2.2, 2.5.8), the
// contrast of the focus ring with what is behind it (WCAG 2.2, 1.4.11), and sideways overflow
// of the page on a phone. Each function runs inside the page and returns the problems it found,
// worded for the CI log; browser.mjs calls them on every page it sweeps.

/** Table wrappers: a tab stop (and a region) exactly when the table scrolls inside it. */
export function tableWrappers(page) {
  return page.evaluate(() => {
    const problems = [];
    const wraps = [...document.querySelectorAll('.table-wrap')];
    const names = new Set();
    wraps.forEach((wrap, i) => {
      const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      const focusable = wrap.hasAttribute('tabindex');
      const caption = wrap.querySelector('caption');
      const what = `table wrapper ${i + 1} (${caption ? caption.textContent.trim().slice(0, 50) : 'no caption'})`;
      if (focusable && !scrolls) problems.push(`${what} is a tab stop but does not scroll`);
      if (scrolls && !focusable) problems.push(`${what} scrolls but is not focusable`);
      if (scrolls) {
        const name = wrap.getAttribute('aria-label') || '';
        if (wrap.getAttribute('role') !== 'region' || !name) problems.push(`${what} scrolls but is no named region`);
        if (names.has(name)) problems.push(`${what} has the name of another region: ${name}`);
        names.add(name);
      }
    });
    return problems;
  });
}

/** The page itself never scrolls sideways. */
export function noPageOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return [];
    // the widest culprits, so that the log says what to fix
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.table-wrap'))
      .slice(0, 3)
      .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
    return [`the page is ${over} px wider than the ${width} px screen (${wide.join(', ')})`];
  });
}

/**
 * Every link is at least 24 × 24 px, or a 24 px circle on its centre meets no other link (the
 * spacing exception of WCAG 2.5.8); a link inside a sentence is exempt, as WCAG says.
 */
export function targetSizes(page) {
  return page.evaluate(() => {
    const MIN = 24;
    const blockOf = (e) => {
      let b = e.parentElement;
      while (b && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
      return b;
    };
    // a sentence: the block holds letters or digits beside those of its links
    const inSentence = (a) => {
      const block = blockOf(a);
      if (!block) return false;
      let rest = block.textContent;
      for (const link of block.querySelectorAll('a')) rest = rest.replace(link.textContent, '');
      return /[\p{L}\p{N}]/u.test(rest);
    };
    const visible = (a) => {
      const r = a.getBoundingClientRect();
      const s = getComputedStyle(a);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' &&
        !a.closest('[aria-hidden="true"], .visually-hidden') && r.left > -500;
    };
    const links = [...document.querySelectorAll('a[href]')].filter(visible);
    const boxes = links.map((a) => {
      const r = a.getBoundingClientRect();
      return { a, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2,
        small: r.width < MIN - 0.5 || r.height < MIN - 0.5 };
    });
    const distanceToRect = (x, y, r) => Math.hypot(
      Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const problems = [];
    for (const t of boxes) {
      if (!t.small || inSentence(t.a)) continue;
      const crowded = boxes.find((o) => o !== t && o.a !== t.a && (
        distanceToRect(t.cx, t.cy, o.r) < MIN / 2 ||
        (o.small && Math.hypot(t.cx - o.cx, t.cy - o.cy) < MIN)));
      if (crowded) {
        problems.push(`link '${t.a.textContent.trim().slice(0, 40)}' is ${t.r.width.toFixed(1)} × ${t.r.height.toFixed(1)} px, closer than 24 px to '${crowded.a.textContent.trim().slice(0, 40)}'`);
      }
    }
    return problems;
  });
}

/** The focus ring of every focusable element has 3:1 or more against the colour behind it. */
export function focusRingContrast(page) {
  return page.evaluate(() => {
    const rgba = (css) => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const ch = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const contrast = (x, y) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    // the outline lies outside the element: behind it is the first opaque ancestor background
    const behind = (e) => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        const c = rgba(getComputedStyle(p).backgroundColor);
        if (c && c.a >= 1) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const problems = [];
    const seen = new Set();
    const focusable = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
    for (const e of focusable) {
      if (e.getClientRects().length === 0) continue;
      e.focus();
      if (document.activeElement !== e) continue;
      const s = getComputedStyle(e);
      const ring = rgba(s.outlineColor);
      if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2 || !ring) {
        problems.push(`${e.tagName.toLowerCase()} '${e.textContent.trim().slice(0, 40)}' shows no focus ring`);
        continue;
      }
      const ground = behind(e);
      const ratio = contrast(ring, ground);
      const key = `${s.outlineColor} on rgb(${ground.r}, ${ground.g}, ${ground.b})`;
      if (ratio < 3 && !seen.has(key)) {
        seen.add(key);
        problems.push(`focus ring ${key} has ${ratio.toFixed(2)}:1, below 3:1 (first at '${e.textContent.trim().slice(0, 40)}')`);
      }
    }
    document.activeElement && document.activeElement.blur();
    return problems;
  });
}

/**
 * A public list as printed (niêm yết), the page emulating print on the width of an A4 page's text
 * (210 mm less the 30 and 15 mm margins): what the layout can measure without paginating. Page
 * breaks (no heading left at a page's foot, header rows repeated, rows whole) are looked at in
 * printed PDFs (README).
 */
export function printedList(page, sample) {
  return page.evaluate((sample) => {
    const problems = [];
    const pt = (px) => (px * 72) / 96;
    const list = document.querySelector('.public-list');
    if (!list) return ['no .public-list'];
    const right = list.getBoundingClientRect().right;
    // a table wider than the text would lose its right border at the paper's edge
    document.querySelectorAll('.public-list table').forEach((table, i) => {
      const over = table.getBoundingClientRect().right - right;
      if (over > 0.5) problems.push(`table ${i + 1} runs ${over.toFixed(1)} px past the text's right edge`);
    });
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) {
      problems.push('the printed page is wider than the paper');
    }
    // a decision number (112/QĐ-UBND) on one line
    document.querySelectorAll('.public-list .nowrap').forEach((span) => {
      const lines = new Set([...span.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`“${span.textContent}” breaks across ${lines.size} lines`);
    });
    // a name column wide enough that a name takes at most two lines
    document.querySelectorAll('.public-list tbody th[scope=row]').forEach((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 2) problems.push(`the name “${cell.textContent.trim()}” takes ${lines.size} lines`);
    });
    // the decree's type: 13 to 14 pt for the text, the issuer and the motto in bold
    const size = pt(parseFloat(getComputedStyle(document.body).fontSize));
    if (size < 12.9 || size > 14.1) problems.push(`the text is ${size.toFixed(1)} pt, not 13 to 14 pt`);
    for (const selector of ['.issuer strong', '.motto strong', '.motto-sub']) {
      const element = list.querySelector(selector);
      if (!element || Number(getComputedStyle(element).fontWeight) < 700) problems.push(`${selector} is not bold`);
    }
    // the rules under the issuer and under the motto
    const issuerRule = getComputedStyle(list.querySelector('.issuer'), '::after');
    if (parseFloat(issuerRule.borderTopWidth) <= 0 || issuerRule.display === 'none') problems.push('no rule under the issuer');
    const mottoRule = list.querySelector('.motto-sub');
    if (mottoRule && parseFloat(getComputedStyle(mottoRule).borderBottomWidth) <= 0) problems.push('no rule under the motto');
    for (const selector of ['.doc-number', '.date', '.recipients', '.signature']) {
      if (!list.querySelector(selector)) problems.push(`no ${selector}`);
    }
    // what the page shows on screen only is not printed
    for (const selector of ['.site-header', '.site-footer', '.actions']) {
      const element = document.querySelector(selector);
      if (element && getComputedStyle(element).display !== 'none') problems.push(`${selector} is printed`);
    }
    // sample data: the mark is fixed, so that it prints on every page
    const mark = document.querySelector('.sample-mark');
    const marked = mark && getComputedStyle(mark).display !== 'none' && getComputedStyle(mark).position === 'fixed';
    if (sample && !marked) problems.push('the sample-data mark does not print on every page');
    if (!sample && mark) problems.push('a real list carries the sample-data mark');
    return problems;
  }, sample);
}
